import Foundation
import LibreFormats
import LibreKit
import LibreLexicons
import Testing

/// `LintPolicy`, the API every command (and an editor server) lints through: settings for
/// a path by precedence, a document linted and judged.
@Suite struct LintPolicyTests {
  static let linter = Linter(lexicons: BuiltInLexicons.compiled())

  static func policy(_ flags: PolicyFlags = PolicyFlags()) -> LintPolicy {
    LintPolicy(flags: flags, builtIn: linter) { _ in .failure(LexiconCompileError(message: "no extra lexicons here")) }
  }

  static func document(_ path: String, _ text: String) throws -> Document {
    try DocumentLoader.load(path: path, bytes: Array(text.utf8), options: LoadOptions())
  }

  @Test func flagsBeatTheProfileWhichBeatsTheFile() throws {
    let dir = try TempDirectory()
    defer { dir.remove() }
    try dir.write(
      ".libre.json",
      #"{"minScore": 40, "failOn": "none", "profiles": {"followUp": {"files": ["f/**"], "minScore": 80}}}"#)
    let cold = try dir.write("a.txt", "Would a call help?\n")
    let followUp = try dir.write("f/b.txt", "Would a call help?\n")
    var policy = Self.policy()
    let coldGate = try #require(try policy.settings(for: cold))
      .judgement(for: cold, document: try Self.document(cold, "Would a call help?\n")).gate
    #expect(coldGate.minScore == 40 && coldGate.failOn == FailLevel.none)
    #expect(coldGate.minScoreOrigin.hasSuffix(".libre.json minScore"))
    let followGate = try #require(try policy.settings(for: followUp))
      .judgement(for: followUp, document: try Self.document(followUp, "x\n")).gate
    #expect(followGate.minScore == 80)
    #expect(followGate.minScoreOrigin.hasSuffix("profiles.followUp.minScore"))
    var flags = PolicyFlags()
    flags.minScore = 10
    var flagged = Self.policy(flags)
    let flagGate = try #require(try flagged.settings(for: followUp))
      .judgement(for: followUp, document: try Self.document(followUp, "x\n")).gate
    #expect(flagGate.minScore == 10 && flagGate.minScoreOrigin == "--min-score")
  }

  @Test func lintAppliesRuleLevelsAndJudgesTheGates() throws {
    let dir = try TempDirectory()
    defer { dir.remove() }
    try dir.write(".libre.json", #"{"rules": {"pressure.urgency.*": "off"}, "ignore": ["drafts/**"]}"#)
    let path = try dir.write("a.txt", "Act now: only 2 spots left.\n")
    let draft = try dir.write("drafts/b.txt", "Act now!\n")
    var policy = Self.policy()
    #expect(try policy.settings(for: draft) == nil)
    let settings = try #require(try policy.settings(for: path))
    var workspace = LintWorkspace()
    let judged = settings.lint(try Self.document(path, "Act now: only 2 spots left.\n"), workspace: &workspace)
    let rules = judged.report.findings.map(\.finding.rule.id)
    #expect(!rules.contains { $0.hasPrefix("pressure.urgency.") })
    #expect(rules.contains("pressure.scarcity.limited-spots"))
    // The scarcity claim is an error: the default gate fails, and says why.
    #expect(
      judged.report.gateFailures == ["1 pressure finding(s) at error or above (fails the default --fail-on error)"])
    #expect(judged.report.failingSeverity == .error)
  }

  @Test func aBrokenConfigurationThrowsForEveryInputItGoverns() throws {
    let dir = try TempDirectory()
    defer { dir.remove() }
    try dir.write(".libre.json", #"{"minScroe": 1}"#)
    let path = try dir.write("a.txt", "Hello.\n")
    var policy = Self.policy()
    for _ in 0..<2 {
      #expect(throws: InputError.self) { _ = try policy.settings(for: path) }
    }
  }
}
