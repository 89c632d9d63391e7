import LibreKit

/// GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` per
/// pressure finding, placed on its span in the pull request
/// (`::error file=F,line=L,endLine=L,col=C,endColumn=C,title=T::MESSAGE`), one `::error`
/// per input error, and a last line with the counts. The job summary is
/// `MarkdownReporter`'s report, which the CLI appends to `$GITHUB_STEP_SUMMARY`.
public enum GitHubReporter {
  public static func render(_ run: RunReport) -> String {
    var out = ""
    for document in run.documents { out += self.document(document) }
    out += errors(run.errors)
    out +=
      ReportMessages.totals(
        documents: run.documents.count, findings: run.findingCount,
        errorFindings: run.documents.reduce(0) { $0 + TextReporter.errorFindings($1) }, inputErrors: run.errors.count)
      + "\n"
    return out
  }

  /// The commands of one document: its pressure findings, then its gate failures.
  static func document(_ document: DocumentReport) -> String {
    var out = findings(document.findings, path: document.path)
    for failure in document.gateFailures where !failure.isEmpty {
      out += command(
        "error", properties: [("file", Baseline.normalizedPath(document.path)), ("title", "Libre: gate")],
        message: failure)
    }
    return out
  }

  /// A command per pressure finding among `findings`.
  static func findings(_ findings: [LocatedFinding], path: String) -> String {
    var out = ""
    for located in findings where located.finding.rule.polarity == .pressure {
      let rule = located.finding.rule
      let properties = [
        ("file", Baseline.normalizedPath(path)), ("line", String(located.line)),
        ("endLine", String(located.endLine)), ("col", String(located.column)),
        ("endColumn", String(located.endColumn)), ("title", "Libre: \(rule.id)"),
      ]
      out += command(level(rule.severity), properties: properties, message: Problems.text(located))
    }
    return out
  }

  /// An error command per input error.
  static func errors(_ errors: [InputError]) -> String {
    var out = ""
    for error in errors {
      var properties = [("file", Baseline.normalizedPath(error.path))]
      if let line = error.line { properties.append(("line", String(line))) }
      properties.append(("title", "Libre: input error"))
      out += command("error", properties: properties, message: error.message)
    }
    return out
  }

  /// The command for a severity.
  static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: return "error"
    case .warning: return "warning"
    case .info: return "notice"
    }
  }

  /// `::NAME key=value,…::message` with GitHub's escapes.
  static func command(_ name: String, properties: [(String, String)], message: String) -> String {
    let list = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
    return "::\(name) \(list)::\(escapeData(message))\n"
  }

  /// A message: `%`, CR and LF percent-encoded (as the Actions toolkit does).
  public static func escapeData(_ text: String) -> String {
    ScalarEscaping.escape(text) { scalar in
      switch scalar {
      case "%": "%25"
      case "\r": "%0D"
      case "\n": "%0A"
      default: nil
      }
    }
  }

  /// A property value: as a message, plus `:` and `,`, which end a property.
  public static func escapeProperty(_ text: String) -> String {
    var out = ""
    for scalar in escapeData(text).unicodeScalars {
      switch scalar {
      case ":": out += "%3A"
      case ",": out += "%2C"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
