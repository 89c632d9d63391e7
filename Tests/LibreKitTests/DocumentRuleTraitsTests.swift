import LibreLexicons
import Testing

@testable import LibreKit

/// The document rules read a rule's category through traits worked out when the rule is
/// made, and find the stacked categories without sorting the findings.
struct DocumentRuleTraitsTests {
  static func rule(_ polarity: Polarity, _ category: String) -> Rule {
    Rule(
      id: "\(polarity.rawValue).\(category).test", language: .english, polarity: polarity, category: category,
      severity: .warning, weight: 5, message: "m", suggestion: "s", source: "test", patterns: [])
  }

  static func finding(_ polarity: Polarity, _ category: String, start: Int, sentence: Int = 0) -> Finding {
    Finding(rule: rule(polarity, category), start: start, end: start + 3, sentence: sentence)
  }

  @Test func traitsFollowPolarityAndCategory() {
    #expect(Self.rule(.pressure, "urgency").traits == [.contradictsFreedom])
    #expect(Self.rule(.pressure, "controlling").traits == [], "controlling language does not take freedom back")
    #expect(Self.rule(.freedom, "urgency").traits == [], "only pressure contradicts")
    #expect(Self.rule(.freedom, "autonomy-support").traits == [.softFreedom])
    #expect(Self.rule(.pressure, "stacked").traits == [.derived])
    for category in RuleTraits.defaultData["contradictsFreedom"]! {
      #expect(Self.rule(.pressure, category).traits.contains(.contradictsFreedom), "\(category)")
    }
    for category in RuleTraits.derivedCategories {
      #expect(Self.rule(.pressure, category).traits.contains(.derived), "\(category)")
    }
  }

  @Test func theShippedLexiconsSayWhatTheDefaultsSay() throws {
    let set = try LexiconLoader.load(files: BuiltInLexicons.sourceFiles)
    for language in [Language.english, .french] {
      let given = try #require(set.profiles[language]?.categoryTraits)
      #expect(given.mapValues(Set.init) == RuleTraits.defaultData.mapValues(Set.init), "\(language)")
    }
  }

  @Test func aLexiconsCategoryTraitsDecide() throws {
    var set = LexiconSet(rules: [Self.rule(.pressure, "controlling"), Self.rule(.pressure, "urgency")])
    var profile = LanguageProfile(language: .english)
    profile.categoryTraits = ["contradictsFreedom": ["controlling"]]
    set.profiles[.english] = profile
    let rules = set.applyingCategoryTraits()
    #expect(rules[0].traits == [.contradictsFreedom])
    #expect(rules[1].traits == [], "urgency is no longer listed")
  }

  @Test func stackedPressureFollowsTheTextNotTheListOrder() throws {
    // Listed out of text order; `scarcity` and `guilt` start at the same byte (the list
    // order breaks the tie); a derived category never counts.
    let findings = [
      Self.finding(.pressure, "urgency", start: 40),
      Self.finding(.pressure, "guilt", start: 10),
      Self.finding(.pressure, "scarcity", start: 10),
      Self.finding(.pressure, "false-freedom", start: 0),
      Self.finding(.freedom, "explicit-choice", start: 5),
      Self.finding(.pressure, "urgency", start: 20),
      Self.finding(.pressure, "fomo", start: 60),
    ]
    let flags = StackedPressureRule.apply(findings, language: .english)
    let flag = try #require(flags.first)
    #expect(flags.count == 1)
    #expect(flag.start == 20, "the first urgency finding by start makes the third category")
    #expect(flag.detail == "4 pressure categories: guilt, scarcity, urgency, fomo")
  }

  @Test func twoCategoriesAreNotStackedHoweverOftenTheyRepeat() {
    let findings = (0..<10).map { Self.finding(.pressure, $0 % 2 == 0 ? "urgency" : "guilt", start: $0 * 10) }
    #expect(StackedPressureRule.apply(findings, language: .english).isEmpty)
  }

  @Test func falseFreedomInACallNeedsPressureNearbyInTheSameTurn() {
    var findings = [
      Self.finding(.freedom, "no-obligation", start: 0, sentence: 0),
      Self.finding(.pressure, "urgency", start: 50, sentence: 1),
      Self.finding(.freedom, "no-obligation", start: 100, sentence: 5),
    ]
    findings[2].segment = 1
    findings[1].segment = 0
    let added = FalseFreedomRule.apply(to: &findings, language: .english, scope: .nearbySentences(1))
    #expect(added.map(\.start) == [0], "only the freedom statement next to the deadline is taken back")
    #expect(findings[0].scoringNote != nil && findings[2].scoringNote == nil)
  }

  @Test func falseFreedomInAnEmailReachesTheWholeMessage() {
    var findings = [
      Self.finding(.freedom, "no-obligation", start: 0, sentence: 0),
      Self.finding(.pressure, "controlling", start: 20, sentence: 1),
      Self.finding(.freedom, "explicit-choice", start: 100, sentence: 9),
    ]
    #expect(FalseFreedomRule.apply(to: &findings, language: .english, scope: .document).isEmpty)
    findings.append(Self.finding(.pressure, "scarcity", start: 300, sentence: 20))
    let added = FalseFreedomRule.apply(to: &findings, language: .english, scope: .document)
    #expect(added.map(\.start) == [0, 100])
  }

  @Test func reportOrderIsStartThenEndThenRuleID() {
    let pressure = Self.rule(.pressure, "urgency")
    let freedom = Self.rule(.freedom, "no-obligation")
    var findings = [
      Finding(rule: pressure, start: 10, end: 20, sentence: 0),
      Finding(rule: freedom, start: 10, end: 20, sentence: 0),
      Finding(rule: pressure, start: 10, end: 15, sentence: 0),
      Finding(rule: pressure, start: 2, end: 30, sentence: 0),
    ]
    Finding.sortForReport(&findings)
    #expect(findings.map(\.start) == [2, 10, 10, 10])
    #expect(findings.map(\.end) == [30, 15, 20, 20])
    #expect(findings[2].rule === freedom, "freedom.… sorts before pressure.… on a tie")
    let sorted = findings.map { ($0.start, $0.end, $0.rule.id) }
    Finding.sortForReport(&findings)
    #expect(findings.map { ($0.start, $0.end, $0.rule.id) }.elementsEqual(sorted, by: ==), "a sorted list stays")
  }
}
