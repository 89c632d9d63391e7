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
    /// Per language: texts where the rule fires and texts where it must not. A call is
    /// written one turn a line, `Speaker: words`, the rep first.
    var examples: [Language: [String]]
    var counterExamples: [Language: [String]]
  }

  public static let falseFreedomID = FalseFreedomRule.id
  public static let requestWithoutFreedomID = RequestWithoutFreedomRule.id
  public static let stackedPressureID = StackedPressureRule.id
  public static let pressureAfterHesitationID = "pressure.after-hesitation.next-turn"
  public static let freedomAfterHesitationID = "freedom.after-hesitation.next-turn"

  static let definitions: [Definition] = [
    Definition(FalseFreedomRule.self),
    Definition(RequestWithoutFreedomRule.self),
    Definition(StackedPressureRule.self),
    Definition(
      id: pressureAfterHesitationID, polarity: .pressure, severity: .error, weight: 8,
      texts: [
        .english: (BuiltInTexts.pressureAfterHesitationEN, BuiltInTexts.pressureAfterHesitationSuggestionEN),
        .french: (BuiltInTexts.pressureAfterHesitationFR, BuiltInTexts.pressureAfterHesitationSuggestionFR),
      ],
      source: BuiltInTexts.afterHesitationSource,
      examples: [
        .english: ["Rep: Shall we start?\nProspect: I need to think about it.\nRep: You have to decide today."],
        .french: ["Rep: On commence ?\nProspect: Je vais réfléchir.\nRep: Vous devez décider aujourd'hui."],
      ],
      counterExamples: [
        .english: ["Rep: Shall we start?\nProspect: I need to think about it.\nRep: Of course, take your time."],
        .french: ["Rep: On commence ?\nProspect: Je vais réfléchir.\nRep: Bien sûr, prenez votre temps."],
      ]),
    Definition(
      id: freedomAfterHesitationID, polarity: .freedom, severity: .info, weight: 8,
      texts: [
        .english: (BuiltInTexts.freedomAfterHesitationEN, BuiltInTexts.freedomAfterHesitationSuggestionEN),
        .french: (BuiltInTexts.freedomAfterHesitationFR, BuiltInTexts.freedomAfterHesitationSuggestionFR),
      ],
      source: BuiltInTexts.afterHesitationSource,
      examples: [
        .english: ["Rep: Shall we start?\nProspect: I need to think about it.\nRep: Of course, take your time."],
        .french: ["Rep: On commence ?\nProspect: Je vais réfléchir.\nRep: Bien sûr, prenez votre temps."],
      ],
      counterExamples: [
        .english: ["Rep: Shall we start?\nProspect: I need to think about it.\nRep: Sure. Here is the agenda."],
        .french: ["Rep: On commence ?\nProspect: Je vais réfléchir.\nRep: D'accord. Voici l'ordre du jour."],
      ]),
  ]

  /// Every built-in rule in every language, made once.
  public static let all: [Rule] = definitions.flatMap { definition in
    Language.allCases.map { makeRule(definition, $0) }
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

  private static func makeRule(_ definition: Definition, _ language: Language) -> Rule {
    let texts = definition.texts[language]!
    let category = String(definition.id.split(separator: ".")[1])
    return Rule(
      id: definition.id, language: language, polarity: definition.polarity, category: category,
      severity: definition.severity, weight: definition.weight, message: texts.message, suggestion: texts.suggestion,
      source: definition.source, patterns: [], matchingExamples: definition.examples[language] ?? [],
      nonMatchingExamples: definition.counterExamples[language] ?? [],
      location: SourceLocation(file: "<built-in>", line: 1, column: 1))
  }
}

extension BuiltInRules.Definition {
  /// The definition of a rule that describes itself (`DocumentRule`).
  init(_ rule: any DocumentRule.Type) {
    self.init(
      id: rule.id, polarity: rule.polarity, severity: rule.severity, weight: rule.weight,
      texts: Dictionary(
        uniqueKeysWithValues: Language.allCases.map { language in
          let texts = rule.texts(language)
          return (language, (texts.message, texts.suggestion))
        }),
      source: rule.source,
      examples: Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, rule.examples($0).matching) }),
      counterExamples: Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, rule.examples($0).nonMatching) }))
  }
}
