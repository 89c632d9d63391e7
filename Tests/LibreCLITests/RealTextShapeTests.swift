import Foundation
import Testing

/// The kinds of real text that fooled Libre, through the built binary: raw messages read as
/// transcripts, another language scored as French, context that `--explain-suppressed` shows.
@Suite struct RealTextShapeTests {
  static let mboxMessage = """
    From sender@example.com Mon Sep 30 10:00:00 2002
    Return-Path: <sender@example.com>
    Delivered-To: list@example.org
    Received: from mail.example.com by mx.example.org; Mon, 30 Sep 2002 10:00:00 +0000
    Received: from relay.example.net by mail.example.com; Mon, 30 Sep 2002 09:59:58 +0000
    Delivered-To: pat@example.org
    Received: from laptop by relay.example.net; Mon, 30 Sep 2002 09:59:57 +0000
    From: Pat Sender <sender@example.com>
    To: list@example.org
    Subject: Minutes of the meeting
    Date: Mon, 30 Sep 2002 10:00:00 +0000
    X-Mailer: Example Mail 1.0

    Hi all,

    The minutes are attached. The next meeting is on Thursday.

    Phone: +1 555 0100
    Fax: +1 555 0101

    """

  @Test func aRawMessageWithAnMboxLineIsAnEmailNotATranscript() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    // No extension, as in a Maildir tree, and `.txt`, as in a corpus of saved messages.
    for name in ["cur/1", "saved/00012.txt"] {
      try dir.write(name, Self.mboxMessage)
      let result = try dir.run(["lint", "--format", "json", name])
      let document = try #require((try result.json()["documents"] as? [[String: Any]])?.first)
      #expect(document.string("format") == "eml", "\(name)")
      #expect(document["call"] is NSNull)
    }
  }

  @Test func headerAndContactLinesInAPlainTextAreNotSpeakers() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    let text = """
      Subject: Visit next week
      Phone: 555 0100
      Fax: 555 0101
      Subject: Visit next week
      Phone: 555 0100
      Fax: 555 0101

      See you on Thursday.
      """
    try dir.write("note.txt", text)
    let result = try dir.run(["lint", "--format", "json", "note.txt"])
    let document = try #require((try result.json()["documents"] as? [[String: Any]])?.first)
    #expect(document.string("format") != "transcript")
  }

  @Test func aPortugueseEmailIsNamedAndNotScored() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    let text = """
      Olá, tudo bem? Você ainda não respondeu ao nosso contato. Para não perder a oferta, clique \
      no link e atualize os seus dados da conta hoje. Muito obrigado pela sua atenção.
      """
    try dir.write("mensagem.txt", text)
    let result = try dir.run(["lint", "--no-color", "mensagem.txt"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("language: pt (not supported)"))
    #expect(!result.stdout.contains("fr (detected)"))
  }

  @Test func explainSuppressedSaysWhatWasSetAsideAndWhy() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("memo.txt", "Team,\n\nYou should be able to open the shared drive now.\n\nThanks,\nKim\n")
    let quiet = try dir.run(["lint", "--no-color", "memo.txt"])
    #expect(!quiet.stdout.contains("set aside"))
    let explained = try dir.run(["lint", "--no-color", "--explain-suppressed", "memo.txt"])
    #expect(explained.stdout.contains("set aside pressure.controlling.should"))
    #expect(explained.stdout.contains("epistemic modal"))
    let analyzed = try dir.run(["analyze", "-q", "-f", "jsonl", "--explain-suppressed", "memo.txt"])
    #expect(analyzed.stdout.contains("epistemic modal"))
  }
}
