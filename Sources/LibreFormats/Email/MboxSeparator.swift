/// The `From ` line that opens each message of an mbox (RFC 4155), told apart from a body
/// line that happens to start with "From ".
///
/// RFC 4155 writes it `From SENDER DATE`, the date in `asctime` form
/// (`From MAILER-DAEMON Fri Jul  8 12:08:34 2011`); Gmail's export writes
/// `From 1234@xxx Sat Jan 01 00:00:00 +0000 2011`. So a separator is `From `, a sender
/// without spaces, then a date holding a month's name, a time (`hh:mm`) and a four-digit
/// year; the sender is an address (`@`) or the date starts with a weekday. A body line such
/// as "From now on, we meet at 10:30 on Jan 5 2026." is text, whether or not the writer
/// escaped it.
public enum MboxSeparator {
  /// Whether `line` (without its line break) is an mbox separator line.
  public static func isSeparator<Line: Collection<UInt8>>(_ line: Line) -> Bool where Line.Index == Int {
    guard line.count >= 12, line.starts(with: prefix) else { return false }
    var index = line.startIndex + prefix.count
    // The sender: one word.
    let senderStart = index
    while index < line.endIndex, line[index] != space, line[index] != tab { index += 1 }
    guard index > senderStart, index < line.endIndex else { return false }
    let sender = line[senderStart..<index]
    var sawTime = false
    var sawYear = false
    var sawMonth = false
    var firstWord: String?
    // The date's words, one at a time.
    while index < line.endIndex {
      while index < line.endIndex, line[index] == space || line[index] == tab { index += 1 }
      let wordStart = index
      while index < line.endIndex, line[index] != space, line[index] != tab { index += 1 }
      let word = line[wordStart..<index]
      if word.count == 4 && word.allSatisfy(isDigit) { sawYear = true }
      if isTime(word) { sawTime = true }
      if word.count == 3 {
        let name = String(decoding: word, as: UTF8.self).lowercased()
        if months.contains(name) { sawMonth = true }
        if firstWord == nil { firstWord = name }
      } else if firstWord == nil && !word.isEmpty {
        firstWord = ""
      }
    }
    let addressed = sender.contains(at) || weekdays.contains(firstWord ?? "")
    return sawTime && sawYear && sawMonth && addressed
  }

  private static let months: Set<String> = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  ]
  private static let weekdays: Set<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
  private static let at = UInt8(ascii: "@")

  /// `h:mm`, `hh:mm` or `hh:mm:ss`.
  private static func isTime<Word: Collection<UInt8>>(_ word: Word) -> Bool where Word.Index == Int {
    let parts = word.split(separator: colon, omittingEmptySubsequences: false)
    guard parts.count == 2 || parts.count == 3, (1...2).contains(parts[0].count) else { return false }
    return parts.allSatisfy { $0.allSatisfy(isDigit) } && parts.dropFirst().allSatisfy { $0.count == 2 }
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  /// Whether `line` is a body line that mboxo or mboxrd escaped: one or more `>` then
  /// `From `. Its first `>` is the escape, taken off on reading.
  public static func isEscapedFrom<Line: Collection<UInt8>>(_ line: Line) -> Bool where Line.Index == Int {
    var index = line.startIndex
    while index < line.endIndex, line[index] == greaterThan { index += 1 }
    guard index > line.startIndex else { return false }
    return line[index...].starts(with: prefix)
  }

  static let prefix: [UInt8] = Array("From ".utf8)
  static let space: UInt8 = 0x20
  static let tab: UInt8 = 0x09
  static let colon: UInt8 = 0x3A
  static let greaterThan: UInt8 = 0x3E
}
