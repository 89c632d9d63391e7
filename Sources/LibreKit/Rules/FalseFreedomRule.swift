/// A freedom statement next to pressure ("no obligation, but the price ends tonight") is
/// false freedom: it earns no credit and is reported.
enum FalseFreedomRule {
  /// Pressure categories that take back a freedom just given.
  static let contradictingCategories: Set<String> = [
    "urgency", "scarcity", "guilt", "assumptive-close", "fomo", "threat",
  ]
  /// How many sentences apart still count as "next to".
  static let reach = 1

  /// Marks contradicted freedom findings and returns the findings to add.
  static func apply(to findings: inout [Finding], language: Language) -> [Finding] {
    let pressureSentences = Set(
      findings.lazy.filter { $0.rule.polarity == .pressure && contradictingCategories.contains($0.rule.category) }
        .map(\.sentence))
    guard !pressureSentences.isEmpty else { return [] }
    var added: [Finding] = []
    for index in findings.indices where findings[index].rule.polarity == .freedom {
      let sentence = findings[index].sentence
      guard (sentence - reach...sentence + reach).contains(where: pressureSentences.contains) else { continue }
      findings[index].scoringNote = "false freedom: pressure in the same or the next sentence"
      let rule = falseFreedomRule(language)
      added.append(
        Finding(rule: rule, start: findings[index].start, end: findings[index].end, sentence: sentence))
    }
    return added
  }

  /// The built-in rule, made once per language.
  private static let rules: [Language: Rule] = Dictionary(
    uniqueKeysWithValues: Language.allCases.map { language in
      (
        language,
        Rule(
          id: BuiltInMessages.falseFreedomID, language: language, polarity: .pressure, category: "false-freedom",
          severity: .warning, weight: 0, message: BuiltInMessages.falseFreedomMessage(language),
          suggestion: BuiltInMessages.falseFreedomSuggestion(language), source: BuiltInMessages.falseFreedomSource,
          patterns: [], location: SourceLocation(file: "<built-in>", line: 1, column: 1))
      )
    })

  static func falseFreedomRule(_ language: Language) -> Rule { rules[language]! }
}
