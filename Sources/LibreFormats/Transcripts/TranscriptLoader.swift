import LibreKit

/// The transcript formats Libre reads.
public enum TranscriptFormat: String, Sendable, CaseIterable {
  /// WebVTT (`.vtt`).
  case vtt
  /// SubRip (`.srt`).
  case srt
  /// SubViewer (`.sbv`: Google Meet, YouTube).
  case sbv
  /// Plain text with `Speaker: text` lines or a `Name  0:03` line before each turn.
  case plain
  /// A JSON list of segments (see `JSONTranscriptParser`).
  case json

  /// The `Document.format` of a loaded transcript.
  public var documentFormat: String { self == .plain ? "transcript" : rawValue }
}

/// Loads call transcripts into documents whose segments are speaker turns.
public enum TranscriptLoader {
  /// The most cues a file may hold by default (`InputLimits.defaultCues`).
  public static let maximumCueCount = InputLimits.defaultCues
  /// The longest text one cue may hold by default, in UTF-8 bytes
  /// (`InputLimits.defaultCueBytes`).
  public static let maximumCueTextLength = InputLimits.defaultCueBytes

  /// The transcript format of a file from its extension (`.vtt`, `.srt`, `.json` when it
  /// holds segments, `.txt` only when the content looks like a transcript) and its content;
  /// nil when it is not a transcript. Unsupported subtitle formats also give nil: see
  /// `unsupportedFormat`.
  public static func sniff(path: String, bytes: [UInt8]) -> TranscriptFormat? {
    if unsupportedFormat(path: path, bytes: bytes) != nil { return nil }
    return sniffSupported(extension: FileReader.fileExtension(path), bytes: bytes)
  }

  /// `sniff` for a file already known not to be an unsupported format, its extension given
  /// (a batch detects every file, and each check reads the head again).
  static func sniffSupported(extension ext: String, bytes: [UInt8]) -> TranscriptFormat? {
    sniffedSupported(extension: ext, bytes: bytes)?.format
  }

  /// `sniffSupported`, with the untimed speaker names a plain transcript's sniff counted
  /// when it read the whole file (at most 64 KiB), for the parser not to count them again.
  static func sniffedSupported(extension ext: String, bytes: [UInt8]) -> (format: TranscriptFormat, names: NameTally?)?
  {
    switch ext {
    case "vtt", "webvtt": return (.vtt, nil)
    case "srt": return (.srt, nil)
    case "sbv": return (.sbv, nil)
    case "json": return JSONTranscriptParser.looksLikeTranscript(bytes) ? (.json, nil) : nil
    default: break
    }
    guard ext.isEmpty || ext == "txt" || ext == "text" || ext == "transcript" else { return nil }
    let text = TextDecoding.utf8(Array(bytes.prefix(1 << 16))).bytes
    var start = TextLines.bomLength(text)
    while start < text.count, text[start] == 0x0A || text[start] == 0x0D { start += 1 }
    if TextLines.hasPrefix(text, start..<text.count, "WEBVTT") { return (.vtt, nil) }
    if SRTParser.looksLikeSRT(text) { return (.srt, nil) }
    if SBVParser.looksLikeSBV(text) { return (.sbv, nil) }
    guard let names = PlainTranscriptParser.transcriptNames(text) else { return nil }
    // The names cover the file only if the sniff saw all of it, decoded the same way.
    return (.plain, bytes.count <= 1 << 16 && text.count <= 1 << 16 ? names : nil)
  }

  /// Whether the file is a subtitle or transcript format Libre does not read; returns its
  /// name ("ASS/SSA", "TTML", "MicroDVD SUB", "LRC", "SAMI", "SCC", "EBU STL").
  public static func unsupportedFormat(path: String, bytes: [UInt8]) -> String? {
    unsupportedFormat(extension: FileReader.fileExtension(path), bytes: bytes)
  }

