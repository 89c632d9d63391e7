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

  @Test func aClassPatternIsCountedBeforeItIsCompiled() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    let members = (0..<300).map { "\"w\($0)\"" }.joined(separator: ",")
    try dir.write("lexicon/en/language.json", #"{"language":"en","classes":{"big":["# + members + "]}}")
    try dir.write(
      "lexicon/en/rules.json",
      #"{"language":"en","rules":[{"id":"pressure.test.big","polarity":"pressure","category":"test","#
        + #""severity":"warning","weight":1,"message":"m","suggestion":"s","source":"test","#
        + #""examples":{"match":["w1 w2","w3 x w4"],"noMatch":["hello","there"]},"#
        + #""patterns":["@big *{0,8} @big"]}]}"#)
    try dir.write("mail.txt", "hello w1 w2\n")
    let run = try Self.bounded(["lint", "--lexicon", "lexicon", "mail.txt"], in: dir)
    #expect(run.status == 2)
    #expect(run.stderr.contains("more than 50000 patterns"), "\(run.stderr)")
    #expect(run.stderr.contains("this pattern expands to 90000 through its classes"))
    let raised = try Self.bounded(["lint", "--lexicon", "lexicon", "--max-patterns", "100000", "mail.txt"], in: dir)
    #expect(raised.status == 0, "\(raised.stderr)")
  }
}
