import LibreKit

/// Loads RFC 5322 messages (`.eml`, or an mbox holding one): the decoded Subject as its own
/// part, then the text bodies a mail client would show, every byte mapped back to the file.
public enum EmailLoader {
  /// How deep multiparts and attached messages may nest by default
  /// (`InputLimits.defaultMIMEDepth`).
  public static let maximumDepth = InputLimits.defaultMIMEDepth
  /// How many MIME parts one message may hold by default (`InputLimits.defaultMIMEParts`).
  public static let maximumParts = InputLimits.defaultMIMEParts

  /// Whether bytes look like an RFC 5322 message: an mbox `From ` line, or a header block at
  /// the top with at least two of the usual fields (one strong field such as Received or
  /// MIME-Version counts for two). A lone `Subject:` line, as plain-text drafts start with,
  /// is not enough.
  public static func looksLikeEmail(_ bytes: [UInt8]) -> Bool {
    var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    if bytes[start...].starts(with: "From ".utf8) {
      start = EmailBytes.lineEnd(bytes, from: start, end: bytes.count) + 1
      guard start < bytes.count else { return false }
    }
    let window = start..<min(bytes.count, start + 16_384)
    let block = HeaderParser.parse(bytes, window)
    guard let first = block.fields.first, first.name.lowerBound == start else { return false }
    var score = 0
    for field in block.fields.prefix(64) {
      if strongFields.contains(where: { EmailBytes.equalsIgnoringCase(bytes, field.name, $0) }) {
        score += 2
      } else if commonFields.contains(where: { EmailBytes.equalsIgnoringCase(bytes, field.name, $0) }) {
        score += 1
      }
      if score >= 2 { return true }
    }
    return false
  }

  private static let strongFields: [StaticString] = [
    "Received", "MIME-Version", "Return-Path", "Message-ID", "Delivered-To", "DKIM-Signature", "In-Reply-To",
    "References", "Content-Transfer-Encoding", "X-Mailer", "Reply-To",
  ]
  private static let commonFields: [StaticString] = ["From", "To", "Subject", "Date", "Cc", "Content-Type", "Sender"]

  /// Loads the message in `bytes` read from `path`.
  ///
  /// Broken MIME yields a best-effort document with warnings; bytes without any header
  /// field are read as a plain body with a warning, unless they are binary (NUL bytes),
  /// which is an error.
  public static func load(path: String, bytes: [UInt8], options: LoadOptions) throws(InputError) -> Document {
    let original = MappedText(original: bytes)
    var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while start < bytes.count && (bytes[start] == EmailBytes.cr || bytes[start] == EmailBytes.lf) { start += 1 }
    var walker = MIMEWalker(options: options)
    var end = bytes.count
    if bytes[start...].starts(with: "From ".utf8) {
      start = min(EmailBytes.lineEnd(bytes, from: start, end: bytes.count) + 1, bytes.count)
      if let next = nextMboxMessage(bytes, from: start) {
        // The blank line before the next `From ` line separates the messages.
        end = next - 1
        if end > start && bytes[end - 1] == EmailBytes.cr { end -= 1 }
        walker.warn("mbox file with several messages; only the first is read", at: next)
      }
    }
    let message = MIMEEntity(source: original, range: start..<end, defaultType: "text/plain")
    if message.headers.fields.isEmpty {
      if let line = FileReader.binaryLine(bytes) {
        throw InputError(path: path, line: line, message: "binary file (NUL byte), not an email message; skipped")
      }
      walker.warn("no header fields: not an RFC 5322 message; read as plain text", at: start)
    } else if message.headers.endedWithoutBlankLine {
      walker.warn("header block not ended by a blank line", at: message.headers.bodyStart)
    }
    let bodies = walker.texts(of: message, depth: 0)
    if bodies.isEmpty { walker.warn("no text part (only attachments or machine parts)", at: nil) }

    var builder = MappedTextBuilder(reservingCapacity: bytes.count)
    var segments: [Segment] = []
    if let subject = message.headers.field("Subject", in: bytes) {
      let hint = message.contentType["charset"].map { Charset.normalizedName($0.utf8) }
      let text = EncodedWords.decode(HeaderParser.unfolded(subject, in: original), hint: hint)
      if !text.bytes.isEmpty {
        builder.append(copying: text, 0..<text.bytes.count)
        segments.append(Segment(range: 0..<builder.count, part: .subject))
      }
    }
    for body in bodies where !EmailBytes.isBlank(body.bytes) {
      if builder.count > 0 { builder.append(separator: "\n\n") }
      let bodyStart = builder.count
      builder.append(copying: body, 0..<body.bytes.count)
      segments.append(Segment(range: bodyStart..<builder.count, part: .body))
    }
    return Document(
      path: path, format: "eml", mapped: builder.build(), original: bytes,
      originalEncoding: EmailBytes.isValidUTF8(bytes) ? .utf8 : .singleByte, segments: segments,
      warnings: walker.warnings)
  }

  /// Where the next message of an mbox starts: a `From ` separator line after a blank line
  /// (a body line "From now on, …" after a paragraph is text: see `MboxSeparator`).
  private static func nextMboxMessage(_ bytes: [UInt8], from start: Int) -> Int? {
    var lineStart = start
    var previousBlank = false
    while lineStart < bytes.count {
      let lineEnd = EmailBytes.lineEnd(bytes, from: lineStart, end: bytes.count)
      var contentEnd = lineEnd
      if contentEnd > lineStart && bytes[contentEnd - 1] == EmailBytes.cr { contentEnd -= 1 }
      if previousBlank && MboxSeparator.isSeparator(bytes[lineStart..<contentEnd]) { return lineStart }
      previousBlank = EmailBytes.isBlank(bytes[lineStart..<lineEnd])
      lineStart = lineEnd + 1
    }
    return nil
  }
}
