import Foundation
import Testing

/// Severities of the pressure findings `libre` reports for `text` (from its JSON output).
func pressureSeverities(_ text: String, in dir: TempDir) throws -> [String] {
  try dir.write("probe.txt", text)
  let result = try dir.run(["lint", "--format", "json", "--fail-on", "none", "probe.txt"])
  return try result.documents().first?.findings().filter { $0.string("polarity") == "pressure" }
    .compactMap { $0.string("severity") } ?? []
}

@Suite struct ExitCodeTests {
  @Test func aRespectfulTextExitsZero() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("kind.txt", Texts.respectful)
    let result = try dir.run(["lint", "--format", "json", "kind.txt"])
    #expect(result.status == 0, "\(result.stderr)")
    let findings = try result.documents()[0].findings()
    #expect(findings.contains { $0.string("polarity") == "freedom" })
    #expect(!findings.contains { $0.string("polarity") == "pressure" })
    #expect(try dir.run(["kind.txt"]).status == 0, "lint is the default command")
  }

  @Test func errorPressureFailsByDefault() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    #expect(try pressureSeverities(Texts.pushy, in: dir).contains("error"))
    try dir.write("pushy.txt", Texts.pushy)
    #expect(try dir.run(["lint", "pushy.txt"]).status == 1)
    #expect(try dir.run(["lint", "--fail-on", "error", "pushy.txt"]).status == 1)
    #expect(try dir.run(["lint", "--fail-on", "none", "pushy.txt"]).status == 0)
    #expect(try dir.run(["lint", "--fail-on=none", "pushy.txt"]).status == 0)
  }

  @Test func failOnWarning() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    let severities = try pressureSeverities(Texts.warningOnly, in: dir)
    #expect(!severities.isEmpty && severities.allSatisfy { $0 == "warning" }, "\(severities)")
    try dir.write("firm.txt", Texts.warningOnly)
    #expect(try dir.run(["lint", "firm.txt"]).status == 0, "warnings pass the default --fail-on error")
    #expect(try dir.run(["lint", "--fail-on", "warning", "firm.txt"]).status == 1)
    #expect(try dir.run(["lint", "--fail-on=warning", "firm.txt"]).status == 1)
    #expect(try dir.run(["lint", "--fail-on", "info", "firm.txt"]).status == 1)
    #expect(try dir.run(["lint", "--fail-on", "none", "firm.txt"]).status == 0)
  }

  @Test func failOnInfoCountsPressureOnly() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    let nudge = "Hi Sam,\n\nJust checking in on my last email.\n"
    #expect(try pressureSeverities(nudge, in: dir) == ["info"])
    try dir.write("nudge.txt", nudge)
    #expect(try dir.run(["lint", "--fail-on", "info", "nudge.txt"]).status == 1)
    #expect(try dir.run(["lint", "--fail-on", "warning", "nudge.txt"]).status == 0)
    // Freedom findings are info too, but they never fail a run.
    try dir.write("kind.txt", Texts.respectful)
    #expect(try dir.run(["lint", "--fail-on", "info", "kind.txt"]).status == 0)
  }

  @Test func minimumScore() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("plain.txt", Texts.neutral)
    let score = try #require(try dir.run(["lint", "--format", "json", "plain.txt"]).documents()[0].int("score"))
    #expect(score < 90, "a neutral text earns no freedom credit")
    #expect(try dir.run(["lint", "--min-score", "90", "plain.txt"]).status == 1)
    #expect(try dir.run(["lint", "--min-score", "\(score)", "plain.txt"]).status == 0)
    #expect(try dir.run(["lint", "--min-score=\(score + 1)", "plain.txt"]).status == 1)
    #expect(try dir.run(["lint", "--min-score", "0", "plain.txt"]).status == 0)
    for bad in ["101", "-1", "ninety"] {
      let result = try dir.run(["lint", "--min-score", bad, "plain.txt"])
      #expect(result.status == 2)
      #expect(result.stderr.hasPrefix("libre: error: --min-score"), "\(result.stderr)")
    }
  }

  @Test(arguments: [
    (["lint", "--bogus", "a.txt"], "unknown option '--bogus'"),
    (["--bogus"], "unknown option '--bogus'"),
    (["lint", "--lang", "de", "a.txt"], "unknown --lang value 'de' (auto, en, fr)"),
    (["lint", "--lang=xx", "a.txt"], "unknown --lang value 'xx'"),
    (["lint", "--format", "xml", "a.txt"], "unknown --format value 'xml'"),
    (["lint", "--fail-on", "sometimes", "a.txt"], "unknown --fail-on value 'sometimes' (info, warning, error, none)"),
    (["lint", "a.txt", "--lang"], "--lang needs a value"),
    (["explain", "pressure.nope.nope"], "no rule 'pressure.nope.nope'"),
    (["rules", "--lang", "de"], "unknown --lang value 'de' (en, fr)"),
  ])
  func usageErrorsExitTwo(arguments: [String], message: String) throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("a.txt", Texts.neutral)
    let result = try dir.run(arguments)
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("libre: error: "), "\(result.stderr)")
    #expect(result.stderr.contains(message), "\(result.stderr)")
    #expect(result.stdout.isEmpty)
  }

  @Test func aMissingFileIsReportedAndTheOthersStillLinted() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("good.txt", Texts.neutral)
    try dir.write("pushy.txt", Texts.pushy)
    let result = try dir.run(["lint", "--format", "json", "good.txt", "missing.txt", "pushy.txt"])
    #expect(result.status == 2, "an input error wins over findings")
    #expect(result.stderr.hasPrefix("libre: error: missing.txt: "), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").filter { $0.hasPrefix("libre: error: ") }.count == 1)
    let json = try result.json()
    let documents = try result.documents()
    #expect(documents.map { $0.string("path") } == ["good.txt", "pushy.txt"])
    let errors = try #require(json["errors"] as? [[String: Any]])
    #expect(errors.count == 1)
    #expect(errors.first?.string("path") == "missing.txt")
    #expect(errors.first?.string("message")?.isEmpty == false)
    let text = try dir.run(["lint", "--no-color", "good.txt", "missing.txt"])
    #expect(text.status == 2)
    #expect(text.stdout.contains("good.txt: score "))
  }

  @Test func aBinaryFileInADirectoryIsAnErrorRecord() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("mail/a.txt", Texts.neutral)
    try dir.write("mail/b.txt", bytes: Array("first line\nsecond".utf8) + [0] + Array(" line\n".utf8))
    let result = try dir.run(["lint", "--format", "json", "mail"])
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("libre: error: mail/b.txt:2: "), "\(result.stderr)")
    #expect(result.stderr.contains("binary"))
    let json = try result.json()
    #expect(try result.documents().map { $0.string("path") } == ["mail/a.txt"])
    let errors = try #require(json["errors"] as? [[String: Any]])
    #expect(errors.count == 1)
    #expect(errors.first?.string("path") == "mail/b.txt")
    #expect(errors.first?.int("line") == 2)
    #expect((json["summary"] as? [String: Int]) == ["documents": 1, "errors": 1, "findings": 0])
  }
}

