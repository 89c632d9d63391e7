import LibreKit
import Testing

@Suite struct LexiconLimitsTests {
  func set(patterns: [String]) throws -> LexiconSet {
    let rule = TestLexicons.rule("pressure.test.limit", patterns)
    let files: [(path: String, bytes: [UInt8])] = [
      ("en/language.json", Array(TestLexicons.englishProfile.utf8)),
      ("en/rules.json", Array("{ \"language\": \"en\", \"rules\": [\(rule)] }".utf8)),
    ]
    return try LexiconLoader.load(files: files)
  }

  @Test func defaultsHoldTheBuiltInSizes() throws {
    let limits = LexiconLimits()
    #expect(limits.patterns == 50_000)
    #expect(limits.patternBytes == 1_000)
    #expect(throws: Never.self) { try limits.check(try set(patterns: ["you must", "act now"])) }
  }

  @Test func tooManyPatternsIsAnErrorAtTheFirstOneOver() throws {
    let lexicons = try set(patterns: ["one", "two", "three"])
    #expect {
      try LexiconLimits(patterns: 2).check(lexicons)
    } throws: { error in
      let errors = (error as? LexiconErrors)?.errors ?? []
      return errors.count == 1 && errors[0].message.contains("--max-patterns")
        && errors[0].location.file == "en/rules.json"
    }
  }

  @Test func aTooLongPatternIsAnErrorAtItsPlace() throws {
    let long = Array(repeating: "word", count: 30).joined(separator: " ")
    let lexicons = try set(patterns: ["short", long])
    #expect {
      try LexiconLimits(patternBytes: 100).check(lexicons)
    } throws: { error in
      let errors = (error as? LexiconErrors)?.errors ?? []
      return errors.count == 1 && errors[0].message.contains("--max-pattern-length")
        && errors[0].message.contains("\(long.utf8.count) bytes")
    }
  }
}
