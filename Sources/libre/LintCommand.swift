import LibreFormats
import LibreKit

#if canImport(Glibc)
  import Glibc
#endif

/// `libre lint`: read each input, lint it, report, and gate the exit code.
enum LintCommand {
  static func run(_ arguments: [String]) -> Int32 {
    let options: LintOptions
    var policy: LintPolicy
    do throws(UsageError) {
      options = try LintOptions.parse(arguments)
      policy = try Lexicons.policy(options.policy, limits: options.lexiconLimits)
    } catch {
      Output.error(error.description)
      return 2
    }
    Output.quiet = options.quiet
    if options.paths.isEmpty && isatty(0) == 1 {
      // Nothing named and nothing piped: waiting on the keyboard would look like a hang.
      Output.error("no input: name files or folders, or pipe text in (see libre lint --help)")
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
    var walker = BatchWalker(filter: options.filter, excluding: ci.baselineFiles)
    let entries = options.paths.isEmpty ? [.file("-")] : walker.expand(options.paths)
    walker.warn()
    if let warning = Maildir.inDeliveryWarning(walker.inDelivery) { Output.warning(warning) }
    // One workspace for the whole batch: its automaton cache stays warm from file to file.
    var workspace = LintWorkspace()
    for entry in entries {
      do throws(InputError) {
        guard case .file(let path) = entry else {
          if case .failed(let error) = entry { throw error }
          continue
        }
        let name = path == "-" ? "<stdin>" : path
        let found = try policy.settings(for: path)
        for warning in policy.takeWarnings() { Output.warning(warning) }
        guard let settings = found else {
          if walker.named.contains(path) { Output.note(WalkMessages.ignoredNamed(path)) }
          ci.ignored += 1
          continue
        }
        if MailboxStream.mayBeMailbox(path) {
          MailboxLint.lint(path, options: options, settings: settings, workspace: &workspace, ci: &ci)
          continue
        }
        if try SectionedLint.applies(to: path, options: options, sections: ci.takesSections) {
          let report = try SectionedLint.lint(
            path: path, settings: settings, options: options, workspace: &workspace, stream: ci.stream)
          ci.add(report, gate: nil)
          continue
        }
        let bytes = try FileReader.read(path, limits: options.limits)
        let document = try DocumentLoader.load(path: name, bytes: bytes, options: options.loadOptions)
        ci.lint(document, settings: settings, options: options, workspace: &workspace)
      } catch {
        Output.error(error.description)
        ci.errors.append(error)
      }
    }
    return ci.finish(walk: walker.report)
  }
}

extension CIRun {
  /// Lints `document` with `settings` and adds its report: the one way `lint` reports a
  /// document it read whole (a file, or a message of a mailbox).
  mutating func lint(
    _ document: Document, settings: InputSettings, options: LintOptions, workspace: inout LintWorkspace
  ) {
    var judged = settings.lint(document, workspace: &workspace, maxFindings: options.limits.findings)
    if options.explainSuppressed { judged.report.explainSetAside(document) }
    for warning in judged.report.warnings { Output.warning(warning) }
    add(judged.report, gate: judged.judgement.gate)
  }
}
