import LibreKit

/// One cue as a parser read it, before cues merge into turns.
public struct TranscriptCue: Sendable, Equatable {
  /// Byte range of the cue's text in `TranscriptCues.text`.
  public var range: Range<Int>
  /// The speaker as written (trimmed), when the cue names one.
  public var speaker: String?
  /// Seconds from the start of the recording, when known.
  public var start: Double?
  public var end: Double?
}

/// The cues of a transcript file: their texts, one after another, mapped to the file.
public struct TranscriptCues: Sendable {
  public var text: MappedText
  public var cues: [TranscriptCue]
  public var warnings: [DocumentWarning]

  /// The text of cue `index` (for tests and diagnostics, not the hot path).
  public func string(_ index: Int) -> String { String(decoding: text.bytes[cues[index].range], as: UTF8.self) }
}

/// Collects cue texts into one mapped text, enforcing the cue limits of `InputLimits`.
struct CueCollector {
  let path: String
  let original: [UInt8]
  let limits: InputLimits
  private(set) var builder: MappedTextBuilder
  private(set) var cues: [TranscriptCue] = []
  var warnings: [DocumentWarning] = []
  private var cueStart = 0
  private var cueOriginal = 0
  private var open: TranscriptCue?

  init(path: String, original: [UInt8], limits: InputLimits = InputLimits()) {
    self.path = path
    self.original = original
    self.limits = limits
    builder = MappedTextBuilder(reservingCapacity: original.count)
  }

  /// Starts a cue whose text begins at `originalOffset` of the file.
  mutating func begin(speaker: String?, start: Double?, end: Double?, at originalOffset: Int) throws(InputError) {
    if open != nil { try finish() }
    guard cues.count < limits.cues else {
      throw InputError(
        path: path, line: TextLines.lineNumber(original, at: originalOffset),
        message: "more than \(limits.cues) cues, the maximum cue count; not read (raise it with --max-cues N)")
    }
    cueStart = builder.count
    cueOriginal = originalOffset
    open = TranscriptCue(
      range: cueStart..<cueStart, speaker: speaker, start: checkedTime(start, at: originalOffset),
      end: checkedTime(end, at: originalOffset))
  }

  /// The latest time a cue may have, in seconds (about 115 days): later, negative or
  /// non-finite times (`"end": 1e308` in a JSON transcript) are dropped with a warning, so
  /// durations and clocks computed from them stay finite.
  static let maximumTime = 10_000_000.0

  private mutating func checkedTime(_ time: Double?, at offset: Int) -> Double? {
    guard let time else { return nil }
    if time.isFinite && time >= 0 && time <= CueCollector.maximumTime { return time }
    warn(
      "line \(TextLines.lineNumber(original, at: offset)): a time of \(time) s is outside 0 to "
        + "\(Int(CueCollector.maximumTime)) s; ignored", at: offset)
    return nil
  }

  /// Sets the speaker of the open cue (a voice span found after the timing line).
  mutating func setSpeaker(_ speaker: String?) { open?.speaker = speaker }

  /// Whether the open cue has text other than spaces and line breaks.
  var openHasText: Bool { !TextLines.isBlank(builder.bytes, cueStart..<builder.count) }
  var openTimes: (start: Double?, end: Double?) { (open?.start, open?.end) }

  mutating func verbatim(_ range: Range<Int>) {
    builder.append(verbatim: original[range], originalStart: range.lowerBound)
  }

  mutating func decoded(_ bytes: [UInt8], unit: Range<Int>) { builder.append(decoded: bytes, unit: unit) }

  /// A line break inside a cue: the file's own LF when it has one, else a decoded LF for CR/CRLF.
  mutating func lineBreak(_ unit: Range<Int>) {
    if unit.count == 1 && original[unit.lowerBound] == 0x0A {
      builder.append(verbatim: original[unit], originalStart: unit.lowerBound)
    } else {
      builder.append(decoded: 0x0A, unit: unit)
    }
  }

  /// Closes the open cue, checking the length limit.
  mutating func finish() throws(InputError) {
    guard var cue = open else { return }
    open = nil
    cue.range = cueStart..<builder.count
    guard cue.range.count <= limits.cueBytes else {
      throw InputError(
        path: path, line: TextLines.lineNumber(original, at: cueOriginal),
        message:
          "a cue longer than \(InputLimits.size(limits.cueBytes)), the maximum cue length; not read "
          + "(raise it with --max-cue-length SIZE)")
    }
    cues.append(cue)
  }

  mutating func warn(_ message: String, at offset: Int) {
    warnings.append(DocumentWarning(originalOffset: offset, message: message))
  }

  mutating func result() throws(InputError) -> TranscriptCues {
    try finish()
    return TranscriptCues(text: builder.build(), cues: cues, warnings: warnings)
  }
}
