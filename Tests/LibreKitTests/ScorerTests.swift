import LibreLexicons
import Testing

@testable import LibreKit

/// Short emails for the scoring properties, in both languages.
enum ScoringTexts {
  static let respectfulEnglish = """
    Hi Jordan,

    I work at Tally. We help sales teams see which deals are likely to close.

    Would you be open to a 20-minute demo next week? You are free to say no, of course.

    Take your time; whatever you decide is fine with me.

    Best,
    Alex
    """
  static let pushyEnglish = """
    Hi Jordan,

    I work at Tally. We help sales teams see which deals are likely to close.

    You must book a 20-minute demo this week. We have only 3 spots left, so act now!

    Please reply by Friday, because the offer expires at midnight.

    Best,
    Alex
    """
  static let neutralEnglish = """
    Hi Sam,

    Here is the report you asked for. It covers the March numbers and the forecast.

    Best,
    Alex
    """
  static let respectfulFrench = """
    Bonjour Madame Martin,

    Je travaille chez Tally : nous aidons les équipes commerciales à repérer les affaires qui vont aboutir.

    Seriez-vous disponible pour une démo la semaine prochaine ? Vous êtes bien sûr libre de refuser.

    Prenez votre temps ; quelle que soit votre décision, elle me conviendra.

    Bien cordialement,
    Alexandre
    """
  static let pushyFrench = """
    Bonjour Madame Martin,

    Je travaille chez Tally : nous aidons les équipes commerciales à repérer les affaires qui vont aboutir.

    Vous devez absolument réserver une démo cette semaine : il ne reste plus que 3 places, agissez maintenant !

    Merci de me répondre d'ici vendredi : l'offre expire vendredi à minuit.

    Cordialement,
    Alexandre
    """
  static let neutralFrench = """
    Bonjour Claire,

    Je vous envoie le rapport que vous avez demandé. Il couvre les chiffres de mars et les prévisions.

    Cordialement,
    Alexandre
    """

  static func bases(_ language: Language) -> [String] {
    language == .english ? [respectfulEnglish, neutralEnglish] : [respectfulFrench, neutralFrench]
  }

  /// The matching examples of the shipped rules of one polarity, without their `⟦ ⟧` marks.
  static func examples(_ polarity: Polarity, _ language: Language, boilerplate: Bool? = nil) -> [String] {
    ShippedLexicons.linter.lexicons.rules
      .filter {
        $0.polarity == polarity && $0.language == language && (boilerplate == nil || $0.boilerplate == boilerplate!)
      }
      .flatMap { rule in
        rule.matchingExamples.map {
          LexiconExample(ruleID: rule.id, language: language, text: $0, mustMatch: true).plain.text
        }
      }
  }
}

func lint(_ text: String, _ language: Language, _ linter: Linter = ShippedLexicons.linter) -> LintResult {
  linter.lint(Array(text.utf8), language: language)
}

@Suite struct ScorerTests {
  @Test(arguments: Language.allCases)
  func respectfulEmailOutscoresItsPushyTwin(language: Language) {
    let respectful = lint(
      language == .english ? ScoringTexts.respectfulEnglish : ScoringTexts.respectfulFrench, language)
    let pushy = lint(language == .english ? ScoringTexts.pushyEnglish : ScoringTexts.pushyFrench, language)
    #expect(respectful.score.score > pushy.score.score)
    #expect(respectful.score.score > Int(Scorer.base), "the respectful email earns freedom credit")
    #expect(pushy.score.score < Int(Scorer.base), "the pushy email loses points")
    #expect(respectful.findings.contains { $0.rule.polarity == .freedom })
    #expect(!respectful.findings.contains { $0.rule.polarity == .pressure })
    #expect(pushy.findings.filter { $0.rule.polarity == .pressure }.count >= 3)
  }

