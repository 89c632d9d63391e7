import LibreFormats
import LibreKit
import Testing

/// Line and column of a byte offset, computed with `String` APIs (not `LineIndex`).
func expectedLocation(_ bytes: [UInt8], _ offset: Int) -> (line: Int, column: Int) {
  let before = bytes[..<offset]
  let line = before.filter { $0 == 0x0A }.count + 1
  let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
  return (line, String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1)
}

@Suite struct LineIndexTests {
  @Test func countsLinesAndScalarsWithMultibyteText() {
    let text = Array(
      "Zo\u{EB} \u{2615}\u{FE0F} \u{1F389} — x\nl\u{2019}offre \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} y\n\nend"
        .utf8)
    let index = LineIndex(text)
    for offset in 0...text.count where offset == text.count || text[offset] & 0xC0 != 0x80 {
      let (line, column) = index.location(of: offset)
      let expected = expectedLocation(text, offset)
      #expect(line == expected.line && column == expected.column, "offset \(offset)")
    }
    #expect(index.location(of: 0) == (1, 1))
    let x = text.firstIndex(of: UInt8(ascii: "x"))!
    #expect(index.location(of: x) == (1, 12), "ë, ☕️ (2 scalars), 🎉 and — count one column per scalar")
    #expect(index.location(of: text.firstIndex(of: UInt8(ascii: "y"))!) == (2, 15))
  }

  @Test func crlfLines() {
    let text = Array("ab\r\ncdé\r\n\r\nlast".utf8)
    let index = LineIndex(text)
    #expect(index.location(of: 4) == (2, 1))
    #expect(index.location(of: 2) == (1, 3), "the CR is the end of line 1")
    #expect(index.location(of: text.count) == (4, 5))
    #expect(index.lineRange(1) == 0..<2, "no CR in the line")
    #expect(String(decoding: text[index.lineRange(2)], as: UTF8.self) == "cdé")
    #expect(index.lineRange(3).isEmpty)
    #expect(String(decoding: text[index.lineRange(4)], as: UTF8.self) == "last")
  }

  @Test func emptyTextAndTrailingNewline() {
    #expect(LineIndex([]).location(of: 0) == (1, 1))
    let text = Array("one\n".utf8)
    #expect(LineIndex(text).location(of: 4) == (2, 1))
    #expect(LineIndex(text).lineRange(2).isEmpty)
  }
}

@Suite struct DocumentReportTests {
  static let text =
    "Zo\u{EB} \u{2615}\u{FE0F} \u{1F389} — you must reply.\r\nNothing here.\n\nPlease sign\nthe form today. Reply \u{1F44B} by Friday"

  @Test func findingsPointAtTheirExcerptInTheFile() throws {
    let bytes = Array(DocumentReportTests.text.utf8)
    let report = Fixtures.report(bytes)
    #expect(report.findings.count == 3)
    for located in report.findings {
      let finding = located.finding
      #expect(located.excerpt == String(decoding: bytes[finding.start..<finding.end], as: UTF8.self))
      let start = expectedLocation(bytes, finding.start)
      #expect(located.line == start.line && located.column == start.column, "\(located.excerpt)")
      // endColumn is inclusive: the column of the last scalar of the span.
      let last = expectedLocation(bytes, finding.end)
      #expect(located.endLine == last.line && located.endColumn == last.column - 1, "\(located.excerpt)")
    }
    let must = try #require(report.findings.first { $0.finding.rule.id == "pressure.controlling.must" })
    #expect((must.line, must.column, must.endLine, must.endColumn) == (1, 12, 1, 19))
    #expect(must.excerpt == "you must")
    #expect(
      must.sourceLine == "Zo\u{EB} \u{2615}\u{FE0F} \u{1F389} — you must reply.", "the CR is not part of the line")
    let deadline = try #require(report.findings.first { $0.finding.rule.id == "pressure.urgency.deadline" })
    #expect((deadline.line, deadline.column, deadline.endColumn) == (5, 25, 33), "a span at the very end of the file")
    #expect(deadline.excerpt == "by Friday")
  }

  @Test func aFindingAcrossALineBreak() throws {
    let report = Fixtures.report(DocumentReportTests.text)
    let sign = try #require(report.findings.first { $0.finding.rule.id == "pressure.urgency.sign" })
    #expect(sign.excerpt == "sign\nthe form today")
    #expect((sign.line, sign.column, sign.endLine, sign.endColumn) == (4, 8, 5, 14))
    #expect(sign.sourceLine == "Please sign")
  }

  /// `libre analyze` places findings without numbering their occurrences, which only
  /// baselines and SARIF read: everything else is as numbered.
  @Test func occurrencesAreNumberedOnlyWhenAsked() throws {
    let bytes = Array("You must reply. Then you must sign. You MUST pay.".utf8)
    let document = Document(path: "mail.txt", format: "text", text: bytes)
    let result = Fixtures.linter.lint(bytes, language: .english)
    let numbered = DocumentReport(document: document, result: result)
    let plain = DocumentReport(document: document, result: result, numberingOccurrences: false)
    let musts = numbered.findings.filter { $0.finding.rule.id == "pressure.controlling.must" }
    #expect(musts.map(\.occurrence) == [0, 1, 2])
    #expect(plain.findings.allSatisfy { $0.occurrence == 0 })
    #expect(plain.findings.map(\.excerpt) == numbered.findings.map(\.excerpt))
    #expect(plain.findings.map(\.endColumn) == numbered.findings.map(\.endColumn))
  }

  @Test func malformedUTF8BecomesALocatedWarning() {
    let bytes = Array("Fine.\nok ".utf8) + [0xFF] + Array(" then ".utf8) + [0xC3]
    let report = Fixtures.report(bytes, path: "bad.txt")
    #expect(report.warnings == ["bad.txt:2:4: \(BuiltInMessages.invalidUTF8(2))"])
    #expect(BuiltInMessages.invalidUTF8(2).contains("malformed UTF-8"))
    #expect(Fixtures.report("clean").warnings.isEmpty)
  }
}

