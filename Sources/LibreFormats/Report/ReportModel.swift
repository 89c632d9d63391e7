import LibreKit

/// A finding placed in its file: 1-based lines and columns (columns count Unicode scalars;
/// `endColumn` is the column of the last character, inclusive).
public struct LocatedFinding: Sendable {
  public var finding: Finding
  public var line: Int
  public var column: Int
  public var endLine: Int
  public var endColumn: Int
  /// The text the finding covers, as written.
  public var excerpt: String
  /// The whole first line of the finding, for the caret display.
  public var sourceLine: String
}

/// Everything Libre has to say about one document.
public struct DocumentReport: Sendable {
  public var path: String
  public var format: String
  public var result: LintResult
  public var findings: [LocatedFinding]
  /// Problems that did not stop the lint (malformed UTF-8), already located.
  public var warnings: [String]

  /// Places each finding of `result` in `document`.
  public init(document: Document, result: LintResult) {
    path = document.path
    format = document.format
    self.result = result
    let lines = LineIndex(document.text)
    findings = result.findings.map { finding in
      let start = lines.location(of: finding.start)
      let end = lines.location(of: finding.end)
      let lineRange = lines.lineRange(start.line)
      return LocatedFinding(
        finding: finding, line: start.line, column: start.column, endLine: end.line,
        endColumn: max(end.column - 1, end.line == start.line ? start.column : 1),
        excerpt: String(decoding: document.text[finding.start..<finding.end], as: UTF8.self),
        sourceLine: String(decoding: document.text[lineRange], as: UTF8.self))
    }
    warnings = []
    let report = result.tokenizerReport
    if report.invalidUTF8Sequences > 0, let offset = report.firstInvalidOffset {
      let at = lines.location(of: offset)
      warnings.append(
        "\(document.path):\(at.line):\(at.column): \(BuiltInMessages.invalidUTF8(report.invalidUTF8Sequences))")
    }
  }
}

/// The result of a whole run: every input appears once, as a document or as an error.
public struct RunReport: Sendable {
  public var documents: [DocumentReport] = []
  public var errors: [InputError] = []

  public init() {}

  public var findingCount: Int { documents.reduce(0) { $0 + $1.findings.count } }
}

/// Libre's name and version, as reports print them.
public enum ToolInfo {
  public static let name = "libre"
  public static let version = "0.1.0"
  public static let jsonSchemaVersion = 1
}
