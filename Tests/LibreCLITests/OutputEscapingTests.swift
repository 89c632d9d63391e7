import Foundation
import Testing

/// What documents put in a report cannot act on the reader's tools: CSV cells a spreadsheet
/// would run as formulas are neutralised, and control characters never reach a terminal
/// raw (issue 21, points 8 and 10).
@Suite struct OutputEscapingTests {
  @Test(arguments: ["=1+2.txt", "+1.txt", "-cmd.txt", "@SUM(1).txt"])
  func csvCellsThatLookLikeFormulasArePrefixed(name: String) throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write(name, Texts.pushy)
    let lint = try dir.run(["lint", "-f", "csv", "--", name])
    let row = try #require(lint.stdout.split(separator: "\r\n").dropFirst().first, "\(lint.stderr)")
    #expect(row.hasPrefix("'" + name + ","), "\(row)")
    #expect(lint.stdout.contains(",error,-12,"), "a negative contribution stays a number: \(lint.stdout)")
    let analyze = try dir.run(["analyze", "-f", "csv", "--", name])
    let record = try #require(analyze.stdout.split(separator: "\r\n").dropFirst().first, "\(analyze.stderr)")
    #expect(record.hasPrefix("ok,'" + name + ","), "\(record)")
  }

  @Test func controlCharactersReachNoTerminal() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("mail.txt", "Hi Sam,\n\nAct now! \u{1B}[8mYou must buy today.\u{07}\n")
    try dir.write(
      "call.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Sam\u{1B}]0;owned\u{07}>Act now, you must buy today.\n")
    for arguments in [["lint", "mail.txt", "call.vtt"], ["lint", "--color", "always", "mail.txt", "call.vtt"]] {
      let run = try dir.run(arguments)
      let text = run.stdout.replacingOccurrences(of: "\u{1B}[", with: "SGR[")
      #expect(!text.contains("\u{1B}") && !text.contains("\u{07}"), "\(text)")
      #expect(text.contains("\u{241B}[8mYou must buy today.\u{2407}"), "\(text)")
      // Colors stay colors.
      if arguments.contains("always") { #expect(text.contains("SGR[1m")) }
    }
    try dir.write(
      "bad\u{1B}[2J.txt",
      [UInt8](repeating: 0, count: 8).map { Character(Unicode.Scalar($0)) }.map(String.init).joined())
    let errors = try dir.run(["lint", "bad\u{1B}[2J.txt"])
    #expect(errors.stderr.contains("bad\u{241B}[2J.txt") && !errors.stderr.contains("\u{1B}"), "\(errors.stderr)")
  }
}
