import Foundation
import Testing

/// `libre check-lexicon PATH`: load, compile, and run the examples of a user's lexicon.
@Suite struct CheckLexiconTests {
  static func lexicon(match: [String], noMatch: [String], pattern: String = "synergy now") -> String {
    func list(_ items: [String]) -> String { items.map { "\"\($0)\"" }.joined(separator: ", ") }
    return """
      { "language": "en",
        "rules": [
          { "id": "pressure.custom.synergy", "polarity": "pressure", "category": "custom", "severity": "error",
            "weight": 5, "message": "Custom rule.", "suggestion": "Say it otherwise.", "source": "team style guide",
            "patterns": ["\(pattern)"],
            "examples": {
              "match": [\(list(match))],
              "noMatch": [\(list(noMatch))]
            } }
        ] }
      """
  }

  @Test func aGoodLexiconPasses() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write(
      "team.json", Self.lexicon(match: ["Let's find ⟦synergy now⟧.", "Synergy now!"], noMatch: ["synergy later"]))
    let result = try dir.run(["check-lexicon", "team.json"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "1 file(s), 1 rule(s), 3 example(s), 0 failure(s)\n")
  }

  @Test func eachFailingExampleIsReportedOnItsLine() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    let json = Self.lexicon(match: ["Synergy now!", "no synergy here"], noMatch: ["synergy now please"])
    try dir.write("team.json", json)
    let result = try dir.run(["check-lexicon", "team.json"])
    #expect(result.status == 1)
    let lines = result.stderr.split(separator: "\n").map(String.init)
    let matchLine = json.components(separatedBy: "\n").firstIndex { $0.contains("\"match\"") }! + 1
    #expect(
      lines == [
        "libre: error: team.json:\(matchLine): rule 'pressure.custom.synergy' [en]: the match example \"no synergy here\" does not match",
        "libre: error: team.json:\(matchLine + 1): rule 'pressure.custom.synergy' [en]: the noMatch example \"synergy now please\" matches",
      ], "\(result.stderr)")
    #expect(result.stdout.hasSuffix("2 failure(s)\n"))
  }

  @Test func aPatternThatDoesNotCompileIsExit2WithItsPlace() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    let json = Self.lexicon(match: ["a", "b"], noMatch: ["c"], pattern: "synergy (now")
    try dir.write("team.json", json)
    let result = try dir.run(["check-lexicon", "team.json"])
    #expect(result.status == 2)
    let location = lineColumn(of: "\"synergy (now\"", in: json, plus: 1 + "synergy ".count)
    #expect(result.stderr.hasPrefix("libre: error: team.json:\(location): "), "\(result.stderr)")
    #expect(result.stderr.contains("missing ')'"))
  }

  @Test func withoutAPathItIsAUsageError() throws {
    let result = try CLI.run(["check-lexicon"])
    #expect(result.status == 2)
    #expect(result.stderr.hasPrefix("libre: error: check-lexicon needs a lexicon file or folder"))
  }
}
