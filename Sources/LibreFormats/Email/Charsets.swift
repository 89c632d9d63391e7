import LibreKit

/// A charset a text part or an encoded word declares, as this loader decodes it.
enum Charset: Equatable {
  /// UTF-8 and its subset US-ASCII: the bytes are the text (invalid sequences are left for
  /// the tokenizer to replace).
  case utf8
  /// ISO-8859-1 and Windows-1252, decoded alike: mail labelled Latin-1 is routinely written
  /// in Windows-1252 (curly quotes at 0x92–0x94, the euro at 0x80), and the C1 controls the
  /// label would give instead never occur in text, so the WHATWG Encoding Standard maps the
  /// label the same way.
  case windows1252
  /// ISO-8859-15 (Latin-9): Latin-1 with eight letters replaced (€, Š, š, Ž, ž, Œ, œ, Ÿ).
  case latin9
  /// Any other name, decoded through the C library's iconv where it can (`CharsetFallback`).
  case other(String)

  /// The charset a lowercased, trimmed name stands for.
  init(name: String) {
    switch name {
    case "utf-8", "utf8", "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us", "unicode-1-1-utf-8", "x-unknown",
      "unknown", "unknown-8bit", "x-user-defined", "default", "":
      self = .utf8
    case "iso-8859-1", "iso8859-1", "iso_8859-1", "iso-8859-1:1987", "latin1", "latin-1", "l1", "cp819", "ibm819",
      "windows-1252", "cp1252", "x-cp1252", "win-1252", "iso-ir-100", "csisolatin1":
      self = .windows1252
    case "iso-8859-15", "iso8859-15", "iso_8859-15", "latin-9", "latin9", "l9", "csisolatin9":
      self = .latin9
    default: self = .other(name)
    }
  }

  /// Normalizes a declared charset name: lowercased, quotes and spaces removed, and an
  /// RFC 2231 language suffix (`utf-8*en`) dropped.
  static func normalizedName<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
    var name: [UInt8] = []
    for byte in bytes {
      if byte == UInt8(ascii: "*") { break }
      if EmailBytes.isWhitespace(byte) || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { continue }
      name.append(EmailBytes.lowercased(byte))
    }
    return String(decoding: name, as: UTF8.self)
  }
}

/// Decodes text in a declared charset to UTF-8, keeping the map to the original file.
enum Charsets {
  /// Scalars of the bytes 0x80–0x9F in Windows-1252; the five holes keep their C1 value, as
  /// Windows itself does.
  static let windows1252High: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D,
    0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,
    0x017E, 0x0178,
  ]

  /// The scalar of byte `byte` (≥ 0x80) in a single-byte charset decoded by hand.
  @inline(__always) static func scalar(_ byte: UInt8, _ charset: Charset) -> UInt32 {
    if charset == .latin9 {
      switch byte {
      case 0xA4: return 0x20AC
      case 0xA6: return 0x0160
      case 0xA8: return 0x0161
      case 0xB4: return 0x017D
      case 0xB8: return 0x017E
      case 0xBC: return 0x0152
      case 0xBD: return 0x0153
      case 0xBE: return 0x0178
      default: return UInt32(byte)
      }
    }
    return byte < 0xA0 ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
  }

  /// `input` decoded from `charset` (a normalized name; nil when the part declares none),
  /// and a problem to report when the charset could not be decoded.
  ///
  /// Bytes that are not UTF-8 in text declared UTF-8 or US-ASCII, or declaring nothing, are
  /// read as Windows-1252, one by one, the rest staying UTF-8: such text is nearly always a
  /// Latin-1 or Windows-1252 message mislabelled, or a Latin-1 byte pasted into UTF-8.
  static func decode(_ input: MappedText, charset name: String?) -> (text: MappedText, problem: String?) {
    let charset = Charset(name: name ?? "")
    switch charset {
    case .utf8:
      if EmailBytes.isValidUTF8(input.bytes) { return (input, nil) }
      return (repairingUTF8(input), nil)
    case .windows1252, .latin9:
      // Text labelled Latin-1 that is well-formed UTF-8 with non-ASCII in it is UTF-8
      // mislabelled: Latin-1 prose almost never forms valid multi-byte sequences.
      if EmailBytes.isValidUTF8(input.bytes) { return (input, nil) }
      var builder = MappedTextBuilder(reservingCapacity: input.bytes.count + input.bytes.count / 8)
      singleByte(input, 0..<input.bytes.count, charset, into: &builder)
      return (builder.build(), nil)
    case .other(let name):
      if let decoded = CharsetFallback.decode(input, charset: name) { return (decoded, nil) }
      return (input, "unsupported charset \"\(name)\"; text kept as UTF-8")
    }
  }

  /// `bytes` decoded from `charset` (any name), for parameter values and the like.
  static func decode(bytes: [UInt8], charset name: String) -> [UInt8] {
    decode(MappedText(original: bytes), charset: Charset.normalizedName(name.utf8)).text.bytes
  }

  /// Appends `range` of `input` decoded from a single-byte charset decoded by hand: ASCII
  /// runs are copied, and each byte ≥ 0x80 becomes its UTF-8 encoding mapped to that byte.
  static func singleByte(
    _ input: MappedText, _ range: Range<Int>, _ charset: Charset, into builder: inout MappedTextBuilder
  ) {
    var cursor = MappedCursor(input)
    let bytes = input.bytes
    var runStart = range.lowerBound
    for index in range where bytes[index] >= 0x80 {
      builder.append(copying: input, runStart..<index)
      builder.appendDecoded(scalar: scalar(bytes[index], charset), unit: cursor.originalRange(index..<(index + 1)))
      runStart = index + 1
    }
    builder.append(copying: input, runStart..<range.upperBound)
  }

  /// UTF-8 text with each byte that starts no well-formed sequence read as Windows-1252.
  static func repairingUTF8(_ input: MappedText) -> MappedText {
    var cursor = MappedCursor(input)
    let bytes = input.bytes
    var builder = MappedTextBuilder(reservingCapacity: bytes.count + bytes.count / 8)
    var runStart = 0
    var index = 0
    while index < bytes.count {
      let length = bytes[index] < 0x80 ? 1 : EmailBytes.sequenceLength(bytes, index)
      if length > 0 {
        index += length
        continue
      }
      builder.append(copying: input, runStart..<index)
      builder.appendDecoded(scalar: scalar(bytes[index], .windows1252), unit: cursor.originalRange(index..<(index + 1)))
      index += 1
      runStart = index
    }
    builder.append(copying: input, runStart..<bytes.count)
    return builder.build()
  }
}
