import LibreFormats
import LibreLexicons
import Testing

@testable import LibreKit

/// Every lexicon example that fires, written inside a quoted reply, must not fire: the
/// sender did not write it. (The mutation SwiftLint applies by wrapping examples in comments.)
@Suite struct QuotedReplyMutationTests {
  static let linter = Linter(lexicons: BuiltInLexicons.compiled())

  static let examples: [(id: String, language: Language, text: String)] = linter.lexicons.rules.flatMap { rule in
    rule.matchingExamples.map { (rule.id, rule.language, $0.replacing("⟦", with: "").replacing("⟧", with: "")) }
  }

  @Test func everyMatchingExampleIsSilentInsideAQuotedReply() throws {
    #expect(!QuotedReplyMutationTests.examples.isEmpty)
    for example in QuotedReplyMutationTests.examples {
      let plain = Array((example.text + "\n").utf8)
      let options = DocumentOptions(language: example.language, keepsRequestCues: true)
      let fires = QuotedReplyMutationTests.linter.lint(
        Document(path: "example.txt", format: "text", text: plain), options: options
      ).findings.contains { $0.rule.id == example.id }
      #expect(fires, "\(example.id): the example itself should fire: \(example.text)")
      let header = "Thanks for the note.\n\nOn Monday, Sam wrote:\n"
      let reply = header + "> " + example.text + "\n"
      let document = try DocumentLoader.load(path: "reply.txt", bytes: Array(reply.utf8), options: LoadOptions())
      // Only the quoted part counts: the wrapper's own words may fire rules of their own.
      let quoted = QuotedReplyMutationTests.linter.lint(document.text, language: example.language).findings
        .filter { $0.start >= header.utf8.count }
      #expect(quoted.isEmpty, "\(example.id) fired inside a quote: \(example.text)")
      #expect(document.text.count == reply.utf8.count)
    }
  }

  /// The same mutation through every wrapper `QuotedReplies` and `HTMLText` know: a quote in
  /// HTML, a French attribution, an Outlook block, a signature, a mobile signature.
  @Test func everyMatchingExampleIsSilentAfterEveryKindOfSeparator() {
    let wrappers: [(html: Bool, before: String, after: String)] = [
      (true, "<p>Thanks for the note.</p><blockquote type=\"cite\"><p>", "</p></blockquote>"),
      (true, "<div>Thanks.</div><div class=\"gmail_quote\"><div>", "</div></div>"),
      (false, "Merci.\n\nLe lun. 3 juin 2024 à 10:00, Sam <sam@exemple.fr> a écrit :\n", "\n"),
      (false, "Thanks.\n\nFrom: Sam\nSent: Monday, June 3, 2024 10:00 AM\nSubject: Offer\n\n", "\n"),
      (false, "Thanks.\n-- \nSam Smith\n", "\n"),
      (false, "Thanks.\n\nSent from my iPhone\n\n", "\n"),
    ]
    let linter = QuotedReplyMutationTests.linter
    for example in QuotedReplyMutationTests.examples {
      let plain = Array((example.text + "\n").utf8)
      // Examples that do not fire on their own are the lexicon tests' business.
      guard linter.lint(plain, language: example.language).findings.contains(where: { $0.rule.id == example.id })
      else { continue }
      for wrapper in wrappers {
        let message = wrapper.before + example.text + wrapper.after
        var text = MappedText(original: Array(message.utf8))
        if wrapper.html { text = HTMLText.extract(text) }
        let stripped = QuotedReplies.strip(text)
        let start = wrapper.before.utf8.count
        let quoted = linter.lint(stripped.bytes, language: example.language).findings
          .filter { stripped.originalOffset($0.start) >= start && $0.rule.id == example.id }
        #expect(quoted.isEmpty, "\(example.id) fired after \(wrapper.before.debugDescription): \(example.text)")
      }
    }
  }

  @Test func includeQuotedKeepsTheQuote() throws {
    let document = try DocumentLoader.load(
      path: "r.txt", bytes: Array("> Act now!\n".utf8), options: LoadOptions(includeQuoted: true))
    #expect(String(decoding: document.text, as: UTF8.self) == "> Act now!\n")
    let blanked = try DocumentLoader.load(
      path: "r.txt", bytes: Array("ok\n  > Act now!\r\nyes".utf8), options: LoadOptions())
    #expect(String(decoding: blanked.text, as: UTF8.self) == "ok\n" + String(repeating: " ", count: 12) + "\r\nyes")
  }
}
