/// A text to lint, as a loader hands it over: the extracted UTF-8 text, its segments (parts
/// of an email, turns of a call) and a map back to the original file.
public struct Document: Sendable {
  public var path: String
  /// The input format: `text`, `markdown`, `html`, `eml`, `vtt`, `srt`, `transcript`, `json`.
  public var format: String
  /// The UTF-8 text to lint; offsets of findings and segments point into it.
  public var text: [UInt8]
  /// Where each byte of `text` comes from in `original`.
  public var sourceMap: SourceMap
  /// The bytes of the file as read, for lines, columns and excerpts.
  public var original: [UInt8]
  /// How `original` encodes characters, so columns count characters.
  public var originalEncoding: OriginalEncoding
  /// The parts of `text`, in order; empty means one body part over the whole text.
  public var segments: [Segment]
  /// Problems the loader worked around (a broken MIME part, an unknown charset), with the
  /// original offset they concern when there is one.
  public var warnings: [DocumentWarning]

  /// A document whose text is the file itself (plain text).
  public init(path: String, format: String, text: [UInt8]) {
    self.init(path: path, format: format, mapped: MappedText(original: text), original: text)
  }

  /// A document extracted from `original` through `mapped`.
  public init(
    path: String, format: String, mapped: MappedText, original: [UInt8], originalEncoding: OriginalEncoding = .utf8,
    segments: [Segment] = [], warnings: [DocumentWarning] = []
  ) {
    self.path = path
    self.format = format
    self.text = mapped.bytes
    self.sourceMap = mapped.map
    self.original = original
    self.originalEncoding = originalEncoding
    self.segments = segments
    self.warnings = warnings
  }

  /// The segments, or one body segment over the whole text when the loader gave none.
  public var effectiveSegments: [Segment] {
    segments.isEmpty ? [Segment(range: 0..<text.count, part: .body)] : segments
  }

  /// Whether the document is a conversation (its segments have speakers).
  public var isConversation: Bool { segments.contains { $0.speaker != nil } }
}

/// How the original file encodes characters (for counting columns). A loader that reads
/// UTF-16 transcodes the whole file to UTF-8 first and hands that over as the original:
/// lines and columns count characters, so they are the same in both.
public enum OriginalEncoding: String, Sendable {
  case utf8
  /// One byte per character (ISO-8859-x, Windows-125x, or an 8-bit mail of several).
  case singleByte
}

/// Which part of a document a segment is.
public enum Part: String, Sendable, CaseIterable {
  case subject
  case body
  /// One speaker's turn in a conversation.
  case turn
}

/// Which side of a sales conversation a speaker is on.
public enum Role: String, Sendable, CaseIterable {
  /// The seller: pressure and freedom rules apply to them.
  case rep
  /// The buyer: their words feed hesitation detection and metrics.
  case prospect
}

/// A run of the document text with who said it and when.
public struct Segment: Sendable, Equatable {
  /// Byte range in `Document.text`.
  public var range: Range<Int>
  public var part: Part
  public var speaker: String?
  public var role: Role?
  /// Start and end in seconds from the start of the recording, when known.
  public var startTime: Double?
  public var endTime: Double?
  /// For a turn merged from several cues: where each cue starts in the text and when, so a
  /// finding gets the time of its own cue.
  public var cueStarts: [CueStart]
  /// The title of a template in a file of several ("Template 3"), when the loader split it.
  public var title: String?

  public init(
    range: Range<Int>, part: Part, speaker: String? = nil, role: Role? = nil, startTime: Double? = nil,
    endTime: Double? = nil, cueStarts: [CueStart] = []
  ) {
    self.cueStarts = cueStarts
    self.range = range
    self.part = part
    self.speaker = speaker
    self.role = role
    self.startTime = startTime
    self.endTime = endTime
  }
}

/// The start of one cue inside a turn.
public struct CueStart: Sendable, Equatable {
  /// Byte offset in `Document.text`.
  public var textOffset: Int
  /// Seconds from the start of the recording.
  public var time: Double

  public init(textOffset: Int, time: Double) {
    self.textOffset = textOffset
    self.time = time
  }
}

/// Something a loader had to work around, in words, with where it happened.
public struct DocumentWarning: Sendable, Equatable {
  /// Byte offset in the original file, when the warning concerns one place.
  public var originalOffset: Int?
  public var message: String

  public init(originalOffset: Int? = nil, message: String) {
    self.originalOffset = originalOffset
    self.message = message
  }
}
