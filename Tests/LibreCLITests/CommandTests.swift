import Foundation
import Testing

@Suite struct CommandTests {
  @Test func versionAndHelp() throws {
    let version = try CLI.run(["--version"])
    #expect(version.status == 0)
    #expect(version.stdout.hasPrefix("libre "))
    let number = version.stdout.dropFirst("libre ".count).trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(number.split(separator: ".").count == 3 && number.split(separator: ".").allSatisfy { Int($0) != nil })
    for flag in ["--help", "-h", "help"] {
      let help = try CLI.run([flag])
      #expect(help.status == 0)
      #expect(help.stdout.contains("USAGE"))
      for option in ["--format", "--lang", "--min-score", "--fail-on", "--lexicon", "--no-color", "EXIT CODES"] {
        #expect(help.stdout.contains(option), "\(flag) does not mention \(option)")
      }
      #expect(help.stderr.isEmpty)
    }
  }

  /// `libre rules` as (language, id, severity) triples, one per language a rule exists in.
  /// A line is `ID POLARITY CATEGORY SEVERITY weight N LANGUAGES N pattern(s)`; the last line
  /// counts the rules.
  func rules(_ arguments: [String] = []) throws -> [(language: String, id: String, severity: String)] {
    let result = try CLI.run(["rules"] + arguments)
    #expect(result.status == 0)
    let lines = result.stdout.split(separator: "\n")
    #expect(lines.last?.hasSuffix("rule(s)") == true)
    return lines.dropLast().flatMap { line in
      let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
      #expect(fields.count == 9, "\(line)")
      guard fields.count == 9 else { return [(language: String, id: String, severity: String)]() }
      #expect(fields[0].split(separator: ".").first.map(String.init) == fields[1], "polarity column")
      #expect(fields[0].split(separator: ".").dropFirst().first.map(String.init) == fields[2], "category column")
      return fields[6].split(separator: ",").map { (String($0), fields[0], fields[3]) }
    }
  }

  @Test func rulesListsEveryRuleInBothLanguages() throws {
    let all = try rules()
    let english = Set(all.filter { $0.language == "en" }.map(\.id))
    let french = Set(all.filter { $0.language == "fr" }.map(\.id))
    #expect(english.count >= 10)
    #expect(english == french, "every rule has a twin")
    #expect(Set(all.map(\.language)) == ["en", "fr"])
    for id in ["pressure.urgency.deadline", "pressure.controlling.must", "freedom.explicit-choice.free-to"] {
      #expect(english.contains(id))
    }
    #expect(all.allSatisfy { ["info", "warning", "error"].contains($0.severity) })
    #expect(all.allSatisfy { $0.id.split(separator: ".").count == 3 })
    let onlyFrench = try rules(["--lang", "fr"])
    #expect(!onlyFrench.isEmpty && onlyFrench.allSatisfy { $0.language == "fr" })
    #expect(Set(onlyFrench.map(\.id)) == french)
  }

  @Test func explainShowsARuleWithItsExamples() throws {
    let result = try CLI.run(["explain", "pressure.urgency.deadline"])
    #expect(result.status == 0)
    let out = result.stdout
    #expect(out.contains("pressure.urgency.deadline [en]"))
    #expect(out.contains("pressure.urgency.deadline [fr]"))
    for section in ["suggestion:", "source:", "patterns:", "matches:", "does not match:"] {
      #expect(out.contains(section), "no \(section)")
    }
    #expect(out.split(separator: "\n").filter { $0.hasPrefix("    ✓ ") }.count >= 4, "at least 2 examples per language")
    #expect(out.split(separator: "\n").contains { $0.hasPrefix("    ✗ ") })
    let english = try CLI.run(["explain", "pressure.urgency.deadline", "--lang", "en"]).stdout
    #expect(english.contains("[en]") && !english.contains("[fr]"))
  }

  @Test func explainedExamplesReallyMatch() throws {
    // Each ✓ example of the rule, linted in its language, yields that rule.
    let out = try CLI.run(["explain", "pressure.urgency.deadline", "--lang", "en"]).stdout
    let examples = out.split(separator: "\n").filter { $0.hasPrefix("    ✓ ") }.map {
      $0.dropFirst("    ✓ ".count).replacingOccurrences(of: "⟦", with: "").replacingOccurrences(of: "⟧", with: "")
    }
    #expect(!examples.isEmpty)
    for example in examples {
      let result = try CLI.run(["lint", "--format", "json", "--lang", "en", "-"], stdin: example)
      #expect(
        try result.documents()[0].findings().contains { $0.string("rule") == "pressure.urgency.deadline" }, "\(example)"
      )
    }
  }

  @Test func aCopiedBinaryIsSelfContained() throws {
    let home = try TempDir()
    let work = try TempDir()
    defer {
      home.remove()
      work.remove()
    }
    let copy = home.url.appendingPathComponent("libre")
    try FileManager.default.copyItem(at: try CLI.binary(), to: copy)
    try work.write("mail.txt", Texts.pushy)
    let result = try CLI.run(
      ["lint", "--format", "json", "mail.txt"], in: work.url, environment: [:], executable: copy)
    #expect(result.status == 1, "\(result.stderr)")
    // Only the gate's reason, nothing about a missing library.
    #expect(result.stderr.hasPrefix("libre: mail.txt: fails: "), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1)
    let findings = try result.documents()[0].findings()
    #expect(findings.contains { $0.string("rule") == "pressure.urgency.deadline" })
    let french = try CLI.run(["rules", "--lang", "fr"], in: work.url, environment: [:], executable: copy)
    #expect(french.status == 0 && french.stdout.contains("pressure.urgency.deadline"))
  }

  @Test func everyRespectfulCorpusEmailOutscoresItsPushyTwin() throws {
    let corpora = try CLI.packageRoot().appendingPathComponent("corpora")
    var pairs = 0
    var languages: Set<String> = []
    for language in try FileManager.default.contentsOfDirectory(atPath: corpora.path).sorted() {
      let folder = corpora.appendingPathComponent(language)
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
      for name in names.sorted() where name.hasSuffix("-respectful.txt") {
        let twin = String(name.dropLast("-respectful.txt".count)) + "-pushy.txt"
        guard names.contains(twin) else { continue }
        let result = try CLI.run(
          [
            "lint", "--format", "json", "--fail-on", "none", folder.appendingPathComponent(name).path,
            folder.appendingPathComponent(twin).path,
          ])
        #expect(result.status == 0)
        let documents = try result.documents()
        try #require(documents.count == 2)
        let respectful = try #require(documents[0].int("score"))
        let pushy = try #require(documents[1].int("score"))
        #expect(respectful > pushy, "\(language)/\(name) \(respectful) vs \(twin) \(pushy)")
        #expect(documents[0].string("language") == language && documents[1].string("language") == language)
        pairs += 1
        languages.insert(language)
      }
    }
    #expect(pairs >= 2)
    #expect(languages.isSuperset(of: ["en", "fr"]))
  }

  /// `libre lint` with nothing named and a keyboard on stdin says so instead of hanging.
  @Test func noInputOnATerminalIsAUsageError() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    let result = try CLI.runOnTerminalWithStatus(["lint"], in: dir.url, environment: CLI.environment(), input: true)
    #expect(result.status == 2)
    #expect(result.output.contains("libre: error: no input"))
  }
}
