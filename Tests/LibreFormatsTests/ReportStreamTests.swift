import LibreKit
import Testing

@testable import LibreFormats

/// `ReportStream` writes each format document by document; what it writes must be, byte for
/// byte, what the format's reporter renders from the whole run (the golden files hold those).
struct ReportStreamTests {
  static func streamed(_ run: RunReport, _ format: ReportFormat) throws -> String {
    var out = ""
    let stream = ReportStream(format: format) { out += $0 }
    for document in run.documents { stream.add(document) }
    try stream.finish(errors: run.errors, fixed: run.fixed, comparedWithBaseline: run.comparedWithBaseline)
    return out
  }

  static func rendered(_ run: RunReport, _ format: ReportFormat) -> String {
    switch format {
    case .text: return TextReporter(color: false).render(run)
    case .json: return JSONReporter.render(run)
    case .jsonl: return JSONLReporter.render(run)
    case .csv: return CSVReporter.render(run)
    case .sarif: return SARIFReporter.render(run)
    case .github: return GitHubReporter.render(run)
    case .junit: return JUnitReporter.render(run)
    case .checkstyle: return CheckstyleReporter.render(run)
    case .markdown: return MarkdownReporter.render(run)
    }
  }

  /// The golden run, a run with no document, one with only an error, and a run compared
  /// with a baseline (a known finding, a fixed one, a score drop).
  static func runs() -> [(String, RunReport)] {
    var empty = RunReport()
    empty.errors = []
    var errorOnly = RunReport()
    errorOnly.errors = [InputError(path: "a.eml", message: "cannot open")]
    var single = RunReport()
    single.documents = [Fixtures.report("You are free to decline.\n", path: "one.txt")]
    var baseline = Baseline()
    baseline.record(Fixtures.report("You must reply by Friday.\nWe need it now, act now.\n", path: "b.txt"))
    var compared = RunReport()
    compared.documents = [Fixtures.report("You must reply by Friday.\n", path: "b.txt")]
    compared.documents[0].gateFailures = ["score dropped"]
    compared.documents.append(Fixtures.report("Here is the report.\n", path: "c.txt"))
    baseline.documents["b.txt"]?.score = 100
    baseline.apply(to: &compared)
    return [
      ("golden", ReporterGoldenTests.run()), ("empty", empty), ("error only", errorOnly), ("single", single),
      ("baseline", compared),
    ]
  }

  @Test(arguments: ReportFormat.allCases)
  func streamingWritesWhatTheReporterRenders(_ format: ReportFormat) throws {
    for (name, run) in Self.runs() {
      let streamed = try Self.streamed(run, format)
      let rendered = Self.rendered(run, format)
      #expect(streamed == rendered, "\(format), \(name) run: streamed\n\(streamed)\nrendered\n\(rendered)")
    }
  }

  @Test func aSpoolLongerThanItsBufferComesBackWhole() throws {
    // Many documents: SARIF's results and JUnit's test cases go through a temporary file.
    var run = RunReport()
    for index in 0..<400 {
      run.documents.append(Fixtures.report("Été: you must reply by Friday, ça presse.\n", path: "mail-\(index).txt"))
    }
    for format in [ReportFormat.sarif, .junit, .markdown] {
      #expect(try Self.streamed(run, format) == Self.rendered(run, format), "\(format)")
    }
  }

  @Test func aChunkCutInsideAScalarWaitsForItsEnd() {
    let bytes = Array("aé€😀".utf8)
    for end in 0...bytes.count {
      let cut = Spool.completeScalars(Array(bytes[0..<end]))
      #expect(String(validating: bytes[0..<cut], as: UTF8.self) != nil, "cut \(cut) of \(end)")
      #expect(end - cut < 4)
    }
  }
}
