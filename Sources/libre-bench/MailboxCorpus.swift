import LibreFormats
import LibreKit

#if canImport(Glibc)
  import Glibc
#endif

/// `libre-bench --emit-mail DIR [--eml N]`: the same N generated messages twice, as one
/// mboxrd file (`DIR/mail.mbox`) and as files (`DIR/files/partK/mN.eml`, a thousand a
/// folder), for timing `libre analyze` on a mailbox against the same messages as files.
/// Senders cycle through a few reps (display-name variants of the same address among them)
/// and dates through 2026 a day apart, so groups and trends have something to show.
enum MailboxCorpus {
  static let senders = [
    "Sam Reed <sam@example.com>", "\"Reed, Sam\" <Sam@Example.com>", "Dana Cole <dana@example.com>",
    "Lou Martin <lou@example.fr>", "lou@example.fr (Lou Martin)",
  ]
  static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
  static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  static let firstDay = MessageDate.daysFromCivil(year: 2026, month: 1, day: 1)

  static func emit(to directory: String, count: Int, seed: UInt64) {
    FolderCorpus.makeFolders(directory + "/files")
    let mbox = directory + "/mail.mbox"
    let mailbox = open(mbox, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard mailbox >= 0 else { FolderCorpus.fail("cannot write \(mbox): \(String(cString: strerror(errno)))") }
    var generator = CorpusGenerator(seed: seed)
    var body: [UInt8] = []
    var written = 0
    for number in 0..<count {
      if number % 1000 == 0 { FolderCorpus.makeFolders(directory + "/files/part\(number / 1000)") }
      body.removeAll(keepingCapacity: true)
      generator.fill(&body, bytes: 1)
      // 2026-01-01 is a Thursday (`weekdays[0]`).
      let (year, month, dayOfMonth) = MessageDate.civil(fromDays: firstDay + number % 365)
      let date =
        "\(weekdays[number % 365 % 7]), \(dayOfMonth) \(months[month - 1]) \(year) "
        + "09:\(number % 6)0:00 +0100"
      let message = EmailCorpus.message(number: number, body: body, from: senders[number % senders.count], date: date)
      let path = directory + "/files/part\(number / 1000)/m\(number).eml"
      write(message, to: path)
      var entry = Array(
        "From sender@example.com \(date.prefix(3)) \(months[month - 1]) \(dayOfMonth) 09:00:00 \(year)\n".utf8)
      entry += escaped(message)
      if entry.last != 0x0A { entry.append(0x0A) }
      entry.append(0x0A)
      _ = entry.withUnsafeBytes { Glibc.write(mailbox, $0.baseAddress, $0.count) }
      written += entry.count
    }
    close(mailbox)
    print("wrote \(count) messages to \(mbox) (\(written) bytes) and under \(directory)/files")
  }

  /// mboxrd: every body line `>*From ` gets one more `>`.
  static func escaped(_ message: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(message.count + 16)
    var lineStart = true
    for (index, byte) in message.enumerated() {
      let rest = message[index...].prefix(64)
      if lineStart && (MboxSeparator.isEscapedFrom(rest) || rest.starts(with: "From ".utf8)) {
        out.append(UInt8(ascii: ">"))
      }
      out.append(byte)
      lineStart = byte == 0x0A
    }
    return out
  }

  static func write(_ bytes: [UInt8], to path: String) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { FolderCorpus.fail("cannot write \(path): \(String(cString: strerror(errno)))") }
    _ = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
    close(descriptor)
  }
}
