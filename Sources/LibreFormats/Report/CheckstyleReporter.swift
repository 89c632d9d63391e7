import LibreKit

/// Checkstyle XML, read by many review tools (reviewdog, Jenkins warnings): a `<file>` per
/// document with an `<error>` per pressure finding (`source` is `libre.` and the rule id),
/// and a `<file>` per input error.
public enum CheckstyleReporter {
  public static func render(_ run: RunReport) -> String {
    var out = XMLEscape.declaration + "<checkstyle version=\"4.3\">\n"
    for document in run.documents {
      out += "  <file name=\"\(XMLEscape.text(document.path))\">\n"
      out += errors(Problems.of(document)) + gateErrors(document) + "  </file>\n"
    }
    return out + errorFiles(run.errors) + "</checkstyle>\n"
  }

  /// An `<error>` per finding of `problems`.
  static func errors(_ problems: [LocatedFinding]) -> String {
    var out = ""
    for located in problems {
      let rule = located.finding.rule
      out += "    <error line=\"\(located.line)\" column=\"\(located.column)\" severity=\"\(rule.severity.rawValue)\""
      out += " message=\"\(XMLEscape.text(Problems.text(located)))\" source=\"libre.\(XMLEscape.text(rule.id))\"/>\n"
    }
    return out
  }

  /// An `<error>` per gate failure of `document`.
  static func gateErrors(_ document: DocumentReport) -> String {
    var out = ""
    for failure in document.gateFailures {
      out += "    <error line=\"1\" severity=\"error\" message=\"\(XMLEscape.text(failure))\" source=\"libre.gate\"/>\n"
    }
    return out
  }

  /// A `<file>` per input error.
  static func errorFiles(_ errors: [InputError]) -> String {
    var out = ""
    for error in errors {
      let line = " line=\"\(error.line ?? 1)\""
      out += "  <file name=\"\(XMLEscape.text(error.path))\">\n"
      out +=
        "    <error\(line) severity=\"error\" message=\"\(XMLEscape.text(error.message))\" source=\"libre.input\"/>\n"
      out += "  </file>\n"
    }
    return out
  }
}
