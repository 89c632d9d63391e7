import LibreKit

/// RFC 2047 encoded words in header values: `=?charset?B?…?=` and `=?charset?Q?…?=`.
enum EncodedWords {
  /// One encoded word found in a text.
  private struct Word {
    var range: Range<Int>
    var charset: String
    var isBase64: Bool
    var payload: Range<Int>
  }

  /// `input` with its encoded words decoded. Adjacent encoded words are joined without the
  /// whitespace between them (§6.2), and runs of them in one charset are decoded together,
  /// so a character split across two words survives; malformed words are left as written.
  /// Each decoded byte maps to the `=XX`, `_` or base64 quantum it came from.
  ///
  /// Raw text outside the words that is not UTF-8 (RFC 6532 allows only UTF-8 there) is read
  /// in `hint`, the message's declared charset, as mail clients do, or else Windows-1252;
  /// raw 8-bit bytes inside a word belong to the word's charset.
  static func decode(_ input: MappedText, hint: String? = nil) -> MappedText {
    let bytes = input.bytes
    var literalCharset: String?
    if bytes.contains(where: { $0 >= 0x80 }) && !EmailBytes.isValidUTF8(bytes) {
      literalCharset = hint.flatMap { Charset(name: $0) == .utf8 ? nil : $0 } ?? "windows-1252"
    } else if let hint, hint.hasPrefix("iso-2022"), bytes.contains(0x1B) {
      literalCharset = hint
    }
    guard literalCharset != nil || (bytes.count >= 8 && bytes.contains(UInt8(ascii: "?"))) else { return input }
    var output = MappedTextBuilder(reservingCapacity: bytes.count)
    var pending: (charset: String, payloads: [MappedText])?
    var copied = 0
    var lastWordEnd: Int?
    var index = 0
    while index + 1 < bytes.count {
      guard bytes[index] == UInt8(ascii: "="), bytes[index + 1] == UInt8(ascii: "?"),
        let word = parseWord(bytes, at: index)
      else {
        index += 1
        continue
      }
      let gapIsBlank = lastWordEnd != nil && EmailBytes.isBlank(bytes[copied..<word.range.lowerBound])
      if !gapIsBlank || pending?.charset != word.charset {
        flush(&pending, into: &output)
      }
      if !gapIsBlank { appendLiteral(input, copied..<word.range.lowerBound, literalCharset, into: &output) }
      var payload = MappedTextBuilder()
      if word.isBase64 {
        TransferDecoding.base64(input, word.payload, perQuantum: true, into: &payload)
      } else {
        decodeQ(input, word.payload, into: &payload)
      }
      if pending == nil { pending = (word.charset, []) }
      pending!.payloads.append(payload.build())
      copied = word.range.upperBound
      lastWordEnd = copied
      index = copied
    }
    guard lastWordEnd != nil || literalCharset != nil else { return input }
    flush(&pending, into: &output)
    appendLiteral(input, copied..<bytes.count, literalCharset, into: &output)
    return output.build()
  }

  /// Raw header text, copied, or decoded from `charset` when it needs decoding.
  private static func appendLiteral(
    _ input: MappedText, _ range: Range<Int>, _ charset: String?, into output: inout MappedTextBuilder
  ) {
    guard let charset, !range.isEmpty else {
      output.append(copying: input, range)
      return
    }
    var literal = MappedTextBuilder(reservingCapacity: range.count)
    literal.append(copying: input, range)
    let decoded = Charsets.decode(literal.build(), charset: charset).text
    output.append(copying: decoded, 0..<decoded.bytes.count)
  }

  /// Decodes a run of adjacent words in one charset, together; when the charset decoder
  /// rejects the joined bytes (some stateful decoders reject two ISO-2022-JP words back to
  /// back), each word alone.
  private static func flush(
    _ pending: inout (charset: String, payloads: [MappedText])?, into output: inout MappedTextBuilder
  ) {
    guard let run = pending else { return }
    pending = nil
    var joined = MappedTextBuilder()
    for payload in run.payloads { joined.append(copying: payload, 0..<payload.bytes.count) }
    var (decoded, problem) = Charsets.decode(joined.build(), charset: run.charset)
    if problem != nil && run.payloads.count > 1 {
      var separately = MappedTextBuilder()
      for payload in run.payloads {
        let text = Charsets.decode(payload, charset: run.charset).text
        separately.append(copying: text, 0..<text.bytes.count)
      }
      decoded = separately.build()
      problem = nil
    }
    output.append(copying: decoded, 0..<decoded.bytes.count)
  }

  /// The encoded word starting at `start` (`=?`), or nil when it is malformed. The encoded
  /// text may not hold `?`; spaces are tolerated there, as mail clients do.
  private static func parseWord(_ bytes: [UInt8], at start: Int) -> Word? {
    let count = bytes.count
    var index = start + 2
    let charsetStart = index
    while index < count && bytes[index] != UInt8(ascii: "?") {
      let byte = bytes[index]
      guard byte > 0x20 && byte < 0x7F, index - charsetStart < 64 else { return nil }
      index += 1
    }
    guard index > charsetStart, index + 3 < count else { return nil }
    let charset = Charset.normalizedName(bytes[charsetStart..<index])
    let encoding = EmailBytes.lowercased(bytes[index + 1])
    guard encoding == UInt8(ascii: "b") || encoding == UInt8(ascii: "q"), bytes[index + 2] == UInt8(ascii: "?") else {
      return nil
    }
    let payloadStart = index + 3
    index = payloadStart
    // Real words are short (§2 allows 75 bytes); the cap keeps a run of unterminated `=?`
    // from costing quadratic time.
    while index + 1 < count && index - payloadStart < 1_024 {
      if bytes[index] == UInt8(ascii: "?") {
        guard bytes[index + 1] == UInt8(ascii: "=") else { return nil }
        return Word(
          range: start..<(index + 2), charset: charset, isBase64: encoding == UInt8(ascii: "b"),
          payload: payloadStart..<index)
      }
      index += 1
    }
    return nil
  }

  /// The Q encoding (§4.2): `_` is a space, `=XX` a byte, anything else itself.
  private static func decodeQ(_ input: MappedText, _ range: Range<Int>, into builder: inout MappedTextBuilder) {
    var cursor = MappedCursor(input)
    let bytes = input.bytes
    var copied = range.lowerBound
    var index = range.lowerBound
    while index < range.upperBound {
      let byte = bytes[index]
      if byte == UInt8(ascii: "_") {
        builder.append(copying: input, copied..<index)
        builder.append(decoded: EmailBytes.space, unit: cursor.originalRange(index..<(index + 1)))
        index += 1
        copied = index
      } else if byte == UInt8(ascii: "="), index + 2 < range.upperBound,
        let high = EmailBytes.hexValue(bytes[index + 1]), let low = EmailBytes.hexValue(bytes[index + 2])
      {
        builder.append(copying: input, copied..<index)
        builder.append(decoded: high << 4 | low, unit: cursor.originalRange(index..<(index + 3)))
        index += 3
        copied = index
      } else {
        index += 1
      }
    }
    builder.append(copying: input, copied..<range.upperBound)
  }
}
