/// A rule written in Swift that judges a document as a whole (false freedom, a request
/// without a freedom statement, stacked pressure, a call's answers to a hesitation),
/// described like a lexicon rule so that reports, `libre rules` and `libre explain` treat
/// it alike. Each lives in one file: its description, its texts in both languages, its
/// examples and its logic. `BuiltInRules.types` lists them.
protocol DocumentRule: Sendable {
  /// The rule's id: `polarity.category.name`, as a lexicon rule's.
  static var id: String { get }
  static var polarity: Polarity { get }
  static var severity: Severity { get }
  /// The points a finding of the rule weighs before the scorer adjusts them.
  static var weight: Double { get }
  /// What the rule rests on (a study, or the inference drawn from one), as `libre explain`
  /// prints it.
  static var source: String { get }
  /// The message and the suggestion in `language`: a switch over the languages, so a rule
  /// without its French (or English) text does not compile.
  static func texts(_ language: Language) -> DocumentRuleTexts
  /// Texts where the rule fires and texts where it must not, in `language`. A call is
  /// written one turn a line, `Speaker: words`, the rep first.
  static func examples(_ language: Language) -> DocumentRuleExamples
  /// The rule in every language, made once (`static let rules = makeRules()`): findings of
  /// the rule share these instances.
  static var rules: [Rule] { get }
}

extension DocumentRule {
  /// The rule in `language`.
  static func rule(_ language: Language) -> Rule {
    for rule in rules where rule.language == language { return rule }
    preconditionFailure("no \(id) rule in \(language)")
  }

  /// The rule described as a lexicon rule is, once for each language.
  static func makeRules() -> [Rule] {
    Language.allCases.map { language in
      let texts = self.texts(language)
      let examples = self.examples(language)
      let category = String(id.split(separator: ".")[1])
      return Rule(
        id: id, language: language, polarity: polarity, category: category, severity: severity, weight: weight,
        message: texts.message, suggestion: texts.suggestion, source: source, patterns: [],
        matchingExamples: examples.matching, nonMatchingExamples: examples.nonMatching,
        location: SourceLocation(file: "<built-in>", line: 1, column: 1))
    }
  }
}

/// A document rule's message and suggestion in one language.
struct DocumentRuleTexts {
  var message: String
  var suggestion: String
}

/// A document rule's examples in one language (`BuiltInRuleExampleTests` runs them).
struct DocumentRuleExamples {
  var matching: [String]
  var nonMatching: [String]
}
