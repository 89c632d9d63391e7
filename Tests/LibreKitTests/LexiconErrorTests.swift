import Testing

@testable import LibreKit

/// Lexicon mistakes: each must be reported as `FILE:LINE:COL: …`, pointing at the exact
/// place in the JSON, naming the rule (and, for pattern errors, the pattern).
enum LexiconFixture {
  static let file = "team/custom-rules.json"

  /// One rule as JSON. The `description` holds accents and an emoji on the same line as the
  /// patterns, so pattern columns are only right when counted in Unicode scalars.
  static func rule(
    id: String = "pressure.test.sample", polarity: String = "pressure", category: String = "test",
    weight: String = "5", patterns: [String] = ["fine words"], extra: String = "",
    examples: String = #"{ "match": ["a", "b"], "noMatch": ["c"] }"#
  ) -> String {
    let list = patterns.map { "\"\($0)\"" }.joined(separator: ", ")
    return """
          { "id": "\(id)", "polarity": "\(polarity)", "category": "\(category)",
            "severity": "warning", "weight": \(weight), "message": "m", "suggestion": "s", "source": "x",\(extra)
            "description": "prête à l’emploi 🚀", "patterns": [\(list)],
            "examples": \(examples) }
      """
  }

  static func rulesFile(_ rules: String...) -> String {
    "{ \"language\": \"en\",\n  \"rules\": [\n" + rules.joined(separator: ",\n") + "\n  ] }\n"
  }

  /// Loads the test profile plus `files`, compiles them, and returns every error's description.
  static func errors(_ files: [(path: String, text: String)], withProfile: Bool = true) -> [String] {
    let profile = withProfile ? [(path: "en/language.json", bytes: Array(TestLexicons.englishProfile.utf8))] : []
    let all = profile + files.map { (path: $0.path, bytes: Array($0.text.utf8)) }
    do throws(LexiconErrors) {
      _ = try CompiledLexicons.compile(try LexiconLoader.load(files: all))
      return []
    } catch {
      return error.errors.map(\.description)
    }
  }

  static func errors(_ text: String) -> [String] { errors([(file, text)]) }
}

/// `LINE:COL` of the `occurrence`-th `needle` in `text`, moved `plus` scalars to the right;
/// counted here, independently of `LineIndex` (1-based, columns in Unicode scalars).
func lineColumn(of needle: String, in text: String, occurrence: Int = 1, plus: Int = 0) -> String {
  let hay = Array(text.unicodeScalars)
  let pin = Array(needle.unicodeScalars)
  var seen = 0
  var found: Int?
  var index = 0
  while index + pin.count <= hay.count {
    if Array(hay[index..<index + pin.count]) == pin {
      seen += 1
      if seen == occurrence {
        found = index
        break
      }
    }
    index += 1
  }
  guard let start = found else { return "<\(needle) not found>" }
  let at = start + plus
  var line = 1
  var lineStart = 0
  for position in 0..<at where hay[position] == "\n" {
    line += 1
    lineStart = position + 1
  }
  return "\(line):\(at - lineStart + 1)"
}

@Suite struct LexiconLoaderErrorTests {
  typealias F = LexiconFixture

