import Foundation
import Testing

/// `libre lint` on emails, HTML, Markdown and call transcripts, end to end through the binary.
@Suite struct FormatCommandTests {
  static let call = """
    WEBVTT

    00:00:01.000 --> 00:00:05.000
    <v Sam>Thanks for your time. Can we book a demo next week?

    00:00:05.000 --> 00:00:09.000
    <v Alex>I'm not sure. I need to think about it.

    00:00:09.000 --> 00:00:20.000
    <v Sam>Prices go up on Friday, so you have to decide today.

    00:03:12.000 --> 00:03:20.000
    <v Sam>Honestly, this is a no-brainer.

    """

  @Test func aCallShowsSpeakerAndTimeOnEachFinding() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("call.vtt", Self.call)
    let text = try dir.run(["lint", "--no-color", "--rep", "Sam", "call.vtt"])
    #expect(text.status == 1, "\(text.stderr)")
    #expect(text.stdout.contains("call.vtt:10:8: [00:00:09 Sam] error: "), "\(text.stdout)")
    #expect(text.stdout.contains("[pressure.after-hesitation.next-turn]"))
    #expect(text.stdout.contains("[00:03:12 Sam]"))
    #expect(text.stdout.contains("roles: rep Sam (given: Sam)"))
    #expect(text.stdout.contains("pressure after hesitation 1/1 (100%)"))
    let json = try dir.run(["lint", "--format", "json", "--rep", "Sam", "call.vtt"])
    let document = try #require(try json.documents().first)
    #expect(document["format"] as? String == "vtt")
    let findings = try #require(document["findings"] as? [[String: Any]])
    let after = try #require(findings.first { $0["rule"] as? String == "pressure.after-hesitation.next-turn" })
    #expect(after["speaker"] as? String == "Sam")
    #expect(after["role"] as? String == "rep")
    #expect(after["time"] as? Double == 9)
    #expect(after["part"] as? String == "turn")
    let call = try #require(document["call"] as? [String: Any])
    #expect(call["hesitations"] as? Int == 1 && call["pressureAfterHesitation"] as? Int == 1)
    #expect(call["unit"] as? String == "seconds")
    let roles = try #require(document["roles"] as? [String: Any])
    #expect(roles["rep"] as? [String] == ["Sam"] && roles["prospect"] as? [String] == ["Alex"])
    let speakers = try #require(document["speakers"] as? [[String: Any]])
    #expect(speakers.map { $0["speaker"] as? String } == ["Sam", "Alex"])
  }

  @Test func withoutRepTheHeuristicChoiceIsPrinted() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("call.vtt", Self.call)
    let text = try dir.run(["lint", "--no-color", "call.vtt"])
    #expect(text.stdout.contains("roles: rep Sam (heuristic: Sam asks or offers"), "\(text.stdout)")
    let everyone = try dir.run(["lint", "--no-color", "--role", "all", "call.vtt"])
    #expect(everyone.stdout.contains("everyone linted (--role all)"))
    let bad = try dir.run(["lint", "--role", "boss", "call.vtt"])
    #expect(bad.status == 2 && bad.stderr.contains("unknown --role value 'boss' (rep, all)"))
  }

  @Test func theProspectsDeadlineIsNotPressure() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write(
      "call.txt",
      "Sam: Would you like a demo?\nAlex: Yes. I need to decide today, by Friday at the latest.\n"
        + "Sam: Sure, whenever suits you.\nAlex: Thanks.\n")
    let json = try dir.run(["lint", "--format", "json", "--rep", "Sam", "call.txt"])
    let document = try #require(try json.documents().first)
    #expect(document["format"] as? String == "transcript")
    let findings = try #require(document["findings"] as? [[String: Any]])
    #expect(!findings.contains { $0["polarity"] as? String == "pressure" }, "\(findings)")
  }

  @Test func anEmailSubjectIsItsOwnPartAndPositionsPointIntoTheFile() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    let message = """
      From: Sam <sam@example.com>
      To: Alex <alex@example.com>
      Subject: =?UTF-8?Q?Derni=C3=A8re_chance_!?=
      MIME-Version: 1.0
      Content-Type: text/plain; charset=utf-8
      Content-Transfer-Encoding: quoted-printable

      Bonjour Alex,

      Vous devez signer avant vendredi. L'offre expire ce soir.

      """
    try dir.write("mail.eml", message.replacing("\n", with: "\r\n"))
    let json = try dir.run(["lint", "--format", "json", "mail.eml"])
    let document = try #require(try json.documents().first)
    #expect(document["format"] as? String == "eml")
    #expect(document["language"] as? String == "fr")
    let findings = try #require(document["findings"] as? [[String: Any]])
    let subject = try #require(findings.first { $0["part"] as? String == "subject" }, "\(findings)")
    #expect(subject["line"] as? Int == 3)
    let must = try #require(findings.first { $0["rule"] as? String == "pressure.controlling.must" })
    #expect(must["line"] as? Int == 10 && must["column"] as? Int == 1)
    let form = try #require(document["form"] as? [String: Any])
    #expect(form["subjectWords"] as? Int == 2)
  }

  @Test func htmlAndMarkdownAreLintedAsTheirText() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write(
      "mail.html",
      "<html><head><style>.x{color:red}</style></head><body><p>Hi,</p><p>Act now &mdash; only 2 spots left!</p></body></html>\n"
    )
    try dir.write(
      "note.md", "# Hello\n\n`You must sign today` is what we never say.\n\n[Book a time](https://x.example/now)\n")
    let json = try dir.run(["lint", "--format", "json", "mail.html", "note.md"])
    let documents = try json.documents()
    #expect(documents.map { $0["format"] as? String } == ["html", "markdown"])
    let html = try #require(documents[0]["findings"] as? [[String: Any]])
    let scarcity = try #require(html.first { $0["category"] as? String == "scarcity" }, "\(html)")
    #expect(scarcity["line"] as? Int == 1)
    #expect(scarcity["excerpt"] as? String == "only 2 spots left")
    let markdown = try #require(documents[1]["findings"] as? [[String: Any]])
    #expect(!markdown.contains { $0["rule"] as? String == "pressure.controlling.must" }, "inline code is not linted")
  }

  @Test func unsupportedTranscriptFormatsAreNamed() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("call.ass", "[Script Info]\nTitle: x\n")
    let result = try dir.run(["lint", "call.ass"])
    #expect(result.status == 2)
    #expect(
      result.stderr.contains("libre: error: call.ass: unsupported transcript format: ASS/SSA"), "\(result.stderr)")
  }
}

