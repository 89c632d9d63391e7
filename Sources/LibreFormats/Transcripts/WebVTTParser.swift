import LibreKit

/// Reads WebVTT (https://www.w3.org/TR/webvtt1/) following the spec's file parsing steps:
/// the `WEBVTT` signature, a header block, then blocks that are cues (an optional
/// identifier, a timing line, the payload) or anything else (`NOTE`, `STYLE`, `REGION`),
/// which is skipped. A block with malformed timings is skipped with a warning. Lines end at
/// LF, CR or CRLF; NUL bytes read as U+FFFD. Cues without a voice span that start with
/// `Name:` get that speaker (see `SpeakerNames`). Works on the bytes in one pass.
public enum WebVTTParser {
  /// The cues of `bytes` (UTF-8, a BOM allowed). Throws when the signature is missing.
  public static func parse(
    _ bytes: [UInt8], path: String, limits: InputLimits = InputLimits()
  ) throws(InputError) -> TranscriptCues {
    var parser = Parser(bytes: bytes, collector: CueCollector(path: path, original: bytes, limits: limits))
    try parser.file()
    var cues = try parser.collector.result()
    // Zoom and other meeting tools write `Name: text` cues instead of voice spans.
    SpeakerNames.applyPrefixes(&cues)
    return cues
  }

  fileprivate struct Parser {
    let bytes: [UInt8]
    var collector: CueCollector
    var position = 0

    var end: Int { bytes.count }

    mutating func file() throws(InputError) {
      position = TextLines.bomLength(bytes)
      guard signature() else {
        throw InputError(
          path: collector.path, line: 1,
          message: "not WebVTT: the first line must be WEBVTT (optionally followed by a space or tab and text)")
      }
      position = TextLines.nextLineStart(bytes, after: TextLines.lineEnd(bytes, from: position, to: end), to: end)
      guard position < end else { return }
      if bytes[position] != 0x0A && bytes[position] != 0x0D {
        try block(inHeader: true)
      } else {
        position = TextLines.nextLineStart(bytes, after: position, to: end)
      }
      skipLineBreaks()
      while position < end {
        try block(inHeader: false)
        skipLineBreaks()
      }
    }

    /// `WEBVTT` then the end, a space, a tab or a line break.
    func signature() -> Bool {
      guard TextLines.hasPrefix(bytes, position..<end, "WEBVTT") else { return false }
      let next = position + 6
      return next == end || bytes[next] == 0x20 || bytes[next] == 0x09 || bytes[next] == 0x0A || bytes[next] == 0x0D
    }

    mutating func skipLineBreaks() {
      while position < end, bytes[position] == 0x0A || bytes[position] == 0x0D { position += 1 }
    }

    /// The spec's "collect a WebVTT block": reads lines up to a blank line; a line with
    /// `-->` as the first or second line is the timing line of a cue, anywhere else it starts
    /// the next block.
    mutating func block(inHeader: Bool) throws(InputError) {
      var lineCount = 0
      var previous = position
      var seenArrow = false
      var timings: (start: Double, end: Double)?
      var payloadStart: Int?
      var payloadEnd = position
      var timingLine = position
      while true {
        let lineStart = position
        let lineEnd = TextLines.lineEnd(bytes, from: position, to: end)
        lineCount += 1
        let seenEOF = lineEnd == end
        position = TextLines.nextLineStart(bytes, after: lineEnd, to: end)
        if containsArrow(lineStart..<lineEnd) {
          if !inHeader && (lineCount == 1 || (lineCount == 2 && !seenArrow)) {
            seenArrow = true
            previous = position
            timingLine = lineStart
            timings = cueTimings(lineStart..<lineEnd)
            payloadStart = nil
            if timings == nil {
              collector.warn(
                "line \(TextLines.lineNumber(bytes, at: lineStart)): malformed cue timings; cue skipped",
                at: lineStart)
            }
          } else {
            // The spec ends the block here and rereads the line as the next block's first.
            if !inHeader {
              collector.warn(
                "line \(TextLines.lineNumber(bytes, at: lineStart)): a timing line inside a cue; it starts a new cue",
                at: lineStart)
            }
            position = previous
            break
          }
        } else if lineStart == lineEnd {
          break
        } else {
          if payloadStart == nil { payloadStart = lineStart }
          payloadEnd = lineEnd
          previous = position
        }
        if seenEOF { break }
      }
      guard let timings else { return }
      try collector.begin(speaker: nil, start: timings.start, end: timings.end, at: payloadStart ?? timingLine)
      if let payloadStart { try WebVTTCueText.read(bytes, payloadStart..<payloadEnd, into: &collector) }
      try collector.finish()
    }

    func containsArrow(_ range: Range<Int>) -> Bool {
      guard range.count >= 3 else { return false }
      // Finds each `>` eight bytes at a time, then looks back for `--`.
      return bytes.withUnsafeBytes { raw in
        var index = range.lowerBound + 2
        while true {
          index = ByteSearch.firstIndex(of: UInt8(ascii: ">"), in: raw, from: index, to: range.upperBound)
          guard index < range.upperBound else { return false }
          if raw[index - 1] == UInt8(ascii: "-") && raw[index - 2] == UInt8(ascii: "-") { return true }
          index += 1
        }
      }
    }

    /// The spec's "collect WebVTT cue timings and settings"; the settings are read by
    /// renderers, not by Libre, so they are left alone.
    func cueTimings(_ range: Range<Int>) -> (start: Double, end: Double)? {
      var index = range.lowerBound
      let end = range.upperBound
      skipSpace(&index, end)
      guard let start = Timestamps.webVTT(bytes, &index, end: end) else { return nil }
      skipSpace(&index, end)
      guard index + 3 <= end, bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-"),
        bytes[index + 2] == UInt8(ascii: ">")
      else { return nil }
      index += 3
      skipSpace(&index, end)
      guard let finish = Timestamps.webVTT(bytes, &index, end: end) else { return nil }
      return (start, finish)
    }

    func skipSpace(_ index: inout Int, _ end: Int) {
      while index < end, TextLines.isSpace(bytes[index]) { index += 1 }
    }
  }
}