  /// `unsupportedFormat` for a file whose extension is already known.
  static func unsupportedFormat(extension ext: String, bytes: [UInt8]) -> String? {
    switch ext {
    case "ass", "ssa": return "ASS/SSA"
    case "ttml", "dfxp": return "TTML"
    case "sub": return "MicroDVD SUB"
    case "lrc": return "LRC"
    case "smi", "sami": return "SAMI"
    case "scc": return "SCC"
    case "stl": return "EBU STL"
    default: break
    }
    // The markers are ASCII: UTF-8 and Windows-1252 heads are read as they are, and only
    // UTF-16 is transcoded first (validating the head as UTF-8 would be wasted work).
    var head = Array(bytes.prefix(4096))
    if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) || TextDecoding.bomlessUTF16(head) != nil {
      head = TextDecoding.utf8(head).bytes
    }
    var start = TextLines.bomLength(head)
    while start < head.count, TextLines.isSpace(head[start]) || head[start] == 0x0A || head[start] == 0x0D {
      start += 1
    }
    let rest = start..<head.count
    if TextLines.hasPrefix(head, rest, "[Script Info]", ignoringCase: true) { return "ASS/SSA" }
    if TextLines.hasPrefix(head, rest, "<?xml") || TextLines.hasPrefix(head, rest, "<tt") {
      if contains(head, "http://www.w3.org/ns/ttml") || TextLines.hasPrefix(head, rest, "<tt") { return "TTML" }
    }
    if TextLines.hasPrefix(head, rest, "<SAMI", ignoringCase: true) { return "SAMI" }
    if TextLines.hasPrefix(head, rest, "Scenarist_SCC") { return "SCC" }
    return nil
  }

  /// Loads `bytes` read from `path` as `format`. UTF-16 and Windows-1252 files are
  /// transcoded to UTF-8 first and the transcoded bytes become the document's original.
  /// `options.limits` bounds the cues (`cues`, `cueBytes`).
  public static func load(
    path: String, bytes: [UInt8], format: TranscriptFormat, options: LoadOptions = LoadOptions()
  ) throws(InputError) -> Document {
    if let name = unsupportedFormat(path: path, bytes: bytes) { throw unsupported(name, path: path) }
    return try loadSupported(path: path, bytes: bytes, format: format, options: options)
  }

  /// The error for a file in a transcript format Libre does not read.
  static func unsupported(_ name: String, path: String) -> InputError {
    InputError(
      path: path,
      message: "unsupported transcript format: \(name) (Libre reads WebVTT, SRT, plain `Speaker: text` and JSON)")
  }

  /// `load` for a file already known not to be an unsupported format.
  /// `names`, for a plain transcript, are the untimed speaker names its sniff counted.
  static func loadSupported(
    path: String, bytes: [UInt8], format: TranscriptFormat, options: LoadOptions, names: NameTally? = nil
  ) throws(InputError) -> Document {
    let decoded = TextDecoding.utf8(bytes)
    let original = decoded.bytes
    var cues: TranscriptCues
    if TextLines.isBlank(original, TextLines.bomLength(original)..<original.count) {
      cues = TranscriptCues(text: MappedTextBuilder().build(), cues: [], warnings: [])
    } else {
      let limits = options.limits
      switch format {
      case .vtt: cues = try WebVTTParser.parse(original, path: path, limits: limits)
      case .srt: cues = try SRTParser.parse(original, path: path, limits: limits)
      case .sbv: cues = try SBVParser.parse(original, path: path, limits: limits)
      case .plain: cues = try PlainTranscriptParser.parse(original, path: path, limits: limits, names: names)
      case .json: cues = try JSONTranscriptParser.parse(original, path: path, limits: limits)
      }
    }
    if let note = decoded.note { cues.warnings.insert(DocumentWarning(message: note), at: 0) }
    return TurnBuilder.document(path: path, format: format.documentFormat, original: original, cues: cues)
  }

  static func contains(_ bytes: [UInt8], _ needle: StaticString) -> Bool {
    let pattern = needle.withUTF8Buffer { Array($0) }
    guard pattern.count <= bytes.count else { return false }
    for start in 0...(bytes.count - pattern.count) where bytes[start] == pattern[0] {
      if bytes[start..<start + pattern.count].elementsEqual(pattern) { return true }
    }
    return false
  }
}
