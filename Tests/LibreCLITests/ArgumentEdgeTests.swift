import Foundation
import Testing

/// Small unclear or wasteful behaviours of issue 21, point 12: an attached short option, a
/// path named twice, an out-of-range number, a reader that went away.
@Suite struct ArgumentEdgeTests {
  @Test func aShortOptionTakesItsValueAttached() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("mail.txt", Texts.neutral)
    let run = try dir.run(["analyze", "-j1", "-fjsonl", "mail.txt"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains(#""type":"summary""#))
  }

  @Test func aFileNamedTwiceIsAnalyzedOnce() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("mails/mail.txt", Texts.pushy)
    let run = try dir.run(["analyze", "-f", "jsonl", "mails/mail.txt", "./mails/mail.txt", "mails"])
    let documents = run.stdout.split(separator: "\n").filter { $0.contains(#""type":"document""#) }
    #expect(documents.count == 1, "\(run.stdout)")
  }

  @Test func anOutOfRangeNumberSaysSoWithItsColumn() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("mail.txt", Texts.neutral)
    try dir.write("config.json", #"{ "minScore": 1e309 }"#)
    let run = try dir.run(["lint", "--config", "config.json", "mail.txt"])
    #expect(run.status == 2)
    #expect(
      run.stderr.contains(
        "libre: error: config.json:1: invalid JSON at column 15: number 1e309 is out of range"), "\(run.stderr)")
  }

  @Test func analyzeStopsWhenItsReaderIsGone() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    // An endless input: only a stop on the closed pipe ends the run before the timeout.
    let script =
      #"yes '{"id":"a","text":"Act now! You must buy today."}' | "$0" analyze --stdin-jsonl -f jsonl | head -c 100"#
    let ended = try CLI.launch(
      URL(fileURLWithPath: "/usr/bin/timeout"), ["-s", "KILL", "30", "/bin/sh", "-c", script, try CLI.binary().path],
      stdin: "", in: dir.url, environment: CLI.environment())
    #expect(!ended.signaled && ended.status == 0, "status \(ended.status): \(ended.stderr)")
    #expect(ended.stdout.count == 100)
  }

  @Test func aLongStdinJSONLLineIsReadInLinearTime() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    // 16 MB on one line (an unused field: the time is the reading's, not the lint's);
    // searched from its start after every 64 KB read, the line took about 40 s.
    let padding = String(repeating: "x", count: 16_000_000)
    let line = #"{"id":"a","text":"Here is the report.","padding":""# + padding + "\"}\n"
    let clock = ContinuousClock()
    let started = clock.now
    let run = try dir.run(["analyze", "--stdin-jsonl", "--max-line-length", "64M", "-f", "jsonl"], stdin: line)
    let elapsed = clock.now - started
    #expect(run.status == 0, "\(run.stderr)")
    #expect(elapsed < .seconds(10), "\(elapsed)")
  }
}
