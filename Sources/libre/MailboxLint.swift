import LibreFormats
import LibreKit

/// `libre lint` of a file that may be an mbox: each message linted and reported as its own
/// document (`FILE#N`), one at a time, so a mailbox of any size keeps memory flat. A file
/// holding one message is linted as any other file. Every message takes its mailbox file's
/// settings (the shared lint policy's).
enum MailboxLint {
  static func lint(
    _ path: String, options: LintOptions, settings: InputSettings, workspace: inout LintWorkspace, ci: inout CIRun
  ) {
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
        ci.lint(document, settings: settings, options: options, workspace: &workspace)
      } catch {
        Output.error(error.description)
        ci.errors.append(error)
      }
    }
  }
}
