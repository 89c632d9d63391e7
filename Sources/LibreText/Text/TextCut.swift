/// Where a long text may be cut into pieces read one after the other: after a blank line
/// if there is one, else after a line break. The linter's windows (`Linter.windowEnd`) and
/// the sections of a large file (`SectionReader.cut`) cut the same way, here.
package enum TextCut {
  /// Scanning `text[floor..<limit]` backward: just past the last blank line (`LF LF`, or
  /// `LF CR LF` in CRLF text), and just past the last line break (`LF`). Bytes before `start`
  /// are never read (a blank line's first break may lie before `floor`, not before `start`).
  package static func breaks(
    _ text: UnsafeBufferPointer<UInt8>, start: Int, floor: Int, limit: Int
  ) -> (blankLine: Int?, lineBreak: Int?) {
    var lineBreak: Int?
    var index = limit - 1
    while index >= floor {
      if text[index] == 0x0A {
        if lineBreak == nil { lineBreak = index + 1 }
        if index - 1 >= start && text[index - 1] == 0x0A { return (index + 1, lineBreak) }
        if index - 2 >= start && text[index - 1] == 0x0D && text[index - 2] == 0x0A { return (index + 1, lineBreak) }
      }
      index -= 1
    }
    return (nil, lineBreak)
  }
}
