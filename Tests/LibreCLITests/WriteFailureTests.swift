import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Reports, baselines and partials that cannot be written are errors (exit 2, never
/// announced as written), and an interrupted or failed run leaves the previous file intact
/// (issue 21, points 1 and 2).
@Suite struct WriteFailureTests {
  static let full = "libre: error: /dev/full: cannot write: No space left on device"

  @Test(arguments: [
    ["lint", "-o", "/dev/full", "mail.txt"], ["lint", "--write-baseline", "/dev/full", "mail.txt"],
    ["analyze", "-o", "/dev/full", "mail.txt"], ["analyze", "--emit-partial", "/dev/full", "mail.txt"],
    ["merge", "-o", "/dev/full", "partial.json"], ["merge", "--emit-partial", "/dev/full", "partial.json"],
  ])
  func aFullDiskIsAnError(arguments: [String]) throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("mail.txt", Texts.pushy)
    #expect(try dir.run(["analyze", "--emit-partial", "partial.json", "mail.txt"]).status == 1)
    let run = try RobustRun.run(arguments, in: dir.url, redirects: "> /dev/null")
    #expect(run.status == 2)
    #expect(run.stderr.contains(Self.full), "\(run.stderr)")
    #expect(!run.stderr.contains("wrote the baseline"))
  }

  @Test(arguments: [["lint", "mail.txt"], ["analyze", "mail.txt"], ["merge", "partial.json"], ["rules"]])
  func aFullStandardOutputIsAnError(arguments: [String]) throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("mail.txt", Texts.pushy)
    #expect(try dir.run(["analyze", "--emit-partial", "partial.json", "mail.txt"]).status == 1)
    let run = try RobustRun.run(arguments, in: dir.url, redirects: "> /dev/full")
    #expect(run.status == 2)
    #expect(
      run.stderr.contains("libre: error: standard output: cannot write: No space left on device"), "\(run.stderr)")
  }

  @Test func aTargetThatCannotBeCreatedIsAnErrorAndTheOldFileStays() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("mail.txt", Texts.pushy)
    try dir.write("file", "")
    let run = try RobustRun.run(["lint", "-o", "file/report.txt", "mail.txt"], in: dir.url)
    #expect(run.status == 2)
    #expect(run.stderr.contains("libre: error: file/report.txt: cannot write: Not a directory"), "\(run.stderr)")
    guard getuid() != 0 else {
      print("read-only folder case skipped: running as root, which writes into read-only folders")
      return
    }
    try dir.write("locked/report.txt", "old report\n")
    chmod(dir.url.appendingPathComponent("locked").path, 0o555)
    chmod(dir.url.appendingPathComponent("locked/report.txt").path, 0o444)
    defer { chmod(dir.url.appendingPathComponent("locked").path, 0o755) }
    let locked = try RobustRun.run(["lint", "-o", "locked/report.txt", "mail.txt"], in: dir.url)
    #expect(locked.status == 2)
    #expect(locked.stderr.contains("libre: error: locked/report.txt: cannot write: Permission denied"))
    #expect(
      try String(contentsOf: dir.url.appendingPathComponent("locked/report.txt"), encoding: .utf8) == "old report\n")
  }

  @Test func aReportIsReplacedOnlyWhenWhole() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("mail.txt", Texts.pushy)
    try dir.write("report.json", "old report\n")
    #expect(try dir.run(["lint", "-f", "json", "-o", "report.json", "mail.txt"]).status == 1)
    let report = try String(contentsOf: dir.url.appendingPathComponent("report.json"), encoding: .utf8)
    #expect(report.hasPrefix("{") && report.contains("\"summary\""))
    let attributes = try FileManager.default.attributesOfItem(
      atPath: dir.url.appendingPathComponent("report.json").path)
    #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o044 } == 0o044, "readable as before")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["mail.txt", "report.json"])
  }

  @Test(arguments: [SIGINT, SIGTERM])
  func aSignalLeavesThePreviousReportAndNoTemporaryFile(signalNumber: Int32) throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("report.jsonl", "old report\n")
    let process = Process()
    process.executableURL = try CLI.binary()
    process.arguments = ["analyze", "--stdin-jsonl", "-f", "jsonl", "-o", "report.jsonl"]
    process.currentDirectoryURL = dir.url
    process.environment = CLI.environment()
    let input = Pipe()
    process.standardInput = input
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Documents go in, and the input stays open: the run is under way when the signal comes.
    let line = #"{"id":"a","text":"Act now! You must buy today."}"# + "\n"
    input.fileHandleForWriting.write(Data(String(repeating: line, count: 200).utf8))
    var temporary: [String] = []
    for _ in 0..<100 where temporary.isEmpty {
      usleep(50_000)
      temporary = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".libre-") }
    }
    #expect(temporary.count == 1, "the report is written beside its target")
    kill(process.processIdentifier, signalNumber)
    for _ in 0..<200 where process.isRunning { usleep(50_000) }
    #expect(!process.isRunning, "the signal did not end the run")
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    try? input.fileHandleForWriting.close()
    #expect(process.terminationReason == .exit && process.terminationStatus == 128 + signalNumber)
    #expect(try String(contentsOf: dir.url.appendingPathComponent("report.jsonl"), encoding: .utf8) == "old report\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["report.jsonl"])
  }
}
