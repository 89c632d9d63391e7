import LibreKit
import Testing

/// Texts in a language Libre does not lint are named, not scored; tokens that do not speak
/// for a language (acronyms, `ET&S`, addresses) do not vote.
@Suite struct LanguageIdentifierTests {
  static func verdict(_ text: String) -> LanguageIdentifier.Verdict {
    Array(text.utf8).withUnsafeBufferPointer { LanguageIdentifier.identify($0) }
  }

  static let others: [(code: String, text: String)] = [
    (
      "pt",
      "Olá, tudo bem? Você ainda não respondeu ao nosso contato. Para não perder a oferta, clique no link e "
        + "atualize os seus dados da conta. Muito obrigado pela sua atenção, estamos aqui para ajudar."
    ),
    (
      "es",
      "Hola, ¿cómo está usted? Le escribimos para recordarle que la oferta es válida hasta el viernes. "
        + "Por favor, responda a este mensaje con sus datos y nos pondremos en contacto con usted. Gracias."
    ),
    (
      "it",
      "Buongiorno, questa è una comunicazione della sua banca. Per motivi di sicurezza la preghiamo di "
        + "aggiornare i dati del suo conto. Non è necessario rispondere a questa email. Grazie per la collaborazione."
    ),
    (
      "de",
      "Sehr geehrte Kundin, sehr geehrter Kunde, bitte bestätigen Sie Ihre Daten, damit wir Ihr Konto nicht "
        + "sperren müssen. Wir danken Ihnen für Ihr Verständnis und sind auch weiterhin für Sie da."
    ),
    (
      "nl",
      "Beste klant, wij hebben uw betaling nog niet ontvangen. U kunt het bedrag overmaken naar de rekening "
        + "die in de bijlage staat. Met vriendelijke groet en dank voor uw begrip, het team van de winkel."
    ),
  ]

  @Test(arguments: others)
  func anotherLanguageIsNamedAndNotLinted(_ sample: (code: String, text: String)) {
    #expect(Self.verdict(sample.text) == .unsupported(sample.code))
    let document = Document(path: "mail.txt", format: "text", text: Array(sample.text.utf8))
    let result = DocumentSupport.lint(document)
    #expect(result.unsupportedLanguage == sample.code)
    #expect(!result.findings.contains { $0.rule.polarity == .pressure || $0.rule.polarity == .freedom })
  }

  @Test func aGivenLanguageStillWins() {
    let document = Document(path: "mail.txt", format: "text", text: Array(Self.others[0].text.utf8))
    #expect(DocumentSupport.lint(document, DocumentOptions(language: .french)).unsupportedLanguage == nil)
  }

  @Test func recipientListsInCapitalsDoNotVoteFrench() {
    let memo = """
      To: ET&S Marketing, ET&S Operations, ET&S Gas Control
      The meeting has been moved to Thursday at 10 in the large room. Please bring the updated numbers \
      for the west region, and let me know if you cannot attend. ET&S ET&S ET&S.
      """
    #expect(Self.verdict(memo) == .supported(.english))
    #expect(
      Self.verdict("Smith et al. report that the results hold for the west region and for the rest.")
        == .supported(.english))
  }

  @Test func englishAndFrenchAreTold() {
    #expect(
      Self.verdict("Thanks for the call today. I will send the notes and the price list this week.")
        == .supported(.english))
    #expect(
      Self.verdict("Merci pour l'appel. Je vous envoie les notes et la liste des prix cette semaine.")
        == .supported(.french))
  }
}
