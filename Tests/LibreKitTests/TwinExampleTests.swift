import LibreKit
import Testing

/// English and French are equal: every rule's examples have twins in the other language.
/// A rule shows as many texts it must flag, and as many it must leave alone, in English as
/// in French, and both sets pass, so a phrase kind covered in one language is shown (and
/// checked) in the other.
@Suite struct TwinExampleTests {
  /// A rule's example counts in one language: (must match, must not match).
  struct Counts: Equatable, CustomStringConvertible {
    var match: Int
    var noMatch: Int
    var description: String { "\(match) ✓ / \(noMatch) ✗" }
  }

  static func counts(_ rules: [Rule]) -> [String: [Language: Counts]] {
    var table: [String: [Language: Counts]] = [:]
    for rule in rules {
      table[rule.id, default: [:]][rule.language] = Counts(
        match: rule.matchingExamples.count, noMatch: rule.nonMatchingExamples.count)
    }
    return table
  }

  @Test func everyLexiconRuleHasAsManyExamplesAsItsTwin() {
    for (id, languages) in Self.counts(ShippedLexicons.linter.lexicons.rules).sorted(by: { $0.key < $1.key }) {
      #expect(
        languages[.english] == languages[.french],
        "\(id): en \(languages[.english].map(String.init(describing:)) ?? "none"), fr \(languages[.french].map(String.init(describing:)) ?? "none")"
      )
    }
  }

  @Test func everyBuiltInRuleHasAsManyExamplesAsItsTwin() {
    for (id, languages) in Self.counts(BuiltInRules.all).sorted(by: { $0.key < $1.key }) {
      #expect(
        languages[.english] == languages[.french],
        "\(id): en \(languages[.english].map(String.init(describing:)) ?? "none"), fr \(languages[.french].map(String.init(describing:)) ?? "none")"
      )
    }
  }

  /// Twins behave alike: in each language, every example of the rule does what it says.
  @Test func twinExamplesPassInBothLanguages() {
    let rules = ShippedLexicons.linter.lexicons.rules
    for rule in rules {
      let failing =
        rule.matchingExamples.filter { spans(of: rule.id, in: plain($0), rule.language).isEmpty }
        + rule.nonMatchingExamples.filter { !spans(of: rule.id, in: plain($0), rule.language).isEmpty }
      #expect(failing.isEmpty, "\(rule.id) [\(rule.language.rawValue)]: \(failing)")
    }
  }

  private func plain(_ example: String) -> String {
    example.replacingOccurrences(of: "⟦", with: "").replacingOccurrences(of: "⟧", with: "")
  }
}
