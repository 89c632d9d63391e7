import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Plain text larger than `--section-size` is linted section by section (a gigabyte log is
/// linted in bounded memory, not refused): same findings at the same lines and columns, and
/// the same document score, as the whole text linted at once.
@Suite struct SectionedLintTests {
  /// About 6 KB of email-like paragraphs with findings on many lines, Unicode before some
  /// (columns count scalars), a subject line, and paragraphs longer than a 256-byte section
  /// (cut at line breaks). Each line says all it means on its own, a request is followed by
  /// its freedom statement in the same line, and pressure is one category with no
  /// contradiction: so the document rules find per section what they find in the whole.
  static func text() -> String {
    let lines = [
      "You are free to say no.", "No obligation at all.", "Whatever you decide is fine with me.",
      "Café, résumé, naïve — you are free to decline, of course.",
      "Please reply when you can. You are free to say no.",
      "We help sales teams see which deals are likely to close.", "How does your team handle this today?",
    ]
    var seed: UInt64 = 7
    func next(_ bound: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(seed >> 33) % bound
    }
    var paragraphs = ["Subject: a quick question, no obligation", "Hi Sam,"]
    for index in 0..<40 {
      var paragraph = (0..<(1 + next(6))).map { _ in lines[next(lines.count)] }
      if [5, 20, 35].contains(index) { paragraph.insert("You must read the attached contract.", at: 1) }
      paragraphs.append(paragraph.joined(separator: "\n"))
    }
    return paragraphs.joined(separator: "\n\n") + "\n\nBest,\nAlex\n"
  }

  /// The finding records (rule, line, column) and the document record of a JSONL report.
  static func parse(_ output: String) throws -> (findings: [String], score: Int, count: Int) {
    var findings: [String] = []
    var score = -1
    var count = -1
    for line in output.split(separator: "\n") {
      let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      switch record["type"] as? String {
      case "finding":
        findings.append("\(record["rule"]!) \(record["line"]!):\(record["column"]!)-\(record["endColumn"]!)")
      case "document":
        score = try #require(record["score"] as? Int)
        count = try #require(record["findings"] as? Int)
      default: break
      }
    }
    return (findings, score, count)
  }

  @Test func aTextLintedInSectionsMatchesItLintedWhole() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("long.txt", Self.text())
    let whole = try dir.run(["lint", "--format", "jsonl", "--fail-on", "none", "long.txt"])
    let sectioned = try dir.run(
      ["lint", "--format", "jsonl", "--fail-on", "none", "--section-size", "256", "long.txt"])
    #expect(whole.status == 0 && sectioned.status == 0, "\(whole.stderr)\(sectioned.stderr)")
    #expect(!whole.stderr.contains("sections"))
    // It was read in sections, and says so.
    let warning = try #require(sectioned.stderr.split(separator: "\n").first { $0.contains("sections") })
    let sections = try #require(Int(warning.split(separator: " ").drop { $0 != "in" }.dropFirst().first ?? ""))
    #expect(sections > 10, "\(warning)")
    #expect(warning.contains("ran per section") && warning.contains("--section-size"))
    let expected = try Self.parse(whole.stdout)
    let got = try Self.parse(sectioned.stdout)
    // The premise: findings of several kinds, on many lines, a score not clamped.
    #expect(Set(expected.findings.map { $0.split(separator: " ")[0] }).count >= 4, "\(expected.findings)")
    #expect(!expected.findings.contains { $0.hasPrefix("pressure.stacked") || $0.hasPrefix("pressure.false") })
    #expect(expected.findings.count > 50 && expected.score > 0 && expected.score < 100)
    #expect(got.findings == expected.findings)
    #expect(got.score == expected.score)
    #expect(got.count == expected.count && got.count == got.findings.count)
  }

  @Test func sarifFingerprintsCountOccurrencesOverTheWholeFile() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("long.txt", Self.text())
    func fingerprints(_ arguments: [String]) throws -> [String] {
      let run = try dir.run(["lint", "--format", "sarif", "--fail-on", "none"] + arguments + ["long.txt"])
      let root = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
      let runs = try #require(root["runs"] as? [[String: Any]])
      let results = try #require(runs.first?["results"] as? [[String: Any]])
      return results.compactMap { ($0["partialFingerprints"] as? [String: String])?["libre/v1"] }
    }
    let whole = try fingerprints([])
    let sectioned = try fingerprints(["--section-size", "256"])
    // The same "you must" three times: three occurrences, three fingerprints.
    #expect(whole.count >= 3 && Set(whole).count == whole.count)
    #expect(sectioned == whole)
  }

  @Test func plainTextOverTheInputSizeIsLintedNotRefused() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("long.txt", Self.text())
    try dir.write("page.md", "# Title\n\n" + Self.text())
    try dir.write("ok.txt", Texts.neutral)
    let run = try dir.run(
      ["lint", "--fail-on", "none", "--max-input-size", "2K", "--section-size", "1K", "long.txt", "page.md", "ok.txt"])
    #expect(run.status == 2)
    #expect(run.stdout.contains("long.txt: score") && run.stdout.contains("ok.txt: score"))
    // Markdown is parsed whole: the size limit still holds for it.
    #expect(run.stderr.contains("libre: error: page.md: ") && run.stderr.contains("--max-input-size"))
    // JSON writes a document whole: plain text past the limit is refused, saying how to lint it.
    let json = try dir.run(
      ["lint", "--format", "json", "--max-input-size", "2K", "--section-size", "1K", "long.txt", "ok.txt"])
    #expect(json.status == 2)
    #expect(json.stderr.contains("libre: error: long.txt: ") && json.stderr.contains("--format json needs"))
    #expect(json.stderr.contains("--max-input-size") && json.stderr.contains("--format text, jsonl"))
    #expect(try json.documents().count == 1)
    // A baseline keys the whole document's findings: the text is read whole, within the limit.
    let recorded = try dir.run(["lint", "--section-size", "1K", "--write-baseline", "base.json", "long.txt"])
    #expect(recorded.status == 0 && !recorded.stderr.contains("sections"), "\(recorded.stderr)")
    let over = try dir.run(
      ["lint", "--max-input-size", "2K", "--section-size", "1K", "--baseline", "base.json", "long.txt"])
    #expect(over.status == 2 && over.stderr.contains("long.txt: ") && over.stderr.contains("a baseline needs"))
  }

  @Test func aLineTooLongInASectionedTextNamesTheLimitAndTheBatchGoesOn() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    let long = Self.text() + String(repeating: "you must sign ", count: 300) + "\nYou are free to say no.\n"
    try dir.write("long.txt", long)
    try dir.write("ok.txt", Texts.neutral)
    let line = long.split(separator: "\n", omittingEmptySubsequences: false).count - 2
    for format in ["text", "checkstyle", "sarif"] {
      let run = try dir.run(
        ["lint", "--format", format, "--section-size", "1K", "--max-line-length", "2K", "long.txt", "ok.txt"])
      #expect(run.status == 2)
      #expect(
        run.stderr.contains("libre: error: long.txt:\(line): line longer than the maximum line length of 2 KiB"),
        "\(run.stderr)")
      #expect(run.stderr.contains("--max-line-length"))
      // SARIF lists pressure findings only: the clean file has none to show.
      if format != "sarif" { #expect(run.stdout.contains("ok.txt")) }
      if format == "checkstyle" {
        let parser = XMLParser(data: Data(run.stdout.utf8))
        #expect(parser.parse(), "not well-formed:\n\(run.stdout)")
      }
      if format == "sarif" {
        #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) }
      }
    }
  }

  @Test func everySectionedFormatWritesEachFindingOnce() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("long.txt", Self.text())
    let reference = try Self.parse(
      try dir.run(["lint", "--format", "jsonl", "--fail-on", "none", "--section-size", "256", "long.txt"]).stdout)
    let pressure = reference.findings.filter { $0.hasPrefix("pressure.") }.count
    #expect(pressure >= 3)
    let counts: [(String, (String) -> Int)] = [
      ("csv", { $0.split(separator: "\r\n").count - 1 }),
      ("github", { $0.split(separator: "\n").filter { $0.hasPrefix("::") }.count }),
      ("checkstyle", { $0.components(separatedBy: "source=\"libre.pressure").count - 1 }),
      ("sarif", { $0.components(separatedBy: "\"ruleId\"").count - 1 }),
    ]
    for (format, count) in counts {
      let run = try dir.run(["lint", "--format", format, "--fail-on", "none", "--section-size", "256", "long.txt"])
      #expect(run.status == 0, "\(format): \(run.stderr)")
      let expected = format == "csv" ? reference.findings.count : pressure
      #expect(count(run.stdout) == expected, "\(format)")
    }
  }
}
