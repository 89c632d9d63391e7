import LibreKit

/// Checkstyle XML, read by many review tools (reviewdog, Jenkins warnings): a `<file>` per
/// document with an `<error>` per pressure finding (`source` is `libre.` and the rule id),
/// and a `<file>` per input error.
public enum CheckstyleReporter {
  public static func render(_ run: RunReport) -> String {
    var out = XMLEscape.declaration + "<checkstyle version=\"4.3\">\n"
    for document in run.documents {
      out += "  <file name=\"\(XMLEscape.text(document.path))\">\n"
      for located in Problems.of(document) {
        let rule = located.finding.rule
        out += "    <error line=\"\(located.line)\" column=\"\(located.column)\" severity=\"\(rule.severity.rawValue)\""
        out += " message=\"\(XMLEscape.text(Problems.text(located)))\" source=\"libre.\(XMLEscape.text(rule.id))\"/>\n"
      }
      for failure in document.gateFailures {
        out +=
          "    <error line=\"1\" severity=\"error\" message=\"\(XMLEscape.text(failure))\" source=\"libre.gate\"/>\n"
      }
      out += "  </file>\n"
    }
    for error in run.errors {
      let line = " line=\"\(error.line ?? 1)\""
      out += "  <file name=\"\(XMLEscape.text(error.path))\">\n"
      out +=
        "    <error\(line) severity=\"error\" message=\"\(XMLEscape.text(error.message))\" source=\"libre.input\"/>\n"
      out += "  </file>\n"
    }
    return out + "</checkstyle>\n"
  }
}
