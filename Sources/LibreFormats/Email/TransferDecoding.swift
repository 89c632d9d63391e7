import LibreKit

/// Content-Transfer-Encoding (RFC 2045 §6): how a part's bytes were made safe for transport.
enum TransferEncoding: Equatable {
  /// 7bit, 8bit, binary, or an absent header: the bytes are the content.
  case identity
  case quotedPrintable
  case base64
  /// A name this loader does not decode (x-uuencode, …): the bytes are kept as they are.
  case unknown(String)

  /// Reads a Content-Transfer-Encoding value leniently: case, spaces, a trailing `;`, and
  /// variants seen in the wild (`7-bit`, `8bits`, `plain`) are tolerated.
  init(headerValue bytes: [UInt8]?) {
    guard let bytes else {
      self = .identity
      return
    }
    var name: [UInt8] = []
    for byte in bytes {
      if byte == UInt8(ascii: ";") { break }
      if !EmailBytes.isWhitespace(byte) && byte != UInt8(ascii: "\"") { name.append(EmailBytes.lowercased(byte)) }
    }
    let text = String(decoding: name, as: UTF8.self)
    switch text {
    case "", "7bit", "8bit", "binary", "7-bit", "8-bit", "8bits", "7bits", "plain", "text", "none": self = .identity
    case "quoted-printable", "quotedprintable", "qp": self = .quotedPrintable
    case "base64", "base-64": self = .base64
    default:
      if text.hasPrefix("text/") { self = .identity } else { self = .unknown(text) }
    }
  }
}

/// Decoders for quoted-printable and base64 that build a `MappedText`, so each decoded byte
/// keeps pointing at the `=XX` or base64 quantum it came from.
enum TransferDecoding {
  /// Decodes `range` of `input` with `encoding`.
  static func decode(_ input: MappedText, _ range: Range<Int>, _ encoding: TransferEncoding) -> MappedText {
    var builder = MappedTextBuilder(reservingCapacity: range.count)
    switch encoding {
    case .quotedPrintable: quotedPrintable(input, range, into: &builder)
    case .base64: base64(input, range, into: &builder)
    case .identity, .unknown: builder.append(copying: input, range)
    }
    return builder.build()
  }

  /// Quoted-printable (RFC 2045 §6.7): `=XX` in either case is a byte, `=` at the end of a
  /// line (spaces allowed before the break) is a soft line break, and any other `=` is kept
  /// as written, as mail clients do.
  static func quotedPrintable(_ input: MappedText, _ range: Range<Int>, into builder: inout MappedTextBuilder) {
    var cursor = MappedCursor(input)
    let bytes = input.bytes
    let end = range.upperBound
    var pieceStart = range.lowerBound
    var index = range.lowerBound
    while index < end {
      guard bytes[index] == UInt8(ascii: "=") else {
        index += 1
        continue
      }
      if index + 3 <= end, let high = EmailBytes.hexValue(bytes[index + 1]),
        let low = EmailBytes.hexValue(bytes[index + 2])
      {
        builder.append(copying: input, pieceStart..<index)
        builder.append(decoded: high << 4 | low, unit: cursor.originalRange(index..<(index + 3)))
        index += 3
        pieceStart = index
        continue
      }
      // A soft line break: `=`, optional spaces, then CRLF, LF or the end of the part.
      var after = index + 1
      while after < end && (bytes[after] == EmailBytes.space || bytes[after] == EmailBytes.tab) { after += 1 }
      let isBreak =
        after == end || bytes[after] == EmailBytes.lf
        || (bytes[after] == EmailBytes.cr && (after + 1 == end || bytes[after + 1] == EmailBytes.lf))
      if isBreak {
        builder.append(copying: input, pieceStart..<index)
        if after < end { after += bytes[after] == EmailBytes.cr ? 2 : 1 }
        index = min(after, end)
        pieceStart = index
        continue
      }
      index += 1
    }
    builder.append(copying: input, pieceStart..<end)
  }

