import Foundation
import Testing

/// `check-lexicon` passes on the shipped lexicons; `libre-disable-line` silences its own line.
@Suite struct ShippedLexiconAndDisableLineTests {
  @Test(arguments: ["lexicons/en", "lexicons/fr", "./lexicons/en/pressure.json"])
  func checkLexiconPassesOnTheShippedLexicons(path: String) throws {
    let root = try CLI.packageRoot()
    let result = try CLI.run(["check-lexicon", path], in: root)
    #expect(result.status == 0, "\(result.stderr.prefix(2000))")
    #expect(!result.stderr.contains("defined twice"))
    #expect(result.stdout.hasSuffix(" 0 failure(s)\n"), "\(result.stdout)")
  }

  /// The same-line form, in each format that has comments, and on a plain line.
  @Test(arguments: [
    ("a.md", "Act now! <!-- libre-disable-line pressure.urgency.act-now -- launch copy -->\n\nAct now!\n"),
    ("a.html", "<p>Act now! <!-- libre-disable-line pressure.urgency.* -- launch copy --></p>\n<p>Act now!</p>\n"),
    ("a.txt", "Act now! libre-disable-line pressure.urgency.act-now -- launch copy\n\nAct now!\n"),
    ("a.txt", "Act now! {# libre-disable-line pressure.urgency.act-now -- launch copy #}\n\nAct now!\n"),
  ])
  func disableLineSilencesItsOwnLineOnly(file: String, text: String) throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write(file, text)
    let result = try dir.run(["--format", "json", file])
    let findings = try #require(try result.documents().first).findings()
    let lines = findings.filter { $0.string("rule") == "pressure.urgency.act-now" }.compactMap { $0.int("line") }
    #expect(lines.count == 1, "\(result.stdout)")
    #expect(!lines.contains(1))
  }

  @Test func anUnusedDisableLineIsNoticed() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("a.md", "Would Tuesday suit you? <!-- libre-disable-line pressure.urgency.act-now -- old copy -->\n")
    let result = try dir.run(["a.md"])
    #expect(
      result.stdout.contains("unused suppression: pressure.urgency.act-now found nothing to silence here"),
      "\(result.stdout)")
  }
}
