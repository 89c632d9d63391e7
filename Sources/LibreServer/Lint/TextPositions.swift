/// Converts between the byte offsets of Libre's findings and the UTF-16 code units that
/// LSP positions and LanguageTool offsets count (what a JavaScript string's index counts).
///
/// A character of one to three UTF-8 bytes is one UTF-16 unit, one of four bytes (an emoji,
/// anything beyond the Basic Multilingual Plane) is two. Lines end at LF, CRLF or a lone CR,
/// as LSP 3.17 says; a CRLF is one line break.
public struct TextPositions: Sendable {
  /// The text's UTF-8 bytes.
  public let bytes: [UInt8]
  /// The byte offset where each line starts.
  public let lineStarts: [Int]

  public init(_ bytes: [UInt8]) {
    self.bytes = bytes
    var starts = [0]
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if byte == 0x0A {
        starts.append(index)
      } else if byte == 0x0D {
        if index < bytes.count && bytes[index] == 0x0A { index += 1 }
        starts.append(index)
      }
    }
    lineStarts = starts
  }

  /// UTF-16 units of the character whose first byte is `byte` (0 for a continuation byte).
  @inline(__always)
  static func units(leading byte: UInt8) -> Int {
    if byte < 0x80 { return 1 }
    if byte < 0xC0 { return 0 }
    return byte >= 0xF0 ? 2 : 1
  }

  /// UTF-16 units in `bytes[range]` (a range that starts and ends on character boundaries;
  /// a cut character counts from its leading byte).
  public func utf16Count(_ range: Range<Int>) -> Int {
    let lower = max(0, min(range.lowerBound, bytes.count))
    let upper = max(lower, min(range.upperBound, bytes.count))
    var count = 0
    for index in lower..<upper { count += TextPositions.units(leading: bytes[index]) }
    return count
  }

  /// The UTF-16 offset of byte `offset` from the start of the text.
  public func utf16Offset(ofByte offset: Int) -> Int { utf16Count(0..<offset) }

  /// The line (0-based) holding byte `offset`.
  public func line(ofByte offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    return low
  }

  /// The LSP position (line, UTF-16 character) of byte `offset`.
  public func position(ofByte offset: Int) -> (line: Int, character: Int) {
    let clamped = max(0, min(offset, bytes.count))
    let line = line(ofByte: clamped)
    return (line, utf16Count(lineStarts[line]..<clamped))
  }

  /// The byte range of `line`'s text, its line break left out; nil past the last line.
  public func lineContent(_ line: Int) -> Range<Int>? {
    guard line >= 0 && line < lineStarts.count else { return nil }
    var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
    if end > lineStarts[line] && bytes[end - 1] == 0x0A { end -= 1 }
    if end > lineStarts[line] && bytes[end - 1] == 0x0D { end -= 1 }
    return lineStarts[line]..<end
  }

  /// The byte offset of an LSP position. A character past the line's end means the end of
  /// the line (LSP 3.17); a line past the last means the end of the text.
  public func byteOffset(line: Int, character: Int) -> Int {
    guard let content = lineContent(line) else { return line < 0 ? 0 : bytes.count }
    var index = content.lowerBound
    var units = 0
    while index < content.upperBound && units < character {
      units += TextPositions.units(leading: bytes[index])
      index += 1
      while index < content.upperBound && bytes[index] & 0xC0 == 0x80 { index += 1 }
    }
    return index
  }

  /// The byte offset of UTF-16 offset `offset` from the start of the text (clamped to it).
  public func byteOffset(ofUTF16 offset: Int) -> Int {
    var index = 0
    var units = 0
    while index < bytes.count && units < offset {
      units += TextPositions.units(leading: bytes[index])
      index += 1
      while index < bytes.count && bytes[index] & 0xC0 == 0x80 { index += 1 }
    }
    return index
  }
}