  /// The value of a base64 digit, or 0xFF for padding and 0xFE for anything else.
  private static let base64Values: [UInt8] = {
    var table = [UInt8](repeating: 0xFE, count: 256)
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    for (value, digit) in alphabet.enumerated() { table[Int(digit)] = UInt8(value) }
    table[Int(UInt8(ascii: "="))] = 0xFF
    return table
  }()

  /// Base64 (RFC 2045 §6.8): whitespace and stray characters are skipped, padding ends a
  /// quantum early, and a trailing partial quantum yields the bytes it holds.
  ///
  /// With `perQuantum`, each quantum's bytes map to its four digits (encoded words, where a
  /// Subject span should stay narrow). Otherwise the bytes decoded from one encoded line map
  /// to that line: base64 columns mean nothing to a reader, and one map run per line instead
  /// of per quantum keeps a large body cheap.
  static func base64(
    _ input: MappedText, _ range: Range<Int>, perQuantum: Bool = false, into builder: inout MappedTextBuilder
  ) {
    // Plain locals and no closures: captured variables would get dynamic exclusivity checks
    // on every byte.
    var cursor = MappedCursor(input)
    let bytes = input.bytes
    let table = base64Values
    var accumulator: UInt32 = 0
    var digits = 0
    var lastDigit = range.lowerBound
    // Bytes decoded since the last flush, and where their digits start.
    var pending: [UInt8] = []
    pending.reserveCapacity(perQuantum ? 3 : 96)
    var pendingStart = -1
    var index = range.lowerBound
    while index < range.upperBound {
      let byte = bytes[index]
      let value = table[Int(byte)]
      if value < 64 {
        if pendingStart < 0 { pendingStart = index }
        accumulator = accumulator << 6 | UInt32(value)
        digits += 1
        lastDigit = index
        if digits == 4 {
          pending.append(UInt8(truncatingIfNeeded: accumulator >> 16))
          pending.append(UInt8(truncatingIfNeeded: accumulator >> 8))
          pending.append(UInt8(truncatingIfNeeded: accumulator))
          digits = 0
          accumulator = 0
          if perQuantum { flush(&pending, &pendingStart, index + 1, &cursor, &builder) }
        }
      } else if value == 0xFF && digits > 0 {
        appendPartial(digits, accumulator, to: &pending)
        digits = 0
        accumulator = 0
        flush(&pending, &pendingStart, index + 1, &cursor, &builder)
      } else if byte == EmailBytes.lf && digits == 0 && pendingStart >= 0 {
        flush(&pending, &pendingStart, lastDigit + 1, &cursor, &builder)
      }
      index += 1
    }
    if digits > 0 { appendPartial(digits, accumulator, to: &pending) }
    flush(&pending, &pendingStart, lastDigit + 1, &cursor, &builder)
  }

  /// Appends the pending decoded bytes as one unit ending at `end`.
  private static func flush(
    _ pending: inout [UInt8], _ pendingStart: inout Int, _ end: Int, _ cursor: inout MappedCursor,
    _ builder: inout MappedTextBuilder
  ) {
    if !pending.isEmpty {
      builder.append(decoded: pending, unit: cursor.originalRange(pendingStart..<end))
      pending.removeAll(keepingCapacity: true)
    }
    pendingStart = -1
  }

  /// The bytes of a quantum cut short by padding or the end of the part (two digits make one
  /// byte, three make two; a lone digit makes nothing).
  private static func appendPartial(_ digits: Int, _ accumulator: UInt32, to line: inout [UInt8]) {
    guard digits >= 2 else { return }
    let value = accumulator << (6 * UInt32(4 - digits))
    line.append(UInt8(truncatingIfNeeded: value >> 16))
    if digits == 3 { line.append(UInt8(truncatingIfNeeded: value >> 8)) }
  }
}
