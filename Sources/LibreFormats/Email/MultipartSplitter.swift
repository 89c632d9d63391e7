/// Splits the body of a multipart entity at its boundary delimiters (RFC 2046 §5.1.1).
enum MultipartSplitter {
  /// The parts found in a multipart body.
  struct Split {
    /// The content of each body part, without the line break that belongs to the delimiter.
    var parts: [Range<Int>] = []
    /// Whether the closing delimiter `--boundary--` was found.
    var closed = false
    /// Where the first delimiter line starts, when there is one.
    var firstDelimiter: Int?
  }

  /// Splits `range` of `bytes` at lines `--boundary` (closing `--boundary--`). A delimiter
  /// line may end with spaces (transport padding) but nothing else, so an inner boundary that
  /// merely starts like the outer one is not taken for it. At most `limit` parts are kept;
  /// the scan stops there.
  static func split(_ bytes: [UInt8], _ range: Range<Int>, boundary: [UInt8], limit: Int) -> Split {
    var split = Split()
    guard !boundary.isEmpty else { return split }
    var partStart: Int?
    var lineStart = range.lowerBound
    let end = range.upperBound
    bytes.withUnsafeBufferPointer { buffer in
      while lineStart < end {
        var lineEnd = lineStart
        while lineEnd < end && buffer[lineEnd] != 0x0A { lineEnd += 1 }
        if lineEnd - lineStart >= boundary.count + 2, buffer[lineStart] == 0x2D, buffer[lineStart + 1] == 0x2D,
          let isClosing = delimiter(buffer, lineStart + 2, lineEnd, boundary)
        {
          if split.firstDelimiter == nil { split.firstDelimiter = lineStart }
          if let start = partStart {
            split.parts.append(start..<contentEnd(buffer, start, lineStart))
            if split.parts.count >= limit { return }
          }
          if isClosing {
            split.closed = true
            return
          }
          partStart = min(lineEnd + 1, end)
        }
        lineStart = lineEnd + 1
      }
      if let start = partStart, start < end || split.parts.isEmpty { split.parts.append(start..<end) }
    }
    return split
  }

  /// Whether the line `start..<lineEnd` (after `--`) is the boundary: nil if not, else
  /// whether it closes.
  private static func delimiter(
    _ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ lineEnd: Int, _ boundary: [UInt8]
  ) -> Bool? {
    for (offset, byte) in boundary.enumerated() where buffer[start + offset] != byte { return nil }
    var index = start + boundary.count
    var isClosing = false
    if index + 2 <= lineEnd, buffer[index] == 0x2D, buffer[index + 1] == 0x2D {
      isClosing = true
      index += 2
    }
    while index < lineEnd {
      let byte = buffer[index]
      guard byte == 0x20 || byte == 0x09 || byte == 0x0D else { return nil }
      index += 1
    }
    return isClosing
  }

  /// The end of a part's content: the line break before the next delimiter belongs to it.
  private static func contentEnd(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ delimiter: Int) -> Int {
    var end = delimiter
    if end > start && buffer[end - 1] == 0x0A { end -= 1 }
    if end > start && buffer[end - 1] == 0x0D { end -= 1 }
    return end
  }

  /// A boundary guessed from the first `--` line of a body whose Content-Type names none.
  static func guessBoundary(_ bytes: [UInt8], _ range: Range<Int>) -> [UInt8]? {
    var lineStart = range.lowerBound
    var lines = 0
    while lineStart < range.upperBound && lines < 200 {
      let lineEnd = EmailBytes.lineEnd(bytes, from: lineStart, end: range.upperBound)
      let trimmed = EmailBytes.trimmed(bytes, lineStart..<lineEnd)
      if trimmed.count > 3, trimmed.lowerBound == lineStart, bytes[lineStart] == 0x2D, bytes[lineStart + 1] == 0x2D {
        return Array(bytes[(lineStart + 2)..<trimmed.upperBound])
      }
      lineStart = lineEnd + 1
      lines += 1
    }
    return nil
  }
}
