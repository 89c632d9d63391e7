import LibreFormats
import LibreKit
import Testing

/// Every key of `.libre.json`, and every mistake it reports with its line.
struct ConfigurationKeysTests {
  static func parse(_ text: String, path: String = ".libre.json") throws(InputError) -> Configuration {
    try Configuration.parse(Array(text.utf8), path: path)
  }

  static let full = """
    {
      "$comment": ["a comment", "another"],
      "language": "fr",
      "lexicons": ["team.json", "/abs/lexicons"],
      "rules": { "$comment": "levels", "pressure.urgency.*": "warning", "pressure.urgency.deadline": "off" },
      "minScore": 60,
      "failOn": "warning",
      "ignore": "drafts/**",
      "speakers": { "$comment": "reps", "rep": "Sam" },
      "profiles": {
        "followUp": { "files": ["follow-ups/**"], "minScore": 70, "rules": { "pressure.nagging.*": "error" } },
        "transcript": { "failOn": "none" }
      }
    }
    """

  @Test func everyKeyIsRead() throws {
    let configuration = try Self.parse(Self.full, path: "team/.libre.json")
    #expect(configuration.language == .fixed(.french))
    #expect(configuration.lexicons == ["team/team.json", "/abs/lexicons"])
    #expect(configuration.rules.entries.map(\.pattern) == ["pressure.urgency.*", "pressure.urgency.deadline"])
    #expect(configuration.rules.entries.map(\.line) == [5, 5])
    #expect(configuration.gate == GateSettings(minScore: 60, failOn: .warning))
    #expect(configuration.ignore == [Glob("drafts/**")])
    #expect(configuration.reps == ["Sam"])
    #expect(configuration.profiles.map(\.channel) == [.followUp, .transcript])
    #expect(configuration.profiles[0].gate == GateSettings(minScore: 70))
    #expect(configuration.profiles[1].gate == GateSettings(failOn: FailLevel.none))
    #expect(try Self.parse(#"{"language": "auto"}"#).language == .auto)
  }

  @Test(arguments: [
    ("{\n\"langage\": \"fr\"}", 2, "unknown key \"langage\""),
    ("{\n\"language\": \"de\"}", 2, "\"language\" must be \"auto\", \"en\" or \"fr\""),
    ("{\n\"$schema\": 3}", 2, "\"$schema\" must be a string"),
    ("{\n\"$comment\": 3}", 2, "\"$comment\" must be a string or a list of strings"),
    ("{\n\"lexicons\": [\"\"]}", 2, "\"lexicons\" must be a path or a list of paths"),
    ("{\n\"rules\": []}", 2, "\"rules\" must be an object"),
    ("{\"rules\": {\n\"Pressure.Urgency\": \"off\"}}", 2, "\"Pressure.Urgency\" is not a rule id or glob"),
    ("{\"rules\": {\"pressure.*\":\n\"loud\"}}", 2, "\"rules\" value for \"pressure.*\" must be"),
    ("{\n\"minScore\": 101}", 2, "\"minScore\" must be a whole number from 0 to 100"),
    ("{\n\"minScore\": 5.5}", 2, "\"minScore\" must be a whole number"),
    ("{\n\"failOn\": \"fatal\"}", 2, "\"failOn\" must be \"info\", \"warning\", \"error\" or \"none\""),
    ("{\n\"ignore\": {}}", 2, "\"ignore\" must be a glob or a list of globs"),
    ("{\n\"speakers\": [] }", 2, "\"speakers\" must be an object"),
    ("{\"speakers\": {\n\"reps\": []}}", 2, "unknown key \"speakers.reps\""),
    ("{\"speakers\": {\"rep\":\n[1]}}", 2, "\"speakers.rep\" must be a name or a list of names"),
    ("{\n\"profiles\": []}", 2, "\"profiles\" must be an object"),
    ("{\"profiles\": {\n\"coldCall\": {}}}", 2, "unknown key \"profiles.coldCall\""),
    ("{\"profiles\": {\"followUp\":\n3}}", 2, "\"profiles.followUp\" must be an object"),
    ("{\"profiles\": {\"followUp\": {\n\"min\": 3}}}", 2, "unknown key \"profiles.followUp.min\""),
    ("{\"profiles\": {\"followUp\": {\n\"files\": 3}}}", 2, "\"profiles.followUp.files\" must be a glob"),
    ("{\"profiles\": {\"followUp\": {\n\"minScore\": -1}}}", 2, "\"profiles.followUp.minScore\" must be"),
    ("{\"profiles\": {\"followUp\": {\n\"failOn\": 1}}}", 2, "\"profiles.followUp.failOn\" must be"),
    (
      "{\"profiles\": {\"followUp\": {\"rules\": {\n\"x\": \"on\"}}}}", 2, "\"profiles.followUp.rules\" value for \"x\""
    ),
    ("{\n\"minScore\": 1,\n}", 3, "invalid JSON"),
  ])
  func mistakesNameTheirLine(text: String, line: Int, message: String) {
    do throws(InputError) {
      _ = try Self.parse(text)
      Issue.record("should fail: \(text)")
    } catch {
      #expect(error.path == ".libre.json")
      #expect(error.line == line, "\(error)")
      #expect(error.message.hasPrefix(message), "\(error)")
    }
  }

