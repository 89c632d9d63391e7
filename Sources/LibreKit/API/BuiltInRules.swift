/// The rules written in Swift (document and conversation rules), described like lexicon
/// rules so that reports, `libre rules` and `libre explain` treat them alike.
public enum BuiltInRules {
  public static let falseFreedomID = FalseFreedomRule.id
  public static let requestWithoutFreedomID = RequestWithoutFreedomRule.id
  public static let stackedPressureID = StackedPressureRule.id
  public static let pressureAfterHesitationID = PressureAfterHesitationRule.id
  public static let freedomAfterHesitationID = FreedomAfterHesitationRule.id

  /// Every document rule, in the order `libre rules` lists them. Each describes itself
  /// (`DocumentRule`) in its own file.
  static let types: [any DocumentRule.Type] = [
    FalseFreedomRule.self,
    RequestWithoutFreedomRule.self,
    StackedPressureRule.self,
    PressureAfterHesitationRule.self,
    FreedomAfterHesitationRule.self,
  ]

  /// Every built-in rule in every language, made once.
  public static let all: [Rule] = types.flatMap { type in
    Language.allCases.map { makeRule(type, $0) }
  }

  /// The built-in rule `id` in `language`.
  public static func rule(_ id: String, _ language: Language) -> Rule {
    // A scan of ten rules, not a dictionary: the document rules ask for one per finding they
    // make, and building a key string, then hashing it, cost thousands of instructions. The
    // ids asked for are the constants above, whose storage the rules share, so a comparison
    // is usually one of two words.
    guard let rule = all.first(where: { $0.language == language && $0.id == id }) else {
      preconditionFailure("no built-in rule \(id)")
    }
    return rule
  }

  private static func makeRule(_ type: any DocumentRule.Type, _ language: Language) -> Rule {
    let texts = type.texts(language)
    let examples = type.examples(language)
    let category = String(type.id.split(separator: ".")[1])
    return Rule(
      id: type.id, language: language, polarity: type.polarity, category: category,
      severity: type.severity, weight: type.weight, message: texts.message, suggestion: texts.suggestion,
      source: type.source, patterns: [], matchingExamples: examples.matching,
      nonMatchingExamples: examples.nonMatching,
      location: SourceLocation(file: "<built-in>", line: 1, column: 1))
  }
}