  @Test(arguments: Language.allCases)
  func addingPressureNeverRaisesTheScore(language: Language) {
    let sentences = ScoringTexts.examples(.pressure, language)
    #expect(sentences.count >= 20)
    for base in ScoringTexts.bases(language) {
      let before = lint(base, language).score
      for sentence in sentences {
        for text in [base + "\n\n" + sentence, sentence + "\n\n" + base] {
          let after = lint(text, language).score
          #expect(after.score <= before.score, "\(sentence)")
          #expect(after.pressurePoints >= before.pressurePoints, "\(sentence)")
        }
      }
    }
  }

  @Test(arguments: Language.allCases)
  func addingFreedomAwayFromPressureNeverLowersTheScore(language: Language) {
    // Only sentences without pressure of their own, so no freedom statement is contradicted.
    let sentences = ScoringTexts.examples(.freedom, language, boilerplate: false).filter {
      !lint($0, language).findings.contains { $0.rule.polarity == .pressure }
    }
    #expect(sentences.count >= 10)
    for base in ScoringTexts.bases(language) {
      let before = lint(base, language)
      #expect(!before.findings.contains { $0.rule.polarity == .pressure })
      for sentence in sentences {
        for text in [base + "\n\n" + sentence, sentence + "\n\n" + base, base + "\n\n" + sentence + "\n\n" + sentence] {
          let after = lint(text, language).score
          #expect(after.score >= before.score.score, "\(sentence)")
          #expect(after.freedomPoints >= before.score.freedomPoints, "\(sentence)")
        }
      }
    }
  }

  @Test
  func addingABoilerplateFreedomPhraseNeverLowersTheScore() {
    // "No obligation" (boilerplate, weight 6, credit 1.5) sorts before "no need to" (weight 6,
    // credit 6) in the same category: the latter drops to ×0.3 and the total falls 6 → 3.3.
    for (text, boilerplate, language) in [
      ("There is no need to reply.", "No obligation.", Language.english),
      ("Rien ne vous oblige à répondre.", "Sans engagement.", Language.french),
    ] {
      let before = lint(text, language).score
      #expect(lint(boilerplate + "\n" + text, language).score.score >= before.score)
      #expect(lint(text + "\n" + boilerplate, language).score.score >= before.score)
    }
  }

  @Test(arguments: [
    ("No obligation, but the price ends tonight.", "The price ends tonight.", Language.english),
    ("You are free to say no, but this offer expires tonight.", "This offer expires tonight.", Language.english),
    ("Sans engagement, mais l'offre se termine ce soir.", "L'offre se termine ce soir.", Language.french),
  ])
  func falseFreedomEarnsNothingAndIsReported(text: String, pressureOnly: String, language: Language) throws {
    let result = lint(text, language)
    let freedom = try #require(result.findings.first { $0.rule.polarity == .freedom })
    #expect(freedom.contribution == 0)
    #expect(freedom.scoringNote != nil)
    let flag = try #require(result.findings.first { $0.rule.id == BuiltInRules.falseFreedomID })
    #expect(flag.start == freedom.start && flag.end == freedom.end)
    #expect(flag.rule.polarity == .pressure && flag.rule.language == language)
    #expect(result.score.score == lint(pressureOnly, language).score.score, "the freedom phrase adds nothing")
  }

  @Test func pressureAnywhereInAnEmailTakesTheFreedomBack() throws {
    // Issue 4: "a freedom statement in the same email as urgency…": the whole message counts.
    let text = "No obligation. The report is attached. The team is in Paris. The price ends tonight."
    let result = lint(text, .english)
    let freedom = try #require(result.findings.first { $0.rule.polarity == .freedom })
    #expect(freedom.contribution == 0)
    #expect(result.findings.contains { $0.rule.id == BuiltInRules.falseFreedomID })
    let calm = lint("No obligation. The report is attached. The team is in Paris.", .english)
    #expect(!calm.findings.contains { $0.rule.id == BuiltInRules.falseFreedomID })
    #expect(try #require(calm.findings.first { $0.rule.polarity == .freedom }).contribution > 0)
  }

