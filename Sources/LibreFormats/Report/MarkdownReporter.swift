import LibreKit

/// A Markdown report for a pull-request comment or a GitHub job summary: a table of the
/// documents (score, grade, pressure findings, gate), then each document's pressure
/// findings with their message and suggestion (from the lexicon of the document's
/// language), what a baseline says, and the input errors.
public enum MarkdownReporter {
  public static let heading = "## Libre report"

  public static func render(_ run: RunReport) -> String {
    let totals = ReportMessages.totals(
      documents: run.documents.count, findings: run.findingCount,
      errorFindings: run.documents.reduce(0) { $0 + TextReporter.errorFindings($1) }, inputErrors: run.errors.count)
    var out = head(totals, gateFailed: run.gateFailed, documents: run.documents.count)
    for document in run.documents { out += tableRow(document) }
    for document in run.documents { out += problems(document) }
    return out + tail(run, known: run.documents.reduce(0) { $0 + $1.baselined.count })
  }

  /// The heading, the totals and the head of the documents table (when there are any).
  static func head(_ totals: String, gateFailed: Bool, documents: Int) -> String {
    var out = heading + "\n\n" + totals
    out += gateFailed ? " · **gate failed**\n\n" : "\n\n"
    if documents > 0 {
      out += "| Document | Score | Freedom | Pressure | Pressure findings | Gate |\n"
      out += "|---|---:|---:|---:|---:|---|\n"
    }
    return out
  }

  /// One document's row of the table.
  static func tableRow(_ document: DocumentReport) -> String {
    let score = document.result.score
    let gate = document.gateFailures.isEmpty ? "pass" : "**fail**: " + document.gateFailures.joined(separator: "; ")
    return "| \(code(document.path)) | \(score.score) (\(score.grade)) | \(score.freedom) | \(score.pressure) "
      + "| \(Problems.of(document).count) | \(cell(gate)) |\n"
  }

  /// One document's section of pressure findings (nothing when it has none).
  static func problems(_ document: DocumentReport) -> String {
    let problems = Problems.of(document)
    guard !problems.isEmpty else { return "" }
    var out = "\n### \(code(document.path))\n\n| Line | Severity | Rule | Text | Message |\n|---:|---|---|---|---|\n"
    for located in problems {
      let rule = located.finding.rule
      let message = cell(rule.message) + "<br>*" + cell(rule.suggestion) + "*"
      out += "| \(located.line):\(located.column) | \(rule.severity.rawValue) | \(code(rule.id)) "
      out += "| \(cell(located.excerpt)) | \(message) |\n"
    }
    return out
  }

  /// What the baseline says (`known` findings set aside, `run.fixed`), then the errors.
  static func tail(_ run: RunReport, known: Int) -> String {
    var out = ""
    if run.comparedWithBaseline {
      out += "\nBaseline: \(known) known finding(s) not shown, \(run.fixed.count) fixed.\n"
      for entry in run.fixed {
        out += "- fixed: \(code(entry.path)) \(code(entry.key.rule)) “\(cell(entry.key.text))”\n"
      }
    }
    if !run.errors.isEmpty {
      out += "\n### Errors\n\n"
      for error in run.errors { out += "- \(cell(error.description))\n" }
    }
    return out
  }

  /// Text safe in a table cell: `|` escaped, line breaks as spaces, HTML brackets escaped.
  static func cell(_ text: String) -> String {
    ScalarEscaping.escape(text) { scalar in
      switch scalar {
      case "|": "\\|"
      case "\n", "\r": " "
      case "<": "&lt;"
      case ">": "&gt;"
      default: nil
      }
    }
  }

  /// `text` as inline code (backticks inside become single quotes).
  static func code(_ text: String) -> String {
    let escaped = ScalarEscaping.escape(text) { scalar in
      switch scalar {
      case "|": "\\|"
      case "\n", "\r": " "
      case "`": "'"
      default: nil
      }
    }
    return "`" + escaped + "`"
  }
}
