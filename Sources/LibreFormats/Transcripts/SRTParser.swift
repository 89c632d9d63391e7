import LibreKit

/// Reads SubRip (`.srt`): blocks of an optional cue number, a timing line
/// (`00:01:02,500 --> 00:01:04,000`, `.` or `,` before the milliseconds, hours optional,
/// anything after the end time ignored) and text lines. Formatting tags (`<i>`, `<b>`, `<u>`,
/// `<font …>`) and ASS overrides (`{\an8}`) are stripped; `Name:` at the start of a cue names
/// the speaker (see `SpeakerNames`); dialogue dashes stay in the text. A cue's text runs to
/// the next timing line, so a stray blank line inside a cue loses nothing.
public enum SRTParser {
  /// The cues of `bytes` (UTF-8, a BOM allowed). Throws when no timing line is found.
  public static func parse(
    _ bytes: [UInt8], path: String, limits: InputLimits = InputLimits()
  ) throws(InputError) -> TranscriptCues {
    var collector = CueCollector(path: path, original: bytes, limits: limits)
    var position = TextLines.bomLength(bytes)
    let end = bytes.count
    var open = false
    var hasText = false
    var afterBlank = true
    var pendingNumber: Range<Int>?
    var previousBreak: Range<Int>?
    var warnedMixed = false
    while position < end {
      let lineStart = position
      let lineEnd = TextLines.lineEnd(bytes, from: position, to: end)
      position = TextLines.nextLineStart(bytes, after: lineEnd, to: end)
      let line = TextLines.trimmed(bytes, lineStart..<lineEnd)
      if let timing = timing(bytes, line) {
        if timing.mixed && !warnedMixed {
          warnedMixed = true
          collector.warn(
            "line \(TextLines.lineNumber(bytes, at: lineStart)): a timing mixes ',' and '.' before the milliseconds",
            at: lineStart)
        }
        try collector.begin(speaker: nil, start: timing.start, end: timing.end, at: position)
        (open, hasText, afterBlank, pendingNumber, previousBreak) = (true, false, false, nil, nil)
        continue
      }
      if line.isEmpty {
        afterBlank = true
        continue
      }
      if isNumber(bytes, line) && (afterBlank || !open) && pendingNumber == nil {
        pendingNumber = line
        continue
      }
      if let number = pendingNumber, open {
        collector.warn(
          "line \(TextLines.lineNumber(bytes, at: number.lowerBound)): cue number without a timing line",
          at: number.lowerBound)
      }
      pendingNumber = nil
      guard open else {
        collector.warn(
          "line \(TextLines.lineNumber(bytes, at: lineStart)): text before the first cue timing line; skipped",
          at: lineStart)
        afterBlank = false
        continue
      }
      if hasText, let previousBreak { collector.lineBreak(previousBreak) }
      appendStripped(bytes, lineStart..<lineEnd, into: &collector)
      hasText = true
      afterBlank = false
      previousBreak = lineEnd..<position
    }
    var cues = try collector.result()
    guard !cues.cues.isEmpty else {
      throw InputError(
        path: path, line: 1, message: "not SRT: no cue timing line such as `00:00:01,000 --> 00:00:02,500`")
    }
    SpeakerNames.applyPrefixes(&cues)
    return cues
  }

  /// Whether `bytes` (UTF-8) looks like SRT: a cue number line, then a timing line.
  static func looksLikeSRT(_ bytes: [UInt8]) -> Bool {
    var position = TextLines.bomLength(bytes)
    var previousWasNumber = false
    var lines = 0
    while position < bytes.count, lines < 20 {
      let lineEnd = TextLines.lineEnd(bytes, from: position, to: bytes.count)
      let line = TextLines.trimmed(bytes, position..<lineEnd)
      position = TextLines.nextLineStart(bytes, after: lineEnd, to: bytes.count)
      if !line.isEmpty {
        lines += 1
        if timing(bytes, line) != nil { return previousWasNumber || lines == 1 }
        previousWasNumber = isNumber(bytes, line)
      }
    }
    return false
  }

  static func isNumber(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    !range.isEmpty && range.count <= 9 && range.allSatisfy { TextLines.isDigit(bytes[$0]) }
  }

  /// The times of an SRT timing line, and whether it mixes `,` and `.`.
  static func timing(_ bytes: [UInt8], _ range: Range<Int>) -> (start: Double, end: Double, mixed: Bool)? {
    guard range.count >= 12, TextLines.isDigit(bytes[range.lowerBound]) else { return nil }
    var index = range.lowerBound
    let end = range.upperBound
    let firstStart = index
    guard let start = Timestamps.lenient(bytes, &index, end: end) else { return nil }
    let firstRange = firstStart..<index
    while index < end, TextLines.isSpace(bytes[index]) { index += 1 }
    guard index + 3 <= end, bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-"),
      bytes[index + 2] == UInt8(ascii: ">")
    else { return nil }
    index += 3
    while index < end, TextLines.isSpace(bytes[index]) { index += 1 }
    let secondStart = index
    guard let finish = Timestamps.lenient(bytes, &index, end: end) else { return nil }
    // The fraction separator is the only `,` or `.` inside a timestamp.
    let first = firstRange.first { bytes[$0] == UInt8(ascii: ",") || bytes[$0] == UInt8(ascii: ".") }
    let second = (secondStart..<index).first { bytes[$0] == UInt8(ascii: ",") || bytes[$0] == UInt8(ascii: ".") }
    let mixed = first != nil && second != nil && bytes[first!] != bytes[second!]
    return (start, finish, mixed)
  }

  /// Appends a text line without its formatting tags; NUL bytes become U+FFFD.
  static func appendStripped(_ bytes: [UInt8], _ range: Range<Int>, into collector: inout CueCollector) {
    var run = range.lowerBound
    var index = range.lowerBound
    let end = range.upperBound
    while index < end {
      index = nextMarkup(bytes, from: index, to: end)
      guard index < end else { break }
      let byte = bytes[index]
      var close: UInt8?
      if byte == UInt8(ascii: "<"), index + 1 < end,
        TextLines.isLetterStart(bytes[index + 1]) || bytes[index + 1] == UInt8(ascii: "/")
      {
        close = UInt8(ascii: ">")
      } else if byte == UInt8(ascii: "{"), index + 1 < end, bytes[index + 1] == UInt8(ascii: "\\") {
        close = UInt8(ascii: "}")
      }
      if let close, let closing = bytes[index..<end].firstIndex(of: close) {
        collector.verbatim(run..<index)
        index = closing + 1
        run = index
      } else if byte == 0 {
        collector.verbatim(run..<index)
        collector.decoded([0xEF, 0xBF, 0xBD], unit: index..<index + 1)
        index += 1
        run = index
      } else {
        index += 1
      }
    }
    collector.verbatim(run..<end)
  }

  /// The first `<`, `{` or NUL at or after `start` (`end` if none), eight bytes at a time:
  /// cue text is mostly words, and a byte-by-byte look cost more than the rest of parsing.
  static func nextMarkup(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
    bytes.withUnsafeBytes {
      // Two bytes to look for, so `{` stands in for the third.
      ByteSearch.firstIndex(
        of: UInt8(ascii: "<"), UInt8(ascii: "{"), UInt8(ascii: "{"), orNULIn: $0, from: start, to: end)
    }
  }
}