/// `LINE:COL` of the first `needle` in `text`, moved `plus` scalars right (columns in scalars).
func lineColumn(of needle: String, in text: String, plus: Int = 0) -> String {
  guard let range = text.range(of: needle) else { return "<\(needle) not found>" }
  let before = text[..<range.lowerBound]
  let line = before.filter { $0 == "\n" }.count + 1
  let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
  return "\(line):\(text[lineStart..<range.lowerBound].unicodeScalars.count + 1 + plus)"
}

@Suite struct UserLexiconTests {
  static func lexicon(id: String, pattern: String) -> String {
    """
    { "language": "en",
      "rules": [
        { "id": "\(id)", "polarity": "pressure", "category": "custom", "severity": "error", "weight": 5,
          "message": "Custom rule.", "suggestion": "Say it otherwise.", "source": "team style guide",
          "description": "règle d’équipe ✍️", "patterns": ["\(pattern)"],
          "examples": { "match": ["a", "b"], "noMatch": ["c"] } }
      ] }
    """
  }

  @Test(
    arguments: [
      ("sign (now | today", "(", "missing ')'"),
      ("hello @nope", nil, "unknown class '@nope'"),
      ("call <foo> now", "<foo>", "unknown token kind '<foo>'"),
    ] as [(String, String?, String)])
  func aBadPatternNamesFileLineColumnRuleAndPattern(pattern: String, at: String?, message: String) throws {
    let dir = try TempDir()
    defer { dir.remove() }
    let json = UserLexiconTests.lexicon(id: "pressure.custom.bad", pattern: pattern)
    try dir.write("bad.json", json)
    try dir.write("a.txt", Texts.neutral)
    let result = try dir.run(["lint", "--lexicon", "bad.json", "a.txt"])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty, "nothing is linted with a broken lexicon")
    let offset = at.flatMap { pattern.range(of: $0) }.map { pattern[..<$0.lowerBound].unicodeScalars.count } ?? 0
    let location = lineColumn(of: "\"\(pattern)\"", in: json, plus: 1 + offset)
    let expected = "libre: error: bad.json:\(location): rule 'pressure.custom.bad', pattern '\(pattern)': \(message)"
    #expect(result.stderr.hasPrefix(expected), "expected \(expected)\ngot \(result.stderr)")
  }

  @Test func aBadLoaderFieldNamesItsPlace() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    let json = UserLexiconTests.lexicon(id: "pressure.custom.x", pattern: "synergy").replacingOccurrences(
      of: "\"weight\": 5", with: "\"weight\": 50")
    try dir.write("bad.json", json)
    let result = try dir.run(["lint", "--lexicon", "bad.json", "-"], stdin: "hello")
    #expect(result.status == 2)
    let location = lineColumn(of: "50", in: json)
    #expect(
      result.stderr.hasPrefix("libre: error: bad.json:\(location): rule 'pressure.custom.x': \"weight\""),
      "\(result.stderr)")
  }

  @Test
  func everyLexiconErrorLineHasThePrefix() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    let first = UserLexiconTests.lexicon(id: "pressure.custom.one", pattern: "sign (now")
    try dir.write("one.json", first)
    try dir.write("two.json", UserLexiconTests.lexicon(id: "pressure.custom.two", pattern: "hello @nope"))
    let result = try dir.run(["lint", "--lexicon", "one.json", "--lexicon", "two.json", "-"], stdin: "hello")
    #expect(result.status == 2)
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.allSatisfy { $0.hasPrefix("libre: error: ") }, "\(lines)")
  }

  @Test func aMissingLexiconFile() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    let result = try dir.run(["lint", "--lexicon", "nope.json", "-"], stdin: "hello")
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("libre: error: nope.json: "), "\(result.stderr)")
  }

  @Test func aGoodUserLexiconAddsItsRules() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("team/rules.json", UserLexiconTests.lexicon(id: "pressure.custom.synergy", pattern: "synergy"))
    try dir.write("a.txt", "We love the synergy here.\n")
    let without = try dir.run(["lint", "--format", "json", "a.txt"])
    #expect(without.status == 0)
    #expect(try without.documents()[0].findings().isEmpty)
    let with = try dir.run(["lint", "--format", "json", "--lexicon", "team", "a.txt"])
    #expect(with.status == 1, "the custom rule has error severity")
    let finding = try #require(try with.documents()[0].findings().first)
    #expect(finding.string("rule") == "pressure.custom.synergy")
    #expect(finding.string("excerpt") == "synergy")
    #expect(finding.int("column") == 13)
  }
}
