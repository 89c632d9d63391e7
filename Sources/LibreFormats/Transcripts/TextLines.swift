import LibreKit

/// Line scanning over bytes: a line ends at LF, CR or CRLF (WebVTT and SRT allow all three).
enum TextLines {
  /// The offset of the first CR or LF at or after `start`, or `end`.
  static func lineEnd(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
    bytes.withUnsafeBytes { ByteSearch.firstLineBreak(in: $0, from: start, to: end) }
  }

  /// The offset just past the line break at `lineEnd` (which points at CR, LF or the end).
  static func nextLineStart(_ bytes: [UInt8], after lineEnd: Int, to end: Int) -> Int {
    guard lineEnd < end else { return end }
    if bytes[lineEnd] == 0x0D, lineEnd + 1 < end, bytes[lineEnd + 1] == 0x0A { return lineEnd + 2 }
    return lineEnd + 1
  }

  static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0C }

  static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  static func isLetterStart(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte >= 0xC0
  }

  /// `range` without leading and trailing spaces, tabs, CR and LF.
  static func trimmed(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper, isSpace(bytes[lower]) || bytes[lower] == 0x0A || bytes[lower] == 0x0D { lower += 1 }
    while upper > lower, isSpace(bytes[upper - 1]) || bytes[upper - 1] == 0x0A || bytes[upper - 1] == 0x0D {
      upper -= 1
    }
    return lower..<upper
  }

  /// Whether `bytes[range]` holds only spaces, tabs, CR and LF.
  static func isBlank(_ bytes: [UInt8], _ range: Range<Int>) -> Bool { trimmed(bytes, range).isEmpty }

  /// The 1-based line of `offset`, for error messages (counts LF and lone CR).
  static func lineNumber(_ bytes: [UInt8], at offset: Int) -> Int {
    var line = 1
    var index = 0
    let end = min(offset, bytes.count)
    while index < end {
      if bytes[index] == 0x0A || (bytes[index] == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
        line += 1
      }
      index += 1
    }
    return line
  }

  /// The length of a UTF-8 BOM at the start of `bytes` (0 or 3).
  static func bomLength(_ bytes: [UInt8]) -> Int { bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0 }

  /// Whether `bytes[range]` starts with the ASCII `prefix`, ignoring ASCII case when asked.
  static func hasPrefix(_ bytes: [UInt8], _ range: Range<Int>, _ prefix: StaticString, ignoringCase: Bool = false)
    -> Bool
  {
    prefix.withUTF8Buffer { expected in
      guard range.count >= expected.count else { return false }
      for (offset, byte) in expected.enumerated() {
        let actual = bytes[range.lowerBound + offset]
        if ignoringCase ? (actual | 0x20) != (byte | 0x20) : actual != byte { return false }
      }
      return true
    }
  }
}
