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

/// Class members count toward `--max-patterns` as the combinations they expand to, with
/// arithmetic that cannot overflow (issue 21, point 5).
@Suite struct LexiconExpansionLimitsTests {
  static func set(members: Int, pattern: String) throws -> LexiconSet {
    let names = (0..<members).map { "\"w\($0)\"" }.joined(separator: ",")
    let profile = #"{ "language": "en", "classes": { "big": ["# + names + "] } }"
    let rule = TestLexicons.rule("pressure.test.limit", [pattern])
    return try LexiconLoader.load(files: [
      ("en/language.json", Array(profile.utf8)),
      ("en/rules.json", Array("{ \"language\": \"en\", \"rules\": [\(rule)] }".utf8)),
    ])
  }

  @Test func aPatternCountsTheCombinationsOfItsClasses() throws {
    let lexicons = try Self.set(members: 300, pattern: "@big *{0,8} @big")
    #expect {
      try LexiconLimits().check(lexicons)
    } throws: { error in
      let errors = (error as? LexiconErrors)?.errors ?? []
      return errors.count == 1 && errors[0].message.contains("expands to 90000 through its classes")
        && errors[0].message.contains("--max-patterns") && errors[0].location.file == "en/rules.json"
    }
    #expect(throws: Never.self) { try LexiconLimits(patterns: 90_000).check(lexicons) }
    #expect(throws: Never.self) { try LexiconLimits().check(try Self.set(members: 300, pattern: "@big now")) }
  }

  @Test func productsSaturateInsteadOfOverflowing() throws {
    let pattern = Array(repeating: "@big", count: 8).joined(separator: " ")
    #expect(LexiconLimits.expansions(of: pattern, classSizes: ["big": 50_000]) == Int.max)
    #expect(LexiconLimits.expansions(of: #"\@big @big"#, classSizes: ["big": 7]) == 7)
    let lexicons = try Self.set(members: 50_000, pattern: pattern)
    #expect(throws: LexiconErrors.self) { try LexiconLimits(patterns: Int.max - 1).check(lexicons) }
  }
}
