/// The part of a finding's line a report shows: a long line is cut to a window of at most
/// `--max-columns` characters around the span, with `…` where it was cut, so a one-line file
/// full of findings prints each finding in constant space, not the whole line each time.
public struct SourceWindow: Sendable, Equatable {
  /// The characters shown, `…` included.
  public var text: String
  /// Where the span starts in `text` (0-based, in characters) and how many it covers.
  public var caretStart: Int
  public var caretWidth: Int

  static let ellipsis = "\u{2026}"
}

extension LocatedFinding {
  /// The whole first line of the finding (tests and short lines; reports use `window`).
  public var sourceLine: String { DocumentReport.decode(source[lineRange], singleByte: singleByte) }

  /// The finding's first line cut to `maxColumns` characters around its span (0: the whole
  /// line). Only the window's bytes are read: the cost does not grow with the line.
  public func window(maxColumns: Int) -> SourceWindow {
    let spanStart = min(max(span.lowerBound, lineRange.lowerBound), lineRange.upperBound)
    let spanEnd = min(max(span.upperBound, spanStart), lineRange.upperBound)
    let spanWidth = characters(spanStart..<spanEnd)
    // The line's bytes bound its characters: a line that short is shown whole.
    if maxColumns <= 0 || lineRange.count <= maxColumns {
      let before = characters(lineRange.lowerBound..<spanStart)
      return SourceWindow(
        text: decode(lineRange), caretStart: before,
        caretWidth: endLine == line ? max(1, spanWidth) : max(1, characters(spanStart..<lineRange.upperBound)))
    }
    let shownSpanEnd = spanWidth > maxColumns ? advance(spanStart, by: maxColumns) : spanEnd
    let room = max(0, maxColumns - min(spanWidth, maxColumns))
    let from = retreat(spanStart, by: room / 2)
    let to = advance(shownSpanEnd, by: room - characters(from..<spanStart))
    let head = from > lineRange.lowerBound ? SourceWindow.ellipsis : ""
    let tail = to < lineRange.upperBound ? SourceWindow.ellipsis : ""
    return SourceWindow(
      text: head + decode(from..<to) + tail, caretStart: (head.isEmpty ? 0 : 1) + characters(from..<spanStart),
      caretWidth: max(1, min(spanWidth, maxColumns)))
  }

  private func decode(_ range: Range<Int>) -> String {
    DocumentReport.decode(source[range], singleByte: singleByte)
  }

  /// The characters in `range` of `source` (UTF-8 lead bytes, or bytes when single-byte).
  private func characters(_ range: Range<Int>) -> Int {
    guard !singleByte else { return range.count }
    var count = 0
    for index in range where source[index] & 0xC0 != 0x80 { count += 1 }
    return count
  }

  /// The offset `count` characters after `offset`, not past the line's end.
  private func advance(_ offset: Int, by count: Int) -> Int {
    var index = offset
    var left = count
    while index < lineRange.upperBound && left > 0 {
      index += 1
      while !singleByte && index < lineRange.upperBound && source[index] & 0xC0 == 0x80 { index += 1 }
      left -= 1
    }
    return index
  }

  /// The offset `count` characters before `offset`, not before the line's start.
  private func retreat(_ offset: Int, by count: Int) -> Int {
    var index = offset
    var left = count
    while index > lineRange.lowerBound && left > 0 {
      index -= 1
      while !singleByte && index > lineRange.lowerBound && source[index] & 0xC0 == 0x80 { index -= 1 }
      left -= 1
    }
    return index
  }
}
