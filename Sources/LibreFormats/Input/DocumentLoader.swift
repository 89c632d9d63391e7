import LibreKit

/// Turns the bytes of a file into a document: picks the format from the extension, then
/// from the content, and runs that format's loader.
///
/// | extension                 | format                                   |
/// |---------------------------|------------------------------------------|
/// | `.eml`, `.mbox`           | RFC 5322 message (MIME, encodings)       |
/// | `.html`, `.htm`           | HTML                                     |
/// | `.md`, `.markdown`        | Markdown                                 |
/// | `.vtt`, `.srt`, `.sbv`    | WebVTT, SRT, SubViewer transcript        |
/// | `.json`                   | JSON transcript (segments)               |
/// | `.ass`, `.ttml`, …        | an error naming the unsupported format   |
/// | anything else, `.txt`     | sniffed: message, transcript, HTML, else plain text |
public enum DocumentLoader {
  /// The format a file will be read as.
  public enum Format: String, Sendable {
    case text, markdown, html, eml
    case vtt, srt, sbv, transcript, json
  }

  /// The format of `bytes` read from `path`; throws for formats Libre does not read.
  public static func detect(path: String, bytes: [UInt8]) throws(InputError) -> Format {
    try detectNamed(path: path, bytes: bytes).format
  }

  /// `detect`, with the speaker names a plain transcript's sniff counted (see
  /// `TranscriptLoader.sniffedSupported`).
  static func detectNamed(path: String, bytes: [UInt8]) throws(InputError) -> (format: Format, names: NameTally?) {
    let ext = FileReader.fileExtension(path)
    if let name = TranscriptLoader.unsupportedFormat(extension: ext, bytes: bytes) {
      throw TranscriptLoader.unsupported(name, path: path)
    }
    switch ext {
    case "eml", "mbox", "mbx": return (.eml, nil)
    case "html", "htm", "xhtml": return (.html, nil)
    case "md", "markdown", "mdown", "mkd": return (.markdown, nil)
    case "vtt", "webvtt": return (.vtt, nil)
    case "srt": return (.srt, nil)
    case "sbv": return (.sbv, nil)
    case "json":
      guard let format = TranscriptLoader.sniffSupported(extension: ext, bytes: bytes) else {
        throw InputError(
          path: path, line: 1,
          message: "JSON that is not a transcript: expected an array or {\"segments\": [...]} of {speaker, text}")
      }
      return (transcriptFormat(format), nil)
    default: break
    }
    // A header block (with or without an mbox `From ` line) is a message before any
    // `Name: text` check: header names read as speakers once made 5,100 of 20,872 real
    // messages into call transcripts.
    if EmailLoader.looksLikeEmail(bytes) { return (.eml, nil) }
    if let sniffed = TranscriptLoader.sniffedSupported(extension: ext, bytes: bytes) {
      return (transcriptFormat(sniffed.format), sniffed.names)
    }
    if HTMLText.looksLikeHTML(bytes) { return (.html, nil) }
    return (.text, nil)
  }

  /// Loads `bytes` read from `path` (`<stdin>` for standard input); UTF-16 and UTF-32 with
  /// a byte order mark are read as UTF-8. Bytes over `options.limits.inputBytes` are refused
  /// (`FileReader` refuses such a file before reading it; this catches texts from elsewhere,
  /// such as a JSONL line).
  public static func load(path: String, bytes: [UInt8], options: LoadOptions) throws(InputError) -> Document {
    if bytes.count > options.limits.inputBytes {
      throw options.limits.inputTooLarge(path: path, size: bytes.count)
    }
    // UTF-16 and UTF-32 with a byte order mark are read in UTF-8 whatever the format (their
    // NUL bytes would otherwise read as a binary file); the UTF-8 stands as the original,
    // lines and columns counting the same characters.
    let bytes = TextDecoding.fromUnicodeWithBOM(bytes) ?? bytes
    var document = try loadDetected(path: path, bytes: bytes, options: options)
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
      document.warnings.append(
        DocumentWarning(message: bytes.isEmpty ? "empty file: nothing to lint" : "blank file: nothing to lint"))
    }
    return document
  }

  private static func loadDetected(path: String, bytes: [UInt8], options: LoadOptions) throws(InputError) -> Document {
    let (format, names) = try detectNamed(path: path, bytes: bytes)
    switch format {
    case .vtt: return try TranscriptLoader.loadSupported(path: path, bytes: bytes, format: .vtt, options: options)
    case .srt: return try TranscriptLoader.loadSupported(path: path, bytes: bytes, format: .srt, options: options)
    case .sbv: return try TranscriptLoader.loadSupported(path: path, bytes: bytes, format: .sbv, options: options)
    case .transcript:
      return try TranscriptLoader.loadSupported(
        path: path, bytes: bytes, format: .plain, options: options, names: names)
    case .json: return try TranscriptLoader.loadSupported(path: path, bytes: bytes, format: .json, options: options)
    case .eml:
      try refuseBinary(path: path, bytes: bytes)
      return try EmailLoader.load(path: path, bytes: bytes, options: options)
    case .text, .markdown, .html:
      try refuseBinary(path: path, bytes: bytes)
      var text = MappedText(original: bytes)
      if format == .html { text = HTMLText.extract(text) }
      if format == .markdown { text = MarkdownText.extract(text) }
      if !options.includeQuoted { text = QuotedReplies.strip(text) }
      var document = Document(path: path, format: format.rawValue, mapped: text, original: bytes)
      if format != .html {
        document.segments = TemplateSegments.segments(text.bytes) ?? subjectAndBody(text.bytes)
      }
      return document
    }
  }

  private static func transcriptFormat(_ format: TranscriptFormat) -> Format {
    switch format {
    case .vtt: return .vtt
    case .srt: return .srt
    case .sbv: return .sbv
    case .plain: return .transcript
    case .json: return .json
    }
  }

  /// A NUL byte in the first 64 KiB gives a binary file away (attachments renamed `.txt`).
  static func refuseBinary(path: String, bytes: [UInt8]) throws(InputError) {
    guard let line = FileReader.binaryLine(bytes) else { return }
    throw InputError(path: path, line: line, message: "binary file (NUL byte), not text; skipped")
  }

  /// A draft that starts with a `Subject:` (« Objet : ») line: the subject as its own part,
  /// like an `.eml`'s, and the rest as the body. Other texts: no segments (one body).
  static func subjectAndBody(_ text: [UInt8]) -> [Segment] {
    var start = text.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    while start < text.count, text[start] == 0x0A || text[start] == 0x0D || text[start] == 0x20 { start += 1 }
    var lineEnd = start
    while lineEnd < text.count, text[lineEnd] != 0x0A { lineEnd += 1 }
    let line = String(decoding: text[start..<lineEnd], as: UTF8.self)
    // French sets a space before the colon: a plain one, a no-break space or a narrow one.
    let labels = ["subject:", "objet :", "objet\u{00A0}:", "objet\u{202F}:", "objet:"]
    guard let label = labels.first(where: { line.lowercased().hasPrefix($0) }) else { return [] }
    let subjectStart = start + label.utf8.count
    var subjectEnd = lineEnd
    if subjectEnd > subjectStart, text[subjectEnd - 1] == 0x0D { subjectEnd -= 1 }
    return [
      Segment(range: subjectStart..<max(subjectStart, subjectEnd), part: .subject),
      Segment(range: lineEnd..<text.count, part: .body),
    ]
  }
}
