import Foundation
import Testing

/// `libre eval` on a tiny annotated corpus written for each test.
@Suite struct EvalCommandTests {
  /// Phrases the shipped lexicons have always flagged (the lint tests rely on them too).
  static let respectful =
    "Hi Jordan,\n\nWould you be open to a short call next week? You are free to say no, of course.\n\nBest,\nAlex\n"
  static let pushy = "Hi Jordan,\n\nPlease reply by Friday, because the offer expires at midnight. Act now!\n\nAlex\n"

  static func sidecar(label: String, pair: String? = nil, trap: Bool = false, spans: [(String, String, String)])
    -> String
  {
    let items = spans.map { #"{ "text": "\#($0.0)", "polarity": "\#($0.1)", "category": "\#($0.2)" }"# }
    var fields = [#""language": "en""#, #""kind": "email""#, #""label": "\#(label)""#]
    if let pair { fields.append(#""pair": "\#(pair)""#) }
    if trap { fields.append(#""trap": true"#) }
    fields.append(#""spans": [\#n    "# + items.joined(separator: ",\n    ") + "\n  ]")
    return "{\n  " + fields.joined(separator: ",\n  ") + "\n}\n"
  }

  /// A corpus of one pair, one trap and one text without a sidecar.
  static func corpus() throws -> TempDir {
    let dir = try TempDir()
    try dir.write("corpus/en/p01-respectful.txt", respectful)
    try dir.write(
      "corpus/en/p01-respectful.gold.json",
      sidecar(label: "respectful", pair: "p01", spans: [("You are free to say no", "freedom", "explicit-choice")]))
    try dir.write("corpus/en/p01-pushy.txt", pushy)
    try dir.write(
      "corpus/en/p01-pushy.gold.json",
      sidecar(
        label: "pushy", pair: "p01",
        spans: [
          ("reply by Friday", "pressure", "urgency"), ("the offer expires at midnight", "pressure", "urgency"),
          ("Act now", "pressure", "urgency"),
        ]))
    try dir.write(
      "corpus/en/traps/ltd.txt", "Hi Sam,\n\nOur company is now called Tally Software Ltd.\n\nBest,\nAlex\n")
    try dir.write("corpus/en/traps/ltd.gold.json", sidecar(label: "neutral", trap: true, spans: []))
    try dir.write("corpus/en/notes.md", "Notes without annotations.\n")
    return dir
  }

  @Test func jsonCarriesTheNumbers() throws {
    let dir = try EvalCommandTests.corpus()
    defer { dir.remove() }
    let result = try dir.run(["eval", "--format", "json", "corpus"])
    #expect(result.status == 0, "\(result.stderr)")
    let root = try result.json()
    #expect(root["schemaVersion"] as? Int == 1)
    let english = try #require((root["languages"] as? [[String: Any]])?.first)
    #expect(english["language"] as? String == "en")
    #expect(english["documents"] as? Int == 3)
    let polarities = try #require(english["polarities"] as? [String: [String: Any]])
    let freedom = try #require(polarities["freedom"])
    #expect(freedom["gold"] as? Int == 1)
    #expect(freedom["truePositives"] as? Int == 1)
    #expect(freedom["recall"] as? Double == 1)
    let pressure = try #require(polarities["pressure"])
    #expect(pressure["gold"] as? Int == 3)
    #expect(pressure["truePositives"] as? Int == 3)
    #expect(pressure["falseNegatives"] as? Int == 0)
    // Whatever else the lexicons flag shows up consistently as false alarms.
    let alarms = try #require(root["falseAlarms"] as? [[String: Any]])
    let pressureAlarms = alarms.filter { $0["polarity"] as? String == "pressure" }.count
    #expect(pressure["falsePositives"] as? Int == pressureAlarms)
    for alarm in alarms {
      #expect((alarm["path"] as? String)?.hasPrefix("corpus/en/") == true)
      #expect((alarm["line"] as? Int ?? 0) >= 1 && (alarm["column"] as? Int ?? 0) >= 1)
    }
    let pairs = try #require(english["pairs"] as? [String: Any])
    #expect(pairs["correct"] as? Int == 1 && pairs["total"] as? Int == 1)
    let traps = try #require(english["traps"] as? [String: Any])
    #expect(traps["documents"] as? Int == 1)
    #expect(traps["falseAlarms"] as? Int == 0)
    let documents = try #require(root["documents"] as? [[String: Any]])
    let pushy = try #require(documents.first { ($0["path"] as? String)?.hasSuffix("p01-pushy.txt") == true })
    #expect(pushy["predictedLabel"] as? String == "pushy")
    #expect(root["unannotated"] as? [String] == ["corpus/en/notes.md"])
    #expect((root["errors"] as? [Any])?.isEmpty == true)
  }

  @Test func textShowsTheTableAndTheMisses() throws {
    let dir = try EvalCommandTests.corpus()
    defer { dir.remove() }
    // One more gold span that nothing flags: a miss, reported with its place.
    try dir.write(
      "corpus/en/p01-respectful.gold.json",
      EvalCommandTests.sidecar(
        label: "respectful", pair: "p01",
        spans: [("You are free to say no", "freedom", "explicit-choice"), ("Hi Jordan", "engagement", "greeting")]))
    let result = try dir.run(["eval", "corpus"])
    #expect(result.status == 0, "\(result.stderr)")
    let out = result.stdout
    #expect(out.contains("== en: 3 document(s)"))
    #expect(out.contains("matched pairs     1/1 (100.0%)"))
    #expect(out.contains("traps             1 document(s), 0 pressure false alarm(s)"))
    #expect(out.contains("corpus/en/p01-respectful.txt:1:1: engagement.greeting “Hi Jordan”"))
    #expect(out.contains("1 without a .gold.json sidecar"))
  }

  @Test func aBadSidecarExitsTwoAndTheRestIsStillEvaluated() throws {
    let dir = try EvalCommandTests.corpus()
    defer { dir.remove() }
    try dir.write("corpus/en/broken.txt", "Hello there.\n")
    try dir.write(
      "corpus/en/broken.gold.json",
      #"{"language": "en", "label": "neutral",\#n "spans": [{"text": "Goodbye", "polarity": "pressure", "category": "urgency"}]}"#
    )
    let result = try dir.run(["eval", "--format", "json", "corpus", "corpus/missing.txt"])
    #expect(result.status == 2)
    #expect(
      result.stderr.contains("libre: error: corpus/en/broken.gold.json:2: excerpt \"Goodbye\" is not in the document"))
    #expect(result.stderr.contains("corpus/missing.txt"))
    let root = try result.json()
    #expect((root["errors"] as? [Any])?.count == 2)
    #expect((root["overall"] as? [String: Any])?["documents"] as? Int == 3, "the good documents are evaluated")
  }

  @Test func usageErrors() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    for arguments in [
      ["eval", "--format", "xml"], ["eval", "--lang", "de"], ["eval", "--bogus"], ["eval", "--lexicon"],
    ] {
      let result = try dir.run(arguments)
      #expect(result.status == 2, "\(arguments)")
      #expect(result.stderr.hasPrefix("libre: error: "), "\(arguments)")
    }
    let help = try CLI.run(["--help"]).stdout
    #expect(help.contains("libre eval"))
  }
}
