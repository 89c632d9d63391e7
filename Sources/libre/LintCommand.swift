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
    // The report is written document by document (`ReportStream`): memory stays flat over
    // a batch of any size, whatever the format. So the baseline is read first.
    var ci: CIRun
    do throws(InputError) {
      ci = try CIRun(options: options)
    } catch {
      Output.error(error.description)
      return 2
    }
    var skipped: [String] = []
    var inDelivery: [String] = []
    let inputs =
      options.paths.isEmpty ? ["-"] : PathWalker.expand(options.paths, skipped: &skipped, inDelivery: &inDelivery)
    if let warning = PathWalker.skippedWarning(skipped) { Output.warning(warning) }
    if let warning = Maildir.inDeliveryWarning(inDelivery) { Output.warning(warning) }
    // One workspace for the whole batch: its automaton cache stays warm from file to file.
    var workspace = LintWorkspace()
    var resolver = SettingsResolver(options: options, builtIn: linter)
    for path in inputs {
      if MailboxStream.mayBeMailbox(path) {
        MailboxLint.lint(path, options: options, resolver: &resolver, workspace: &workspace, ci: &ci)
        continue
      }
      let name = path == "-" ? "<stdin>" : path
      do {
        guard let settings = try resolver.settings(for: path) else { continue }
        if try SectionedLint.applies(to: path, options: options, sections: ci.takesSections) {
          let report = try SectionedLint.lint(
            path: path, settings: settings, options: options, workspace: &workspace, stream: ci.stream)
          ci.add(report, gate: nil)
          continue
        }
        let bytes = try FileReader.read(path, limits: options.limits)
        let document = try DocumentLoader.load(path: name, bytes: bytes, options: options.loadOptions)
        var result = settings.linter.lint(document, options: settings.documentOptions, workspace: &workspace)
        let policy = settings.policy(for: path, document: document, options: options)
        policy.rules.apply(to: &result)
        var report = DocumentReport(document: document, result: result, maxFindings: options.limits.findings)
        if options.explainSuppressed { report.explainSetAside(document) }
        for warning in report.warnings { Output.warning(warning) }
        ci.add(report, gate: policy.gate)
      } catch {
        Output.error(error.description)
        ci.errors.append(error)
      }
    }
    return ci.finish()
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
