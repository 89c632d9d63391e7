import Foundation
import Testing

/// The HTML report as a manager reads it: scope and date, paths relative to what was
/// walked, cue text without its markup, phrases by polarity, a sortable per-rep table, and
/// only the cards the batch has figures for.
@Suite struct HTMLReportTests {
  static let call = """
    WEBVTT

    00:00:01.000 --> 00:00:05.000
    <v Dana Whitfield>Hi Owen, you must sign today, it is the last chance.

    00:00:06.000 --> 00:00:09.000
    <v Owen Marsh>I need to think about it.

    00:00:10.000 --> 00:00:14.000
    <v Dana Whitfield>Of course, take all the time you need.

    """

  @Test func aReportOfEmailsAndCalls() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("batch/calls/c1.vtt", Self.call)
    try dir.write("batch/mail/a.txt", "Act now!!! Only 2 spots left. You are free to say no, of course.\n")
    let result = try CLI.run(
      ["analyze", "--format", "html", "--fail-on", "none", dir.path + "/batch"],
      environment: CLI.environment(["SOURCE_DATE_EPOCH": "1765152000"]))
    #expect(result.status == 0, "\(result.stderr)")
    let page = result.stdout
    #expect(page.contains("Scope: <code>\(dir.path)/batch</code>"), "\(page.prefix(3000))")
    #expect(page.contains("made 2025-12-08 00:00 UTC"))
    // Paths relative to the folder walked (the full path in the title).
    #expect(page.contains(">calls/c1.vtt</span>") && page.contains(">mail/a.txt</span>"))
    // Cue text as read: no voice tag in the highlighted lines.
    #expect(page.contains("Hi Owen, you must sign today"))
    #expect(!page.contains("&lt;v Dana Whitfield&gt;"), "raw WebVTT markup in the report")
    // Phrases by polarity, in their colors; no letterless phrase.
    #expect(page.contains("<section class=\"phrases pressure\"><h2>Top pressure phrases</h2>"))
    #expect(page.contains("<section class=\"phrases freedom\"><h2>Top freedom phrases</h2>"))
    #expect(!page.contains("<span class=\"phrase\">!!!</span>"))
    // A per-rep table the reader can sort.
    #expect(page.contains("<table class=\"sortable\">") && page.contains("<script>"))
    #expect(page.contains("pressure after hesitation"))
  }

  @Test func emailsAloneHaveNoCallCards() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("mail/a.txt", "Act now! You are free to say no, of course.\n")
    let result = try dir.run(["analyze", "--format", "html", "--fail-on", "none", "mail"])
    #expect(result.status == 0)
    #expect(!result.stdout.contains("pressure after hesitation"), "a call card in a batch without calls")
    #expect(!result.stdout.contains("<span>calls</span>"))
    #expect(result.stdout.contains(">a.txt</span>"))
  }
}
