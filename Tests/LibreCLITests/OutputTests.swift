import Foundation
import Testing

/// A file whose findings sit after accents, an emoji with a variation selector and a CRLF line.
let locatedText =
  "Bonjour Zo\u{EB} \u{2615}\u{FE0F} \u{1F389}! Hi again.\r\nCaf\u{E9} \u{1F44B} \u{2014} you must sign the form.\n\n"
  + "Please reply by Friday, because the offer expires at midnight.\n"

/// The lines of `text` as a file has them: split at each LF scalar (a Swift `Character`
/// holds CR LF as one), without the CR of a CRLF.
func fileLines(_ text: String) -> [[Unicode.Scalar]] {
  Array(text.unicodeScalars).split(separator: "\n", omittingEmptySubsequences: false).map { line in
    line.last == "\r" ? Array(line.dropLast()) : Array(line)
  }
}

@Suite struct JSONReportTests {
  @Test func theReportHasTheDocumentedShape() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("mail.txt", locatedText)
    try dir.write("kind.md", Texts.respectful)
    let result = try dir.run(["lint", "--format", "json", "mail.txt", "kind.md", "gone.txt"])
    let json = try result.json()
    #expect(json["schemaVersion"] as? Int == 1)
    let tool = try #require(json["tool"] as? [String: String])
    #expect(tool["name"] == "libre")
    let version = try dir.run(["--version"]).stdout
    #expect(version == "libre \(tool["version"] ?? "?")\n")
    let documents = try result.documents()
    #expect(documents.map { $0.string("path") } == ["mail.txt", "kind.md"])
    var findingCount = 0
    for document in documents {
      #expect(document.string("format") == (document.string("path") == "kind.md" ? "markdown" : "text"))
      #expect(document.string("language") == "en")
      let score = try #require(document.int("score"))
      #expect((0...100).contains(score))
      #expect(["A", "B", "C", "D", "F"].contains(document.string("grade") ?? ""))
      let subscores = try #require(document["subscores"] as? [String: Int])
      #expect(Set(subscores.keys) == ["freedom", "pressure", "engagement"])
      #expect(subscores.values.allSatisfy { (0...100).contains($0) })
      #expect((document["metrics"] as? [String: Int])?["words"] ?? 0 > 5)
      let findings = document.findings()
      findingCount += findings.count
      for finding in findings {
        for key in ["rule", "polarity", "category", "severity", "message", "suggestion", "excerpt"] {
          #expect(finding.string(key)?.isEmpty == false, "\(key) in \(finding)")
        }
        for key in ["line", "column", "endLine", "endColumn"] { #expect((finding.int(key) ?? 0) >= 1, "\(key)") }
        #expect(finding["contribution"] is NSNumber)
        let rule = finding.string("rule") ?? ""
        #expect(rule.split(separator: ".").count == 3)
        #expect(rule.hasPrefix((finding.string("polarity") ?? "") + "."))
        #expect(["info", "warning", "error"].contains(finding.string("severity") ?? ""))
      }
    }
    #expect(findingCount >= 4)
    #expect(documents[0].findings().contains { ($0["contribution"] as? Double ?? 0) < 0 })
    #expect(documents[1].findings().contains { ($0["contribution"] as? Double ?? 0) > 0 })
    let errors = try #require(json["errors"] as? [[String: Any]])
    #expect(errors.map { $0.string("path") } == ["gone.txt"])
    let summary = try #require(json["summary"] as? [String: Int])
    #expect(summary == ["documents": documents.count, "errors": errors.count, "findings": findingCount])
  }