  @Test func contributionsAddUpToTheScore() {
    var unclamped = 0
    for language in Language.allCases {
      let texts =
        ScoringTexts.bases(language) + [language == .english ? ScoringTexts.pushyEnglish : ScoringTexts.pushyFrench]
        + ScoringTexts.examples(.pressure, language) + ScoringTexts.examples(.freedom, language)
      for text in texts {
        let result = lint(text, language)
        let sum = result.findings.reduce(0) { $0 + $1.contribution }
        let card = result.score
        #expect(abs(sum - (card.freedomPoints - card.pressurePoints)) < 1e-9, "\(text)")
        let raw = Scorer.base + sum
        if raw >= 0 && raw <= 100 {
          unclamped += 1
          #expect(abs(Double(card.score) - raw) <= 0.5, "\(text)")
        }
        for finding in result.findings
        where finding.rule.polarity == .engagement || finding.rule.polarity == .hesitation {
          #expect(finding.contribution == 0)
        }
      }
    }
    #expect(unclamped > 50)
  }

  @Test(arguments: [1, 2, 3, 4])
  func freedomCreditIsCappedAndStillAddsUp(count: Int) throws {
    let categories = ["alpha", "beta", "gamma", "delta"]
    let linter = try TestLexicons.linter(
      english: categories.map { TestLexicons.rule("freedom.\($0).x", ["\($0) freedom"], weight: 12) })
    let text = categories.prefix(count).map { "\($0) freedom." }.joined(separator: " ")
    let result = lint(text, .english, linter)
    let credit = min(Scorer.freedomCap, 12.0 * Double(count))
    #expect(result.score.freedomPoints == credit)
    #expect(result.score.score == Int((Scorer.base + credit).rounded()))
    #expect(abs(result.findings.reduce(0) { $0 + $1.contribution } - credit) < 1e-9)
    #expect(result.score.freedom == Int((credit / Scorer.freedomCap * 100).rounded()))
  }

  @Test func boilerplateEarnsAQuarter() throws {
    let stock = TestLexicons.rule("freedom.stock.x", ["no strings attached"], weight: 8)
    let boilerplate = "{ \"boilerplate\": true, " + stock.dropFirst(2)
    let plain = try TestLexicons.linter(english: [stock])
    let quartered = try TestLexicons.linter(english: [boilerplate])
    let text = "Try it, no strings attached."
    #expect(lint(text, .english, plain).findings.map(\.contribution) == [8])
    #expect(lint(text, .english, quartered).findings.map(\.contribution) == [8 * Scorer.boilerplateFactor])
    #expect(lint(text, .english, quartered).score.score == Int((Scorer.base + 2).rounded()))
  }

