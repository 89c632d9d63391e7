import LibreFormats
import LibreKit

#if canImport(Glibc)
  import Glibc
#endif

/// The end of `libre lint`: compare with the baseline, judge the gates, write the report
/// (standard output or `--output`, plus the GitHub job summary), record a baseline, and
/// choose the exit code: 2 on any error, else 1 when a gate failed, else 0.
enum CIRun {
  /// `gates` holds each document's gate settings, in `run.documents` order.
  static func finish(_ run: inout RunReport, gates: [GateSettings], options: LintOptions) -> Int32 {
    let recorded = Baseline(run: run)
    if let path = options.ci.baseline {
      do throws(InputError) {
        try Baseline.parse(try FileReader.read(path), path: path).apply(to: &run)
      } catch {
        Output.error(error.description)
        return 2
      }
    }
    for index in run.documents.indices {
      var failures = gates[index].failures(run.documents[index])
      let score = run.documents[index].result.score.score
      if let baseline = run.documents[index].baselineScore, score < baseline {
        failures.append(GateMessages.scoreDropped(score, baseline))
      }
      run.documents[index].gateFailures = failures
    }
    let report = render(run, options: options)
    do throws(InputError) {
      if let path = options.ci.output {
        try OutputFile.write(report, to: path)
      } else {
        Output.standard(report)
      }
      if options.ci.report == .github, let summary = getenv("GITHUB_STEP_SUMMARY"), summary.pointee != 0 {
        try append(MarkdownReporter.render(run), to: String(cString: summary))
      }
      if let path = options.ci.writeBaseline {
        try OutputFile.write(recorded.rendered(), to: path)
        let findings = recorded.documents.values.reduce(0) { $0 + $1.findings.count }
        Output.note(CIMessages.baselineWritten(path, documents: recorded.documents.count, findings: findings))
      }
    } catch {
      Output.error(error.description)
      return 2
    }
    if !run.errors.isEmpty { return 2 }
    // Writing a baseline accepts today's findings: the run that records them passes.
    if options.ci.writeBaseline != nil { return 0 }
    return run.gateFailed ? 1 : 0
  }

  /// Whether the report can be written document by document: text on standard output, with
  /// no baseline to compare with or record (those need the whole run first).
  static func canStream(_ options: LintOptions) -> Bool {
    options.ci.report == .text && options.ci.output == nil && options.ci.baseline == nil
      && options.ci.writeBaseline == nil
  }

  /// The end of a streamed run: the totals line the whole-run text report ends with, and
  /// the exit code.
  static func finishStreamed(_ totals: LintCommand.StreamedTotals, errors: [InputError]) -> Int32 {
    if totals.documents + errors.count > 1 {
      Output.standard("\(totals.documents) document(s), \(totals.findings) finding(s), \(errors.count) error(s)\n")
    }
    if !errors.isEmpty { return 2 }
    return totals.gateFailed ? 1 : 0
  }

  static func render(_ run: RunReport, options: LintOptions) -> String {
    switch options.ci.report {
    case .text: return TextReporter(color: options.ci.output == nil && Output.wantsColor(options.color)).render(run)
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

  /// Appends `text` to the file at `path` (created when missing).
  static func append(_ text: String, to path: String) throws(InputError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw InputError(path: path, message: "cannot write: \(String(cString: strerror(errno)))")
    }
    Output.write(text, to: descriptor)
    close(descriptor)
  }
}
