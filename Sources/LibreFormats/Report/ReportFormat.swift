import LibreKit

/// The output formats of `libre lint`, each rendered by its own reporter from `RunReport`.
public enum ReportFormat: String, Sendable, CaseIterable {
  case text, json, jsonl, csv, sarif, github, junit, checkstyle, markdown

  /// The names, for usage messages.
  public static let names = allCases.map(\.rawValue).joined(separator: ", ")
}

/// What the problem-oriented formats (SARIF, GitHub annotations, JUnit, checkstyle,
/// Markdown) report: the pressure findings, which are what a gate fails on. Freedom,
/// engagement and hesitation findings stay in `text`, `json`, `jsonl` and `csv`.
public enum Problems {
  public static func of(_ document: DocumentReport) -> [LocatedFinding] {
    document.findings.filter { $0.finding.rule.polarity == .pressure }
  }

  /// The finding's message and suggestion, both from the lexicon of the document's language.
  public static func text(_ located: LocatedFinding) -> String {
    let rule = located.finding.rule
    var text = rule.message
    if let detail = located.finding.detail { text += " (\(detail))" }
    return text + "\n" + rule.suggestion
  }
}

/// Escapes for the XML reporters (JUnit, checkstyle).
public enum XMLEscape {
  /// `text` for an attribute value or element content: `& < > " '` escaped, control
  /// characters XML 1.0 forbids dropped, line breaks in attributes kept as `&#10;`.
  public static func text(_ text: String) -> String {
    ScalarEscaping.escape(text) { scalar in
      switch scalar {
      case "&": "&amp;"
      case "<": "&lt;"
      case ">": "&gt;"
      case "\"": "&quot;"
      case "'": "&apos;"
      case "\n": "&#10;"
      case "\r": "&#13;"
      case "\t": "&#9;"
      default: scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF ? "" : nil
      }
    }
  }

  /// `text` for element content: as `text(_:)`, but line breaks and tabs kept as they are.
  public static func content(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\n", "\t": out.unicodeScalars.append(scalar)
      default: out += XMLEscape.text(String(scalar))
      }
    }
    return out
  }

  public static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
}