  @Test func repeatedFreedomHasDiminishingReturns() throws {
    let linter = try TestLexicons.linter(english: [
      TestLexicons.rule("freedom.choice.free", ["free to decline"], weight: 10),
      TestLexicons.rule("freedom.choice.small", ["say no"], weight: 4),
      TestLexicons.rule("freedom.time.slow", ["take your time"], weight: 10),
    ])
    let once = lint("You are free to decline.", .english, linter)
    let twice = lint("You are free to decline. You are free to decline.", .english, linter)
    let thrice = lint("Free to decline. Free to decline. Free to decline.", .english, linter)
    #expect(once.findings.map(\.contribution) == [10])
    #expect(twice.findings.map(\.contribution) == [10, 10 * Scorer.freedomRepeatFactors[1]])
    #expect(thrice.findings.map(\.contribution) == [10, 10 * 0.3, 0])
    #expect(twice.score.score > once.score.score)
    // Another category does not diminish.
    #expect(lint("Free to decline. Take your time.", .english, linter).findings.map(\.contribution) == [10, 10])
    // The heaviest finding of a category gets the full credit, wherever it is.
    #expect(
      lint("You can say no. You are free to decline.", .english, linter).findings.map(\.contribution) == [4 * 0.3, 10])
  }

  @Test func pressureStacksWithSeverityAndDiminishingFactors() throws {
    let linter = try TestLexicons.linter(english: [
      TestLexicons.rule("pressure.urgency.now", ["act now"], weight: 6, severity: "warning"),
      TestLexicons.rule("pressure.urgency.final", ["final notice"], weight: 8, severity: "error"),
      TestLexicons.rule("pressure.nagging.ping", ["just checking"], weight: 4, severity: "info"),
    ])
    #expect(
      lint("Act now. Act now. Act now. Act now.", .english, linter).findings.map(\.contribution) == [-6, -4.5, -3, -3])
    #expect(lint("Final notice.", .english, linter).findings.map(\.contribution) == [-12])
    #expect(lint("Just checking.", .english, linter).findings.map(\.contribution) == [-2])
    let mixed = lint("Act now. Final notice. Just checking.", .english, linter)
    #expect(mixed.findings.map(\.contribution) == [-6 * 0.75, -12, -2])
    #expect(mixed.score.pressurePoints == 18.5)
    #expect(mixed.score.score == Int((Scorer.base - 18.5).rounded()))
  }

  @Test
  func addingALowSeverityPressureFindingNeverRaisesTheScore() throws {
    // Two error findings of weight 10 cost 15 + 11.25; adding an info one of weight 12 (penalty
    // 6) ranks it first: 6 + 11.25 + 7.5 = 24.75, and the score goes up from 44 to 45.
    let linter = try TestLexicons.linter(english: [
      TestLexicons.rule("pressure.urgency.big", ["final notice"], weight: 10, severity: "error"),
      TestLexicons.rule("pressure.urgency.soft", ["gentle nudge"], weight: 12, severity: "info"),
    ])
    let before = lint("Final notice. Final notice.", .english, linter).score
    let after = lint("Final notice. Final notice. Gentle nudge.", .english, linter).score
    #expect(after.pressurePoints >= before.pressurePoints)
    #expect(after.score <= before.score)
  }

  @Test func scoreIsClampedToZeroAndAHundred() throws {
    let categories = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]
    let linter = try TestLexicons.linter(
      english: categories.map {
        TestLexicons.rule("pressure.\($0).x", ["\($0) pressure"], weight: 20, severity: "error")
      }
        + categories.map { TestLexicons.rule("freedom.\($0).x", ["\($0) freedom"], weight: 20) })
    let pressure = lint(categories.map { "\($0) pressure." }.joined(separator: " "), .english, linter).score
    #expect(pressure.score == 0)
    #expect(pressure.grade == "F")
    #expect(pressure.pressure == 100)
    // Six categories at 20 × 1.5 each, plus the stacked-pressure finding (weight 5, error).
    #expect(pressure.pressurePoints == 180 + 5 * 1.5)
    let freedom = lint(categories.map { "\($0) freedom." }.joined(separator: " "), .english, linter).score
    #expect(freedom.score == 100)
    #expect(freedom.grade == "A")
    #expect(freedom.freedom == 100)
    let empty = lint("", .english, linter).score
    #expect(empty.score == Int(Scorer.base) && empty.pressure == 0 && empty.freedom == 0)
  }

  @Test(arguments: [
    (100, "A"), (85, "A"), (84, "B"), (70, "B"), (69, "C"), (55, "C"), (54, "D"), (40, "D"), (39, "F"), (0, "F"),
  ])
  func gradeBoundaries(score: Int, grade: String) {
    #expect(Scorer.grade(score) == grade)
  }

  @Test func everyCardCarriesTheGradeOfItsScore() {
    for text in [ScoringTexts.respectfulEnglish, ScoringTexts.pushyEnglish, ScoringTexts.neutralEnglish] {
      let card = lint(text, .english).score
      #expect(card.grade == Scorer.grade(card.score))
      #expect((0...100).contains(card.score))
    }
  }
}
