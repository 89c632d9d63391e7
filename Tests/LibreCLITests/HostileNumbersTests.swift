import Foundation
import Testing

/// Numbers too large for an `Int` in the JSON files Libre reads besides documents: an error
/// naming the file, not a trap. (Found while auditing the conversions behind the
/// fuzz-transcript crash of `Tests/FuzzRegressions/transcript-end-1e308.json`.)
@Suite struct HostileNumbersTests {
  @Test func aPartialWithAHugeScoreCountIsAnError() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("mail.txt", Texts.pushy)
    let emitted = try RobustRun.run(
      ["analyze", "--quiet", "--fail-on", "none", "--emit-partial", "part.json", "mail.txt"], in: dir.url)
    #expect(emitted.status == 0)
    let text = try String(contentsOf: dir.url.appendingPathComponent("part.json"), encoding: .utf8)
    let range = try #require(text.range(of: #""scoreCounts"\s*:\s*\[\s*\d+"#, options: .regularExpression))
    let digits = try #require(text[range].range(of: #"\d+$"#, options: .regularExpression))
    var hostile = text
    hostile.replaceSubrange(digits, with: "1e300")
    try dir.write("hostile.json", hostile)
    let run = try RobustRun.run(["merge", "hostile.json"], in: dir.url)
    #expect(run.status == 2)
    #expect(run.stderr.contains("hostile.json") && run.stderr.contains("scoreCounts"))
  }

  @Test func aGoldSidecarWithAHugeOccurrenceIsAnError() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("corpus/a.txt", Texts.pushy)
    try dir.write(
      "corpus/a.gold.json",
      #"{ "label": "pushy", "spans": [ { "text": "Act now", "occurrence": 1e300, "polarity": "pressure" } ] }"#)
    let run = try RobustRun.run(["eval", "corpus"], in: dir.url)
    #expect(run.status == 2)
    #expect(run.stderr.contains("a.gold.json") && run.stderr.contains("occurrence"))
  }
}
