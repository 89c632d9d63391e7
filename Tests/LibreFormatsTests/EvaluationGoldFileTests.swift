import LibreFormats
import LibreKit
import Testing

@Suite struct GoldFileTests {
  static let document = Array("Subject: Act now\n\nPrenez votre temps. Act now, or act now!\n".utf8)

  func parse(_ sidecar: String, document: [UInt8] = GoldFileTests.document) -> Result<GoldDocument, GoldErrors> {
    GoldFile.parse(Array(sidecar.utf8), path: "mail.gold.json", document: document)
  }

  func errors(_ sidecar: String) -> [InputError] {
    if case .failure(let failure) = parse(sidecar) { return failure.errors }
    Issue.record("expected errors for \(sidecar)")
    return []
  }

  @Test func sidecarPathReplacesTheLastExtension() {
    #expect(GoldFile.sidecarPath(for: "corpora/en/cold.txt") == "corpora/en/cold.gold.json")
    #expect(GoldFile.sidecarPath(for: "a.b/template.md") == "a.b/template.gold.json")
    #expect(GoldFile.sidecarPath(for: "a.b/noext") == "a.b/noext.gold.json")
    #expect(GoldFile.sidecarPath(for: "x.y.txt") == "x.y.gold.json")
  }

  @Test func spansResolveToBytesWithTheirOccurrence() throws {
    let gold = try parse(
      """
      { "language": "fr", "label": "pushy", "kind": "email", "pair": "p01", "trap": false, "note": "n",
        "spans": [
          { "text": "Act now", "occurrence": 2, "polarity": "pressure", "category": "urgency",
            "rule": "pressure.urgency.act-now" },
          { "text": "Prenez votre temps", "polarity": "freedom", "category": "no-rush", "note": "é" } ] }
      """
    ).get()
    #expect(gold.language == .french)
    #expect(gold.label == .pushy)
    #expect(gold.kind == "email" && gold.pair == "p01" && !gold.trap)
    let text = GoldFileTests.document
    let second = try #require(gold.spans.first)
    #expect(Array(text[second.start..<second.end]) == Array("Act now".utf8))
    #expect(second.start == Array("Subject: Act now\n\nPrenez votre temps. ".utf8).count, "the second one, in the body")
    #expect(second.rule == "pressure.urgency.act-now")
    #expect(gold.spans[1].start == 18 && gold.spans[1].end == 18 + "Prenez votre temps".utf8.count)
    // Matching is exact: "act now" (lower case) is another excerpt.
    let lower = try parse(
      #"{"language":"en","label":"neutral","spans":[{"text":"act now","polarity":"pressure","category":"urgency"}]}"#
    ).get()
    #expect(lower.spans[0].start == Array("Subject: Act now\n\nPrenez votre temps. Act now, or ".utf8).count)
  }

  @Test func multibyteTextKeepsByteOffsets() throws {
    let document = Array("Café ? Vous êtes libre de refuser.".utf8)
    let gold = try parse(
      #"{"language":"fr","label":"respectful","trap":true,"spans":[{"text":"libre de refuser","polarity":"freedom","category":"explicit-choice"}]}"#,
      document: document
    ).get()
    #expect(gold.trap)
    #expect(String(decoding: document[gold.spans[0].start..<gold.spans[0].end], as: UTF8.self) == "libre de refuser")
  }

  @Test func anExcerptNotInTheDocumentIsAnErrorOnItsLine() {
    let found = errors(
      """
      {
        "language": "en",
        "label": "pushy",
        "spans": [
          { "text": "Act now", "polarity": "pressure", "category": "urgency" },
          { "text": "reply by Friday", "polarity": "pressure", "category": "urgency" },
          { "text": "Act now", "occurrence": 5, "polarity": "pressure", "category": "urgency" }
        ]
      }
      """)
    #expect(found.count == 2, "every mistake is reported")
    #expect(found[0].line == 6 && found[0].message.contains("\"reply by Friday\" is not in the document"))
    #expect(found[1].line == 7 && found[1].message.contains("occurrence 5") && found[1].message.contains("has 2"))
    #expect(found[0].description.hasPrefix("mail.gold.json:6: "))
  }

  @Test func badFieldsAreReportedWithTheirLines() {
    let found = errors(
      """
      {
        "language": "de",
        "label": "rude",
        "kind": "letter",
        "colour": "red",
        "spans": [
          { "text": "Act now", "polarity": "pushy", "category": "urgency" },
          { "text": "Act now", "polarity": "pressure", "category": "Urgency" },
          { "text": "Act now", "polarity": "pressure", "category": "urgency", "rule": "pressure.scarcity.x" },
          { "text": "", "polarity": "pressure", "category": "urgency", "occurrence": 0 },
          { "text": "Act now", "polarity": "pressure", "category": "urgency", "extra": 1 },
          "Act now"
        ],
        "trap": "yes"
      }
      """)
    let lines = found.map { $0.line ?? 0 }
    #expect(lines == [2, 3, 4, 5, 7, 8, 9, 10, 10, 11, 12, 14], "\(found)")
    #expect(found[3].message.contains("unknown key \"colour\""))
    #expect(found[4].message.contains("freedom, pressure, engagement or hesitation"))
    #expect(found[6].message.contains("pressure.urgency.NAME"))
  }

  @Test func missingFieldsAndSyntaxErrors() {
    let missing = errors(#"{ "spans": [] }"#)
    #expect(missing.map(\.message).contains { $0.contains("missing \"language\"") })
    #expect(missing.map(\.message).contains { $0.contains("missing \"label\"") })
    #expect(errors(#"{"language":"en","label":"neutral"}"#).first?.message.contains("missing \"spans\"") == true)
    let syntax = errors("{\n  \"language\": \"en\",\n  \"label\": \"neutral\"\n  \"spans\": []\n}")
    #expect(syntax.count == 1 && syntax[0].line == 4, "\(syntax)")
    #expect(syntax[0].message.contains("column 3"))
    #expect(errors("[1]").first?.message.contains("expected an object") == true)
  }
}
