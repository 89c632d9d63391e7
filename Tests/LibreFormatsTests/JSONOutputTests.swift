import Foundation
import LibreFormats
import LibreKit
import Testing

/// Parses JSON text with Foundation, a parser independent of the writer under test.
func parseJSON(_ text: String) throws -> Any {
  try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
}

@Suite struct JSONWriterTests {
  @Test func escapesQuotesBackslashesAndControlCharacters() {
    #expect(JSONWriter.quoted("say \"no\"") == #""say \"no\"""#)
    #expect(JSONWriter.quoted(#"C:\path"#) == #""C:\\path""#)
    #expect(JSONWriter.quoted("a\nb\rc\td") == #""a\nb\rc\td""#)
    #expect(JSONWriter.quoted("\u{01}\u{1F}\u{0}") == #""\u0001\u001f\u0000""#)
    #expect(JSONWriter.quoted("\u{2028}\u{2029}") == #""\u2028\u2029""#)
    #expect(JSONWriter.quoted("é 🎉 — ’") == "\"é 🎉 — ’\"", "other characters are written as they are")
  }

  @Test func everyControlCharacterIsEscaped() {
    for value in 0..<0x20 {
      let quoted = JSONWriter.quoted(String(UnicodeScalar(UInt8(value))))
      #expect(!quoted.unicodeScalars.contains { $0.value < 0x20 }, "U+\(value) written raw")
    }
    #expect(!JSONWriter.quoted("\u{2028}").unicodeScalars.contains("\u{2028}"))
  }

  @Test(arguments: [
    "", "plain", "say \"no\"", #"back\slash\"#, "tab\there", "line\nbreak\r\n", "\u{0}\u{1}\u{7}\u{1B}[0m\u{1F}",
    "\u{2028}separators\u{2029}", "Zoë ☕️ 🎉 👨‍👩‍👧 — l’offre", "\u{7F}\u{FEFF}",
  ])
  func quotedStringsParseBackToTheOriginal(value: String) throws {
    let parsed = try parseJSON("[" + JSONWriter.quoted(value) + "]") as? [String]
    #expect(parsed == [value])
  }

  /// Serialization escapes with a byte loop that skips eight clean bytes at a time: every
  /// special character, at every offset of an eight-byte window, must come out as the
  /// scalar escaper writes it, and parse back.
  @Test(arguments: ["\"", "\\", "\n", "\u{1}", "\u{1F}", "\u{2028}", "\u{2029}", "é", "\u{2026}", "🎉"])
  func serializedStringsEscapeLikeQuotedAtEveryOffset(special: String) throws {
    let filler = "Free to say no, à vous de voir."
    for offset in 0..<24 {
      let prefix = String(filler.prefix(offset))
      let value = prefix + special + filler + special
      let written = JSONOutput.string(value).serialized(pretty: false)
      #expect(written == JSONWriter.quoted(value), "offset \(offset)")
      #expect(try parseJSON("[" + written + "]") as? [String] == [value])
    }
  }

  @Test func numbers() {
    #expect(JSONWriter.number(3) == "3")
    #expect(JSONWriter.number(-6) == "-6")
    #expect(JSONWriter.number(0) == "0")
    #expect(JSONWriter.number(1.5) == "1.5")
    #expect(JSONWriter.number(-4.5) == "-4.5")
    #expect(JSONWriter.number(1.0 / 3.0) == "0.33")
    #expect(JSONWriter.number(4 * 0.3) == "1.2")
  }
}

@Suite struct JSONOutputTests {
  static var sample: JSONOutput {
    .object([
      ("zeta", .int(1)),
      ("alpha", .string("quote \" and \\ and \n and \u{2028}")),
      ("list", .array([.int(-2), .number(2.5), .bool(true), .bool(false), .null, .array([]), .object([])])),
      ("nested", .object([("é", .string("🎉"))])),
    ])
  }

