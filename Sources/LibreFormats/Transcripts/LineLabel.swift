/// The speaker label at the start of a plain-transcript line, in the layouts
/// `PlainTranscriptParser` documents.
struct LineLabel {
  /// The name's byte range; nil for a `[00:01:02]` line without one.
  var name: Range<Int>?
  /// Seconds, when the label carries a timestamp.
  var time: Double?
  /// Whether the label has a timestamp, which makes it a speaker label without more evidence.
  var timed: Bool
  /// Where the line's text starts (the line's end when the text is on the next lines).
  var textStart: Int

  static func classify(_ bytes: [UInt8], _ line: Range<Int>) -> LineLabel? {
    let end = line.upperBound
    if let (time, after, bracketed) = leadingTime(bytes, line) {
      let rest = skipSpaces(bytes, after, end)
      if let found = SpeakerNames.prefix(bytes, rest..<end) {
        return LineLabel(name: found.name, time: time, timed: true, textStart: found.textStart)
      }
      return bracketed ? LineLabel(name: nil, time: time, timed: true, textStart: rest) : nil
    }
    if let label = bracketedName(bytes, line) ?? parenthesized(bytes, line) ?? trailingTime(bytes, line) {
      return label
    }
    if let found = SpeakerNames.prefix(bytes, line) {
      return LineLabel(name: found.name, time: nil, timed: false, textStart: found.textStart)
    }
    return nil
  }

  /// `[00:01:02]`, `(00:01)` or a bare `00:01:02 ` at the start of the line.
  private static func leadingTime(_ bytes: [UInt8], _ line: Range<Int>) -> (Double, Int, Bool)? {
    var index = line.lowerBound
    let open = bytes[index]
    if open == UInt8(ascii: "[") || open == UInt8(ascii: "(") {
      index += 1
      guard let time = Timestamps.lenient(bytes, &index, end: line.upperBound), index < line.upperBound,
        bytes[index] == (open == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: ")"))
      else { return nil }
      return (time, index + 1, true)
    }
    guard TextLines.isDigit(open), let time = Timestamps.lenient(bytes, &index, end: line.upperBound),
      index < line.upperBound, TextLines.isSpace(bytes[index])
    else { return nil }
    return (time, index, false)
  }

  /// `[Name] 00:01:02` (Zoom), the text on the next lines.
  private static func bracketedName(_ bytes: [UInt8], _ line: Range<Int>) -> LineLabel? {
    guard bytes[line.lowerBound] == UInt8(ascii: "["),
      let close = bytes[line].firstIndex(of: UInt8(ascii: "]")),
      SpeakerNames.isName(bytes, line.lowerBound + 1..<close)
    else { return nil }
    var index = skipSpaces(bytes, close + 1, line.upperBound)
    guard let time = Timestamps.lenient(bytes, &index, end: line.upperBound), index == line.upperBound else {
      return nil
    }
    return LineLabel(
      name: TextLines.trimmed(bytes, line.lowerBound + 1..<close), time: time, timed: true, textStart: line.upperBound)
  }

  /// `Name (00:01): text` or `Name (00:01:02)` with the text on the next lines.
  private static func parenthesized(_ bytes: [UInt8], _ line: Range<Int>) -> LineLabel? {
    guard let open = bytes[line].firstIndex(of: UInt8(ascii: "(")), open > line.lowerBound,
      TextLines.isSpace(bytes[open - 1]), SpeakerNames.isName(bytes, line.lowerBound..<open)
    else { return nil }
    var index = open + 1
    guard let time = Timestamps.lenient(bytes, &index, end: line.upperBound), index < line.upperBound,
      bytes[index] == UInt8(ascii: ")")
    else { return nil }
    index += 1
    if index < line.upperBound, bytes[index] == UInt8(ascii: ":") { index += 1 }
    guard index == line.upperBound || TextLines.isSpace(bytes[index]) else { return nil }
    return LineLabel(
      name: TextLines.trimmed(bytes, line.lowerBound..<open), time: time, timed: true,
      textStart: skipSpaces(bytes, index, line.upperBound))
  }

  /// `Name  0:03`, `Name 00:03` or `Name | 00:03` alone on a line, the first and last words
  /// of the name capitalized (or a number: `Speaker 1`), so a sentence ending in a time is not one.
  private static func trailingTime(_ bytes: [UInt8], _ line: Range<Int>) -> LineLabel? {
    guard let space = bytes[line].lastIndex(where: { TextLines.isSpace($0) }) else { return nil }
    var index = space + 1
    guard let time = Timestamps.lenient(bytes, &index, end: line.upperBound), index == line.upperBound else {
      return nil
    }
    var nameEnd = space
    while nameEnd > line.lowerBound, TextLines.isSpace(bytes[nameEnd - 1]) { nameEnd -= 1 }
    if nameEnd > line.lowerBound, bytes[nameEnd - 1] == UInt8(ascii: "|") || bytes[nameEnd - 1] == UInt8(ascii: "-") {
      nameEnd -= 1
    }
    let name = TextLines.trimmed(bytes, line.lowerBound..<nameEnd)
    guard SpeakerNames.isName(bytes, name), capitalizedEnds(bytes, name) else { return nil }
    return LineLabel(name: name, time: time, timed: true, textStart: line.upperBound)
  }

  private static func capitalizedEnds(_ bytes: [UInt8], _ name: Range<Int>) -> Bool {
    let lastWord = (bytes[name].lastIndex(of: 0x20) ?? name.lowerBound - 1) + 1
    return [name.lowerBound, lastWord].allSatisfy { start in
      let byte = bytes[start]
      return (byte >= 0x41 && byte <= 0x5A) || TextLines.isDigit(byte)
        || (byte >= 0xC3 && SpeakerNames.isCapitalized(String(decoding: bytes[start..<name.upperBound], as: UTF8.self)))
    }
  }

  private static func skipSpaces(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Int {
    var index = start
    while index < end, TextLines.isSpace(bytes[index]) { index += 1 }
    return index
  }
}
