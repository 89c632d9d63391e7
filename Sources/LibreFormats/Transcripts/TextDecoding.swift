import LibreKit

/// Turns the bytes of a transcript file into UTF-8: UTF-16 (with or without a BOM), UTF-32
/// with a BOM and Windows-1252 files are transcoded whole, so the transcoded bytes can stand
/// as the document's original (lines and columns count characters, which transcoding keeps).
enum TextDecoding {
  struct Decoded {
    var bytes: [UInt8]
    /// Why the bytes were transcoded when it was a guess, for a document warning.
    var note: String?
  }

  /// The note for a file with a UTF-8 byte order mark and bytes that are not UTF-8.
  static let invalidAfterUTF8BOM =
    "not valid UTF-8 after its UTF-8 byte order mark; the invalid bytes read as Windows-1252"
  /// The note for a file that is neither UTF-8 nor UTF-16.
  static let notUTF8 = "not valid UTF-8; read as Windows-1252"

  static func utf8(_ bytes: [UInt8]) -> Decoded {
    if let transcoded = fromUnicodeWithBOM(bytes) { return Decoded(bytes: transcoded, note: nil) }
    if let littleEndian = bomlessUTF16(bytes) {
      return Decoded(
        bytes: fromUTF16(bytes, littleEndian: littleEndian),
        note: "read as UTF-16\(littleEndian ? "LE" : "BE") without a byte order mark")
    }
    if isValidUTF8(bytes) { return Decoded(bytes: bytes, note: nil) }
    // The mark says UTF-8: its valid sequences stay UTF-8 (reading them as Windows-1252
    // would garble every accent, and the mark itself, which then hid a WebVTT signature).
    if bytes.starts(with: utf8BOM) { return Decoded(bytes: fromUTF8OrWindows1252(bytes), note: invalidAfterUTF8BOM) }
    return Decoded(bytes: fromWindows1252(bytes), note: notUTF8)
  }

  static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

