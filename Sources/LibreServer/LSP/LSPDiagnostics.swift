import LibreFormats
import LibreKit

/// Turns a lint of an open document into LSP diagnostics: one per finding (the rule id as
/// `code`, `source: "libre"`, the message and the suggestion), the score as an information
/// diagnostic on the first line, the suppression notices, or the lint's error.
enum LSPDiagnostics {
  static let source = "libre"
  /// The `code` of the score's diagnostic.
  static let scoreCode = "libre.score"

  static func diagnostics(for document: OpenDocument) -> [JSONOutput] {
    if let error = document.error {
      // An error in the document itself sits on its line; one in its configuration or a
      // lexicon, on the first line, naming the file and line it is about.
      let own = error.path == document.path
      let line = own ? max(0, (error.line ?? 1) - 1) : 0
      return [
        diagnostic(
          range: range(line: line, 0, line, 0), severity: 1, code: "libre.error",
          message: own ? error.message : error.description)
      ]
    }
    guard let report = document.report, let positions = document.positions else { return [] }
    var diagnostics: [JSONOutput] = []
    for located in report.findings {
      let rule = located.finding.rule
      diagnostics.append(
        diagnostic(
          range: range(located.span, positions), severity: severity(of: rule), code: rule.id,
          message: "\(rule.message)\n\(LSPMessages.suggestion) \(rule.suggestion)"))
    }
    for notice in report.notices {
      let line = max(0, notice.line - 1)
      diagnostics.append(
        diagnostic(
          range: range(line: line, 0, line, 0), severity: 3, code: "libre.\(notice.kind)", message: notice.message))
    }
    let score = report.result.score
    diagnostics.append(
      diagnostic(
        range: range(line: 0, 0, 0, 0), severity: 3, code: scoreCode,
        message: LSPMessages.score(score.score, score.grade)))
    return diagnostics
  }

  /// Error, warning, information; a freedom statement (credit, not a problem) is a hint.
  static func severity(of rule: Rule) -> Int {
    if rule.polarity == .freedom { return 4 }
    switch rule.severity {
    case .error: return 1
    case .warning: return 2
    case .info: return 3
    }
  }

  static func diagnostic(range: JSONOutput, severity: Int, code: String, message: String) -> JSONOutput {
    .object([
      ("range", range), ("severity", .int(severity)), ("code", .string(code)), ("source", .string(source)),
      ("message", .string(message)),
    ])
  }

  /// The LSP range of byte span `span`.
  static func range(_ span: Range<Int>, _ positions: TextPositions) -> JSONOutput {
    let start = positions.position(ofByte: span.lowerBound)
    let end = positions.position(ofByte: span.upperBound)
    return range(line: start.line, start.character, end.line, end.character)
  }

  static func range(line: Int, _ character: Int, _ endLine: Int, _ endCharacter: Int) -> JSONOutput {
    .object([
      ("start", .object([("line", .int(line)), ("character", .int(character))])),
      ("end", .object([("line", .int(endLine)), ("character", .int(endCharacter))])),
    ])
  }
}
