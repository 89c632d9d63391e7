import LibreKit

/// Reads WebVTT cue text: tags (`<c>`, `<i>`, `<b>`, `<u>`, `<ruby>`, `<rt>`, `<lang>`,
/// timestamps) are stripped and their text kept; `<v Speaker>` sets the cue's speaker (a
/// second voice in one cue starts a new cue with the same times); character references are
/// decoded. Text is copied with its offsets, decoded pieces mapped to their whole reference.
enum WebVTTCueText {
  static func read(_ bytes: [UInt8], _ range: Range<Int>, into collector: inout CueCollector) throws(InputError) {
    var index = range.lowerBound
    let end = range.upperBound
    var runStart = index
    while index < end {
      index = nextSpecial(bytes, from: index, to: end)
      guard index < end else { break }
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "&"):
        guard let (decoded, next) = CharacterReferences.decode(bytes, at: index, end: end) else {
          index += 1
          continue
        }
        collector.verbatim(runStart..<index)
        collector.decoded(decoded, unit: index..<next)
        index = next
      case UInt8(ascii: "<"):
        collector.verbatim(runStart..<index)
        index = try tag(bytes, from: index, end: end, into: &collector)
      case 0:
        collector.verbatim(runStart..<index)
        collector.decoded([0xEF, 0xBF, 0xBD], unit: index..<index + 1)
        index += 1
      case 0x0D:
        collector.verbatim(runStart..<index)
        let next = TextLines.nextLineStart(bytes, after: index, to: end)
        collector.lineBreak(index..<next)
        index = next
      default:
        index += 1
        continue
      }
      runStart = index
    }
    collector.verbatim(runStart..<index)
  }

  /// The first `&`, `<`, NUL or CR at or after `start` (`end` if none), eight bytes at a
  /// time: cue text is mostly words, and looking at each byte cost more than the rest.
  static func nextSpecial(_ bytes: [UInt8], from start: Int, to end: Int) -> Int {
    bytes.withUnsafeBytes {
      ByteSearch.firstIndex(of: UInt8(ascii: "&"), UInt8(ascii: "<"), 0x0D, orNULIn: $0, from: start, to: end)
    }
  }

  /// Reads the tag starting at `start` (`<`), which runs to the next `>` or the end of the
  /// cue text whatever its kind, and returns the offset after it.
  private static func tag(_ bytes: [UInt8], from start: Int, end: Int, into collector: inout CueCollector)
    throws(InputError) -> Int
  {
    var close = start + 1
    while close < end, bytes[close] != UInt8(ascii: ">") { close += 1 }
    let next = min(close + 1, end)
    // Only a start tag named exactly `v` matters; end tags, timestamps and others vanish.
    var nameEnd = start + 1
    while nameEnd < close, !isTagBreak(bytes[nameEnd]) { nameEnd += 1 }
    guard nameEnd == start + 2, bytes[start + 1] == UInt8(ascii: "v") else { return next }
    var annotationStart = nameEnd
    while annotationStart < close, bytes[annotationStart] == UInt8(ascii: ".") {
      while annotationStart < close, !isSpace(bytes[annotationStart]) { annotationStart += 1 }
    }
    let voice = annotation(bytes, annotationStart..<close)
    if collector.openHasText {
      let times = collector.openTimes
      try collector.begin(speaker: voice, start: times.start, end: times.end, at: next)
    } else {
      collector.setSpeaker(voice)
    }
    return next
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0C || byte == 0x0A || byte == 0x0D
  }

  private static func isTagBreak(_ byte: UInt8) -> Bool { isSpace(byte) || byte == UInt8(ascii: ".") }

  /// A tag annotation: references decoded, spaces trimmed and collapsed; nil when empty.
  private static func annotation(_ bytes: [UInt8], _ range: Range<Int>) -> String? {
    if let plain = plainAnnotation(bytes, range) {
      return plain.isEmpty ? nil : String(decoding: bytes[plain], as: UTF8.self)
    }
    var output: [UInt8] = []
    var index = range.lowerBound
    var pendingSpace = false
    while index < range.upperBound {
      let byte = bytes[index]
      if isSpace(byte) {
        pendingSpace = !output.isEmpty
        index += 1
        continue
      }
      if pendingSpace {
        output.append(0x20)
        pendingSpace = false
      }
      if byte == UInt8(ascii: "&"),
        let (decoded, next) = CharacterReferences.decode(bytes, at: index, end: range.upperBound)
      {
        output.append(contentsOf: decoded)
        index = next
      } else {
        output.append(byte == 0 ? 0x3F : byte)
        index += 1
      }
    }
    return output.isEmpty ? nil : String(decoding: output, as: UTF8.self)
  }

  /// The range of an annotation that needs no decoding (most voice names, `<v Sam Lee>`):
  /// words of bytes other than `&` and NUL separated by single spaces, around them only
  /// spaces; the annotation is then these bytes as written. Nil when `annotation` must
  /// build it byte by byte.
  private static func plainAnnotation(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int>? {
    var start = range.lowerBound
    var end = range.upperBound
    while start < end, isSpace(bytes[start]) { start += 1 }
    while end > start, isSpace(bytes[end - 1]) { end -= 1 }
    var index = start
    while index < end {
      let byte = bytes[index]
      if byte == UInt8(ascii: "&") || byte == 0 { return nil }
      if isSpace(byte) && (byte != 0x20 || isSpace(bytes[index + 1])) { return nil }
      index += 1
    }
    return start..<end
  }
}

/// HTML character references as WebVTT cue text uses them. Like vtt.js, only references
/// ending in `;` decode (`&amp` stays as written), and only the names captions use.
enum CharacterReferences {
  private static let named: [String: [UInt8]] = [
    "amp": [0x26], "lt": [0x3C], "gt": [0x3E], "quot": [0x22], "apos": [0x27], "nbsp": [0xC2, 0xA0],
    "lrm": [0xE2, 0x80, 0x8E], "rlm": [0xE2, 0x80, 0x8F],
  ]

  /// The decoded bytes of the reference at `start` (`&`) and the offset after it.
  static func decode(_ bytes: [UInt8], at start: Int, end: Int) -> ([UInt8], Int)? {
    var index = start + 1
    guard index < end else { return nil }
    if bytes[index] == UInt8(ascii: "#") {
      index += 1
      let hex = index < end && (bytes[index] | 0x20) == UInt8(ascii: "x")
      if hex { index += 1 }
      let digitsStart = index
      var value: UInt32 = 0
      while index < end, index - digitsStart < 8, let digit = digitValue(bytes[index], hex: hex) {
        value = value * (hex ? 16 : 10) + digit
        index += 1
      }
      guard index > digitsStart, index < end, bytes[index] == UInt8(ascii: ";") else { return nil }
      let scalar = value == 0 || (0xD800...0xDFFF).contains(value) || value > 0x10FFFF ? 0xFFFD : value
      var output: [UInt8] = []
      TextDecoding.appendUTF8(scalar, to: &output)
      return (output, index + 1)
    }
    let nameStart = index
    while index < end, index - nameStart < 8, TextLines.isLetterStart(bytes[index]), bytes[index] < 0x80 {
      index += 1
    }
    guard index > nameStart, index < end, bytes[index] == UInt8(ascii: ";") else { return nil }
    guard let decoded = named[String(decoding: bytes[nameStart..<index], as: UTF8.self)] else { return nil }
    return (decoded, index + 1)
  }

  private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
    if TextLines.isDigit(byte) { return UInt32(byte - 0x30) }
    let lower = byte | 0x20
    if hex && lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f") { return UInt32(lower - 0x61 + 10) }
    return nil
  }
}