  @Test(arguments: [true, false])
  func serializationParsesBack(pretty: Bool) throws {
    let text = JSONOutputTests.sample.serialized(pretty: pretty)
    let root = try #require(try parseJSON(text) as? [String: Any])
    #expect(root["zeta"] as? Int == 1)
    #expect(root["alpha"] as? String == "quote \" and \\ and \n and \u{2028}")
    let list = try #require(root["list"] as? [Any])
    #expect(list.count == 7)
    #expect(list[0] as? Int == -2)
    #expect(list[1] as? Double == 2.5)
    #expect(list[2] as? Bool == true)
    #expect(list[3] as? Bool == false)
    #expect(list[4] is NSNull)
    #expect((list[5] as? [Any])?.isEmpty == true)
    #expect((list[6] as? [String: Any])?.isEmpty == true)
    #expect((root["nested"] as? [String: String]) == ["é": "🎉"])
    #expect(pretty == text.contains("\n"))
  }

  @Test func keysKeepTheirOrder() throws {
    let text = JSONOutputTests.sample.serialized(pretty: false)
    let positions = ["\"zeta\"", "\"alpha\"", "\"list\"", "\"nested\""].map { key in
      text.range(of: key).map { text.distance(from: text.startIndex, to: $0.lowerBound) } ?? -1
    }
    #expect(positions.allSatisfy { $0 >= 0 })
    #expect(positions == positions.sorted())
  }

  @Test func reporterOutputHasTheDocumentedShape() throws {
    var run = RunReport()
    run.documents.append(
      Fixtures.report("Hello.\nYou must reply by Friday.\nThe report is here. The team is here. Be free to decline.\n"))
    run.errors.append(InputError(path: "broken.txt", line: 3, message: "binary file"))
    run.errors.append(InputError(path: "gone.txt", message: "cannot open"))
    let root = try #require(try parseJSON(JSONReporter.render(run)) as? [String: Any])
    #expect(root["schemaVersion"] as? Int == ToolInfo.jsonSchemaVersion)
    #expect((root["tool"] as? [String: String]) == ["name": ToolInfo.name, "version": ToolInfo.version])
    let documents = try #require(root["documents"] as? [[String: Any]])
    #expect(documents.count == 1)
    let document = documents[0]
    #expect(document["path"] as? String == "mail.txt")
    #expect(document["format"] as? String == "text")
    #expect(document["language"] as? String == "en")
    let result = run.documents[0].result
    #expect(document["score"] as? Int == result.score.score)
    #expect(document["grade"] as? String == result.score.grade)
    let subscores = try #require(document["subscores"] as? [String: Int])
    #expect(
      subscores == [
        "freedom": result.score.freedom, "pressure": result.score.pressure, "engagement": result.score.engagement,
      ])
    let findings = try #require(document["findings"] as? [[String: Any]])
    // must, by friday, free to decline, and the false-freedom flag on it (urgency in the same email).
    #expect(findings.count == run.documents[0].findings.count && findings.count == 4)
    for (json, located) in zip(findings, run.documents[0].findings) {
      #expect(json["rule"] as? String == located.finding.rule.id)
      #expect(json["polarity"] as? String == located.finding.rule.polarity.rawValue)
      #expect(json["severity"] as? String == located.finding.rule.severity.rawValue)
      #expect(json["message"] as? String == located.finding.rule.message)
      #expect(json["suggestion"] as? String == located.finding.rule.suggestion)
      #expect(json["line"] as? Int == located.line && json["column"] as? Int == located.column)
      #expect(json["endLine"] as? Int == located.endLine && json["endColumn"] as? Int == located.endColumn)
      #expect(json["excerpt"] as? String == located.excerpt)
      #expect((json["contribution"] as? Double).map { abs($0 - located.finding.contribution) < 0.01 } == true)
    }
    let metrics = try #require(document["metrics"] as? [String: Int])
    #expect(metrics["words"] == result.metrics.words)
    let errors = try #require(root["errors"] as? [[String: Any]])
    #expect(errors.count == 2)
    #expect(errors[0]["path"] as? String == "broken.txt" && errors[0]["line"] as? Int == 3)
    #expect(errors[1]["path"] as? String == "gone.txt" && errors[1]["line"] == nil)
    #expect(errors[1]["message"] as? String == "cannot open")
    #expect((root["summary"] as? [String: Int]) == ["documents": 1, "errors": 2, "findings": 4])
  }
}
