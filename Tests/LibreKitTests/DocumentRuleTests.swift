import Testing

@testable import LibreKit

/// Each document rule describes itself once (`DocumentRule`): the list of built-in rules
/// holds it in every language, with texts of its own in each, and its findings carry the
/// very instances the list holds (reports and `libre explain` look rules up there).
struct DocumentRuleTests {
  @Test func theListHoldsEachRuleOnceInEachLanguage() {
    let ids = BuiltInRules.types.map { $0.id }
    #expect(Set(ids).count == ids.count)
    #expect(BuiltInRules.all.count == ids.count * Language.allCases.count)
    for type in BuiltInRules.types {
      for language in Language.allCases {
        let rule = type.rule(language)
        #expect(rule.language == language && rule.id == type.id)
        #expect(rule.category == String(type.id.split(separator: ".")[1]))
        #expect(BuiltInRules.all.contains { $0 === rule }, "\(type.id) \(language)")
        let texts = type.texts(language)
        #expect(rule.message == texts.message && rule.suggestion == texts.suggestion)
      }
      #expect(type.texts(.english).message != type.texts(.french).message, "\(type.id): one text for two languages")
      #expect(type.texts(.english).suggestion != type.texts(.french).suggestion, "\(type.id)")
    }
  }

  @Test func aRuleFindingCarriesTheListedInstance() throws {
    let findings = ["urgency", "scarcity", "guilt"].enumerated().map { index, category in
      DocumentRuleTraitsTests.finding(.pressure, category, start: index * 10)
    }
    for language in Language.allCases {
      let flag = try #require(StackedPressureRule.apply(findings, language: language).first)
      let listed = BuiltInRules.all.first { $0.id == StackedPressureRule.id && $0.language == language }
      #expect(flag.rule === listed)
    }
  }
}
