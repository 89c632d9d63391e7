import LibreFormats
import LibreKit
import Testing

/// Quoted replies, forwarded messages and signatures are blanked, in English and French;
/// what the sender wrote keeps its exact bytes and positions.
@Suite struct QuotedReplyTests {
  /// The words left after stripping, and a check that nothing moved.
  static func kept(_ text: String) -> String {
    let input = MappedText(original: Array(text.utf8))
    let stripped = QuotedReplies.strip(input)
    #expect(stripped.bytes.count == input.bytes.count)
    #expect(stripped.map == input.map)
    for (index, byte) in stripped.bytes.enumerated() where byte != 0x20 {
      #expect(byte == input.bytes[index], "byte \(index) changed")
    }
    return String(decoding: stripped.bytes, as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  @Test func quotedLinesAreBlankedOneByOne() {
    #expect(Self.kept("Yes, see below.\n> Act now!\n  > > Old\nMy answer.\n>Tight") == "Yes, see below. My answer.")
  }

  @Test func blankingKeepsLineStructure() {
    let text = "Hi\r\n> quoted\r\nBye\n"
    let stripped = QuotedReplies.strip(MappedText(original: Array(text.utf8)))
    #expect(String(decoding: stripped.bytes, as: UTF8.self) == "Hi\r\n        \r\nBye\n")
  }

  @Test(arguments: [
    "On Mon, Jun 3, 2024 at 10:00 AM Sam Smith <sam@example.com> wrote:",
    "On Monday, Sam wrote:",
    "On 3 Jun 2024, at 10:00, Sam <sam@example.com> wrote:\u{20}\u{20}",
    "On Mon, Jun 3, 2024 at 10:00 AM Sam Smith <\nsam@example.com> wrote:",
    "Le lun. 3 juin 2024 à 10:00, Sam Dupont <sam@exemple.fr> a écrit :",
    "Le 3 juin 2024 à 10:00, Sam a écrit\u{A0}:",
    "Le 3 juin 2024 à 10:00, Sam a\u{202F}écrit\u{202F}:",
    "Le lun. 3 juin 2024 à 10:00, Sam Dupont <sam@exemple.fr> a\nécrit :",
    "Le lun. 3 juin 2024 à 10:00, Sam Dupont\n<sam@exemple.fr> a écrit :",
    "-----Original Message-----\nFrom: Sam",
    "----- Original message -----",
    "-----Message d'origine-----\nDe : Sam",
    "---------- Forwarded message ---------\nFrom: Sam",
    "-------- Message transféré --------",
    "Begin forwarded message:",
    "From: Sam Smith <sam@example.com>\nSent: Monday, June 3, 2024 10:00 AM\nTo: Alex\nSubject: Offer",
    "________________________________\nFrom: Sam Smith\nSent: Monday, June 3, 2024 10:00 AM",
    "From: Sam Smith Sent: Monday, June 3, 2024 10:00 AM To: Alex Subject: Offer",
    "*From:* Sam\n*Date:* Monday, June 3, 2024",
    "De : Sam Dupont <sam@exemple.fr>\nEnvoyé : lundi 3 juin 2024 10:00\nÀ : Alex\nObjet : Offre",
    "De\u{A0}: Sam\nDate\u{A0}: lundi 3 juin",
    "-- \nSam Smith | Tally",
    "--\nSam Smith",
    "Sent from my iPhone",
    "Sent from my Android phone",
    "Get Outlook for iOS",
    "Envoyé de mon iPhone",
    "Envoyé depuis mon appareil mobile Samsung",
  ])
  func everythingFromTheSeparatorOnIsLeftOut(separator: String) {
    let message = "Thanks, I'll look tomorrow.\n\n\(separator)\n\nLast chance: sign today!\n> quoted\nMore old text."
    #expect(Self.kept(message) == "Thanks, I'll look tomorrow.", "\(separator)")
  }

  @Test func wordsLikeWroteInsideProseStay() {
    let text = """
      As I wrote: the offer stands.
      On Monday I wrote to you about pricing.
      On Monday, my colleague wrote
      a long note that was not an attribution at all.
      Le devis que j'ai écrit : prêt.
      From: our team, with thanks.
      Sent: yesterday.
      Sent from my desk at the office, where I spend my days answering emails about pricing and contracts.
      Envoyé de mon bureau, pas de mon téléphone, mais la phrase est longue et continue bien au-delà.
      --- not a separator
      """
    #expect(Self.kept(text) == text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
  }

  @Test func aHeaderBlockBeforeAnyTextIsNotAQuote() {
    // A pasted "From:/Sent:" at the top is the message itself, not a reply below it.
    let text = "From: Sam\nSent: Monday 3 June\n\nAct now."
    #expect(Self.kept(text) == "From: Sam Sent: Monday 3 June Act now.")
  }

  @Test func indentedDashesAreNotASignatureSeparator() {
    #expect(Self.kept("Text\n  --\nmore") == "Text -- more")
  }

  @Test func emptyAndQuoteOnlyInputs() {
    #expect(Self.kept("") == "")
    #expect(Self.kept("> all quoted\n> here") == "")
    #expect(Self.kept("\n\n") == "")
  }

  @Test func keepsPositionsOfDecodedText() {
    // Stripping after HTML extraction: the kept text still maps into the HTML file.
    let html = "<p>Caf&eacute; ok</p><blockquote>Act now</blockquote>"
    let stripped = QuotedReplies.strip(HTMLText.extract(MappedText(original: Array(html.utf8))))
    let text = String(decoding: stripped.bytes, as: UTF8.self)
    #expect(text.split(whereSeparator: \.isWhitespace) == ["Café", "ok"])
    let start = Array(text.utf8).firstIndex(of: 0xC3)!
    #expect(stripped.originalRange(start..<start + 2) == 6..<14)
  }
}