  /// The encoding a UTF-16 or UTF-32 byte order mark at the start of `bytes` names (UTF-32
  /// LE's mark starts like UTF-16 LE's, so it is asked first).
  static func unicodeBOM(_ bytes: [UInt8]) -> (name: String, unitSize: Int, littleEndian: Bool)? {
    if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return ("UTF-32 LE", 4, true) }
    if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return ("UTF-32 BE", 4, false) }
    if bytes.starts(with: [0xFF, 0xFE]) { return ("UTF-16 LE", 2, true) }
    if bytes.starts(with: [0xFE, 0xFF]) { return ("UTF-16 BE", 2, false) }
    return nil
  }

  /// `bytes` in UTF-8 when they start with a UTF-16 or UTF-32 byte order mark (which
  /// becomes a UTF-8 one); nil otherwise.
  static func fromUnicodeWithBOM(_ bytes: [UInt8]) -> [UInt8]? {
    guard let bom = unicodeBOM(bytes) else { return nil }
    return bom.unitSize == 2
      ? fromUTF16(bytes, littleEndian: bom.littleEndian) : fromUTF32(bytes, littleEndian: bom.littleEndian)
  }

  /// UTF-16 without a BOM shows as a NUL in every other byte of ASCII text; WebVTT files may
  /// hold a few NULs, so only a strong pattern counts.
  static func bomlessUTF16(_ bytes: [UInt8]) -> Bool? {
    let count = min(bytes.count, 1024) & ~1
    guard count >= 4, hasZeroByte(bytes, count: count) else { return nil }
    var evenZeros = 0
    var oddZeros = 0
    for index in stride(from: 0, to: count, by: 2) {
      if bytes[index] == 0 { evenZeros += 1 }
      if bytes[index + 1] == 0 { oddZeros += 1 }
    }
    let pairs = count / 2
    if oddZeros * 10 >= pairs * 7 && evenZeros * 20 <= pairs { return true }
    if evenZeros * 10 >= pairs * 7 && oddZeros * 20 <= pairs { return false }
    return nil
  }

  /// Whether one of the first `count` bytes is 0, eight at a time (asked of every file).
  static func hasZeroByte(_ bytes: [UInt8], count: Int) -> Bool {
    bytes.withUnsafeBytes { ByteSearch.firstIndex(of: 0, in: $0, from: 0, to: count) < count }
  }

  static func fromUTF16(_ bytes: [UInt8], littleEndian: Bool) -> [UInt8] {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var index = 0
    while index + 1 < bytes.count {
      let first = UInt16(bytes[index])
      let second = UInt16(bytes[index + 1])
      units.append(littleEndian ? second << 8 | first : first << 8 | second)
      index += 2
    }
    var output: [UInt8] = []
    output.reserveCapacity(units.count + units.count / 2)
    // The BOM becomes U+FEFF, kept like a UTF-8 BOM so every format skips it alike.
    _ = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: false) {
      output.append($0)
    }
    return output
  }

  /// Each four bytes a scalar; one that is not a scalar, or a cut one at the end, reads as
  /// U+FFFD so that nothing is dropped unseen.
  static func fromUTF32(_ bytes: [UInt8], littleEndian: Bool) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count / 4 + bytes.count / 8)
    var index = 0
    while index < bytes.count {
      guard index + 3 < bytes.count else {
        appendUTF8(0xFFFD, to: &output)
        break
      }
      let units = (0..<4).map { UInt32(bytes[index + $0]) }
      let scalar =
        littleEndian
        ? units[3] << 24 | units[2] << 16 | units[1] << 8 | units[0]
        : units[0] << 24 | units[1] << 16 | units[2] << 8 | units[3]
      appendUTF8(Unicode.Scalar(scalar) == nil ? 0xFFFD : scalar, to: &output)
      index += 4
    }
    return output
  }

  /// UTF-8 as it is, each byte that does not start a valid sequence read as Windows-1252
  /// (one byte, one character, as the file's other characters).
  static func fromUTF8OrWindows1252(_ bytes: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + bytes.count / 8)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        output.append(byte)
        index += 1
        continue
      }
      let length = validSequenceLength(bytes, at: index)
      if length > 0 {
        output.append(contentsOf: bytes[index..<index + length])
        index += length
      } else {
        output.append(contentsOf: fromWindows1252([byte]))
        index += 1
      }
    }
    return output
  }

  /// The length of the valid UTF-8 sequence of two to four bytes at `index`, 0 if there is none.
  static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
    let length: Int
    switch bytes[index] {
    case 0xC2...0xDF: length = 2
    case 0xE0...0xEF: length = 3
    case 0xF0...0xF4: length = 4
    default: return 0
    }
    guard index + length <= bytes.count else { return 0 }
    return bytes[index..<index + length].withUnsafeBufferPointer { isValidUTF8($0) } ? length : 0
  }

  static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { isValidUTF8($0) }
  }

  /// Eight bytes at a time while they are ASCII (most of a transcript), byte by byte elsewhere.
  static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    var index = 0
    let count = bytes.count
    while index < count {
      if index + 8 <= count {
        let high =
          UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) & 0x8080_8080_8080_8080
        if high == 0 {
          index += 8
          continue
        }
        // Straight to the first non-ASCII byte of the word (the lowest set bit is the first
        // byte in memory): looking again at each ASCII byte before it, word by word, cost
        // more than the rest on accented text.
        index += high.trailingZeroBitCount >> 3
      }
      let byte = base[index]
      if byte < 0x80 {
        index += 1
        continue
      }
      let length: Int
      let minimum: UInt32
      var scalar: UInt32
      switch byte {
      case 0xC2...0xDF: (length, minimum, scalar) = (2, 0x80, UInt32(byte & 0x1F))
      case 0xE0...0xEF: (length, minimum, scalar) = (3, 0x800, UInt32(byte & 0x0F))
      case 0xF0...0xF4: (length, minimum, scalar) = (4, 0x10000, UInt32(byte & 0x07))
      default: return false
      }
      guard index + length <= count else { return false }
      for offset in 1..<length {
        let next = base[index + offset]
        guard next & 0xC0 == 0x80 else { return false }
        scalar = scalar << 6 | UInt32(next & 0x3F)
      }
      guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return false }
      index += length
    }
    return true
  }

  /// Windows-1252's 0x80–0x9F block; the five unassigned bytes keep their C1 code point.
  private static let high: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
    0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
    0x0153, 0x9D, 0x017E, 0x0178,
  ]

  static func fromWindows1252(_ bytes: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + bytes.count / 8)
    for byte in bytes {
      if byte < 0x80 {
        output.append(byte)
        continue
      }
      let scalar = byte < 0xA0 ? high[Int(byte - 0x80)] : UInt32(byte)
      appendUTF8(scalar, to: &output)
    }
    return output
  }

  static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
    switch scalar {
    case 0..<0x80: output.append(UInt8(scalar))
    case 0x80..<0x800:
      output.append(UInt8(0xC0 | scalar >> 6))
      output.append(UInt8(0x80 | scalar & 0x3F))
    case 0x800..<0x10000:
      output.append(UInt8(0xE0 | scalar >> 12))
      output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      output.append(UInt8(0x80 | scalar & 0x3F))
    default:
      output.append(UInt8(0xF0 | scalar >> 18))
      output.append(UInt8(0x80 | scalar >> 12 & 0x3F))
      output.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      output.append(UInt8(0x80 | scalar & 0x3F))
    }
  }
}
