import LibreFormats
import LibreKit

/// `libre lint` of a file that may be an mbox: each message linted and reported as its own
/// document (`FILE#N`), one at a time, so a mailbox of any size keeps memory flat. A file
/// holding one message is linted as any other file.
enum MailboxLint {
  static func lint(
    _ path: String, options: LintOptions, resolver: inout SettingsResolver, workspace: inout LintWorkspace,
    ci: inout CIRun
  ) {
    let settings: DocumentSettings
    do throws(InputError) {
      guard let found = try resolver.settings(for: path) else { return }
      settings = found
    } catch {
      Output.error(error.description)
      ci.errors.append(error)
      return
    }
    MailboxStream.read(path, limits: options.limits) { item in
      do throws(InputError) {
        let document: Document
        switch item {
        case .failed(let error): throw error
        case .whole(let path):
          let bytes = try FileReader.read(path, limits: options.limits)
          document = try DocumentLoader.load(path: path, bytes: bytes, options: options.loadOptions)
        case .message(let mailbox, let message):
          document = try MailboxStream.load(message, mailbox: mailbox, options: options.loadOptions)
        }
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
  }
}
