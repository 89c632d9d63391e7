import LibreFormats
import LibreKit

/// One input of `libre analyze`, as the producer hands it to a worker.
enum AnalysisInput: Sendable {
  /// A file to read.
  case file(String)
  /// A line of `--stdin-jsonl` (1-based number, bytes without the line break).
  case jsonl(line: Int, bytes: [UInt8])
  /// An input already known to have failed (a folder that could not be walked).
  case failed(InputError)
  /// A message of an mbox (`FILE#N`).
  case message(mailbox: String, MboxMessage)
}

/// What a worker made of one input: everything the consumer needs, already rendered, so
/// the consumer (one thread, in order) only writes and adds integers.
enum AnalysisOutcome: Sendable {
  case document(summary: DocumentSummary, record: [UInt8], warnings: [String], gateFailures: [String], path: String)
  case failure(InputError, record: String)
  /// A file its configuration's `ignore` matches.
  case ignored(path: String, warnings: [String])
  /// An input deliberately not analyzed (outside `--since`/`--until`, received mail with
  /// `--me`), with the reason counted in the run's notes.
  case skipped(reason: String)
}

/// The work done on a worker thread for one input: read, load, lint, summarize, render.
struct AnalysisWorker: Sendable {
  let linter: Linter
  let options: AnalyzeOptions
  let format: any AnalysisRecordFormat
  let policy: SharedPolicy

  func process(_ input: AnalysisInput, workspace: inout LintWorkspace) -> AnalysisOutcome {
    let loadOptions = options.lint.loadOptions
    let document: Document
    var settings: InputSettings
    var fields: [String: String] = [:]
    var warnings: [String] = []
    do throws(InputError) {
      switch input {
      case .failed(let error): throw error
      case .file(let path):
        let (found, said) = policy.settings(for: path)
        warnings = said
        guard let resolved = try found.get() else { return .ignored(path: path, warnings: warnings) }
        settings = resolved
        document = try DocumentLoader.load(
          path: path, bytes: try FileReader.read(path, limits: loadOptions.limits), options: loadOptions)
      case .message(let mailbox, let message):
        // A message of an mbox takes the settings of its mailbox file.
        let (found, said) = policy.settings(for: mailbox)
        warnings = said
        guard let resolved = try found.get() else { return .ignored(path: mailbox, warnings: warnings) }
        settings = resolved
        document = try MailboxStream.load(message, mailbox: mailbox, options: loadOptions)
      case .jsonl(let line, let bytes):
        let parsed = try JSONLInput.parse(bytes, lineNumber: line, options: loadOptions)
        // A JSONL document has no folder: the configuration of the working directory governs it.
        let (found, said) = policy.settings(for: "-")
        warnings = said
        guard let resolved = try found.get() else { return .ignored(path: "-", warnings: warnings) }
        settings = resolved
        document = parsed.document
        fields = parsed.fields
        settings.documentOptions.reps += parsed.reps
      }
    } catch {
      return .failure(error, record: format.error(error))
    }
    let wanted = options.wantedMessageFields
    let mail = document.format == "eml" && !wanted.none ? MessageFields.read(document.original, wanted: wanted) : nil
    if let reason = options.mail.skipReason(mail) { return .skipped(reason: reason) }
    // No analyze format writes a finding's occurrence (a baseline's and SARIF's business).
    var report = settings.lint(
      document, workspace: &workspace, numberingOccurrences: false, maxFindings: options.lint.limits.findings
    ).report
    if options.lint.explainSuppressed { report.explainSetAside(document) }
    var summary = DocumentSummary(
      report: report, group: group(report, fields: fields, given: settings.documentOptions.reps, mail: mail))
    summary.messageID = mail?.messageID
    summary.date = mail?.date
    summary.sender = mail?.sender
    if let period = options.by {
      var path: String?
      if case .file(let file) = input { path = file }
      summary.period = DocumentDate.day(mail: mail, fields: fields, path: path).map { period.key(day: $0) }
    }
    return .document(
      summary: summary, record: format.documentBytes(report, summary: summary), warnings: warnings + report.warnings,
      gateFailures: report.gateFailures, path: report.path)
  }

  /// The document's key in the per-rep table.
  func group(_ report: DocumentReport, fields: [String: String], given: [String], mail: MessageFields?) -> String {
    if let group = options.mail.group(mail, by: options.groupBy) { return group }
    switch options.groupBy {
    case .sender: return "(no sender)"
    case .field(let name): return fields[name] ?? "(no \(name))"
    case .folder:
      let parts = report.path.split(separator: "/", omittingEmptySubsequences: true)
      return parts.count >= 2 ? String(parts[parts.count - 2]) : "."
    case .rep:
      if let reps = DocumentSummary.repGroup(report.result) { return reps }
      return given.isEmpty ? "(no rep)" : given.joined(separator: ", ")
    }
  }

}
