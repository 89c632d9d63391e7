import LibreFormats
import LibreKit

#if canImport(Glibc)
  import Glibc
#endif

/// `libre lint`: read each input, lint it, report, and gate the exit code.
enum LintCommand {
  static func run(_ arguments: [String]) -> Int32 {
    let options: LintOptions
    let linter: Linter
    do throws(UsageError) {
      options = try LintOptions.parse(arguments)
      linter = Linter(lexicons: try Lexicons.compile(extra: options.lexicons, limits: options.lexiconLimits))
    } catch {
      Output.error(error.description)
      return 2
    }
    if options.paths.isEmpty && isatty(0) == 1 {
      // Nothing named and nothing piped: waiting on the keyboard would look like a hang.
      Output.error("no input: name files or folders, or pipe text in (see libre --help)")
      return 2
    }
    var run = RunReport()
    // Text is written document by document, so memory stays flat over a large batch; JSON is
    // one object, written at the end.
    var streamed = StreamedTotals()
    let reporter = TextReporter(color: Output.wantsColor(options.color))
    let inputs = options.paths.isEmpty ? ["-"] : PathWalker.expand(options.paths)
    // One workspace for the whole batch: its automaton cache stays warm from file to file.
    var workspace = LintWorkspace()
    var configurations = ConfigurationCache(forced: options.configuration)
    for path in inputs {
      let name = path == "-" ? "<stdin>" : path
      do {
        let bytes = try FileReader.read(path, limits: options.limits)
        let document = try DocumentLoader.load(path: name, bytes: bytes, options: options.loadOptions)
        let configuration = try configurations.configuration(for: path)
        let reps = options.reps.isEmpty ? configuration?.reps ?? [] : options.reps
        let documentOptions = DocumentOptions(language: options.language, reps: reps, everyone: options.everyone)
        let result = linter.lint(document, options: documentOptions, workspace: &workspace)
        let report = DocumentReport(document: document, result: result)
        for warning in report.warnings { Output.warning(warning) }
        if options.format == .text {
          var one = RunReport()
          one.documents = [report]
          Output.standard(reporter.render(one))
          streamed.add(report, gateFails: options.gateFails(report))
        } else {
          run.documents.append(report)
        }
      } catch {
        Output.error(error.description)
        run.errors.append(error)
      }
    }
    switch options.format {
    case .text:
      if streamed.documents + run.errors.count > 1 {
        Output.standard(
          "\(streamed.documents) document(s), \(streamed.findings) finding(s), \(run.errors.count) error(s)\n")
      }
    case .json: Output.standard(JSONReporter.render(run))
    }
    if !run.errors.isEmpty { return 2 }
    return streamed.gateFailed || gateFails(run, options) ? 1 : 0
  }

  /// What the text output needs of the documents already written: counts and the gate.
  struct StreamedTotals {
    var documents = 0
    var findings = 0
    var gateFailed = false

    mutating func add(_ report: DocumentReport, gateFails: Bool) {
      documents += 1
      findings += report.findings.count
      gateFailed = gateFailed || gateFails
    }
  }

  /// Whether a finding at or above `--fail-on`, or a score under `--min-score`, fails the run.
  static func gateFails(_ run: RunReport, _ options: LintOptions) -> Bool {
    run.documents.contains(where: options.gateFails)
  }
}

extension LintOptions {
  /// Whether one document fails the gates: a pressure finding at or above `--fail-on`, or a
  /// score under `--min-score` (freedom statements never fail).
  func gateFails(_ document: DocumentReport) -> Bool {
    if let minimum = minimumScore, document.result.score.score < minimum { return true }
    guard let threshold = Severity(rawValue: failOn.rawValue) else { return false }
    return document.findings.contains {
      $0.finding.rule.polarity == .pressure && $0.finding.rule.severity >= threshold
    }
  }
}
