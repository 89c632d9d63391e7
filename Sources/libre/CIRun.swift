import LibreFormats
import LibreKit

#if canImport(Glibc)
  import Glibc
#endif

/// The report side of `libre lint`: the baseline to compare with, the gates, the report
/// written document by document (standard output or `--output`, plus the GitHub job
/// summary), the baseline to record, and the exit code: 2 on any error, else 1 when a gate
/// failed, else 0. What it keeps per document is the baseline's keys (with
/// `--write-baseline`), never the findings.
struct CIRun {
  let options: LintOptions
  let stream: ReportStream
  /// The GitHub job summary (`--format github` with `$GITHUB_STEP_SUMMARY` set).
  private let summary: ReportStream?
  private let file: OutputFile
  private let summaryFile: OutputFile?
  private let baseline: Baseline?
  private var recorded = Baseline()
  private var fixed: [BaselineEntry] = []
  private var gateFailed = false
  var errors: [InputError] = []
  /// Inputs skipped because a configuration's `ignore` matched them.
  var ignored = 0

  init(options: LintOptions) throws(InputError) {
    self.options = options
    if let path = options.ci.baseline {
      baseline = try Baseline.parse(try FileReader.readSettings(path), path: path)
    } else {
      baseline = nil
    }
    let file = try OutputFile(path: options.ci.output)
    self.file = file
    let color = options.ci.output == nil && Output.wantsColor(options.color)
    stream = ReportStream(format: options.ci.report, color: color, maxColumns: options.limits.columns) {
      file.write($0)
    }
    if options.ci.report == .github, let path = getenv("GITHUB_STEP_SUMMARY"), path.pointee != 0 {
      let summaryFile = try OutputFile(appendingTo: String(cString: path))
      self.summaryFile = summaryFile
      summary = ReportStream(format: .markdown) { summaryFile.write($0) }
    } else {
      summaryFile = nil
      summary = nil
    }
  }

  /// The baseline files of the run, never linted when a folder walk meets them.
  var baselineFiles: [String] { [options.ci.baseline, options.ci.writeBaseline].compactMap { $0 } }

  /// Whether a document's findings can be written section by section: a format that writes
  /// each finding on its own, no baseline (it keys the whole document's findings), and no
  /// job summary (Markdown lists a document's findings together).
  var takesSections: Bool {
    ReportStream.streamsSections(stream.format) && summary == nil && options.ci.baseline == nil
      && options.ci.writeBaseline == nil
  }

  /// Reports one document: compared with the baseline, judged by `gate` (nil: its gate
  /// failures are set already, as a document read in sections sets them), then written.
  mutating func add(_ document: DocumentReport, gate: GateSettings?) {
    var report = document
    if options.ci.writeBaseline != nil { recorded.record(report, key: key(report.path)) }
    if let baseline { fixed += baseline.apply(to: &report, key: key(report.path)) }
    if let gate { gate.judge(&report) }
    if !report.gateFailures.isEmpty {
      gateFailed = true
      // Said on standard error whatever the format, so a red build says which file failed and why.
      Output.gate(GateMessages.documentFails(report.path, report.gateFailures))
    }
    stream.add(report)
    summary?.add(report)
  }

  /// The key of the document at `path` in the baseline: relative to the baseline file's
  /// folder, so it does not depend on the working directory or on how the path was typed.
  func key(_ path: String) -> String {
    guard let file = options.ci.baseline ?? options.ci.writeBaseline else { return path }
    return BaselineKeys.key(for: path, baselineFile: file)
  }

  /// Ends the report, records the baseline, and returns the exit code; `walk` says what
  /// the walk passed by.
  func finish(walk: [String]) -> Int32 {
    for line in walk { Output.note(line) }
    if ignored > 0 { Output.note(WalkMessages.ignoredCount(ignored)) }
    do throws(InputError) {
      try stream.finish(errors: errors, fixed: fixed, comparedWithBaseline: baseline != nil)
      try file.close()
      try summary?.finish(errors: errors, fixed: fixed, comparedWithBaseline: baseline != nil)
      try summaryFile?.close()
      if let path = options.ci.writeBaseline {
        try OutputFile.write(recorded.rendered(), to: path)
        let findings = recorded.documents.values.reduce(0) { $0 + $1.findings.count }
        Output.note(CIMessages.baselineWritten(path, documents: recorded.documents.count, findings: findings))
      }
    } catch {
      // Nothing half-written replaces a previous report, and no baseline is announced.
      file.abandon()
      summaryFile?.abandon()
      Output.error(error.description)
      return 2
    }
    if !errors.isEmpty { return 2 }
    // Writing a baseline accepts today's findings: the run that records them passes.
    if options.ci.writeBaseline != nil { return 0 }
    return gateFailed ? 1 : 0
  }
}
