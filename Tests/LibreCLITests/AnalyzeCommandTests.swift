import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct AnalyzeCommandTests {
  /// The JSON Lines of stdout, parsed.
  func records(_ result: CLIResult) throws -> [[String: Any]] {
    try result.stdout.split(separator: "\n").map { line in
      try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }
  }

  func summary(_ records: [[String: Any]]) throws -> [String: Any] {
    let last = try #require(records.last)
    #expect(last.string("type") == "summary")
    return try #require(last["summary"] as? [String: Any])
  }

  @Test func walksWithIncludeAndExcludeGlobs() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("mail/a.txt", Texts.neutral)
    try dir.write("mail/b.md", Texts.respectful)
    try dir.write("calls/c.txt", Texts.pushy)
    try dir.write("archive/d.txt", Texts.pushy)
    let result = try dir.run(["analyze", "-f", "jsonl", "--include", "*.txt", "--exclude", "archive", "."])
    let paths = try records(result).dropLast().compactMap { $0.string("path") }
    #expect(paths == ["./calls/c.txt", "./mail/a.txt"])
    let deep = try dir.run(["analyze", "-f", "jsonl", "--include", "mail/**", "."])
    #expect(try records(deep).dropLast().compactMap { $0.string("path") } == ["./mail/a.txt", "./mail/b.md"])
  }

  /// A symlink loop, an unreadable file, a binary file, a missing path and good files: every
  /// input is a result or an error record, the summary adds up, and the exit code is 2.
  @Test func nothingLostWithBadInputs() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("in/good1.txt", Texts.neutral)
    try dir.write("in/good2.txt", Texts.respectful)
    try dir.write("in/binary.txt", bytes: [0x48, 0x69, 0x00, 0x01, 0x02])
    let locked = try dir.write("in/locked.txt", Texts.pushy)
    try FileManager.default.createSymbolicLink(atPath: dir.path + "/in/loop", withDestinationPath: dir.path + "/in")
    // Unreadable even for root: a link to nothing.
    try FileManager.default.createSymbolicLink(
      atPath: dir.path + "/in/dangling.txt", withDestinationPath: dir.path + "/nowhere.txt")
    chmod(locked.path, 0)
    defer { chmod(locked.path, 0o644) }
    // Root reads a mode-000 file anyway: then it is a result, not an error.
    let lockedReadable = access(locked.path, R_OK) == 0
    if lockedReadable { print("running as root: a chmod 000 file stays readable, so it counts as a result") }
    let result = try dir.run(["analyze", "-f", "jsonl", "in", "missing.txt"])
    let all = try records(result)
    let summary = try summary(all)
    let documents = all.filter { $0.string("type") == "document" }.count
    let errors = all.filter { $0.string("type") == "error" }.count
    #expect(summary.int("inputs") == 6)
    #expect(summary.int("inputs") == summary.int("documents")! + summary.int("errors")!)
    #expect(documents == summary.int("documents") && errors == summary.int("errors"))
    #expect(errors == (lockedReadable ? 3 : 4))
    #expect(result.stderr.contains("dangling.txt: cannot open"))
    #expect(result.stderr.contains("binary file"))
    #expect(result.stderr.contains("missing.txt"))
    #expect(result.stderr.contains("symbolic link"))
    #expect(result.status == 2)
  }

  @Test func orderIsTheSameWithOneOrTwoJobs() throws {
    let root = try CLI.packageRoot()
    let one = try CLI.run(["analyze", "-q", "-f", "jsonl", "--jobs", "1", "corpora"], in: root)
    let two = try CLI.run(["analyze", "-q", "-f", "jsonl", "--jobs", "2", "corpora"], in: root)
    #expect(one.status == two.status)
    #expect(one.stdout == two.stdout)
    #expect(try records(one).count > 100)
  }

  @Test func csvQuotesPathsWithCommasQuotesAndNewlines() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    let name = "odd, \"name\"\nhere.txt"
    try dir.write(name, Texts.pushy)
    let result = try dir.run(["analyze", "-f", "csv", name])
    #expect(result.stdout.hasPrefix("status,path,format,"))
    #expect(result.stdout.contains("\r\nok,\"odd, \"\"name\"\"\nhere.txt\",text,en,"))
    #expect(result.stdout.hasSuffix("\r\n"))
  }

  @Test func stdinJSONLBadLineIsAnErrorRecordAndTheRestGoesOn() throws {
    let input = """
      {"id": "m1", "text": "Hi Sam, you must sign today.", "team": "north"}
      {"id": "broken", "text": 
      {"id": "c1", "segments": [{"speaker": "Sam", "text": "I need to think about it."}, {"speaker": "Alex", "text": "You must decide now."}], "rep": ["Alex"], "team": "south"}

      """
    let result = try CLI.run(["analyze", "--stdin-jsonl", "-f", "jsonl", "--group-by", "team"], stdin: input)
    let all = try records(result)
    #expect(all.map { $0.string("type") } == ["document", "error", "document", "summary"])
    #expect(all[1].string("path") == "<stdin>" && all[1].int("line") == 2)
    #expect(result.stderr.contains("<stdin>:2:"))
    #expect(all[2].string("group") == "south")
    let summary = try summary(all)
    #expect(summary.int("inputs") == 3 && summary.int("errors") == 1)
    #expect(result.status == 2)
  }

  @Test func jsonHasDocumentsErrorsAndSummary() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("a.txt", Texts.neutral)
    let result = try dir.run(["analyze", "-f", "json", "a.txt", "nope.txt", "--output", "out.json"])
    #expect(result.stdout.isEmpty)
    let data = try Data(contentsOf: dir.url.appendingPathComponent("out.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(json.int("schemaVersion") == 1)
    #expect((json["documents"] as? [Any])?.count == 1)
    #expect((json["errors"] as? [Any])?.count == 1)
    #expect((json["summary"] as? [String: Any])?.int("inputs") == 2)
    #expect(result.status == 2)
  }

  /// `--format html -o FILE`: one page, the transcript's markup shown as text, the failed
  /// input listed, a timeline for the call.
  @Test func htmlReportIsOneEscapedPage() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write(
      "calls/x.vtt",
      "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Alex>Hi <script>alert(1)</script>, you need to sign today.\n\n"
        + "00:00:05.000 --> 00:00:08.000\n<v Sam>I need to think about it.\n\n"
        + "00:00:09.000 --> 00:00:12.000\n<v Alex>You must decide by Friday.\n")
    try dir.write("mail/a.txt", Texts.pushy)
    let result = try dir.run(["analyze", "-q", "-f", "html", "--rep", "Alex", "-o", "report.html", ".", "nope.txt"])
    #expect(result.status == 2)
    #expect(result.stdout.isEmpty)
    let html = try String(contentsOf: dir.url.appendingPathComponent("report.html"), encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"))
    // One script element, the report's own; the cue's tags are left out of its line.
    #expect(html.components(separatedBy: "<script").count == 2 && !html.contains("<script>alert"))
    #expect(html.contains("<div class=\"source\">Hi alert(1), <mark>you need to</mark> sign today."))
    #expect(!html.contains("http://") && !html.contains("https://"))
    #expect(html.contains("inputs = 2 results + 1 errors"))
    #expect(html.contains("nope.txt"))
    #expect(html.contains("time in the call"))
    #expect(html.components(separatedBy: "<svg").count == html.components(separatedBy: "</svg>").count)
  }

  @Test func gatesAsLint() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("a.txt", Texts.pushy)
    #expect(try dir.run(["analyze", "a.txt"]).status == 1)
    #expect(try dir.run(["analyze", "--fail-on", "none", "a.txt"]).status == 0)
    #expect(try dir.run(["analyze", "--bogus", "a.txt"]).status == 2)
  }

  /// Three shards analyzed apart and merged print exactly what one run prints.
  @Test func shardsMergedEqualOneRun() throws {
    let root = try CLI.packageRoot()
    let dir = try TempDir()
    defer { dir.remove() }
    let listed = try CLI.run(["analyze", "-q", "-f", "csv", "--fail-on", "none", "corpora"], in: root)
    let paths = listed.stdout.split(separator: "\r\n").dropFirst().map { line in
      String(line.split(separator: ",")[1])
    }
    #expect(paths.count > 100)
    var partials: [String] = []
    for shard in 0..<3 {
      let list = paths.enumerated().filter { $0.offset % 3 == shard }.map(\.element).joined(separator: "\n")
      let listFile = try dir.write("shard\(shard).txt", list + "\n")
      let partial = dir.path + "/part\(shard).json"
      partials.append(partial)
      let run = try CLI.run(
        ["analyze", "-q", "--files-from", listFile.path, "--emit-partial", partial, "-f", "jsonl"], in: root)
      #expect(run.status != 2, "\(run.stderr)")
    }
    let one = try CLI.run(["analyze", "-q", "corpora"], in: root)
    let merged = try CLI.run(["merge"] + partials, in: root)
    #expect(merged.status == 0)
    #expect(merged.stdout == one.stdout)
    #expect(merged.stdout.contains("inputs \(paths.count) = "))
    let oneJSON = try CLI.run(["analyze", "-q", "-f", "json", "corpora"], in: root).json()
    let mergedJSON = try CLI.run(["merge", "-f", "json"] + partials.reversed(), in: root).json()
    let a = try JSONSerialization.data(withJSONObject: try #require(oneJSON["summary"]), options: .sortedKeys)
    let b = try JSONSerialization.data(withJSONObject: try #require(mergedJSON["summary"]), options: .sortedKeys)
    #expect(a == b)
  }
}

extension AnalyzeCommandTests {
  @Test func theNearestConfigurationNamesTheRepOfEachCall() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("team-a/call.vtt", FormatCommandTests.call)
    try dir.write("team-a/.libre.json", #"{ "speakers": { "rep": "Alex" } }"#)
    try dir.write("team-b/call.vtt", FormatCommandTests.call)
    let result = try dir.run(["analyze", "--format", "jsonl", "--jobs", "2", "team-a", "team-b"])
    let groups = try records(result).filter { $0["type"] as? String == "document" }.map { $0["group"] as? String }
    // team-a's configuration names Alex; team-b has none, so the heuristic picks Sam.
    #expect(groups == ["Alex", "Sam"], "\(result.stdout)")
  }
}
