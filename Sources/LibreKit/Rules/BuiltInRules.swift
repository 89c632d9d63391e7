/// The rules written in Swift (document and conversation rules), described like lexicon
/// rules so that reports, `libre rules` and `libre explain` treat them alike.
public enum BuiltInRules {
  /// What one built-in rule is, in both languages.
  struct Definition {
    var id: String
    var polarity: Polarity
    var severity: Severity
    var weight: Double
    var texts: [Language: (message: String, suggestion: String)]
    var source: String
    var examples: [String]
    var counterExamples: [String]
  }

  public static let falseFreedomID = "pressure.false-freedom.contradicted"
  public static let requestWithoutFreedomID = "request.without-freedom.missing"
  public static let stackedPressureID = "pressure.stacked.categories"
  public static let pressureAfterHesitationID = "pressure.after-hesitation.next-turn"
  public static let freedomAfterHesitationID = "freedom.after-hesitation.next-turn"

  static let definitions: [Definition] = [
    Definition(
      id: falseFreedomID, polarity: .pressure, severity: .warning, weight: 0,
      texts: [
        .english: (BuiltInTexts.falseFreedomEN, BuiltInTexts.falseFreedomSuggestionEN),
        .french: (BuiltInTexts.falseFreedomFR, BuiltInTexts.falseFreedomSuggestionFR),
      ],
      source: BuiltInTexts.falseFreedomSource,
      examples: ["No obligation at all, but the offer ends tonight."],
      counterExamples: ["No obligation at all. Would Tuesday suit you?"]),
    Definition(
      id: requestWithoutFreedomID, polarity: .request, severity: .info, weight: 0,
      texts: [
        .english: (BuiltInTexts.requestWithoutFreedomEN, BuiltInTexts.requestWithoutFreedomSuggestionEN),
        .french: (BuiltInTexts.requestWithoutFreedomFR, BuiltInTexts.requestWithoutFreedomSuggestionFR),
      ],
      source: BuiltInTexts.requestWithoutFreedomSource,
      examples: ["Can we book a call on Thursday? Here is our deck."],
      counterExamples: ["Can we book a call on Thursday? Of course, you're free to say no."]),
    Definition(
      id: stackedPressureID, polarity: .pressure, severity: .warning, weight: 5,
      texts: [
        .english: (BuiltInTexts.stackedPressureEN, BuiltInTexts.stackedPressureSuggestionEN),
        .french: (BuiltInTexts.stackedPressureFR, BuiltInTexts.stackedPressureSuggestionFR),
      ],
      source: BuiltInTexts.stackedPressureSource,
      examples: ["Only 2 spots left. The offer ends Friday. Don't miss out."],
      counterExamples: ["The offer ends Friday. Would a call help?"]),
    Definition(
      id: pressureAfterHesitationID, polarity: .pressure, severity: .error, weight: 8,
      texts: [
        .english: (BuiltInTexts.pressureAfterHesitationEN, BuiltInTexts.pressureAfterHesitationSuggestionEN),
        .french: (BuiltInTexts.pressureAfterHesitationFR, BuiltInTexts.pressureAfterHesitationSuggestionFR),
      ],
      source: BuiltInTexts.afterHesitationSource,
      examples: ["Prospect: I need to think about it.\nRep: The price goes up on Friday, so you have to decide today."],
      counterExamples: ["Prospect: I need to think about it.\nRep: Of course, take your time."]),
    Definition(
      id: freedomAfterHesitationID, polarity: .freedom, severity: .info, weight: 8,
      texts: [
        .english: (BuiltInTexts.freedomAfterHesitationEN, BuiltInTexts.freedomAfterHesitationSuggestionEN),
        .french: (BuiltInTexts.freedomAfterHesitationFR, BuiltInTexts.freedomAfterHesitationSuggestionFR),
      ],
      source: BuiltInTexts.afterHesitationSource,
      examples: ["Prospect: I need to think about it.\nRep: Of course, take your time. It's entirely up to you."],
      counterExamples: ["Prospect: I need to think about it.\nRep: Sure. So, next steps: I'll send the contract."]),
  ]

  /// Every built-in rule in every language, made once.
  public static let all: [Rule] = definitions.flatMap { definition in
    Language.allCases.map { makeRule(definition, $0) }
  }

  private static let byKey: [String: Rule] = Dictionary(
    uniqueKeysWithValues: all.map { ("\($0.id)/\($0.language.rawValue)", $0) })

  /// The built-in rule `id` in `language`.
  public static func rule(_ id: String, _ language: Language) -> Rule {
    guard let rule = byKey["\(id)/\(language.rawValue)"] else { preconditionFailure("no built-in rule \(id)") }
    return rule
  }

  private static func makeRule(_ definition: Definition, _ language: Language) -> Rule {
    let texts = definition.texts[language]!
    let category = String(definition.id.split(separator: ".")[1])
    return Rule(
      id: definition.id, language: language, polarity: definition.polarity, category: category,
      severity: definition.severity, weight: definition.weight, message: texts.message, suggestion: texts.suggestion,
      source: definition.source, patterns: [], matchingExamples: definition.examples,
      nonMatchingExamples: definition.counterExamples,
      location: SourceLocation(file: "<built-in>", line: 1, column: 1))
  }
}