extension FormatCommandTests {
  @Test func theRepComesFromTheNearestConfigurationUnlessGiven() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("calls/call.vtt", Self.call)
    try dir.write("calls/.libre.json", #"{ "speakers": { "rep": ["Alex"] } }"#)
    let configured = try dir.run(["lint", "--no-color", "calls/call.vtt"])
    #expect(configured.stdout.contains("roles: rep Alex (given: Alex)"), "\(configured.stdout)")
    let flag = try dir.run(["lint", "--no-color", "--rep", "Sam", "calls/call.vtt"])
    #expect(flag.stdout.contains("roles: rep Sam (given: Sam)"))
    try dir.write("forced.json", #"{ "speakers": { "rep": "Sam" } }"#)
    let forced = try dir.run(["lint", "--no-color", "--config", "forced.json", "calls/call.vtt"])
    #expect(forced.stdout.contains("roles: rep Sam (given: Sam)"))
    try dir.write("calls/.libre.json", "{\n  \"speakers\": { \"reps\": [\"Alex\"] }\n}\n")
    let broken = try dir.run(["lint", "calls/call.vtt"])
    #expect(broken.status == 2)
    #expect(broken.stderr.contains(".libre.json:2: unknown key \"speakers.reps\""), "\(broken.stderr)")
  }
}
