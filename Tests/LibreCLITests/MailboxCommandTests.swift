import Foundation
import Testing

@Suite struct MailboxCommandTests {
  func records(_ result: CLIResult) throws -> [[String: Any]] {
    try result.stdout.split(separator: "\n").map { line in
      try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }
  }

  func message(from: String, date: String, id: String, body: String) -> String {
    "From sender@example.com Mon Jan  5 09:00:00 2026\nFrom: \(from)\nDate: \(date)\nMessage-ID: <\(id)>\n"
      + "Subject: hello\n\n\(body)\n"
  }

  /// Three messages (the middle one without headers): each its own record, named FILE#N,
  /// the broken one an error of its own, the sender's display-name variants one group.
  var mailbox: String {
    message(from: "Sam Reed <sam@example.com>", date: "Mon, 5 Jan 2026 09:00:00 +0000", id: "one@x", body: Texts.pushy)
      + "\nFrom sender@example.com Tue Jan  6 09:00:00 2026\nno header here, just text\n\n"
      + message(
        from: "\"Reed, Sam\" <SAM@Example.com>", date: "Tue, 3 Mar 2026 09:00:00 +0000", id: "three@x",
        body: ">From the start, " + Texts.neutral)
  }

  @Test func analyzeReadsEachMessageOfAnMbox() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("box.mbox", mailbox)
    let result = try dir.run(["analyze", "-f", "jsonl", "box.mbox"])
    let all = try records(result)
    #expect(all.map { $0.string("type") } == ["document", "error", "document", "summary"])
    #expect(all.map { $0.string("path") } == ["box.mbox#1", "box.mbox#2", "box.mbox#3", nil])
    #expect(all[0].string("messageId") == "one@x" && all[2].string("messageId") == "three@x")
    #expect(all[0].string("group") == "sam@example.com" && all[2].string("group") == "sam@example.com")
    #expect(all[1].int("line") == 1)
    #expect(result.stderr.contains("box.mbox#2:1: no header fields"))
    #expect(result.status == 2)
  }

  @Test func lintReportsEachMessageAndGoesOnAfterABrokenOne() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("box.mbox", mailbox)
    let result = try dir.run(["lint", "--format", "json", "box.mbox"])
    let documents = try result.documents()
    #expect(documents.map { $0.string("path") } == ["box.mbox#1", "box.mbox#3"])
    #expect(!documents[0].findings().isEmpty)
    #expect(result.stderr.contains("box.mbox#2:1:"))
    #expect(result.status == 2)
  }

  /// Thunderbird keeps mailboxes as files without an extension: sniffed by their first line.
  /// One message stays one document, named as the file.
  @Test func extensionlessMailboxesAreSniffedAndOneMessageStaysOneDocument() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    let one = message(from: "a@example.com", date: "Mon, 5 Jan 2026 09:00:00 +0000", id: "1@x", body: Texts.pushy)
    try dir.write("Inbox", one)
    try dir.write("Sent", one + "\n" + one)
    let all = try records(try dir.run(["analyze", "-f", "jsonl", "Inbox", "Sent"]))
    #expect(all.dropLast().map { $0.string("path") } == ["Inbox", "Sent#1", "Sent#2"])
    #expect(all.first?.string("format") == "eml")
  }

  @Test func sinceAndUntilTakeMessagesByDateAndSayWhatTheySkipped() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("box.mbox", mailbox)
    let result = try dir.run(["analyze", "-f", "jsonl", "--since", "2026-02-01", "--until", "2026-12-31", "box.mbox"])
    let documents = try records(result).filter { $0.string("type") == "document" }
    #expect(documents.map { $0.string("path") } == ["box.mbox#3"])
    #expect(result.stderr.contains("skipped 1 message(s) outside --since/--until"))
    let bad = try dir.run(["analyze", "--since", "March", "box.mbox"])
    #expect(bad.status == 2 && bad.stderr.contains("--since takes a date as YYYY-MM-DD"))
  }

  @Test func meMarksSentMailAndReceivedMailIsSkippedOrApart() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    let box =
      message(from: "Me <me@example.com>", date: "Mon, 5 Jan 2026 09:00:00 +0000", id: "1@x", body: Texts.pushy)
      + "\n"
      + message(from: "Client <c@example.org>", date: "Mon, 5 Jan 2026 10:00:00 +0000", id: "2@x", body: Texts.neutral)
    try dir.write("box.mbox", box)
    let sent = try dir.run(["analyze", "-f", "jsonl", "--me", "ME@example.com", "box.mbox"])
    #expect(try records(sent).filter { $0.string("type") == "document" }.map { $0.string("path") } == ["box.mbox#1"])
    #expect(sent.stderr.contains("skipped 1 message(s) not sent by --me"))
    let apart = try dir.run(["analyze", "-f", "jsonl", "--me", "me@example.com", "--received", "apart", "box.mbox"])
    let groups = try records(apart).filter { $0.string("type") == "document" }.map { $0.string("group") }
    #expect(groups == ["me@example.com", "(received) c@example.org"])
  }

  @Test func maildirIsWalkedByItsStructure() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    let one = message(from: "a@example.com", date: "Mon, 5 Jan 2026 09:00:00 +0000", id: "1@x", body: Texts.neutral)
    try dir.write("Mail/cur/1700000000.M1P1.host:2,S", one)
    try dir.write("Mail/new/1700000001.M2P2.host", one)
    try dir.write("Mail/tmp/1700000002.M3P3.host", one)
    try dir.write("Mail/.Sent/cur/1700000003.M4P4.host:2,S", one)
    try FileManager.default.createDirectory(atPath: dir.path + "/Mail/.Sent/new", withIntermediateDirectories: true)
    let result = try dir.run(["analyze", "-f", "jsonl", "Mail"])
    let paths = try records(result).filter { $0.string("type") == "document" }.compactMap { $0.string("path") }
    #expect(
      paths == [
        "Mail/cur/1700000000.M1P1.host:2,S", "Mail/new/1700000001.M2P2.host", "Mail/.Sent/cur/1700000003.M4P4.host:2,S",
      ])
    #expect(result.stderr.contains("skipped 1 file(s) in a Maildir's tmp/ folder"))
    let lint = try dir.run(["lint", "--format", "json", "Mail"])
    #expect(try lint.documents().count == 3)
  }
}

