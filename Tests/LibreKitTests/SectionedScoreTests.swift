import LibreLexicons
import Testing

@testable import LibreKit

/// `SectionedScore` keeps a few numbers per category instead of the findings: whatever way
/// a document's findings are split into sections, it must give the card `Scorer` gives them
/// all at once.
struct SectionedScoreTests {
  /// Findings of every polarity, many in the same categories (so the diminishing returns,
  /// the freedom cap and the pressure scale all come into play).
  static func findings() -> [Finding] {
    let texts = [
      ScoringTexts.respectfulEnglish, ScoringTexts.pushyEnglish, ScoringTexts.neutralEnglish,
      "You must sign today. Only 2 spots left, act now! The offer ends tonight. Reply by Friday.",
      "You are free to say no. No obligation at all. Whatever you decide is fine. How does that sound?",
      "No pressure, but you must reply by Friday or the discount is gone forever.",
      "What would success look like for your team this year? It sounds like you are stretched thin. "
        + "I completely understand that budgets are tight right now. How are you handling onboarding today?",
    ]
    return texts.flatMap { DocumentSupport.lint(String(repeating: $0 + "\n\n", count: 3)).findings }
  }

  /// A result holding `findings`, as one section's lint gives it.
  static func section(_ findings: [Finding]) -> LintResult {
    LintResult(
      language: .english, languageDetected: true, findings: findings, score: .unscored, metrics: TextMetrics(),
      tokenizerReport: TokenizerReport())
  }

  @Test func anySplitGivesTheScoreOfTheWhole() {
    let all = Self.findings()
    #expect(Set(all.map(\.rule.polarity)).isSuperset(of: [.freedom, .pressure, .engagement]))
    var generator = SystemRandomNumberGenerator()
    for trial in 0..<200 {
      // A random subset in a random order, split at random places.
      var chosen = all.filter { _ in trial == 0 || Bool.random(using: &generator) }.shuffled(using: &generator)
      var whole = chosen
      let expected = Scorer.score(&whole)
      var score = SectionedScore()
      while !chosen.isEmpty {
        let size = Int.random(in: 1...max(1, chosen.count), using: &generator)
        score.add(Self.section(Array(chosen.prefix(size))))
        chosen.removeFirst(size)
      }
      #expect(score.score == expected, "trial \(trial)")
    }
  }

  @Test func countsAddUpAndTheFirstSectionGivesTheLanguage() {
    var score = SectionedScore()
    var first = DocumentSupport.lint("Vous êtes libre de refuser. Merci !")
    first.languageDetected = true
    score.add(first)
    score.add(DocumentSupport.lint("Vous devez signer aujourd'hui ? Oui.", .french))
    #expect(score.language == .french)
    #expect(
      score.metrics.words == first.metrics.words
        + DocumentSupport.lint("Vous devez signer aujourd'hui ? Oui.").metrics.words)
    #expect(score.metrics.questions == 1)
    #expect(score.result.findings.isEmpty)
    #expect(
      score.findings == first.findings.count
        + DocumentSupport.lint("Vous devez signer aujourd'hui ? Oui.", .french).findings.count)
  }

  @Test func noSectionScoresAsAnEmptyText() {
    var none: [Finding] = []
    #expect(SectionedScore().score == Scorer.score(&none))
  }
}
