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
    let inputs = options.paths.isEmpty ? ["-"] : PathWalker.expand(options.paths)
    // One workspace for the whole batch: its automaton cache stays warm from file to file.
    var workspace = LintWorkspace()
    var resolver = SettingsResolver(options: options, builtIn: linter)
    var gates: [GateSettings] = []
    // A text report on standard output is written document by document, so memory stays
    // flat over a large batch; the other formats, a report file and the baselines need the
    // whole run, kept until the end.
    let streaming = CIRun.canStream(options)
    var streamed = StreamedTotals()
    for path in inputs {
      let name = path == "-" ? "<stdin>" : path
      do {
        guard let settings = try resolver.settings(for: path) else { continue }
        let bytes = try FileReader.read(path, limits: options.limits)
        let document = try DocumentLoader.load(path: name, bytes: bytes, options: options.loadOptions)
        var result = settings.linter.lint(document, options: settings.documentOptions, workspace: &workspace)
        let policy = settings.policy(for: path, document: document, options: options)
        policy.rules.apply(to: &result)
        var report = DocumentReport(document: document, result: result)
        for warning in report.warnings { Output.warning(warning) }
        if streaming {
          report.gateFailures = policy.gate.failures(report)
          var one = RunReport()
          one.documents = [report]
          Output.standard(CIRun.render(one, options: options))
          streamed.add(report)
        } else {
          run.documents.append(report)
          gates.append(policy.gate)
        }
      } catch {
        Output.error(error.description)
        run.errors.append(error)
      }
    }
    if streaming { return CIRun.finishStreamed(streamed, errors: run.errors) }
    return CIRun.finish(&run, gates: gates, options: options)
  }

  /// What the text output needs of the documents already written: counts and the gate.
  struct StreamedTotals {
    var documents = 0
    var findings = 0
    var gateFailed = false

    mutating func add(_ report: DocumentReport) {
      documents += 1
      findings += report.findings.count
      gateFailed = gateFailed || !report.gateFailures.isEmpty
    }
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
