import Foundation
import Testing

/// A one-line file full of findings costs memory and output in proportion to its findings,
/// not to their number times the line (issue 21, point 4): each finding shows a window of
/// the line, and a document reports at most `--max-findings` findings.
@Suite struct LongLineTests {
  /// One line of `bytes` bytes, a pressure finding every few words.
  static func longLine(_ bytes: Int) -> String {
    String(String(repeating: "Act now! You must buy today. ", count: bytes / 29 + 1).prefix(bytes)) + "\n"
  }

  @Test func longLinesAreShownInAWindowAndFindingsAreCapped() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("long.txt", Self.longLine(60_000))
    let text = try dir.run(["lint", "long.txt"])
    #expect(text.status == 0, "warnings only")
    #expect(text.stderr.contains("findings; only the first 1000 are reported (--max-findings)"), "\(text.stderr)")
    let sourceLines = text.stdout.split(separator: "\n").filter { $0.hasPrefix(" 1 | ") }
    #expect(sourceLines.count == 1000)
    #expect(sourceLines.allSatisfy { $0.unicodeScalars.count <= " 1 | ".count + 200 + 2 })
    #expect(sourceLines.last?.hasPrefix(" 1 | \u{2026}") == true && sourceLines.last?.hasSuffix("\u{2026}") == true)
    // The caret still sits under the span inside the window.
    let lines = text.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    let at = try #require(lines.lastIndex { $0.hasPrefix(" 1 | ") })
    let window = Array(lines[at].unicodeScalars.dropFirst(5))
    let carets = Array(lines[at + 1].unicodeScalars.dropFirst(5))
    let first = try #require(carets.firstIndex(of: "^"))
    let marked = String(String.UnicodeScalarView(window[first..<carets.count]))
    #expect(["Act now", "must buy today", "You must", "buy today"].contains(marked), "\(marked)")

    let json = try dir.run(["lint", "-f", "json", "--max-findings", "10", "long.txt"])
    #expect(try json.documents().first?.findings().count == 10)
    let all = try dir.run(["lint", "-f", "json", "--max-findings", "0", "long.txt"])
    #expect(try all.documents().first?.findings().count ?? 0 > 1000)
    #expect(!all.stderr.contains("--max-findings"))
    let whole = try dir.run(["lint", "--max-columns", "0", "--max-findings", "1", "long.txt"])
    #expect(whole.stdout.split(separator: "\n").first { $0.hasPrefix(" 1 | ") }?.utf8.count == 5 + 60_000)
    let bad = try dir.run(["lint", "--max-columns", "-1", "long.txt"])
    #expect(bad.status == 2 && bad.stderr.contains("--max-columns takes a whole number (0: no limit)"))
  }

  @Test func peakMemoryDoesNotGrowWithTheSquareOfTheLine() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else {
      print("peak memory not measured: no /usr/bin/time")
      return
    }
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("long.txt", Self.longLine(100_000))
    for command in [["lint", "-f", "json"], ["lint"], ["analyze"], ["lint", "-f", "json", "--max-findings", "0"]] {
      let ended = try CLI.launch(
        URL(fileURLWithPath: "/usr/bin/time"), ["-f", "peak %M", try CLI.binary().path] + command + ["long.txt"],
        stdin: "", in: dir.url, environment: CLI.environment())
      let peak = ended.stderr.split(separator: "\n").last { $0.hasPrefix("peak ") }.flatMap { Int($0.dropFirst(5)) }
      let kilobytes = try #require(peak, "\(ended.stderr)")
      // Before: each of the 10,000 findings held its own copy of the 100 KB line (1 GB).
      #expect(kilobytes < 200_000, "\(command): \(kilobytes) KB")
    }
  }
}