  /// Expects exactly one error, at `location`, whose description also holds every fragment.
  func expectOne(_ errors: [String], at location: String, _ fragments: [String], file: String = F.file) {
    #expect(errors.count == 1, "expected one error, got \(errors)")
    guard let error = errors.first else { return }
    #expect(error.hasPrefix("\(file):\(location): "), "wrong place: \(error)")
    for fragment in fragments { #expect(error.contains(fragment), "missing '\(fragment)' in: \(error)") }
  }

  @Test func aValidRuleLoadsWithoutErrors() {
    #expect(F.errors(F.rulesFile(F.rule())) == [])
  }

  @Test func invalidJSONGivesThePositionOfTheBadCharacter() {
    let trailingComma = "{ \"language\": \"en\",\n  \"rules\": [\n    { \"id\": \"é🚀\", }\n  ] }"
    expectOne(
      F.errors(trailingComma), at: lineColumn(of: "}", in: trailingComma), ["invalid JSON", "quoted key"])
    let missingComma = "{ \"language\": \"en\"\n  \"rules\": [] }"
    expectOne(
      F.errors(missingComma), at: lineColumn(of: "\"rules\"", in: missingComma), ["invalid JSON", "','"])
    let unterminated = "{ \"language\": \"en\", \"rules\": [ 1, "
    #expect(F.errors(unterminated).count == 1)
    #expect(F.errors(unterminated).first?.hasPrefix("\(F.file):1:") == true)
  }

  @Test func aFileMustHoldAnObjectWithALanguage() {
    let array = "\n  [1, 2]"
    expectOne(F.errors(array), at: "2:3", ["an object", "not an array"])
    let noLanguage = "{ \"rules\": [] }"
    expectOne(F.errors(noLanguage), at: "1:1", ["missing \"language\""])
    let badLanguage = "{ \"language\": \"de\", \"rules\": [] }"
    expectOne(F.errors(badLanguage), at: lineColumn(of: "\"de\"", in: badLanguage), ["\"language\""])
  }

  @Test func missingFieldsAreEachReportedAtTheRule() {
    let text = F.rulesFile("    { \"id\": \"pressure.test.bare\" }")
    let errors = F.errors(text)
    let at = lineColumn(of: "{ \"id\"", in: text)
    for field in ["polarity", "category", "severity", "weight", "message", "suggestion", "source"] {
      #expect(
        errors.contains("\(F.file):\(at): rule 'pressure.test.bare': missing \"\(field)\""),
        "no error for \(field) in \(errors)")
    }
    #expect(errors.contains { $0.hasPrefix("\(F.file):\(at): ") && $0.contains("at least one pattern") })
    #expect(errors.contains { $0.hasPrefix("\(F.file):\(at): ") && $0.contains("\"examples\"") })
    #expect(errors.allSatisfy { $0.hasPrefix("\(F.file):\(at): ") })
  }

