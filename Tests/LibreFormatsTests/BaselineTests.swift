import LibreFormats
import LibreKit
import Testing

/// Baselines: findings keyed by rule, normalized text and occurrence, so a finding that
/// moves is still known, a new one fails, and a removed one is reported fixed.
struct BaselineTests {
  static let original = "Hello Sam,\nYou must reply by Friday.\nThanks.\n"

  static func run(_ text: String, path: String = "mail.txt") -> RunReport {
    var run = RunReport()
    run.documents.append(Fixtures.report(text, path: path))
    return run
  }

  static func compared(_ text: String, with baselineText: String = original) -> RunReport {
    var run = Self.run(text)
    Baseline(run: Self.run(baselineText)).apply(to: &run)
    return run
  }

  @Test func theSameTextHasNothingNewAndNothingFixed() {
    let run = Self.compared(Self.original)
    #expect(run.findingCount == 0)
    #expect(
      run.documents[0].baselined.map(\.finding.rule.id).sorted() == [
        "pressure.controlling.must", "pressure.urgency.deadline",
      ])
    #expect(run.fixed.isEmpty)
    #expect(run.documents[0].baselined.allSatisfy { $0.baselineState == .unchanged })
  }

  @Test func aFindingMovedDownByNewLinesIsStillKnown() {
    let moved = "Hello Sam,\n\nA new paragraph.\nAnother line.\n\nYou  MUST reply by  Friday.\nThanks.\n"
    let run = Self.compared(moved)
    #expect(run.findingCount == 0, "\(run.documents[0].findings.map(\.excerpt))")
    #expect(run.documents[0].baselined.count == 2)
    #expect(run.fixed.isEmpty)
  }

  @Test func anAddedFindingIsNewEvenWhenTheSameTextIsKnown() {
    let added = "Hello Sam,\nYou must reply by Friday.\nYou must sign it.\n"
    let run = Self.compared(added)
    let new = run.documents[0].findings
    #expect(new.map(\.finding.rule.id) == ["pressure.controlling.must"])
    #expect(new.first?.occurrence == 1)
    #expect(new.first?.baselineState == .new)
  }

  @Test func aRemovedFindingIsReportedFixed() {
    let run = Self.compared("Hello Sam,\nPlease reply by Friday.\nThanks.\n")
    #expect(run.findingCount == 0)
    #expect(
      run.fixed == [
        BaselineEntry(
          path: "mail.txt", key: FindingKey(rule: "pressure.controlling.must", text: "you must", occurrence: 0))
      ])
  }

  @Test func aDocumentTheBaselineDoesNotKnowIsAllNew() {
    var run = Self.run(Self.original, path: "other.txt")
    Baseline(run: Self.run(Self.original)).apply(to: &run)
    #expect(run.findingCount == 2)
    #expect(run.documents[0].findings.allSatisfy { $0.baselineState == .new })
    #expect(run.documents[0].baselineScore == nil)
    #expect(run.fixed.isEmpty, "documents outside the run are not reported fixed")
  }

  @Test func theFileRoundTripsAndRecordsScores() throws {
    let baseline = Baseline(run: Self.run(Self.original, path: "./mail.txt"))
    let text = baseline.rendered()
    let read = try Baseline.parse(Array(text.utf8), path: "b.json")
    #expect(read == baseline)
    #expect(read.documents["mail.txt"]?.score == Self.run(Self.original).documents[0].result.score.score)
    #expect(text.contains("\"text\": \"you must\""))
  }

  @Test(arguments: [
    ("{\n\"schemaVersion\": 2, \"documents\": []}", 2, "not a Libre baseline"),
    ("{\"schemaVersion\": 1}", 1, "a baseline needs a \"documents\" list"),
    ("{\"schemaVersion\": 1, \"documents\": [\n{\"path\": \"a\"}]}", 2, "each baseline document needs"),
    (
      "{\"schemaVersion\": 1, \"documents\": [{\"path\": \"a\", \"score\": 1, \"findings\": [\n{}]}]}", 2,
      "each baseline finding needs"
    ),
    ("{\n,", 2, "invalid JSON"),
  ])
  func aBrokenBaselineNamesItsLine(text: String, line: Int, message: String) {
    do throws(InputError) {
      _ = try Baseline.parse(Array(text.utf8), path: "b.json")
      Issue.record("should fail: \(text)")
    } catch {
      #expect(error.line == line, "\(error)")
      #expect(error.message.hasPrefix(message), "\(error)")
    }
  }

  @Test func normalizationIgnoresCaseSpacingAndQuoteStyle() {
    #expect(FindingKey.normalize("  You’re  FREE\n to “go”  ") == "you're free to \"go\"")
    // ASCII takes a byte path of its own: it must agree with the Unicode one.
    #expect(FindingKey.normalize("  You're  FREE\r\n\tto \"go\" NOW  ") == "you're free to \"go\" now")
    #expect(FindingKey.normalize("ACT NOW") == FindingKey.normalize("act\u{A0}now"))
    #expect(FindingKey.normalize(" \t ") == "")
  }

  @Test func fingerprintsAreStableAndDistinguishOccurrences() {
    let first = FindingKey(rule: "pressure.urgency.deadline", text: "by friday", occurrence: 0)
    var second = first
    second.occurrence = 1
    #expect(first.fingerprint.count == 16 && first.fingerprint.allSatisfy(\.isHexDigit))
    #expect(first.fingerprint != second.fingerprint)
    // FNV-1a 64 of "a\0b\00": a fixed value, so the scheme cannot drift unnoticed.
    #expect(FindingKey(rule: "a", text: "b", occurrence: 0).fingerprint == FNV.reference("a\u{0}b\u{0}0"))
  }
}

/// An independent FNV-1a 64 for the fingerprint test.
enum FNV {
  static func reference(_ text: String) -> String {
    var hash: UInt64 = 14_695_981_039_346_656_037
    for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
