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
