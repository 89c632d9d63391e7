import LibreKit

/// CSV for `libre lint` (RFC 4180, CRLF line ends): a header, then a row per finding.
/// Input errors go to stderr only.
public enum CSVReporter {
  public static let columns = [
    "path", "line", "column", "endLine", "endColumn", "rule", "polarity", "category", "severity", "contribution",
    "excerpt", "message", "suggestion",
  ]

  public static func render(_ run: RunReport) -> String {
    var out = CSVFields.row(columns)
    for document in run.documents { out += rows(document.findings, path: document.path) }
    return out
  }

  /// A row per finding.
  static func rows(_ findings: [LocatedFinding], path: String) -> String {
    var out = ""
    for located in findings {
      let rule = located.finding.rule
      out += CSVFields.row([
        path, String(located.line), String(located.column), String(located.endLine),
        String(located.endColumn), rule.id, rule.polarity.rawValue, rule.category, rule.severity.rawValue,
        JSONWriter.number(located.finding.contribution), located.excerpt, rule.message, rule.suggestion,
      ])
    }
    return out
  }
}
