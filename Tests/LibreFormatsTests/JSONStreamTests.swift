import Foundation
import LibreKit
import LibreLexicons
import Testing

@testable import LibreFormats

/// `JSONStream` writes records member by member: byte for byte what serializing the same
/// value as a `JSONOutput` tree gives, on one line and indented at any level.
@Suite struct JSONStreamTests {
  /// Strings that need every kind of escape, or none.
  static let awkward = [
    "", "plain", "say \"no\"", #"back\slash"#, "line\nbreak\r\n\ttab", "\u{0}\u{1}\u{7}\u{1B}[0m\u{1F}\u{7F}",
    "\u{2028}separators\u{2029}", "Zoë ☕️ 🎉 — l’offre « à vous »", "</script><script>alert(1)</script>",
    "<!-- --> & &amp; ]]>",
  ]

  static let numbers: [Double] = [0, 3, -6, 1.5, -4.5, 1.0 / 3.0, 4 * 0.3, 21, 63.999, 1e15, -1e16, 0.005]

  /// Integers are written digit by digit from a buffer on the stack: as `String(value)` writes them.
  @Test func integersAreWrittenAsStringWritesThem() {
    var values = [0, 9, 10, -1, -9, -10, 99, 100, 12_345, -987_654, Int.max, Int.min, Int.max - 1, Int.min + 1]
    var power = 1
    for _ in 0..<18 {
      power *= 10
      values += [power - 1, power, power + 1, -power]
    }
    for value in values {
      var out: [UInt8] = [0x78]
      JSONWriter.appendInteger(value, to: &out)
      #expect(out == [0x78] + Array(String(value).utf8), "\(value)")
    }
  }

  static var tree: JSONOutput {
    .object([
      ("strings", .array(awkward.map(JSONOutput.string))),
      ("numbers", .array(numbers.map(JSONOutput.number))),
      ("ints", .array([.int(0), .int(9), .int(10), .int(-1), .int(Int.max), .int(Int.min)])),
      ("flags", .object([("yes", .bool(true)), ("no", .bool(false)), ("none", .null)])),
      ("emptyObject", .object([])),
      ("emptyArray", .array([])),
      ("nested", .array([.array([]), .object([("deep", .array([.object([])]))]), .array([.int(1)])])),
    ])
  }

  /// `tree`, written through the stream's calls.
  static func streamed(_ out: inout JSONStream) {
    out.beginObject()
    out.key("strings")
    out.beginArray()
    for value in awkward {
      out.element()
      out.string(value)
    }
    out.endArray()
    out.key("numbers")
    out.beginArray()
    for value in numbers {
      out.element()
      out.number(value)
    }
    out.endArray()
    out.key("ints")
    out.beginArray()
    for value in [0, 9, 10, -1, Int.max, Int.min] {
      out.element()
      out.int(value)
    }
    out.endArray()
    out.key("flags")
    out.beginObject()
    out.member("yes", true)
    out.member("no", false)
    out.member("none", nil as String?)
    out.endObject()
    out.key("emptyObject")
    out.beginObject()
    out.endObject()
    out.member("emptyArray", strings: [])
    out.key("nested")
    out.beginArray()
    out.element()
    out.beginArray()
    out.endArray()
    out.element()
    out.beginObject()
    out.key("deep")
    out.value(.array([.object([])]))
    out.endObject()
    out.element()
    out.value(.array([.int(1)]))
    out.endArray()
    out.endObject()
  }

  @Test(arguments: [(false, 0), (true, 0), (true, 1), (true, 2), (false, 3)])
  func writesWhatTheTreeSerializes(pretty: Bool, indent: Int) {
    var out = JSONStream(pretty: pretty, indent: indent)
    JSONStreamTests.streamed(&out)
    #expect(
      String(decoding: out.bytes, as: UTF8.self) == JSONStreamTests.tree.serialized(pretty: pretty, indent: indent))
  }

  @Test func streamedValuesInsideATreeAreIndentedAsTheirPlace() {
    let mixed = JSONOutput.object([("before", .int(1)), ("inner", .stream { JSONStreamTests.streamed(&$0) })])
    let plain = JSONOutput.object([("before", .int(1)), ("inner", JSONStreamTests.tree)])
    for pretty in [false, true] {
      #expect(mixed.serialized(pretty: pretty, indent: 1) == plain.serialized(pretty: pretty, indent: 1))
    }
  }

  @Test func streamedTextParsesBackToTheOriginalValues() throws {
    var out = JSONStream(pretty: false)
    JSONStreamTests.streamed(&out)
    let root = try #require(try parseJSON(String(decoding: out.bytes, as: UTF8.self)) as? [String: Any])
    #expect(root["strings"] as? [String] == JSONStreamTests.awkward)
    #expect((root["ints"] as? [Int])?.last == Int.min)
  }

  @Test func appendsToTheBytesItWasGiven() {
    var out = JSONStream(bytes: Array("    ".utf8), pretty: true, indent: 2)
    out.beginObject()
    out.member("a", 1)
    out.endObject()
    #expect(String(decoding: out.bytes, as: UTF8.self) == "    {\n      \"a\": 1\n    }")
  }
}

