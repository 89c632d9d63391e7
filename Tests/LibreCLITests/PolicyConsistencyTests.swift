import Foundation
import Testing

/// `lint`, `analyze` and `eval` read the same policy (flags > profile > nearest
/// `.libre.json` > defaults): the same configuration gives the same scores, findings and
/// gate results in every command.
@Suite struct PolicyConsistencyTests {
  static let pushy = "Act now: only 2 spots left at this price, and you must sign today.\n"
  static let respectful =
    "Hi Sam,\n\nWould a short call next week help? You are free to say no, of course.\n\nBest,\nAlex\n"
  static let gold = #"{"language": "en", "kind": "email", "label": "neutral", "spans": []}"#

  static let configurations: [String?] = [
    nil,
    #"{"minScore": 100, "rules": {"freedom.*": "off"}}"#,
    #"{"failOn": "warning", "rules": {"pressure.urgency.*": "off"}}"#,
    #"{"failOn": "none", "profiles": {"followUp": {"files": ["b.txt"], "minScore": 90, "rules": {"freedom.*": "info", "pressure.controlling.*": "off"}}}}"#,
    #"{"rules": {"pressure.scarcity.*": "warning", "pressure.stacked.*": "off"}}"#,
  ]

  struct Outcome: Equatable, CustomStringConvertible {
    var scores: [String: Int]
    var rules: [String: [String]]
    var failing: [String: [String]]
    var status: Int32
    var description: String { "scores \(scores) rules \(rules) failing \(failing) exit \(status)" }
  }

  @Test(arguments: configurations)
  func everyCommandAgrees(configuration: String?) throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("a.txt", Self.pushy)
    try dir.write("b.txt", Self.respectful)
    try dir.write("a.gold.json", Self.gold)
    try dir.write("b.gold.json", Self.gold)
    if let configuration { try dir.write(".libre.json", configuration) }

    let lint = try dir.run(["lint", "--format", "json", "a.txt", "b.txt"])
    #expect(lint.status != 2, "\(lint.stderr)")
    var lintOutcome = Outcome(scores: [:], rules: [:], failing: [:], status: lint.status)
    for document in try lint.documents() {
      let path = try #require(document.string("path"))
      lintOutcome.scores[path] = document.int("score")
      lintOutcome.rules[path] = document.findings().compactMap { $0.string("rule") }.sorted()
      lintOutcome.failing[path] = document["gateFailures"] as? [String]
    }

    let analyze = try dir.run(["analyze", "--format", "jsonl", "a.txt", "b.txt"])
    #expect(analyze.status != 2, "\(analyze.stderr)")
    var analyzeOutcome = Outcome(scores: [:], rules: [:], failing: [:], status: analyze.status)
    for line in analyze.stdout.split(separator: "\n") {
      let record = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      guard record.string("type") == "document", let path = record.string("path") else { continue }
      analyzeOutcome.scores[path] = record.int("score")
      analyzeOutcome.rules[path] = record.findings().compactMap { $0.string("rule") }.sorted()
      analyzeOutcome.failing[path] = record["gateFailures"] as? [String]
      // Said on stderr too, with why.
      let failures = (record["gateFailures"] as? [String]) ?? []
      #expect(failures.isEmpty != analyze.stderr.contains("libre: \(path): fails: "), "\(analyze.stderr)")
    }
    #expect(lintOutcome == analyzeOutcome, "lint: \(lintOutcome)\nanalyze: \(analyzeOutcome)")
    // The gates explain themselves in both.
    for (path, failures) in lintOutcome.failing where !failures.isEmpty {
      #expect(lint.stderr.contains("libre: \(path): fails: " + failures.joined(separator: "; ")))
    }

    let eval = try dir.run(["eval", "--format", "json", "."])
    #expect(eval.status == 0, "\(eval.stderr)")
    var evalScores: [String: Int] = [:]
    for document in try #require(try eval.json()["documents"] as? [[String: Any]]) {
      let path = try #require(document.string("path"))
      evalScores[path.hasPrefix("./") ? String(path.dropFirst(2)) : path] = document.int("score")
    }
    #expect(evalScores == lintOutcome.scores, "eval \(evalScores) lint \(lintOutcome.scores)")
  }

  /// The case of the report: analyze read only `speakers.rep`, so it scored 100 where
  /// lint scored 70 and failed.
  @Test func analyzeReadsRuleLevelsAndGates() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("a.txt", Self.respectful)
    try dir.write(".libre.json", #"{"minScore": 100, "rules": {"freedom.*": "off"}}"#)
    let lint = try dir.run(["lint", "--format", "json", "a.txt"])
    let analyze = try dir.run(["analyze", "--format", "json", "a.txt"])
    let lintScore = try #require(try lint.documents().first?.int("score"))
    let analyzeScore = try #require((try analyze.json()["documents"] as? [[String: Any]])?.first?.int("score"))
    #expect(lintScore == analyzeScore)
    #expect(lintScore < 100)
    #expect(lint.status == 1 && analyze.status == 1)
    #expect(
      analyze.stderr.contains("a.txt: fails: score \(analyzeScore) < .libre.json minScore 100"), "\(analyze.stderr)")
  }

  /// Flags beat the profile, the profile beats the file.
  @Test func flagsBeatProfileBeatsFile() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("b.txt", Self.respectful)
    try dir.write(".libre.json", #"{"minScore": 50, "profiles": {"followUp": {"files": ["b.txt"], "minScore": 95}}}"#)
    let byProfile = try dir.run(["lint", "b.txt"])
    #expect(byProfile.status == 1)
    #expect(byProfile.stderr.contains("profiles.followUp.minScore 95"), "\(byProfile.stderr)")
    let byFlag = try dir.run(["lint", "--min-score", "10", "b.txt"])
    #expect(byFlag.status == 0, "\(byFlag.stderr)")
    let analyzeByFlag = try dir.run(["analyze", "--min-score=10", "b.txt"])
    #expect(analyzeByFlag.status == 0, "\(analyzeByFlag.stderr)")
  }
}
