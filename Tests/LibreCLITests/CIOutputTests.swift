import Foundation
import Testing

/// CI outputs through the built binary: formats, `--output`, the GitHub job summary,
/// baselines, suppression, check-lexicon, and their exit codes.
@Suite struct CIOutputTests {
  @Test(arguments: ["sarif", "github", "junit", "checkstyle", "markdown", "jsonl", "csv", "json", "text"])
  func everyFormatGatesTheSameWay(format: String) throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("pushy.txt", Texts.pushy)
    try dir.write("fine.txt", Texts.neutral)
    let failing = try dir.run(["lint", "--no-color", "--format", format, "pushy.txt", "fine.txt"])
    #expect(failing.status == 1)
    #expect(failing.stdout.contains("pushy.txt"))
    #expect(try dir.run(["lint", "--format", format, "fine.txt"]).status == 0)
  }

  @Test func outputGoesToTheFileAndTheExitCodeStillGates() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("pushy.txt", Texts.pushy)
    let result = try dir.run(["lint", "--format", "sarif", "--output", "out/report.sarif", "pushy.txt"])
    #expect(result.status == 2, "the folder does not exist: \(result.stderr)")
    #expect(result.stderr.hasPrefix("libre: error: out/report.sarif: cannot write"))
    let written = try dir.run(["lint", "--format", "sarif", "-o", "report.sarif", "pushy.txt"])
    #expect(written.status == 1)
    #expect(written.stdout.isEmpty)
    let text = try String(contentsOf: dir.url.appendingPathComponent("report.sarif"), encoding: .utf8)
    #expect(text.contains("\"version\": \"2.1.0\""))
  }

  @Test func githubAppendsAJobSummary() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("pushy.txt", Texts.pushy)
    try dir.write("summary.md", "earlier step\n")
    let environment = CLI.environment(["GITHUB_STEP_SUMMARY": dir.path + "/summary.md"])
    let result = try dir.run(["lint", "--format", "github", "pushy.txt"], environment: environment)
    #expect(result.status == 1)
    #expect(result.stdout.hasPrefix("::error file=pushy.txt,line=3,"), "\(result.stdout)")
    let summary = try String(contentsOf: dir.url.appendingPathComponent("summary.md"), encoding: .utf8)
    #expect(summary.hasPrefix("earlier step\n## Libre report\n"), "\(summary)")
    #expect(summary.contains("| `pushy.txt` |"))
  }

  @Test func aBaselineFailsOnlyOnNewFindingsAndReportsFixedOnes() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("a.txt", Texts.pushy)
    let written = try dir.run(["lint", "--write-baseline", "baseline.json", "a.txt"])
    #expect(written.status == 0, "writing a baseline accepts today's findings")
    #expect(written.stderr.contains("wrote the baseline baseline.json: 1 document(s)"))
    // Lines added above: nothing new.
    try dir.write("a.txt", "Hi Sam,\n\nA new line.\n\n" + Texts.pushy.dropFirst("Hi Sam,\n\n".count))
    let moved = try dir.run(["lint", "--no-color", "--baseline", "baseline.json", "a.txt"])
    #expect(moved.status == 0, "\(moved.stdout)")
    #expect(moved.stdout.contains("baseline: 0 new finding(s)"))
    // A new pressure phrase fails; the one removed is reported fixed.
    try dir.write("a.txt", "Hi Sam,\n\nPlease reply by Friday. Act now! You must sign today.\n")
    let changed = try dir.run(["lint", "--no-color", "--format", "json", "--baseline", "baseline.json", "a.txt"])
    #expect(changed.status == 1)
    let baseline = try #require((try changed.json()["summary"] as? [String: Any])?["baseline"] as? [String: Any])
    #expect((baseline["new"] as? Int ?? 0) > 0)
    let fixed = try #require(baseline["fixed"] as? [[String: Any]])
    #expect(
      fixed.map { "\($0.string("rule") ?? "") \($0.string("text") ?? "")" } == [
        "pressure.urgency.deadline offer expires at midnight"
      ])
  }

  @Test func aScoreBelowItsBaselineFails() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("a.txt", Texts.respectful)
    #expect(try dir.run(["lint", "--write-baseline", "b.json", "a.txt"]).status == 0)
    try dir.write("a.txt", Texts.respectful.replacingOccurrences(of: " You are free to say no, of course.", with: ""))
    let result = try dir.run(["lint", "--no-color", "--baseline", "b.json", "a.txt"])
    #expect(result.status == 1, "\(result.stdout)")
    #expect(result.stdout.contains("dropped below its baseline"))
  }

  @Test func aBrokenBaselineIsExit2() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("a.txt", Texts.neutral)
    try dir.write("b.json", "{\n\"schemaVersion\": 7}")
    let result = try dir.run(["lint", "--baseline", "b.json", "a.txt"])
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("libre: error: b.json:2: not a Libre baseline"))
  }

  @Test func aSuppressionWithAReasonSilencesTheGate() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write(
      "a.txt", "<!-- libre-disable pressure.urgency.* -- the date is real: the venue closes -->\n" + Texts.pushy)
    let result = try dir.run(["lint", "--format", "json", "a.txt"])
    let document = try result.documents()[0]
    #expect(document.findings().allSatisfy { !(($0.string("rule") ?? "").hasPrefix("pressure.urgency.")) })
    #expect((document["suppressed"] as? Int ?? 0) > 0)
    #expect((document["notices"] as? [Any])?.isEmpty == true, "a reason was given: no notice")
    try dir.write("b.txt", "<!-- libre-disable pressure.urgency.* -->\n" + Texts.pushy)
    let unexplained = try dir.run(["lint", "--format", "json", "b.txt"])
    #expect((try unexplained.documents()[0]["notices"] as? [Any])?.isEmpty == false, "no reason: a notice")
  }

  @Test func unknownFormatIsAUsageError() throws {
    let result = try CLI.run(["lint", "--format", "yaml", "-"], stdin: "hi")
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("libre: error: unknown --format value 'yaml' (text, json, jsonl, csv, sarif"))
  }
}