/// The records of `libre analyze --format jsonl` and `json`, written member by member,
/// against the trees the reporters built before: same bytes for emails and calls, with
/// findings, speakers, roles, call metrics, notices and warnings.
@Suite struct StreamedRecordTests {
  static let linter = Linter(lexicons: BuiltInLexicons.compiled())

  static let inputs: [(path: String, text: String, reps: [String])] = [
    ("calls/<call>.vtt", AnalysisHTMLTests.call, ["Alex"]),
    ("calls/plain.txt", "[00:00:01] Alex: You must sign today.\n[00:00:09] Sam: Can I think?\n", []),
    ("mail/a\"b.txt", AnalysisHTMLTests.email, []),
    ("mail/bad.txt", "You must decide by Friday.\n\u{1}\n<!-- libre-disable-next-line -->\nOffre \u{FF}\n", []),
    ("mail/empty.txt", "", []),
  ]

  static func reports() throws -> [DocumentReport] {
    try inputs.map { path, text, reps in
      var bytes = Array(text.utf8)
      // A byte that is not UTF-8, so the record carries a warning.
      if path.hasSuffix("bad.txt") { bytes.append(0xFF) }
      let document = try DocumentLoader.load(path: path, bytes: bytes, options: LoadOptions())
      var report = DocumentReport(
        document: document, result: linter.lint(document, options: DocumentOptions(reps: reps)))
      if path.hasSuffix("plain.txt") { report.gateFailures = ["score 40 < 50", "pressure \"error\""] }
      return report
    }
  }

  static func referenceRecord(_ report: DocumentReport, group: String) -> JSONOutput {
    guard case .object(let members) = ReferenceTrees.document(report) else { return .null }
    return .object([("type", .string("document")), ("group", .string(group))] + members)
  }

  @Test func jsonLinesRecordsAreTheTreesBytes() throws {
    let reports = try StreamedRecordTests.reports()
    #expect(reports.contains { !$0.findings.isEmpty && $0.findings.contains { $0.speaker != nil } })
    #expect(reports.contains { !$0.warnings.isEmpty })
    for report in reports {
      let summary = DocumentSummary(report: report, group: "Alex, \"Sam\"")
      let written = AnalysisJSONLFormat().document(report, summary: summary)
      let expected = StreamedRecordTests.referenceRecord(report, group: summary.group).serialized(pretty: false) + "\n"
      #expect(written == expected, "\(report.path)")
      #expect(try parseJSON(written) is [String: Any])
    }
  }

  /// With the rule members rendered once per rule, or for none of the document's rules, or
  /// for other rules that share their ids (a rule is known by identity, not by id).
  @Test func jsonLinesRecordsWithRenderedRuleMembersAreTheSameBytes() throws {
    let reports = try StreamedRecordTests.reports()
    let linter = StreamedRecordTests.linter
    let lookalikes = reports.flatMap(\.findings).map { located in
      let rule = located.finding.rule
      return Rule(
        id: rule.id, language: rule.language, polarity: rule.polarity, category: rule.category, severity: .info,
        weight: 1, message: "other </script>", suggestion: "other", source: "other", patterns: ["zzz"])
    }
    let formats = [
      AnalysisJSONLFormat(rules: linter.lexicons.rules + BuiltInRules.all), AnalysisJSONLFormat(rules: []),
      AnalysisJSONLFormat(rules: lookalikes),
    ]
    for report in reports {
      let summary = DocumentSummary(report: report, group: "g")
      let expected = StreamedRecordTests.referenceRecord(report, group: "g").serialized(pretty: false) + "\n"
      for format in formats {
        #expect(format.document(report, summary: summary) == expected, "\(report.path)")
        #expect(format.documentBytes(report, summary: summary) == Array(expected.utf8))
      }
      #expect(
        AnalysisFormatName.jsonl.format(rules: linter.lexicons.rules).document(report, summary: summary) == expected)
    }
  }

  @Test func jsonRecordsAreTheTreesIndentedBytes() throws {
    for report in try StreamedRecordTests.reports() {
      let summary = DocumentSummary(report: report, group: "north")
      let written = AnalysisJSONFormat().document(report, summary: summary)
      let expected =
        "    " + StreamedRecordTests.referenceRecord(report, group: "north").serialized(pretty: true, indent: 2)
      #expect(written == expected, "\(report.path)")
    }
  }

  @Test func lintReportDocumentsAreTheTreesBytes() throws {
    for report in try StreamedRecordTests.reports() {
      for pretty in [false, true] {
        #expect(
          JSONReporter.document(report).serialized(pretty: pretty, indent: 2)
            == ReferenceTrees.document(report).serialized(pretty: pretty, indent: 2))
      }
    }
  }
}
