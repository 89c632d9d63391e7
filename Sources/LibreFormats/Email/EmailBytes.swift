import LibreKit

/// Byte-level helpers shared by the email stages, so no stage builds a `String` per line.
enum EmailBytes {
  static let cr: UInt8 = 0x0D
  static let lf: UInt8 = 0x0A
  static let space: UInt8 = 0x20
  static let tab: UInt8 = 0x09

  @inline(__always) static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == space || byte == tab || byte == cr || byte == lf
  }

  @inline(__always) static func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
  }

  /// The value of a hexadecimal digit in either case, or nil.
  @inline(__always) static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: return byte - 0x30
    case 0x41...0x46: return byte - 0x41 + 10
    case 0x61...0x66: return byte - 0x61 + 10
    default: return nil
    }
  }

  /// The end of the line starting at `start` (the index of its `\n`, or `end`).
  @inline(__always) static func lineEnd(_ bytes: [UInt8], from start: Int, end: Int) -> Int {
    var index = start
    while index < end && bytes[index] != lf { index += 1 }
    return index
  }

  /// Whether `bytes[range]` equals the ASCII `name`, ignoring case.
  static func equalsIgnoringCase(_ bytes: [UInt8], _ range: Range<Int>, _ name: StaticString) -> Bool {
    guard range.count == name.utf8CodeUnitCount else { return false }
    return name.withUTF8Buffer { buffer in
      var index = range.lowerBound
      for byte in buffer {
        if lowercased(bytes[index]) != lowercased(byte) { return false }
        index += 1
      }
      return true
    }
  }

  /// `bytes[range]` without leading and trailing spaces, tabs and line breaks.
  static func trimmed(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
    var low = range.lowerBound
    var high = range.upperBound
    while low < high && isWhitespace(bytes[low]) { low += 1 }
    while high > low && isWhitespace(bytes[high - 1]) { high -= 1 }
    return low..<high
  }

  /// Whether every byte of `bytes` is a space, tab or line break.
  static func isBlank<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
    bytes.allSatisfy(isWhitespace)
  }

  /// Whether `bytes` is well-formed UTF-8 (ASCII runs skipped a word at a time).
  static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      var index = 0
      while index < buffer.count {
        if index + 8 <= buffer.count {
          let word = UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self)
          if word & 0x8080_8080_8080_8080 == 0 {
            index += 8
            continue
          }
        }
        let length = sequenceLength(buffer, index)
        if length == 0 { return false }
        index += length
      }
      return true
    }
  }

  /// The length of the well-formed UTF-8 sequence at `index`, or 0 when there is none.
  @inline(__always) static func sequenceLength(_ buffer: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
    let lead = buffer[index]
    if lead < 0x80 { return 1 }
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      high = 0x9F
    case 0xF0:
      length = 4
      low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      high = 0x8F
    default: return 0
    }
    guard index + length <= buffer.count else { return 0 }
    let second = buffer[index + 1]
    guard second >= low && second <= high else { return 0 }
    for offset in 2..<length where buffer[index + offset] & 0xC0 != 0x80 { return 0 }
    return length
  }

  /// Appends the UTF-8 encoding of `scalar` (a valid scalar value) to `bytes`.
  static func appendUTF8(_ scalar: UInt32, to bytes: inout [UInt8]) {
    switch scalar {
    case 0..<0x80: bytes.append(UInt8(scalar))
    case 0x80..<0x800:
      bytes.append(UInt8(0xC0 | (scalar >> 6)))
      bytes.append(UInt8(0x80 | (scalar & 0x3F)))
    case 0x800..<0x10000:
      bytes.append(UInt8(0xE0 | (scalar >> 12)))
      bytes.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
      bytes.append(UInt8(0x80 | (scalar & 0x3F)))
    default:
      bytes.append(UInt8(0xF0 | (scalar >> 18)))
      bytes.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
      bytes.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
      bytes.append(UInt8(0x80 | (scalar & 0x3F)))
    }
  }
}

/// Original ranges of a text's bytes, with a shortcut when the text is the file itself (the
/// common case: a top-level body), so per-unit lookups cost nothing.
struct OriginalRanges {
  let text: MappedText
  let isIdentity: Bool

  init(_ text: MappedText) {
    self.text = text
    isIdentity = text.map == .identity
  }

  @inline(__always) func range(_ range: Range<Int>) -> Range<Int> {
    isIdentity ? range : text.originalRange(range)
  }
}
