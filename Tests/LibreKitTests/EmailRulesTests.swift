import LibreKit
import Testing

/// The email-level rules: a request needs a freedom statement beside it, stacked pressure,
/// and the form metrics.
struct EmailRulesTests {
  typealias Support = DocumentSupport

  @Test(arguments: [
    ("Would you be open to a 15-minute call next week? Here is our deck.", Language.english),
    ("Can we book a call on Thursday? I attached the pricing.", .english),
    ("Seriez-vous disponible pour un appel de 15 minutes ? Voici notre présentation.", .french),
    ("Auriez-vous quelques minutes cette semaine ? Je joins la brochure.", .french),
  ])
  func requestWithoutFreedomIsReported(text: String, language: Language) throws {
    let result = Support.lint(text, language)
    let flag = try #require(result.findings.first { $0.rule.id == BuiltInRules.requestWithoutFreedomID })
    #expect(flag.rule.language == language && flag.rule.severity == .info)
    #expect(flag.contribution == 0, "a missing freedom statement is advice, not a penalty")
    #expect(flag.start == 0, "placed on the request")
    #expect(!result.findings.contains { $0.rule.id.hasPrefix("request.call-to-action") }, "request cues stay internal")
  }

  @Test(arguments: [
    ("Would you be open to a 15-minute call next week? Of course, you're free to say no.", Language.english),
    ("Can we book a call on Thursday? It's entirely up to you.", .english),
    ("Whatever you decide is fine. Can we book a call on Thursday?", .english),
    ("Seriez-vous disponible pour un appel jeudi ? Vous êtes libre de refuser, bien sûr.", .french),
  ])
  func requestWithFreedomNearbyIsFine(text: String, language: Language) {
    let result = Support.lint(text, language)
    let sameOrNext = !result.findings.contains { $0.rule.id == BuiltInRules.requestWithoutFreedomID }
    if text.hasPrefix("Whatever") {
      // The freedom statement comes before the request: the rule looks at the same and the next sentence only.
      #expect(!sameOrNext)
    } else {
      #expect(sameOrNext)
    }
  }

  @Test func falseFreedomWithdrawsTheCreditAnywhereInTheEmail() throws {
    let document = Support.email(
      subject: "Quick question", body: "No pressure at all.\n\nBy the way, only 2 spots left this month.")
    let result = Support.lint(document)
    let freedom = try #require(result.findings.first { $0.rule.polarity == .freedom })
    #expect(freedom.contribution == 0)
    #expect(result.findings.contains { $0.rule.id == BuiltInRules.falseFreedomID })
  }

  @Test(arguments: [
    ("Only 2 spots left! The offer ends Friday. You must sign today. Don't miss out.", Language.english),
    ("Il ne reste que 2 places. L'offre se termine vendredi. Vous devez signer aujourd'hui.", .french),
  ])
  func threePressureCategoriesAreStacked(text: String, language: Language) throws {
    let result = Support.lint(text, language)
    let flag = try #require(result.findings.first { $0.rule.id == BuiltInRules.stackedPressureID })
    let detail = try #require(flag.detail)
    #expect(detail.hasPrefix("3 pressure categories") || detail.hasPrefix("4 pressure categories"))
    #expect(flag.contribution < 0)
  }

  @Test(arguments: [
    ("The offer ends Friday. You must sign today.", Language.english),
    ("L'offre se termine vendredi. Merci pour votre temps.", .french),
  ])
  func twoCategoriesAreNotStacked(text: String, language: Language) {
    let result = Support.lint(text, language)
    #expect(!result.findings.contains { $0.rule.id == BuiltInRules.stackedPressureID })
  }

  @Test func formMetricsCountTheBodyAndTheSubject() throws {
    let document = Support.email(
      subject: "A quick idea for you",
      body: "Hi Sam, I saw your post about onboarding. Would a short call help you? What matters most to you?")
    let form = try #require(Support.lint(document).form)
    #expect(form.subjectWords == 5)
    #expect(form.questions == 2)
    #expect(form.words == 19)
    #expect(form.secondPerson == 2 && form.firstPerson == 1, "you ×2 in the body, I ×1; the subject is apart")
    let ease = try #require(form.readingEase)
    #expect(ease > 60 && ease < 110, "short plain sentences read easily (Flesch \(ease))")
    #expect(form.readingFormula == "Flesch")
  }

  @Test func frenchReadingEaseUsesKandelMoles() throws {
    let form = try #require(
      Support.lint("Bonjour Marie. Votre équipe grandit vite. Auriez-vous un moment ?", .french).form)
    #expect(form.readingFormula == "Kandel-Moles")
    #expect(form.readingEase != nil)
  }

  @Test(arguments: [("cat", 1), ("reading", 2), ("université", 5), ("ease", 1), ("coopération", 4), ("make", 1)])
  func syllablesAreVowelGroups(word: String, expected: Int) throws {
    // Counted through the form metrics of a one-word document.
    let form = try #require(Support.lint("\(word).", .english).form)
    let ease = try #require(form.readingEase)
    // Flesch with 1 word, 1 sentence: 206.835 - 1.015 - 84.6 × syllables.
    let syllables = Int(((206.835 - 1.015 - ease) / 84.6).rounded())
    #expect(syllables == expected)
  }
}
