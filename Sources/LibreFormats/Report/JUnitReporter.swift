import LibreKit

/// JUnit XML, as CI servers display test results: one test case per document, failed when
/// the document fails its gates (the message says why, the body lists its pressure
/// findings), and one test case in error per input error.
public enum JUnitReporter {
  public static func render(_ run: RunReport) -> String {
    let failures = run.documents.filter { !$0.gateFailures.isEmpty }.count
    var out = head(documents: run.documents.count, failures: failures, errors: run.errors.count)
    for document in run.documents { out += testCase(document) }
    return out + errorCases(run.errors) + tail
  }

  /// The declaration and the opening elements, with the counts.
  static func head(documents: Int, failures: Int, errors: Int) -> String {
    let counts = "tests=\"\(documents + errors)\" failures=\"\(failures)\" errors=\"\(errors)\""
    return XMLEscape.declaration + "<testsuites name=\"libre\" \(counts)>\n"
      + "  <testsuite name=\"libre\" \(counts)>\n"
  }

  static let tail = "  </testsuite>\n</testsuites>\n"

  /// The test case of one document.
  static func testCase(_ document: DocumentReport) -> String {
    var out = ""
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
    return out
  }

  /// A test case in error per input error.
  static func errorCases(_ errors: [InputError]) -> String {
    var out = ""
    for error in errors {
      out += "    <testcase classname=\"libre\" name=\"\(XMLEscape.text(error.path))\">\n"
      out += "      <error type=\"libre.input\" message=\"\(XMLEscape.text(error.description))\"/>\n"
      out += "    </testcase>\n"
    }
    return out
  }
}
