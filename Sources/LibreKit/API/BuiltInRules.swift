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

  /// Every built-in rule in every language: the instances the rules' findings carry.
  public static let all: [Rule] = types.flatMap { $0.rules }
}
