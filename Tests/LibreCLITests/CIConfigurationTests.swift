import Foundation
import Testing

/// `.libre.json` through the built binary: discovery, precedence, errors, ignore, profiles.
@Suite struct CIConfigurationTests {
  @Test func theNearestConfigurationGatesEachFile() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write(".libre.json", #"{ "failOn": "none" }"#)
    try dir.write("strict/.libre.json", #"{ "failOn": "warning" }"#)
    try dir.write("loose/a.txt", Texts.warningOnly)
    try dir.write("strict/a.txt", Texts.warningOnly)
    #expect(try dir.run(["lint", "loose/a.txt"]).status == 0, "the root configuration never fails on findings")
    #expect(try dir.run(["lint", "strict/a.txt"]).status == 1, "the nearest one fails on warnings")
    #expect(try dir.run(["lint", "--config", ".libre.json", "strict/a.txt"]).status == 0, "--config forces one")
    #expect(try dir.run(["lint", "--fail-on", "error", "strict/a.txt"]).status == 0, "a flag overrides the file")
  }

  @Test func minScoreComesFromTheFileUnlessGiven() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write(".libre.json", #"{ "minScore": 90, "failOn": "none" }"#)
    try dir.write("a.txt", Texts.neutral)
    let failed = try dir.run(["lint", "a.txt"])
    #expect(failed.status == 1, "a neutral email scores 70, under 90: \(failed.stdout)")
    #expect(try dir.run(["lint", "--min-score", "50", "a.txt"]).status == 0)
  }

  @Test func aBadConfigurationIsExit2WithFileAndLine() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write(".libre.json", "{\n  \"minScore\": 60,\n  \"failon\": \"error\"\n}\n")
    try dir.write("a.txt", Texts.neutral)
    let result = try dir.run(["lint", "a.txt"])
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("libre: error: .libre.json:3: unknown key \"failon\""), "\(result.stderr)")
  }

  @Test func aRuleTypoIsExit2() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write(".libre.json", "{ \"rules\": {\n  \"pressure.urgncy.*\": \"off\" } }")
    try dir.write("a.txt", Texts.neutral)
    let result = try dir.run(["lint", "a.txt"])
    #expect(result.status == 2)
    #expect(result.stderr.contains(".libre.json:2: \"pressure.urgncy.*\" matches no rule"), "\(result.stderr)")
  }

  @Test func rulesTurnedOffNoLongerFail() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("a.txt", Texts.pushy)
    #expect(try dir.run(["lint", "a.txt"]).status == 1)
    try dir.write(".libre.json", #"{ "rules": { "pressure.*": "warning" } }"#)
    let softened = try dir.run(["lint", "--format", "json", "a.txt"])
    #expect(softened.status == 0, "every pressure rule is a warning now: \(softened.stdout)")
    let findings = try softened.documents()[0].findings()
    #expect(!findings.isEmpty && findings.allSatisfy { ($0.string("severity") ?? "") != "error" })
    try dir.write(".libre.json", #"{ "rules": { "pressure.*": "off" } }"#)
    let off = try dir.run(["lint", "--format", "json", "a.txt"])
    #expect(try off.documents()[0].findings().allSatisfy { $0.string("polarity") != "pressure" })
  }

  @Test func ignoredFilesAreNotLinted() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write(".libre.json", #"{ "ignore": ["drafts/**"] }"#)
    try dir.write("drafts/a.txt", Texts.pushy)
    try dir.write("b.txt", Texts.neutral)
    let result = try dir.run(["lint", "--format", "json", "."])
    #expect(result.status == 0)
    #expect(try result.documents().compactMap { $0.string("path") } == ["./b.txt"])
    #expect(try dir.run(["lint", "drafts/a.txt"]).status == 0, "named files are ignored too (pre-commit names them)")
  }

  @Test func theLanguageOfTheFileIsUsedUnlessGiven() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write(".libre.json", #"{ "language": "fr" }"#)
    try dir.write("a.txt", Texts.neutral)
    let configured = try dir.run(["lint", "--format", "json", "a.txt"])
    #expect(try configured.documents()[0].string("language") == "fr")
    let given = try dir.run(["lint", "--format", "json", "--lang", "auto", "a.txt"])
    #expect(try given.documents()[0].string("language") == "en")
  }

  @Test func aProfileSetsTheBarForItsFiles() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write(
      ".libre.json",
      #"{ "failOn": "none", "profiles": { "followUp": { "files": ["follow-ups/**"], "minScore": 90 } } }"#)
    try dir.write("follow-ups/a.txt", Texts.neutral)
    try dir.write("cold/a.txt", Texts.neutral)
    #expect(try dir.run(["lint", "cold/a.txt"]).status == 0)
    #expect(try dir.run(["lint", "follow-ups/a.txt"]).status == 1)
    #expect(try dir.run(["lint", "--profile", "followUp", "cold/a.txt"]).status == 1, "--profile forces one")
  }

  @Test func initWritesAConfigurationTheLoaderAccepts() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    let written = try dir.run(["init"])
    #expect(written.status == 0)
    #expect(written.stderr == "libre: wrote .libre.json\n")
    let text = try String(contentsOf: dir.url.appendingPathComponent(".libre.json"), encoding: .utf8)
    #expect(text.contains("\"$comment\""))
    try dir.write("a.txt", Texts.neutral)
    #expect(try dir.run(["lint", "a.txt"]).status == 0, "the starter configuration loads")
    let again = try dir.run(["init"])
    #expect(again.status == 2)
    #expect(again.stderr.contains("already exists"))
    #expect(try dir.run(["init", "--force"]).status == 0)
  }
}

/// Lexicons named by a configuration.
@Suite struct CIConfigurationLexiconTests {
  @Test func aConfigurationLexiconAddsItsRulesForItsFiles() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    let lexicon = CheckLexiconTests.lexicon(match: ["Synergy now!", "synergy now"], noMatch: ["later"])
    try dir.write("team/lexicons/team.json", lexicon)
    try dir.write("team/.libre.json", "{\n  \"lexicons\": \"lexicons/team.json\"\n}")
    try dir.write("team/a.txt", "Hi Sam,\n\nLet's find synergy now.\n")
    try dir.write("other/a.txt", "Hi Sam,\n\nLet's find synergy now.\n")
    let team = try dir.run(["lint", "--format", "json", "team/a.txt"])
    #expect(try team.documents()[0].findings().contains { $0.string("rule") == "pressure.custom.synergy" })
    #expect(team.status == 1)
    let other = try dir.run(["lint", "--format", "json", "other/a.txt"])
    #expect(try other.documents()[0].findings().allSatisfy { $0.string("rule") != "pressure.custom.synergy" })
  }

  @Test func aMissingLexiconNamesTheConfigurationLine() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write(".libre.json", "{\n  \"minScore\": 10,\n  \"lexicons\": [\"gone.json\"]\n}")
    try dir.write("a.txt", Texts.neutral)
    let result = try dir.run(["lint", "a.txt"])
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("libre: error: .libre.json:3: ./gone.json: cannot open"), "\(result.stderr)")
  }
}
