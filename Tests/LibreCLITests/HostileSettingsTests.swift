import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

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

  @Test(arguments: [
    ["lint", "--config", "/dev/zero", "mail.txt"], ["lint", "--lexicon", "/dev/zero", "mail.txt"],
    ["lint", "--baseline", "/dev/zero", "mail.txt"], ["merge", "/dev/zero"], ["check-lexicon", "/dev/zero"],
    ["analyze", "--files-from", "/dev/zero"], ["lint", "--config", "zero-lexicons.json", "mail.txt"],
  ])
  func aDeviceIsRefusedAsSettings(arguments: [String]) throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("mail.txt", Texts.neutral)
    try dir.write("zero-lexicons.json", #"{"lexicons":["/dev/zero"]}"#)
    let run = try Self.bounded(arguments, in: dir)
    #expect(run.status == 2)
    #expect(run.stderr.contains("/dev/zero: is a character device, not"), "\(run.stderr)")
  }

  @Test func aSettingsFileOverTheLimitIsRefusedBeforeItIsRead() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("mail.txt", Texts.neutral)
    let huge = try dir.write("huge.json", "")
    #expect(truncate(huge.path, 65 << 20) == 0)
    for arguments in [["lint", "--config", "huge.json", "mail.txt"], ["merge", "huge.json"]] {
      let run = try Self.bounded(arguments, in: dir)
      #expect(run.status == 2)
      #expect(run.stderr.contains("huge.json: 65 MiB is over the 64 MiB a settings file may hold"), "\(run.stderr)")
    }
  }

  @Test func aNamedPipeInAWalkedFolderIsSkippedAndCounted() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("mails/a.txt", Texts.pushy)
    let fifo = dir.url.appendingPathComponent("mails/stuck.txt").path
    #expect(mkfifo(fifo, 0o600) == 0)
    // A writer that never writes: reading the pipe would wait for ever.
    let writer = open(fifo, O_RDWR)
    defer { close(writer) }
    for command in ["lint", "analyze"] {
      let run = try Self.bounded([command, "mails"], in: dir, seconds: 20)
      #expect(run.status == 1, "\(command): \(run.stderr)")
      #expect(
        run.stderr.contains(
          "libre: warning: skipped 1 file(s) that are not regular files (named pipes, sockets, devices)")
          && run.stderr.contains("(Libre cannot open them; rename them): mails/stuck.txt"), "\(run.stderr)")
    }
  }

  @Test func configurationIsNotLookedForAboveTheRepositoryOrHome() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write(".libre.json", #"{ "rules": { "pressure.*": "off" } }"#)
    try dir.write("repo/.git/HEAD", "ref: refs/heads/main\n")
    try dir.write("repo/mails/mail.txt", Texts.pushy)
    try dir.write("home/mails/mail.txt", Texts.pushy)
    try dir.write("elsewhere/mail.txt", Texts.pushy)
    let environment = CLI.environment(["HOME": dir.url.appendingPathComponent("home").path])
    let inRepository = try CLI.run(["lint", "repo/mails/mail.txt"], in: dir.url, environment: environment)
    #expect(inRepository.status == 1, "the file above the repository is not read: \(inRepository.stderr)")
    let inHome = try CLI.run(["lint", "home/mails/mail.txt"], in: dir.url, environment: environment)
    #expect(inHome.status == 1, "the file above home is not read: \(inHome.stderr)")
    let outside = try CLI.run(["lint", "elsewhere/mail.txt"], in: dir.url, environment: environment)
    #expect(outside.status == 0, "neither repository nor home: the search goes on up")
  }

  @Test func aWorldWritableConfigurationOfAnotherUserIsIgnored() throws {
    guard getuid() == 0 else {
      print("world-writable configuration case skipped: giving a file to another user needs root")
      return
    }
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("repo/.git/HEAD", "ref: refs/heads/main\n")
    let config = try dir.write("repo/.libre.json", #"{ "rules": { "pressure.*": "off" } }"#)
    try dir.write("repo/mail.txt", Texts.pushy)
    #expect(chown(config.path, 65534, 65534) == 0 && chmod(config.path, 0o666) == 0)
    let run = try dir.run(["lint", "repo/mail.txt"])
    #expect(run.status == 1)
    #expect(
      run.stderr.contains(
        "libre: warning: repo/.libre.json: ignored: anyone may write it and another user owns it"), "\(run.stderr)")
    let forced = try dir.run(["lint", "--config", "repo/.libre.json", "repo/mail.txt"])
    #expect(forced.status == 0, "--config reads what it names")
    #expect(chmod(config.path, 0o644) == 0)
    #expect(try dir.run(["lint", "repo/mail.txt"]).status == 0, "not world-writable: read")
  }

  @Test func aFileNameThatIsNotUTF8IsNamedInAWarningNotReportedMissing() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("mails/a.txt", Texts.neutral)
    // "caf\xE9.txt": Latin-1, not UTF-8.
    let raw = Array((dir.path + "/mails/caf").utf8) + [0xE9] + Array(".txt".utf8) + [0]
    let created = raw.withUnsafeBufferPointer { buffer in
      buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { creat($0, 0o644) }
    }
    #expect(created >= 0)
    close(created)
    for command in ["lint", "analyze"] {
      let run = try Self.bounded([command, "mails"], in: dir, seconds: 20)
      #expect(run.status == 0, "\(command): \(run.stderr)")
      #expect(
        run.stderr.contains("whose names are not UTF-8 (Libre cannot open them; rename them): mails/caf\u{FFFD}.txt"),
        "\(run.stderr)")
      #expect(!run.stderr.contains("No such file"), "\(run.stderr)")
    }
  }
}