@Suite struct TextReporterTests {
  /// The lines of the rendered report for `text`, without colors.
  func render(_ text: String, path: String = "mail.txt") -> (report: DocumentReport, lines: [String]) {
    var run = RunReport()
    let report = Fixtures.report(text, path: path)
    run.documents.append(report)
    let out = TextReporter(color: false).render(run)
    return (report, out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
  }

  @Test func caretsSitUnderTheSpan() throws {
    let text =
      String(repeating: "Filler line.\n", count: 11)
      + "Zo\u{EB} \u{2615}\u{FE0F} \u{1F389} — you must reply.\nPlease sign\nthe form today."
    let (report, lines) = render(text)
    #expect(report.findings.count == 2)
    for located in report.findings {
      let rule = located.finding.rule
      let header = "mail.txt:\(located.line):\(located.column): warning: \(rule.message) [\(rule.id)]"
      let at = try #require(lines.firstIndex { $0.hasPrefix(header) }, "no header \(header) in \(lines)")
      let sourcePrefix = " \(located.line) | "
      #expect(lines[at + 1] == sourcePrefix + located.sourceLine)
      let caretPrefix = " " + String(repeating: " ", count: String(located.line).count) + " | "
      let caretLine = lines[at + 2]
      #expect(caretLine.hasPrefix(caretPrefix))
      #expect(caretPrefix.count == sourcePrefix.count, "the gutter is as wide as the line number")
      let marks = Array(caretLine.unicodeScalars.dropFirst(caretPrefix.unicodeScalars.count))
      let first = try #require(marks.firstIndex(of: "^"))
      #expect(marks[..<first].allSatisfy { $0 == " " })
      #expect(marks[first...].allSatisfy { $0 == "^" })
      #expect(first == located.column - 1)
      let source = Array(located.sourceLine.unicodeScalars)
      let covered = String(String.UnicodeScalarView(source[first..<min(source.count, marks.count)]))
      if located.endLine == located.line {
        #expect(marks.count - first == located.endColumn - located.column + 1)
        #expect(covered == located.excerpt)
      } else {
        #expect(marks.count == source.count, "a span over several lines is underlined to the end of its first line")
        #expect(located.excerpt.hasPrefix(covered))
      }
      #expect(
        lines[at + 3] == " " + String(repeating: " ", count: String(located.line).count)
          + " = suggestion: \(rule.suggestion)")
    }
    let must = try #require(report.findings.first { $0.finding.rule.id == "pressure.controlling.must" })
    #expect(must.line == 12)
  }

  @Test func summaryLines() {
    let (report, lines) = render("You must reply.")
    let score = report.result.score
    #expect(lines.contains { $0.hasPrefix("mail.txt: score \(score.score)/100 (\(score.grade))") })
    var run = RunReport()
    run.documents = [report, Fixtures.report("Clean.", path: "b.txt")]
    run.errors = [InputError(path: "c.txt", message: "cannot open")]
    let out = TextReporter(color: false).render(run)
    #expect(out.contains("b.txt: score "))
    #expect(out.hasSuffix("2 document(s), 1 finding(s) (0 at error level), 1 input error(s)\n"))
  }

  @Test func freedomFindingsAndColors() {
    var run = RunReport()
    run.documents = [Fixtures.report("Be free to decline. You must reply.\nOk.\nOk.\nAnd by Friday.")]
    let plain = TextReporter(color: false).render(run)
    #expect(!plain.contains("\u{1B}"))
    #expect(plain.contains("mail.txt:1:4: freedom: message of freedom.choice.free [freedom.choice.free]"))
    #expect(plain.contains(": error: message of pressure.urgency.deadline [pressure.urgency.deadline]"))
    let colored = TextReporter(color: true).render(run)
    #expect(colored.contains("\u{1B}["))
    let stripped = colored.replacingEscapes()
    #expect(stripped == plain, "colors only add escape sequences")
  }
}

extension String {
  /// The text without ANSI color sequences (`ESC [ … m`).
  func replacingEscapes() -> String {
    var out = String.UnicodeScalarView()
    var inEscape = false
    for scalar in unicodeScalars {
      if inEscape {
        if scalar == "m" { inEscape = false }
      } else if scalar == "\u{1B}" {
        inEscape = true
      } else {
        out.append(scalar)
      }
    }
    return String(out)
  }
}
