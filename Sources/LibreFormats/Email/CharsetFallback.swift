import LibreKit

/// Charsets beyond those decoded by hand (Shift_JIS, ISO-2022-JP, KOI8-R, GB2312, Big5, …),
/// decoded with the C library's `iconv`. It used to be Foundation, whose dynamic loading
/// cost every run of `libre` several milliseconds; glibc's converters are loaded only when
/// a part declares such a charset.
enum CharsetFallback {
  /// `input` decoded from the charset `name` (normalized: lowercased, trimmed), or nil when
  /// iconv does not know the name or cannot decode any of the bytes.
  ///
  /// Decoding goes line by line, each line mapped to its original range: multi-byte charsets
  /// give no byte-to-byte correspondence, and a line is the finest unit that stays exact.
  /// ASCII-only lines are copied as they are, except in 7-bit charsets (ISO-2022-*, UTF-7)
  /// whose escape sequences are ASCII. UTF-16 and UTF-32 are decoded as one unit.
  static func decode(_ input: MappedText, charset name: String) -> MappedText? {
    guard let charset = IconvCharset(name: name) else { return nil }
    let bytes = input.bytes
    if let wide = charset.wide {
      // Line breaks are not single bytes there: the whole part is one unit.
      let (iconvName, bomLength) = wide.iconvName(for: bytes)
      guard let decoder = IconvDecoder(charset: iconvName) else { return nil }
      return whole(input, decoded: decoder.decode(bytes[min(bomLength, bytes.count)...]))
    }
    guard let decoder = IconvDecoder(charset: charset.iconvName) else { return nil }
    // A name iconv reads as a wide form (`unicodelittle`, `wchar_t`, `iso-10646`, …) has no
    // one-byte line break to cut at either.
    guard decoder.keepsLineFeedsAsBytes else { return whole(input, decoded: decoder.decode(bytes[...])) }
    var cursor = MappedCursor(input)
    var builder = MappedTextBuilder(reservingCapacity: bytes.count + bytes.count / 2)
    var failedLines = 0
    var lines = 0
    var lineStart = 0
    while lineStart < bytes.count {
      let lineEnd = min(EmailBytes.lineEnd(bytes, from: lineStart, end: bytes.count) + 1, bytes.count)
      let line = lineStart..<lineEnd
      lines += 1
      if !charset.sevenBit && !bytes[line].contains(where: { $0 >= 0x80 }) {
        builder.append(copying: input, line)
      } else if let decoded = decoder.decode(bytes[line]) {
        builder.append(decoded: decoded, unit: cursor.originalRange(line))
      } else {
        // A line the decoder rejects stays as it is (the tokenizer replaces what is not
        // UTF-8); the rest of the part is still decoded.
        builder.append(copying: input, line)
        failedLines += 1
      }
      lineStart = lineEnd
    }
    return failedLines == lines && lines > 0 ? nil : builder.build()
  }

  /// `input` decoded as one unit: every decoded byte maps to the whole original.
  private static func whole(_ input: MappedText, decoded: [UInt8]?) -> MappedText? {
    guard let decoded else { return nil }
    var cursor = MappedCursor(input)
    var builder = MappedTextBuilder()
    builder.append(decoded: decoded, unit: cursor.originalRange(0..<input.bytes.count))
    return builder.build()
  }
}