@Suite struct TrendsCommandTests {
  @Test func byMonthGivesPeriodsPerRepAndMergesLikeOneRun() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    var box = ""
    for (month, sender) in [(1, "sam@example.com"), (1, "dana@example.com"), (2, "sam@example.com")] {
      box += "From x@example.com Mon Jan  5 09:00:00 2026\nFrom: \(sender)\nDate: 5 \(["Jan", "Feb"][month - 1]) 2026 "
      box += "09:00 +0000\nSubject: hi\n\n\(Texts.pushy)\n"
    }
    try dir.write("box.mbox", box)
    let result = try dir.run(["analyze", "-f", "json", "--by", "month", "box.mbox"])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let trends = try #require((json["summary"] as? [String: Any])?["trends"] as? [[String: Any]])
    #expect(trends.map { $0.string("period") } == ["2026-01", "2026-02"])
    #expect(trends.map { $0.int("documents") } == [2, 1])
    let groups = try #require(trends.first?["groups"] as? [[String: Any]])
    #expect(groups.map { $0.string("group") } == ["dana@example.com", "sam@example.com"])
    let text = try dir.run(["analyze", "-q", "--by", "month", "--emit-partial", "p.json", "box.mbox"])
    #expect(text.stdout.contains("\ntrends\n"))
    let merged = try dir.run(["merge", "p.json"])
    #expect(merged.stdout == text.stdout)
    let html = try dir.run(["analyze", "-q", "-f", "html", "--by", "week", "box.mbox"])
    #expect(html.stdout.contains("<section class=\"trends\"><h2>Trends</h2><svg"))
    // Inline: nothing fetched from elsewhere.
    #expect(!html.stdout.contains("src=\"http") && !html.stdout.contains("<link "))
    let bad = try dir.run(["analyze", "--by", "year", "box.mbox"])
    #expect(bad.status == 2 && bad.stderr.contains("unknown --by value 'year' (week, month)"))
  }
}
