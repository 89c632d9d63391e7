import Foundation
import LibreFormats
import Testing

@Suite struct MboxReaderTests {
  /// The messages of an mbox written to a temporary file.
  func messages(_ text: String, maximum: Int = 1 << 20) throws -> [MboxMessage] {
    let path = NSTemporaryDirectory() + "mbox-\(UUID().uuidString)"
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let reader = try MboxReader(path: path, maximumMessageBytes: maximum)
    var result: [MboxMessage] = []
    while let message = try reader.next() { result.append(message) }
    return result
  }

  func text(_ message: MboxMessage) -> String { String(decoding: message.bytes, as: UTF8.self) }

  @Test func separatorsNeedASenderATimeAndAYear() {
    #expect(MboxSeparator.isSeparator(Array("From MAILER-DAEMON Fri Jul  8 12:08:34 2011".utf8)))
    #expect(MboxSeparator.isSeparator(Array("From 1234@xxx Sat Jan 01 00:00:00 +0000 2011".utf8)))
    #expect(MboxSeparator.isSeparator(Array("From a@b.c  Mon Jun 24 17:46 2002".utf8)))
    #expect(!MboxSeparator.isSeparator(Array("From now on, we meet at 10:30 every day.".utf8)))
    #expect(!MboxSeparator.isSeparator(Array("From 2011 onwards".utf8)))
    #expect(!MboxSeparator.isSeparator(Array("From now on, we meet at 10:30 on Jan 5 2026.".utf8)))
    #expect(!MboxSeparator.isSeparator(Array("From 9:00 to 17:00, Mon Jan 5 2026".utf8)))
    #expect(!MboxSeparator.isSeparator(Array("From: Sam <sam@example.com>".utf8)))
    #expect(MboxSeparator.isEscapedFrom(Array(">>From here".utf8)))
    #expect(!MboxSeparator.isEscapedFrom(Array("From here".utf8)))
  }

  @Test func splitsMessagesAndUnescapesFromLines() throws {
    let mbox = """
      From a@example.com Mon Jan  5 09:00:00 2026
      From: A <a@example.com>
      Subject: one

      Hello.
      >From the start, thanks.
      >>From quoted.
      From now on, a body line nobody escaped.

      From b@example.com Tue Jan  6 09:00:00 2026
      From: B <b@example.com>
      Subject: two

      Bye.

      """
    let all = try messages(mbox)
    #expect(all.count == 2)
    #expect(all.map(\.number) == [1, 2])
    #expect(all.map(\.separatorLine) == [1, 10])
    #expect(
      text(all[0])
        == "From: A <a@example.com>\nSubject: one\n\nHello.\nFrom the start, thanks.\n>From quoted.\n"
        + "From now on, a body line nobody escaped.\n")
    #expect(text(all[1]) == "From: B <b@example.com>\nSubject: two\n\nBye.\n")
  }

  @Test func honoursContentLengthWhenItLandsOnTheNextMessage() throws {
    // The body holds a separator-like line after a blank line: only Content-Length keeps it.
    let body = "Line one.\n\nFrom x@y.z Mon Jan  5 09:00:00 2026\nstill the body\n"
    let mbox =
      "From a@b.c Mon Jan  5 09:00:00 2026\nSubject: one\nContent-Length: \(body.utf8.count)\n\n\(body)\n"
      + "From a@b.c Mon Jan  5 10:00:00 2026\nSubject: two\n\nSecond.\n"
    let all = try messages(mbox)
    #expect(all.count == 2)
    #expect(text(all[0]).hasSuffix("still the body\n"))
    #expect(text(all[1]).hasPrefix("Subject: two"))
    #expect(all[1].separatorLine == 10)
  }

  @Test func ignoresAStaleContentLength() throws {
    let mbox =
      "From a@b.c Mon Jan  5 09:00:00 2026\nSubject: one\nContent-Length: 3\n\nLonger than three.\n\n"
      + "From a@b.c Mon Jan  5 10:00:00 2026\nSubject: two\n\nSecond.\n"
    let all = try messages(mbox)
    #expect(all.count == 2)
    #expect(text(all[0]) == "Subject: one\nContent-Length: 3\n\nLonger than three.\n")
  }

  @Test func crlfMailboxesSplitToo() throws {
    let mbox =
      "From a@b.c Mon Jan  5 09:00:00 2026\r\nSubject: one\r\n\r\nHi.\r\n\r\n"
      + "From a@b.c Mon Jan  5 10:00:00 2026\r\nSubject: two\r\n\r\nBye.\r\n"
    let all = try messages(mbox)
    #expect(all.map(text) == ["Subject: one\r\n\r\nHi.\r\n", "Subject: two\r\n\r\nBye.\r\n"])
  }

  @Test func aMessageOverTheLimitKeepsOnlyItsSize() throws {
    let big = String(repeating: "word ", count: 400)
    let mbox =
      "From a@b.c Mon Jan  5 09:00:00 2026\nSubject: big\n\n\(big)\n\n"
      + "From a@b.c Mon Jan  5 10:00:00 2026\nSubject: small\n\nHi.\n"
    let all = try messages(mbox, maximum: 1000)
    #expect(all.count == 2)
    #expect(all[0].bytes.isEmpty && (all[0].oversize ?? 0) > 1000)
    #expect(all[1].oversize == nil && text(all[1]) == "Subject: small\n\nHi.\n")
  }

  @Test func messageFieldsReadIDDateAndSender() {
    let message = Array(
      ("From: \"Reed, Sam\" <Sam@Example.COM>\nDate: Tue, 6 Jan 2026 10:30:00 -0500\n"
        + "Message-ID: <abc@host>\n\nHi.\n").utf8)
    let fields = MessageFields.read(message)
    #expect(fields.messageID == "abc@host")
    #expect(fields.date == MessageDate.daysFromCivil(year: 2026, month: 1, day: 6) * 86_400 + 15 * 3_600 + 30 * 60)
    #expect(fields.sender == Sender(address: "sam@example.com", name: "Sam Reed"))
    #expect(Sender.parse("sam@example.com (Sam Reed)") == Sender(address: "sam@example.com", name: "Sam Reed"))
    #expect(MessageDate.parse("6 Jan 26 10:30 GMT") == MessageDate.parse("Tue, 6 Jan 2026 10:30:00 +0000"))
    #expect(MessageDate.parse("yesterday") == nil)
    #expect(MessageDate.civil(fromDays: MessageDate.daysFromCivil(year: 2024, month: 2, day: 29)) == (2024, 2, 29))
  }
}
