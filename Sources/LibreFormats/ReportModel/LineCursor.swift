import LibreKit

/// Lines and columns of offsets in a file, as `LineIndex` gives them, found by walking
/// forward from the last offset asked: a report asks for its findings in file order, and
/// only up to the last of them. Indexing every line start of every file cost more than
/// placing the findings (a transcript has a line break every forty bytes or so).
///
/// An offset before the last one asked (findings out of file order, as the parts of an
/// email can be) builds the whole `LineIndex` once and asks it from then on, so any order
/// of offsets costs at most what the index alone would.
struct LineCursor {
  private let bytes: [UInt8]
  /// Whether every byte is a character (a single-byte charset) rather than UTF-8.
  private let singleByte: Bool
  /// Everything before `position` is counted: `line` and `lineStart` are those of
  /// `position`, and `column` is its column.
  private var position = 0
  private var line = 1
  private var lineStart = 0
  private var column = 1
  private var index: LineIndex?

  init(_ bytes: [UInt8], singleByte: Bool = false) {
    self.bytes = bytes
    self.singleByte = singleByte
  }

  /// The line and column of `offset` (columns count Unicode scalars, or bytes when
  /// `singleByte`), as `LineIndex.location(of:)` gives them.
  mutating func location(of offset: Int) -> (line: Int, column: Int) {
    if let index { return index.location(of: offset) }
    let target = min(offset, bytes.count)
    guard target >= position else { return fallBack().location(of: offset) }
    bytes.withUnsafeBytes { raw in
      while position < target {
        let lineBreak = ByteSearch.firstLineBreak(in: raw, from: position, to: target)
        guard lineBreak < target else {
          column += characters(raw, position..<target)
          position = target
          return
        }
        // LF, CRLF and a lone CR each end a line: the CR of a CRLF is still on its line.
        let next = lineBreak + 1
        if raw[lineBreak] == 0x0A || next == raw.count || raw[next] != 0x0A {
          line += 1
          lineStart = next
          column = 1
        } else {
          column += characters(raw, position..<next)
        }
        position = next
      }
    }
    return (line, column)
  }

  /// The byte range of line `line` without its line break, as `LineIndex.lineRange(_:)`
  /// gives it; cheap for the line of the last offset located.
  mutating func lineRange(_ line: Int) -> Range<Int> {
    if index == nil && line == self.line {
      let start = lineStart
      return bytes.withUnsafeBytes { raw in
        // The next line starts after the first LF, or CR not followed by LF.
        var scan = max(position, start)
        var end = raw.count
        while true {
          let lineBreak = ByteSearch.firstLineBreak(in: raw, from: scan, to: raw.count)
          guard lineBreak < raw.count else { break }
          if raw[lineBreak] == 0x0A || lineBreak + 1 == raw.count || raw[lineBreak + 1] != 0x0A {
            end = lineBreak
            break
          }
          scan = lineBreak + 1
        }
        if end > start, raw[end - 1] == 0x0D { end -= 1 }
        return start..<max(start, end)
      }
    }
    return fallBack().lineRange(line)
  }

  /// The whole index, built once when the offsets stop coming in file order.
  private mutating func fallBack() -> LineIndex {
    if let index { return index }
    let built = LineIndex(bytes, singleByte: singleByte)
    index = built
    return built
  }

  /// How many characters start in `range`: every byte when single-byte, else every byte
  /// but UTF-8 continuation bytes (`10xxxxxx`), eight at a time.
  private func characters(_ raw: UnsafeRawBufferPointer, _ range: Range<Int>) -> Int {
    if singleByte { return range.count }
    var count = 0
    var at = range.lowerBound
    while at + 8 <= range.upperBound {
      let word = raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)
      let continuations = word & ~(word << 1) & 0x8080_8080_8080_8080
      count += 8 - continuations.nonzeroBitCount
      at += 8
    }
    while at < range.upperBound {
      if raw[at] & 0xC0 != 0x80 { count += 1 }
      at += 1
    }
    return count
  }
}
