import LibreKit

/// Reads SubViewer (`.sbv`) captions, the format Google Meet and YouTube export: blocks of a
/// timing line `H:MM:SS.mmm,H:MM:SS.mmm` and the caption's lines, separated by blank lines.
/// A line starting `>>` marks a change of speaker (`>> SAM: text` names them; the marker
/// itself is not text); `NAME: text` prefixes become the cue's speaker as in SRT.
public enum SBVParser {
  public static func parse(
    _ bytes: [UInt8], path: String, limits: InputLimits = InputLimits()
  ) throws(InputError) -> TranscriptCues {
    var collector = CueCollector(path: path, original: bytes, limits: limits)
    var position = TextLines.bomLength(bytes)
    let end = bytes.count
    var open = false
    var hasText = false
    var previousBreak: Range<Int>?
    var afterBlank = false
    while position < end {
      let lineStart = position
      let lineEnd = TextLines.lineEnd(bytes, from: position, to: end)
      position = TextLines.nextLineStart(bytes, after: lineEnd, to: end)
      let line = TextLines.trimmed(bytes, lineStart..<lineEnd)
      if let timing = timing(bytes, line) {
        try collector.begin(speaker: nil, start: timing.start, end: timing.end, at: position)
        (open, hasText, previousBreak, afterBlank) = (true, false, nil, false)
        continue
      }
      if line.isEmpty {
        afterBlank = true
        continue
      }
      guard open else {
        collector.warn(
          "line \(TextLines.lineNumber(bytes, at: lineStart)): text before the first timing line; skipped",
          at: lineStart)
        continue
      }
      if afterBlank && hasText {
        // A block without its timing line (or with a malformed one): kept with the cue before.
        collector.warn(
          "line \(TextLines.lineNumber(bytes, at: lineStart)): caption text after a blank line without a timing "
            + "line; read with the caption before", at: lineStart)
      }
      afterBlank = false
      var textStart = line.lowerBound
      if line.count >= 2, bytes[textStart] == UInt8(ascii: ">"), bytes[textStart + 1] == UInt8(ascii: ">") {
        textStart += 2
        while textStart < line.upperBound, TextLines.isSpace(bytes[textStart]) { textStart += 1 }
      }
      if hasText, let previousBreak { collector.lineBreak(previousBreak) }
      collector.verbatim(textStart..<line.upperBound)
      hasText = true
      previousBreak = lineEnd..<position
    }
    var cues = try collector.result()
    guard !cues.cues.isEmpty else {
      throw InputError(path: path, line: 1, message: "not SBV: no timing line such as `0:00:01.000,0:00:02.500`")
    }
    SpeakerNames.applyPrefixes(&cues)
    return cues
  }

  /// Whether the first non-blank line is an SBV timing line.
  static func looksLikeSBV(_ bytes: [UInt8]) -> Bool {
    var position = TextLines.bomLength(bytes)
    while position < bytes.count {
      let lineEnd = TextLines.lineEnd(bytes, from: position, to: bytes.count)
      let line = TextLines.trimmed(bytes, position..<lineEnd)
      if !line.isEmpty { return timing(bytes, line) != nil }
      position = TextLines.nextLineStart(bytes, after: lineEnd, to: bytes.count)
    }
    return false
  }

  /// `H:MM:SS.mmm,H:MM:SS.mmm` as start and end seconds.
  static func timing(_ bytes: [UInt8], _ range: Range<Int>) -> (start: Double, end: Double)? {
    guard let comma = bytes[range].firstIndex(of: UInt8(ascii: ",")),
      let start = Timestamps.parse(String(decoding: bytes[range.lowerBound..<comma], as: UTF8.self)),
      let end = Timestamps.parse(String(decoding: bytes[(comma + 1)..<range.upperBound], as: UTF8.self)),
      bytes[range.lowerBound..<comma].contains(UInt8(ascii: ":"))
    else { return nil }
    return (start, end)
  }
}
