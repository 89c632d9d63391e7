import Foundation
import Testing

/// Documents and settings written to hang or crash `libre` (issue 21): each run must end by
/// itself, quickly, with no signal.
@Suite struct HostileSettingsTests {
  /// Runs `libre` under `timeout`: a hang shows as status 124 instead of a stuck test.
  static func bounded(_ arguments: [String], in dir: TempDir, seconds: Int = 30) throws -> CLIResult {
    let ended = try CLI.launch(
      URL(fileURLWithPath: "/usr/bin/timeout"), ["-s", "KILL", "\(seconds)", try CLI.binary().path] + arguments,
      stdin: "", in: dir.url, environment: CLI.environment())
    #expect(!ended.signaled && ended.status < 124, "libre hung or died (\(ended.status)): \(ended.stderr)")
    return CLIResult(status: ended.status, stdoutBytes: ended.stdout, stderr: ended.stderr)
  }

  @Test(arguments: [30, 200_000])
  func aSuppressionGlobOfManyStarsNeitherHangsNorOverflows(stars: Int) throws {
    let dir = try TempDir()
    defer { dir.remove() }
    let comment = "<!-- libre-disable " + String(repeating: "*", count: stars) + "x -- r -->\n"
    try dir.write("mail.html", comment + "<p>Act now! You must buy today. The offer ends Friday.</p>\n")
    let run = try Self.bounded(["lint", "--format", "json", "mail.html"], in: dir)
    #expect(run.status == 1, "\(run.stderr)")
    #expect(try run.documents().first?.findings().isEmpty == false, "a glob ending in x silences nothing")
  }

  @Test func aRulesKeyOfManyStarsDoesNotHang() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write(".libre.json", #"{"rules":{""# + String(repeating: "*", count: 40) + #"x":"off"}}"#)
    try dir.write("mail.txt", Texts.pushy)
    let run = try Self.bounded(["lint", "--format", "json", "mail.txt"], in: dir)
    #expect(run.status == 2)
    #expect(run.stderr.contains("x\" matches no rule"), "\(run.stderr)")
  }

  @Test func anExcludeGlobOfManyStarsDoesNotHang() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write(String(repeating: "a", count: 60) + ".txt", Texts.neutral)
    let glob = String(repeating: "a*", count: 30) + "x"
    let run = try Self.bounded(["analyze", "--exclude", glob, "."], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
  }
}
