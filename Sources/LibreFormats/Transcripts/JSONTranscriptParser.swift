import LibreKit

/// Reads JSON transcripts: a top-level array of segments, or an object whose `segments`
/// member is that array (the Podcast Namespace transcript format, Whisper's output).
///
/// Each segment is an object with:
/// - `text` or `body`: what was said (a string; a segment without one is skipped with a warning);
/// - `speaker` (also `speakerName`, `speaker_name`): who said it, a string or a number;
/// - `start`, `startTime` or `start_time` and `end`, `endTime` or `end_time`: seconds as a
///   number, or a string `"hh:mm:ss.ttt"`, `"mm:ss"` or `"12.5"`.
///
/// Other members are ignored. The text keeps its offsets in the file: escapes (`\n`,
/// `\u00e9`) decode as units of the JSON text.
public enum JSONTranscriptParser {
  static let textKeys = ["text", "body"]
  static let speakerKeys = ["speaker", "speakerName", "speaker_name"]
  static let startKeys = ["start", "startTime", "start_time"]
  static let endKeys = ["end", "endTime", "end_time"]

  public static func parse(
    _ bytes: [UInt8], path: String, limits: InputLimits = InputLimits()
  ) throws(InputError) -> TranscriptCues {
    let root: JSONValue
    do {
      root = try JSONParser.parse(bytes)
    } catch {
      throw InputError(
        path: path, line: TextLines.lineNumber(bytes, at: error.offset), message: "invalid JSON: \(error.message)")
    }
    if root.array == nil, root["segments"] == nil, let turns = ServiceTranscripts.turns(root) {
      return try cues(of: turns, bytes: bytes, path: path, limits: limits)
    }
    guard let segments = root.array ?? root["segments"]?.array else {
      throw InputError(
        path: path, line: TextLines.lineNumber(bytes, at: root.offset),
        message: "not a JSON transcript: expected an array of segments or an object with a \"segments\" array")
    }
    var collector = CueCollector(path: path, original: bytes, limits: limits)
    for segment in segments {
      guard segment.members != nil else {
        collector.warn(
          "line \(TextLines.lineNumber(bytes, at: segment.offset)): a segment is \(segment.typeName), not an object; skipped",
          at: segment.offset)
        continue
      }
      guard let text = first(segment, textKeys), text.string != nil else {
        collector.warn(
          "line \(TextLines.lineNumber(bytes, at: segment.offset)): a segment without a \"text\" or \"body\" string; skipped",
          at: segment.offset)
        continue
      }
      try collector.begin(
        speaker: speaker(first(segment, speakerKeys)), start: time(first(segment, startKeys)),
        end: time(first(segment, endKeys)), at: text.offset + 1)
      appendString(bytes, from: text.offset, into: &collector)
      try collector.finish()
    }
    return try collector.result()
  }

  /// Whether `bytes` looks like a JSON transcript: an object with `"segments"`, or an array
  /// of objects with a speaker or a start time next to a text.
  static func looksLikeTranscript(_ bytes: [UInt8]) -> Bool {
    let head = Array(bytes.prefix(1 << 16))
    var start = TextLines.bomLength(head)
    while start < head.count, TextLines.isSpace(head[start]) || head[start] == 0x0A || head[start] == 0x0D {
      start += 1
    }
    guard start < head.count else { return false }
    if head[start] == UInt8(ascii: "{") {
      return TranscriptLoader.contains(head, "\"segments\"") || ServiceTranscripts.looksLikeServiceTranscript(head)
    }
    guard head[start] == UInt8(ascii: "[") else { return false }
    let hasText = TranscriptLoader.contains(head, "\"text\"") || TranscriptLoader.contains(head, "\"body\"")
    let hasSpeakerOrTime = TranscriptLoader.contains(head, "\"speaker") || TranscriptLoader.contains(head, "\"start")
    return hasText && hasSpeakerOrTime
  }

  /// The cues of a speech-to-text service's turns (see `ServiceTranscripts`).
  private static func cues(
    of turns: [ServiceTranscripts.Turn], bytes: [UInt8], path: String, limits: InputLimits
  ) throws(InputError) -> TranscriptCues {
    var collector = CueCollector(path: path, original: bytes, limits: limits)
    for turn in turns {
      guard let first = turn.pieces.first else { continue }
      try collector.begin(speaker: turn.speaker, start: turn.start, end: turn.end, at: first.quote + 1)
      for piece in turn.pieces {
        if piece.spaceBefore { collector.decoded([0x20], unit: piece.quote..<piece.quote) }
        appendString(bytes, from: piece.quote, into: &collector)
      }
      try collector.finish()
    }
    return try collector.result()
  }

  private static func first(_ object: JSONValue, _ keys: [String]) -> JSONValue? {
    for key in keys { if let value = object[key] { return value } }
    return nil
  }

  private static func speaker(_ value: JSONValue?) -> String? {
    if let text = value?.string {
      let trimmed = Array(text.utf8)
      let range = TextLines.trimmed(trimmed, 0..<trimmed.count)
      return range.isEmpty ? nil : String(decoding: trimmed[range], as: UTF8.self)
    }
    if let number = value?.number {
      // A whole number names the speaker as written (`2`, not `2.0`); a huge one (`1e300`)
      // would not fit an Int.
      return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
    return nil
  }

  private static func time(_ value: JSONValue?) -> Double? {
    if let number = value?.number { return number }
    if let text = value?.string { return Timestamps.parse(text) }
    return nil
  }

  /// Copies the JSON string whose opening quote is at `quote`, decoding escapes as units.
  private static func appendString(_ bytes: [UInt8], from quote: Int, into collector: inout CueCollector) {
    var index = quote + 1
    var run = index
    while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
      guard bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count else {
        index += 1
        continue
      }
      collector.verbatim(run..<index)
      let escapeStart = index
      var decoded: [UInt8] = []
      switch bytes[index + 1] {
      case UInt8(ascii: "n"): decoded = [0x0A]
      case UInt8(ascii: "t"): decoded = [0x09]
      case UInt8(ascii: "r"), UInt8(ascii: "b"), UInt8(ascii: "f"): decoded = [0x20]
      case UInt8(ascii: "u"):
        var value = hex4(bytes, index + 2) ?? 0xFFFD
        index += 4
        if (0xD800..<0xDC00).contains(value), index + 7 < bytes.count, bytes[index + 2] == UInt8(ascii: "\\"),
          bytes[index + 3] == UInt8(ascii: "u"), let low = hex4(bytes, index + 4), (0xDC00..<0xE000).contains(low)
        {
          value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
          index += 6
        }
        if (0xD800...0xDFFF).contains(value) || value == 0 { value = 0xFFFD }
        TextDecoding.appendUTF8(value, to: &decoded)
      default: decoded = [bytes[index + 1]]
      }
      index += 2
      collector.decoded(decoded, unit: escapeStart..<index)
      run = index
    }
    collector.verbatim(run..<min(index, bytes.count))
  }

  private static func hex4(_ bytes: [UInt8], _ start: Int) -> UInt32? {
    guard start + 4 <= bytes.count else { return nil }
    var value: UInt32 = 0
    for byte in bytes[start..<start + 4] {
      let lower = byte | 0x20
      if TextLines.isDigit(byte) {
        value = value << 4 | UInt32(byte - 0x30)
      } else if lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f") {
        value = value << 4 | UInt32(lower - 0x61 + 10)
      } else {
        return nil
      }
    }
    return value
  }
}