  @Test func badIDFormat() {
    for id in ["Pressure.test.sample", "pressure.test", "pressure..sample", "pressure.test.sam_ple"] {
      let text = F.rulesFile(F.rule(id: id))
      let errors = F.errors(text)
      #expect(
        errors.contains { $0.hasPrefix("\(F.file):\(lineColumn(of: "\"\(id)\"", in: text)): rule id '\(id)'") },
        "\(id): \(errors)")
    }
  }

  @Test func polarityAndCategoryMustMatchTheID() {
    let text = F.rulesFile(F.rule(id: "freedom.test.sample", polarity: "pressure", category: "other"))
    let errors = F.errors(text)
    let at = lineColumn(of: "\"freedom.test.sample\"", in: text)
    #expect(errors.count == 2, "\(errors)")
    #expect(
      errors.contains { $0.hasPrefix("\(F.file):\(at): ") && $0.contains("'freedom'") && $0.contains("'pressure'") })
    #expect(errors.contains { $0.hasPrefix("\(F.file):\(at): ") && $0.contains("'test'") && $0.contains("'other'") })
  }

  @Test func unknownPolarityOrSeverity() {
    let text = F.rulesFile(F.rule(id: "praise.test.sample", polarity: "praise"))
    #expect(
      F.errors(text).contains {
        $0.hasPrefix("\(F.file):\(lineColumn(of: "\"praise\"", in: text)): ")
          && $0.contains("unknown polarity 'praise'")
      })
  }

  @Test(arguments: ["25", "-1", "20.5", "\"5\""])
  func weightOutOfRange(weight: String) {
    let text = F.rulesFile(F.rule(weight: weight))
    expectOne(
      F.errors(text), at: lineColumn(of: "\"weight\": \(weight)", in: text, plus: 10),
      ["rule 'pressure.test.sample'", "\"weight\" must be a number from 0 to 20"])
  }

  @Test func weightBoundsAreAccepted() {
    #expect(F.errors(F.rulesFile(F.rule(weight: "0"))) == [])
    #expect(F.errors(F.rulesFile(F.rule(weight: "20"))) == [])
  }

  @Test func unknownKeysAreReportedAtTheKey() {
    let text = F.rulesFile(F.rule(extra: " \"colour\": \"red\","))
    expectOne(F.errors(text), at: lineColumn(of: "\"colour\"", in: text), ["unknown key \"colour\"", "in a rule"])
    let examples = F.rulesFile(F.rule(examples: #"{ "match": ["a", "b"], "noMatch": ["c"], "maybe": [] }"#))
    expectOne(F.errors(examples), at: lineColumn(of: "\"maybe\"", in: examples), ["unknown key \"maybe\""])
  }

  @Test func tooFewExamples() {
    let one = F.rulesFile(F.rule(examples: #"{ "match": ["a"], "noMatch": ["c"] }"#))
    expectOne(
      F.errors(one), at: lineColumn(of: "{ \"match\"", in: one),
      ["rule 'pressure.test.sample'", "at least 2 \"match\""])
    let none = F.rulesFile(F.rule(examples: #"{ "match": ["a", "b"], "noMatch": [] }"#))
    expectOne(F.errors(none), at: lineColumn(of: "{ \"match\"", in: none), ["at least 1 \"noMatch\""])
  }

  @Test func duplicateRuleIDsNameBothPlaces() {
    let text = F.rulesFile(F.rule(), F.rule())
    let first = lineColumn(of: "{ \"id\"", in: text)
    let second = lineColumn(of: "{ \"id\"", in: text, occurrence: 2)
    expectOne(
      F.errors(text), at: second, ["'pressure.test.sample' is defined twice", "first at \(F.file):\(first)"])
  }

  @Test func duplicateRuleIDsAcrossFiles() {
    let base = F.rulesFile(F.rule())
    let errors = F.errors([("en/base.json", base), (F.file, base)])
    expectOne(errors, at: lineColumn(of: "{ \"id\"", in: base), ["defined twice", "first at en/base.json:"])
  }

  @Test func whenNegatedMustNameARuleOfTheSameLanguage() {
    let text = F.rulesFile(F.rule(extra: " \"whenNegated\": \"freedom.no.such\","))
    expectOne(
      F.errors(text), at: lineColumn(of: "{ \"id\"", in: text),
      ["rule 'pressure.test.sample'", "'freedom.no.such'", "not a rule of the en lexicons"])
    let target = F.rule(id: "freedom.test.target", polarity: "freedom")
    #expect(F.errors(F.rulesFile(F.rule(extra: " \"whenNegated\": \"freedom.test.target\","), target)) == [])
    let malformed = F.rulesFile(F.rule(extra: " \"whenNegated\": \"flip\","))
    expectOne(F.errors(malformed), at: lineColumn(of: "\"flip\"", in: malformed), ["\"whenNegated\"", "'flip'"])
  }

  @Test func everyMistakeIsReportedNotJustTheFirst() {
    let text = F.rulesFile(
      F.rule(id: "pressure.test.one", weight: "99"), F.rule(id: "pressure.test.two", patterns: ["(a"]))
    let errors = F.errors(text)
    #expect(errors.contains { $0.contains("pressure.test.one") && $0.contains("weight") })
    let both = F.rulesFile(F.rule(id: "pressure.test.one", weight: "99"), F.rule(id: "pressure.test.two", weight: "-3"))
    #expect(F.errors(both).count == 2)
  }
}

@Suite struct PatternErrorTests {
  typealias F = LexiconFixture

  /// A broken pattern, where its error points (`at`, a piece of the pattern; nil = its
  /// start), and a fragment of the message.
  struct Case: Sendable, CustomTestStringConvertible {
    var pattern: String
    var at: String?
    var message: String
    var testDescription: String { "'\(pattern)': \(message)" }
  }

  static let cases: [Case] = [
    Case(pattern: "sign (now | today", at: "(", message: "missing ')'"),
    Case(pattern: "sign [right now", at: "[", message: "missing ']'"),
    Case(pattern: "sign now) today", at: ")", message: "unmatched ')'"),
    Case(pattern: "( | a) sign", at: " | a", message: "empty alternative"),
    Case(pattern: "sign (a | ) now", at: " ) now", message: "empty alternative"),
    Case(pattern: "hello @nope", at: nil, message: "unknown class '@nope' (known: @day, @you)"),
    Case(pattern: "hello @", at: "@", message: "'@' must be followed by a class name"),
    Case(pattern: "call <foo> now", at: "<foo>", message: "unknown token kind '<foo>'"),
    Case(pattern: "call <num now", at: "<num", message: "expected '>'"),
    Case(pattern: "sign *{3,1} today", at: "*{3,1}", message: "0 <= min <= max"),
    Case(pattern: "sign *{0,9} today", at: "*{0,9}", message: "at most 8 tokens"),
    Case(pattern: "sign *{1,2 today", at: "*{1,2", message: "missing '}'"),
    Case(pattern: "* sign", at: nil, message: "cannot start or end with '*'"),
    Case(pattern: "sign *{0,2}", at: nil, message: "cannot start or end with '*'"),
    Case(pattern: "claim <np>", at: nil, message: "a gap or a noun-phrase slot"),
    Case(pattern: "claim <np{1,9}> now", at: "<np{1,9}>", message: "at most 8 tokens"),
    Case(pattern: "[sign] [now]", at: nil, message: "every part is optional"),
    Case(pattern: "ob* now", at: nil, message: "at least 3 letters before '*'"),
    Case(
      pattern: (1...33).map { "w\($0)" }.joined(separator: " "), at: nil, message: "longer than 32 tokens"),
  ]

  @Test(arguments: cases)
  func reportsRulePatternAndColumn(_ test: Case) throws {
    let text = F.rulesFile(F.rule(patterns: ["fine words", test.pattern]))
    let errors = F.errors(text)
    let offset =
      test.at.map { piece in
        let scalars = Array(test.pattern.unicodeScalars)
        let target = Array(piece.unicodeScalars)
        return (0...(scalars.count - target.count)).first { Array(scalars[$0..<$0 + target.count]) == target } ?? -1
      } ?? 0
    try #require(offset >= 0, "bad test case")
    // The second pattern's string: the column of its first scalar is one past the quote.
    let at = lineColumn(of: "\"\(test.pattern)\"", in: text, plus: 1 + offset)
    #expect(errors.count == 1, "\(errors)")
    let error = try #require(errors.first)
    #expect(error.hasPrefix("\(F.file):\(at): "), "expected \(at): \(error)")
    #expect(error.contains("rule 'pressure.test.sample'"), "\(error)")
    #expect(error.contains("pattern '\(test.pattern)'"), "\(error)")
    #expect(error.contains(test.message), "\(error)")
  }

  @Test func exceptionPatternsAreCheckedToo() {
    let text = F.rulesFile(F.rule(extra: " \"unless\": [\"fine (words\"],"))
    let errors = F.errors(text)
    #expect(errors.count == 1)
    #expect(
      errors.first?.hasPrefix("\(F.file):\(lineColumn(of: "\"fine (words\"", in: text, plus: 6)): ") == true,
      "\(errors)")
    #expect(errors.first?.contains("pattern 'fine (words'") == true)
  }

  @Test func aBadClassMemberInLanguageJSONNamesTheClass() {
    let profile = "{ \"language\": \"en\",\n  \"classes\": { \"bad\": [\"ok\", \"(oops\"] } }"
    let errors = F.errors([("team/language.json", profile)], withProfile: false)
    #expect(errors.count == 1)
    #expect(
      errors.first?.hasPrefix("team/language.json:\(lineColumn(of: "[\"ok\"", in: profile)): ") == true, "\(errors)")
    #expect(errors.first?.contains("class '@bad', member '(oops'") == true)
  }

  @Test
  func aBadClassMemberInAnExtraLanguageJSONKeepsItsLocation() {
    // `LexiconSet.merge` merges `classes` but not `classLocations`, so the error says
    // `language.json:1:1` (the compiler's fallback) instead of this file's line and column.
    let profile = "{ \"language\": \"en\",\n  \"classes\": { \"bad\": [\"ok\", \"(oops\"] } }"
    let errors = F.errors([("team/language.json", profile)])
    #expect(errors.count == 1)
    #expect(
      errors.first?.hasPrefix("team/language.json:\(lineColumn(of: "[\"ok\"", in: profile)): ") == true, "\(errors)")
  }

  @Test
  func patternColumnsCountTheJSONSourceNotTheDecodedString() {
    // In the file the pattern is written `a \\* (b` (6 scalars before `(`), decoded `a \* (b`
    // (5 before it): the compiler adds the decoded offset to the string's column, so the
    // error points one column too far left.
    let text = F.rulesFile(F.rule(patterns: ["a \\\\* (b"]))
    let errors = F.errors(text)
    #expect(errors.count == 1)
    #expect(errors.first?.hasPrefix("\(F.file):\(lineColumn(of: "(b", in: text)): ") == true, "\(errors)")
  }

  @Test func goodPatternsOfEveryKindCompile() {
    let patterns = [
      "sign (now | today)", "[really] sign", "a * b", "a *{0,3} b", "oblig* now", "@you must", "<num> days",
      "<caps> now", "act <shout>", "\\\\( literal",
      "w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 w14 w15 w16 "
        + "w17 w18 w19 w20 w21 w22 w23 w24 w25 w26 w27 w28 w29 w30 w31 w32",
    ]
    #expect(F.errors(F.rulesFile(F.rule(patterns: patterns))) == [])
  }
}