  @Test func aRulePatternThatNamesNoRuleIsAnError() throws {
    let configuration = try Self.parse(
      "{\"rules\": {\n\"pressure.urgency.*\": \"off\",\n\"pressure.urgncy.*\": \"off\"}}")
    do throws(InputError) {
      try configuration.checkRules(against: ["pressure.urgency.deadline"])
      Issue.record("the typo should be reported")
    } catch {
      #expect(error.description == ".libre.json:3: \"pressure.urgncy.*\" matches no rule (libre rules lists them)")
    }
  }

  @Test func exactIdsBeatGlobsAndLongerGlobsBeatShorterOnes() {
    let settings = RuleSettings([
      .init(pattern: "pressure.urgency.deadline", level: .info), .init(pattern: "pressure.*", level: .off),
      .init(pattern: "pressure.urgency.*", level: .warning), .init(pattern: "*", level: .error),
    ])
    #expect(settings.level(for: "pressure.urgency.deadline") == .info)
    #expect(settings.level(for: "pressure.urgency.act-now") == .warning)
    #expect(settings.level(for: "pressure.guilt.x") == .off)
    #expect(settings.level(for: "freedom.x.y") == .error)
    // A profile's settings come after the file's: the same pattern, written later, wins.
    let profile = settings.overridden(by: RuleSettings([.init(pattern: "pressure.urgency.*", level: .error)]))
    #expect(profile.level(for: "pressure.urgency.act-now") == .error)
  }

  @Test func offRemovesFindingsAndTheScoreFollows() {
    let text = Array("You must reply by Friday.\n".utf8)
    let before = Fixtures.linter.lint(text, language: .english)
    var after = before
    RuleSettings([.init(pattern: "pressure.urgency.*", level: .off)]).apply(to: &after)
    #expect(before.findings.map(\.rule.id).contains("pressure.urgency.deadline"))
    #expect(after.findings.map(\.rule.id) == ["pressure.controlling.must"])
    #expect(after.score.score > before.score.score)
  }

  @Test func aNewSeverityChangesTheFindingAndItsPenaltyOnly() {
    let text = Array("You must reply.\n".utf8)
    let before = Fixtures.linter.lint(text, language: .english)
    var after = before
    RuleSettings([.init(pattern: "pressure.controlling.must", level: .error)]).apply(to: &after)
    #expect(before.findings.first?.rule.severity == .warning)
    #expect(after.findings.first?.rule.severity == .error)
    #expect(after.findings.first?.contribution ?? 0 < before.findings.first?.contribution ?? 0)
    #expect(
      Fixtures.linter.lint(text, language: .english).findings.first?.rule.severity == .warning, "shared rule untouched")
  }

  @Test func profilesAreChosenByFilesThenByKind() throws {
    let dir = try TempDirectory()
    defer { dir.remove() }
    try dir.write(".libre.json", Array(Self.full.utf8))
    try dir.write("follow-ups/a.txt", Array("x".utf8))
    try dir.write("calls/b.vtt", Array("WEBVTT\n".utf8))
    try dir.write("drafts/old/c.txt", Array("x".utf8))
    let configuration = try Self.parse(Self.full, path: dir.path + "/.libre.json")
    #expect(configuration.profile(for: dir.path + "/follow-ups/a.txt", isCall: false)?.channel == .followUp)
    #expect(configuration.profile(for: dir.path + "/calls/b.vtt", isCall: true)?.channel == .transcript)
    #expect(configuration.profile(for: dir.path + "/calls/b.vtt", isCall: false) == nil)
    #expect(
      configuration.profile(for: dir.path + "/calls/b.vtt", isCall: false, forced: .followUp)?.channel == .followUp)
    #expect(configuration.ignores(dir.path + "/drafts/old/c.txt"))
    #expect(!configuration.ignores(dir.path + "/follow-ups/a.txt"))
  }
}
