import Foundation
import LibreFormats
import LibreKit
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Each reporter's exact output on one small fixed run, against the files in
/// `Tests/Golden/reporters/`. After an intended change, regenerate them with
/// `LIBRE_UPDATE_GOLDEN=1 swift test --filter ReporterGoldenTests` and review the diff.
struct ReporterGoldenTests {
  /// Two documents (one failing its gate, one clean) and an input error; the test lexicon
  /// of `Fixtures`, so the output does not move when the shipped lexicons do.
  static func run() -> RunReport {
    var run = RunReport()
    var failing = Fixtures.report(
      "Hello Sam,\nYou must reply by Friday <b>&</b> \"sign\" today.\nYou are free to decline.\n",
      path: "mail/q3, final: draft.txt")
    failing.gateFailures = [GateMessages.scoreBelow(failing.result.score.score, 90)]
    run.documents.append(failing)
    run.documents.append(Fixtures.report("Here is the report.\n", path: "./mail/clean.txt"))
    run.errors.append(InputError(path: "broken.eml", line: 3, message: "not valid MIME: boundary never closed"))
    return run
  }

  static let outputs: [(file: String, render: @Sendable (RunReport) -> String)] = [
    ("run.sarif", SARIFReporter.render),
    ("run.github.txt", GitHubReporter.render),
    ("run.junit.xml", JUnitReporter.render),
    ("run.checkstyle.xml", CheckstyleReporter.render),
    ("run.md", MarkdownReporter.render),
    ("run.jsonl", JSONLReporter.render),
    ("run.csv", CSVReporter.render),
  ]

  static func goldenFolder(source: String = #filePath) -> URL {
    URL(fileURLWithPath: source).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Golden/reporters")
  }

  @Test(arguments: outputs.map(\.file))
  func matchesItsGoldenFile(_ file: String) throws {
    let render = try #require(Self.outputs.first { $0.file == file }).render
    let output = render(Self.run())
    let url = Self.goldenFolder().appendingPathComponent(file)
    if ProcessInfo.processInfo.environment["LIBRE_UPDATE_GOLDEN"] == "1" {
      try Data(output.utf8).write(to: url)
    }
    let golden = try String(contentsOf: url, encoding: .utf8)
    #expect(output == golden, "\(file) differs from its golden file; got:\n\(output)")
  }

  @Test func theXMLReportsAreWellFormed() throws {
    for render in [JUnitReporter.render, CheckstyleReporter.render] {
      let text = render(Self.run())
      let parser = XMLParser(data: Data(text.utf8))
      #expect(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")\n\(text)")
    }
  }

  @Test func theJSONReportsParse() throws {
    let sarif = try JSONSerialization.jsonObject(with: Data(SARIFReporter.render(Self.run()).utf8))
    let runs = try #require((sarif as? [String: Any])?["runs"] as? [[String: Any]])
    let results = try #require(runs.first?["results"] as? [[String: Any]])
    // Pressure findings only: "you must", "by Friday", "sign … today", and the freedom
    // statement made false by them; not the freedom statement itself.
    #expect(
      results.compactMap { $0["ruleId"] as? String }.sorted() == [
        "pressure.controlling.must", "pressure.false-freedom.contradicted", "pressure.urgency.deadline",
        "pressure.urgency.sign",
      ])
    for line in JSONLReporter.render(Self.run()).split(separator: "\n") {
      #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(line.utf8)) }
    }
  }

  @Test func sarifRegionsEndOneColumnAfterTheLastCharacter() throws {
    let run = Self.run()
    let located = try #require(run.documents[0].findings.first { $0.finding.rule.id == "pressure.urgency.deadline" })
    #expect(located.excerpt == "by Friday")
    let sarif = SARIFReporter.render(run)
    #expect(sarif.contains("\"startColumn\": \(located.column)"))
    #expect(sarif.contains("\"endColumn\": \(located.column + "by Friday".count)"))
  }
}