  @Test func linesAndColumnsPointAtTheExcerptInTheFile() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("mail.txt", locatedText)
    let findings = try dir.run(["lint", "--format", "json", "mail.txt"]).documents()[0].findings()
    let lines = fileLines(locatedText)
    #expect(findings.count >= 3)
    #expect(findings.contains { $0.int("line") == 2 }, "a finding after the emoji and the CRLF line")
    for finding in findings {
      let line = try #require(finding.int("line"))
      let column = try #require(finding.int("column"))
      let endColumn = try #require(finding.int("endColumn"))
      #expect(finding.int("endLine") == line)
      let scalars = lines[line - 1]
      try #require(column >= 1 && endColumn >= column && endColumn <= scalars.count, "\(finding)")
      let spanned = String(String.UnicodeScalarView(scalars[(column - 1)..<endColumn]))
      #expect(spanned == finding.string("excerpt"), "\(finding)")
    }
    let must = try #require(findings.first { $0.string("rule") == "pressure.controlling.must" })
    #expect(must.string("excerpt") == "you must")
    #expect(must.int("line") == 2 && must.int("column") == 10 && must.int("endColumn") == 17)
  }

  @Test(arguments: [
    (Texts.neutral, "en"), (Texts.pushy, "en"), (Texts.french, "fr"),
    ("Vous devez absolument signer aujourd'hui, c'est votre dernière chance.\n", "fr"),
  ])
  func languageIsDetected(text: String, language: String) throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("mail.txt", text)
    for arguments in [
      ["lint", "--format", "json", "mail.txt"], ["lint", "--format", "json", "--lang", "auto", "mail.txt"],
    ] {
      let document = try dir.run(arguments).documents()[0]
      #expect(document.string("language") == language)
      #expect(document["languageDetected"] as? Bool == true)
    }
  }

  @Test func languageCanBeForced() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("short.txt", "Offre limitée !\n")
    let auto = try dir.run(["lint", "--format", "json", "short.txt"]).documents()[0]
    let forced = try dir.run(["lint", "--format", "json", "--lang", "fr", "short.txt"]).documents()[0]
    #expect(forced.string("language") == "fr")
    #expect(forced["languageDetected"] as? Bool == false)
    #expect(forced.findings().contains { $0.string("polarity") == "pressure" }, "the French rules apply")
    #expect(auto.findings().count < forced.findings().count, "auto-detection alone misses it: \(auto)")
    let english = try dir.run(["lint", "--format", "json", "--lang=en", "short.txt"]).documents()[0]
    #expect(english.string("language") == "en")
  }

  @Test func standardInput() throws {
    for arguments in [["lint", "--format", "json", "-"], ["lint", "--format", "json"], ["--format", "json"]] {
      let result = try CLI.run(arguments, stdin: Texts.pushy)
      #expect(result.status == 1, "\(arguments)")
      let document = try #require(try result.documents().first)
      #expect(document.string("path") == "<stdin>")
      #expect(document.findings().contains { $0.string("rule") == "pressure.urgency.deadline" })
    }
    let text = try CLI.run(["lint", "--no-color", "-"], stdin: Texts.pushy)
    #expect(text.stdout.contains("<stdin>:3:8: error: "), "\(text.stdout)")
  }

  @Test func directoriesAreWalkedSortedForEveryFormat() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    for name in [
      "in/b.txt", "in/a.md", "in/sub/c.txt", "in/sub/d.markdown", "in/notes.json", "in/mail.eml", "in/e.text",
      "in/image.png", "in/x.gold.json",
    ] {
      try dir.write(name, Texts.neutral)
    }
    let result = try dir.run(["lint", "--format", "json", "in"])
    // notes.json is not a transcript: passed by, and counted in a note, never an error.
    #expect(result.status == 0)
    #expect(result.stderr.contains("skipped 1: .json file that is not a transcript (first: in/notes.json)"))
    #expect(
      try result.documents().map { $0.string("path") } == [
        "in/a.md", "in/b.txt", "in/e.text", "in/mail.eml", "in/sub/c.txt", "in/sub/d.markdown",
      ])
    let errors = try #require(try result.json()["errors"] as? [[String: Any]])
    #expect(errors.isEmpty)
    // Named, it is read, and its error says what is wrong.
    let named = try dir.run(["lint", "in/notes.json"])
    #expect(named.status == 2)
    #expect(named.stderr.contains("JSON that is not a transcript"))
  }

  @Test func malformedUTF8IsAWarningNotAFailure() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write(
      "odd.txt", bytes: Array("Hello Sam.\nThe caf".utf8) + [0xE9] + Array(" is open, you must come.\n".utf8))
    let result = try dir.run(["lint", "--format", "json", "odd.txt"])
    #expect(result.status == 0)
    #expect(result.stderr.hasPrefix("libre: warning: odd.txt:2:8: "), "\(result.stderr)")
    #expect(result.stderr.contains("malformed UTF-8"))
    let document = try #require(try result.documents().first)
    #expect(document.findings().contains { $0.string("excerpt") == "you must" })
    #expect((document["warnings"] as? [String])?.first?.hasPrefix("odd.txt:2:8:") == true)
  }
}

