import LibreKit

/// JUnit XML, as CI servers display test results: one test case per document, failed when
/// the document fails its gates (the message says why, the body lists its pressure
/// findings), and one test case in error per input error.
public enum JUnitReporter {
  public static func render(_ run: RunReport) -> String {
    let failures = run.documents.filter { !$0.gateFailures.isEmpty }.count
    let counts =
      "tests=\"\(run.documents.count + run.errors.count)\" failures=\"\(failures)\" errors=\"\(run.errors.count)\""
    var out = XMLEscape.declaration
    out += "<testsuites name=\"libre\" \(counts)>\n"
    out += "  <testsuite name=\"libre\" \(counts)>\n"
    for document in run.documents {
      let score = document.result.score
      out += "    <testcase classname=\"libre\" name=\"\(XMLEscape.text(document.path))\">\n"
      if !document.gateFailures.isEmpty {
        let message = XMLEscape.text(document.gateFailures.joined(separator: "; "))
        out += "      <failure type=\"libre.gate\" message=\"\(message)\">"
        var body = "score \(score.score)/100 (\(score.grade))\n"
        for located in Problems.of(document) {
          let rule = located.finding.rule
          body += "\(document.path):\(located.line):\(located.column): \(rule.severity.rawValue): "
          body += "\(rule.message) [\(rule.id)]\n"
        }
        out += XMLEscape.content(body) + "</failure>\n"
      }
      out += "      <system-out>\(XMLEscape.content("score \(score.score)/100 (\(score.grade))"))</system-out>\n"
      out += "    </testcase>\n"
    }
    for error in run.errors {
      out += "    <testcase classname=\"libre\" name=\"\(XMLEscape.text(error.path))\">\n"
      out += "      <error type=\"libre.input\" message=\"\(XMLEscape.text(error.description))\"/>\n"
      out += "    </testcase>\n"
    }
    out += "  </testsuite>\n</testsuites>\n"
    return out
  }
}
