import Foundation
import Testing

/// The defaults gate what the README promises, and a failing gate says why.
@Suite struct DefaultGateTests {
  /// The text of the README's CI pitch fails a build with no configuration at all.
  @Test func theReadmeExampleFailsByDefault() throws {
    let readme = try String(contentsOf: try CLI.packageRoot().appendingPathComponent("README.md"), encoding: .utf8)
      .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    let pitch = "Act now, only 2 spots left!"
    #expect(readme.contains(pitch), "the README no longer quotes its CI example")
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("template.md", "Hi Sam,\n\n\(pitch)\n")
    let result = try dir.run(["template.md"])
    #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains("error:"))
    #expect(result.stdout.contains("(fails the default --fail-on error)"), "\(result.stdout)")
    #expect(result.stderr.contains("template.md: fails: 1 pressure finding(s) at error or above"), "\(result.stderr)")
  }

  /// Three kinds of pressure in one message, and a false-scarcity claim, are errors.
  @Test func stackedPressureIsAnError() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("a.txt", "Act now: only 2 spots left at this price, and you must sign today.\n")
    let result = try dir.run(["--format", "json", "a.txt"])
    #expect(result.status == 1)
    let findings = try #require(try result.documents().first).findings()
    let errors = Set(findings.filter { $0.string("severity") == "error" }.compactMap { $0.string("rule") })
    #expect(errors == ["pressure.stacked.categories", "pressure.scarcity.limited-spots"])
    // French is held to the same policy.
    try dir.write(
      "b.txt", "Agissez maintenant : il ne reste que 2 places à ce prix, et vous devez signer aujourd'hui.\n")
    let french = try dir.run(["--format", "json", "b.txt"])
    #expect(french.status == 1, "\(french.stdout)")
  }

  /// A respectful email passes the defaults.
  @Test func aRespectfulEmailPasses() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("ok.txt", Texts.respectful)
    let result = try dir.run(["ok.txt"])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    #expect(!result.stderr.contains("fails"))
  }

  @Test func aScoreGateSaysWhichFileScoredWhat() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("a.txt", "Act now!\n")
    let result = try dir.run(["--min-score", "99", "--fail-on", "none", "a.txt"])
    #expect(result.status == 1)
    let score = try #require(
      result.stdout.split(separator: "\n").first { $0.hasPrefix("a.txt: score ") }?.split(separator: " ")[2]
        .split(separator: "/").first)
    #expect(result.stderr.contains("libre: a.txt: fails: score \(score) < --min-score 99"), "\(result.stderr)")
    // --quiet keeps the reason: it explains the exit code.
    let quiet = try dir.run(["-q", "--min-score", "99", "a.txt"])
    #expect(quiet.stderr.contains("fails: score"))
  }

  /// The totals tell input errors from error-level findings.
  @Test func theSummaryNamesInputErrorsAndErrorFindingsApart() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("a.txt", "Act now: only 2 spots left at this price, and you must sign today.\n")
    try dir.write("b.txt", Texts.respectful)
    let result = try dir.run(["a.txt", "b.txt", "missing.txt"])
    #expect(result.status == 2)
    #expect(result.stdout.contains("2 document(s), "), "\(result.stdout)")
    #expect(result.stdout.contains("(2 at error level), 1 input error(s)"), "\(result.stdout)")
    #expect(!result.stdout.contains(" error(s)\n") || result.stdout.contains("input error(s)"))
  }
}