@Suite struct TextReportTests {
  @Test func findingsReadLikeCompilerDiagnostics() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("mail.txt", locatedText)
    let json = try dir.run(["lint", "--format", "json", "mail.txt"]).documents()[0]
    let result = try dir.run(["lint", "--no-color", "mail.txt"])
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let sourceLines = fileLines(locatedText).map { String(String.UnicodeScalarView($0)) }
    for finding in json.findings() {
      let line = try #require(finding.int("line"))
      let column = try #require(finding.int("column"))
      let width = try #require(finding.int("endColumn")) - column + 1
      let label = finding.string("polarity") == "freedom" ? "freedom" : finding.string("severity") ?? "?"
      let header =
        "mail.txt:\(line):\(column): \(label): \(finding.string("message") ?? "") [\(finding.string("rule") ?? "")]"
      let at = try #require(lines.firstIndex { $0.hasPrefix(header) }, "no line \(header)")
      #expect(lines[at + 1] == " \(line) | \(sourceLines[line - 1])")
      let gutter = String(repeating: " ", count: String(line).count)
      #expect(
        lines[at + 2] == " \(gutter) | " + String(repeating: " ", count: column - 1)
          + String(repeating: "^", count: width))
      let after = lines[(at + 3)..<min(lines.count, at + 6)]
      #expect(after.contains { $0.hasPrefix(" \(gutter) = suggestion: ") })
    }
    let score = try #require(json.int("score"))
    #expect(lines.contains { $0.hasPrefix("mail.txt: score \(score)/100 (\(json.string("grade") ?? ""))") })
  }

  @Test func colorsFollowTheFlagsAndNO_COLOR() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("mail.txt", Texts.pushy)
    let escape = UInt8(0x1B)
    #expect(!(try dir.run(["lint", "--no-color", "mail.txt"]).stdoutBytes.contains(escape)))
    #expect(!(try dir.run(["lint", "mail.txt"]).stdoutBytes.contains(escape)), "a pipe is not a terminal")
    #expect(try dir.run(["lint", "--color", "mail.txt"]).stdoutBytes.contains(escape))
    let plain = CLI.environment()
    let terminal = try CLI.runOnTerminal(["lint", "mail.txt"], in: dir.url, environment: plain)
    #expect(terminal.contains("mail.txt"), "the terminal got the report")
    #expect(terminal.contains("\u{1B}["), "colors on a terminal")
    let noColor = try CLI.runOnTerminal(
      ["lint", "mail.txt"], in: dir.url, environment: CLI.environment(["NO_COLOR": "1"]))
    #expect(noColor.contains("mail.txt"))
    #expect(!noColor.contains("\u{1B}"), "NO_COLOR is honored")
    let flag = try CLI.runOnTerminal(["lint", "--no-color", "mail.txt"], in: dir.url, environment: plain)
    #expect(flag.contains("mail.txt") && !flag.contains("\u{1B}"))
  }
}
