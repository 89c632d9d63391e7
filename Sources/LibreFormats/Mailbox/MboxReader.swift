#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One message of an mbox, as `MboxReader` hands it over.
public struct MboxMessage: Sendable {
  /// Its 1-based place in the file (the `N` of `FILE#N`).
  public var number: Int
  /// The line of the file its `From ` separator is on; the message's own line 1 is the next.
  public var separatorLine: Int
  /// The RFC 5322 message (without the separator line, nor the blank line that ends it),
  /// escaped `>From ` lines unescaped; empty when the message is over the size limit.
  public var bytes: [UInt8]
  /// The message's size when it is over the maximum input size (its bytes were not kept).
  public var oversize: Int?
}

/// Reads an mbox (RFC 4155: mboxo, mboxrd, and mboxcl's `Content-Length`) one message at a
/// time, from a file descriptor, with memory bounded by the largest message kept (at most
/// the maximum input size) plus the read buffer: a mailbox of any size is read with flat
/// memory.
///
/// A message starts at a `From ` separator line (see `MboxSeparator`) at the start of the
/// file or after a blank line, and ends at the blank line before the next one. Body lines
/// that mboxo and mboxrd escaped (`>From `, `>>From `) lose their first `>`. A
/// `Content-Length` header is honoured when it lands where the message ends (the end of
/// the file, or a separator line, with or without the blank line); otherwise it is ignored,
/// as mail readers do, since such fields are often stale.
public final class MboxReader {
  public let path: String
  private let descriptor: Int32
  private let ownsDescriptor: Bool
  private let maximumMessageBytes: Int
  private var buffer: [UInt8] = []
  private var position = 0
  private var atEnd = false
  /// Lines read so far.
  private var lineNumber = 0
  private var messages = 0
  /// The message being read: its number, separator line, bytes and size.
  private var current: MboxMessage?
  private var currentSize = 0
  /// The byte count of the blank line that ended `current` so far (0 if its last line was
  /// not blank): dropped when a separator follows.
  private var trailingBlank = 0
  private var inHeaders = false
  private var contentLength: Int?
  /// The last line of text (other than blank lines) before the first separator; 0 when
  /// the file starts with one. Such text belongs to no message.
  public private(set) var preambleLines = 0
  /// Whether the reader is between lines (a line longer than the buffer is read in pieces).
  private var atLineStart = true

  /// How much is read at a time.
  static let chunkBytes = 1 << 20

  /// Opens the mbox at `path`; messages over `maximumMessageBytes` are reported by size.
  public init(path: String, maximumMessageBytes: Int) throws(InputError) {
    self.path = path
    self.maximumMessageBytes = maximumMessageBytes
    descriptor = open(path, O_RDONLY | O_CLOEXEC)
    ownsDescriptor = true
    guard descriptor >= 0 else { throw InputError(path: path, message: "cannot open: \(FileReader.errorText())") }
  }

  /// Reads the mbox from an open descriptor (left open), shown as `path`.
  public init(descriptor: Int32, path: String, maximumMessageBytes: Int) {
    self.path = path
    self.descriptor = descriptor
    self.maximumMessageBytes = maximumMessageBytes
    ownsDescriptor = false
  }

  deinit { if ownsDescriptor { close(descriptor) } }

  /// The next message, nil at the end of the file.
  public func next() throws(InputError) -> MboxMessage? {
    while let line = try nextLine() {
      let isLineStart = line.isStart
      let range = line.range
      let content = contentRange(range)
      let blank = isLineStart && content.isEmpty && line.hasBreak
      if isLineStart && (current == nil || trailingBlank > 0 || line.afterContentLength)
        && MboxSeparator.isSeparator(buffer[content])
      {
        let finished = finishCurrent()
        messages += 1
        current = MboxMessage(number: messages, separatorLine: lineNumber, bytes: [], oversize: nil)
        currentSize = 0
        trailingBlank = 0
        inHeaders = true
        contentLength = nil
        if let finished { return finished }
        continue
      }
      if current == nil {
        if !blank { preambleLines = lineNumber }
        continue
      }
      if inHeaders && isLineStart {
        if blank {
          inHeaders = false
          append(range, escaped: false)
          // A separator right after the header block ends a message without a body.
          trailingBlank = range.count
          try takeContentLength()
          continue
        }
        if let length = MboxReader.contentLengthValue(buffer[content]) { contentLength = length }
      }
      let escaped = isLineStart && MboxSeparator.isEscapedFrom(buffer[content])
      append(range, escaped: escaped)
      trailingBlank = blank ? range.count : 0
    }
    return finishCurrent()
  }

  /// The message read so far, ended; nil when there is none.
  private func finishCurrent() -> MboxMessage? {
    guard var message = current else { return nil }
    current = nil
    if message.oversize != nil {
      message.oversize = currentSize - trailingBlank
    } else if trailingBlank > 0 {
      message.bytes.removeLast(trailingBlank)
    }
    trailingBlank = 0
    return message
  }

  private func append(_ range: Range<Int>, escaped: Bool) {
    let bytes = escaped ? range.dropFirst() : range[...]
    currentSize += bytes.count
    guard current?.oversize == nil else { return }
    if currentSize > maximumMessageBytes {
      current?.oversize = currentSize
      current?.bytes = []
      return
    }
    current?.bytes.append(contentsOf: buffer[bytes])
  }

  /// After a header block with `Content-Length: N`: takes the body's N bytes whole when
  /// they end where a message may end.
  private func takeContentLength() throws(InputError) {
    guard let length = contentLength, length >= 0, length <= maximumMessageBytes else { return }
    // The body and enough after it to see the next separator line.
    while buffer.count - position < length + 1024 && !atEnd { try fill() }
    let end = position + length
    guard end <= buffer.count else { return }
    guard end == buffer.count || followsAsSeparator(end) else { return }
    let body = position..<end
    append(body, escaped: false)
    var newlines = 0
    for byte in buffer[body] where byte == 0x0A { newlines += 1 }
    lineNumber += newlines
    position = end
    trailingBlank = 0
    atLineStart = length == 0 || buffer[end - 1] == 0x0A
    bodyTakenWhole = true
  }

  /// Whether a separator line starts at `offset`, or after one blank line there.
  private func followsAsSeparator(_ offset: Int) -> Bool {
    guard offset == 0 || buffer[offset - 1] == 0x0A else { return false }
    var start = offset
    if buffer[start] == 0x0A {
      start += 1
    } else if buffer[start] == 0x0D, start + 1 < buffer.count, buffer[start + 1] == 0x0A {
      start += 2
    }
    var end = start
    while end < buffer.count, buffer[end] != 0x0A { end += 1 }
    return MboxSeparator.isSeparator(buffer[contentRange(start..<end)])
  }

  /// Set when a body was taken by its `Content-Length`: the next line may be a separator
  /// without a blank line before it.
  private var bodyTakenWhole = false

  private struct Line {
    var range: Range<Int>
    var isStart: Bool
    var hasBreak: Bool
    var afterContentLength: Bool
  }

  /// The next line (with its line break) in `buffer`, valid until the next call. A line
  /// longer than the message limit comes in pieces, only the first marked as a line start.
  private func nextLine() throws(InputError) -> Line? {
    while true {
      let found: Int? = buffer.withUnsafeBufferPointer { pointer in
        guard position < pointer.count, let base = pointer.baseAddress else { return nil }
        guard let hit = memchr(base + position, 0x0A, pointer.count - position) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
      }
      let afterContentLength = bodyTakenWhole
      if let found {
        let line = Line(
          range: position..<(found + 1), isStart: atLineStart, hasBreak: true, afterContentLength: afterContentLength)
        position = found + 1
        lineNumber += 1
        atLineStart = true
        bodyTakenWhole = false
        return line
      }
      let waiting = buffer.count - position
      if atEnd || waiting > max(maximumMessageBytes, MboxReader.chunkBytes) {
        guard waiting > 0 else { return nil }
        // The end of the file without a line break, or a piece of a very long line.
        let line = Line(
          range: position..<buffer.count, isStart: atLineStart, hasBreak: false,
          afterContentLength: afterContentLength)
        if atEnd { lineNumber += 1 }
        atLineStart = false
        position = buffer.count
        bodyTakenWhole = false
        return line
      }
      try fill()
    }
  }

  /// Drops what was read and reads the next chunk.
  private func fill() throws(InputError) {
    if position > 0 {
      buffer.removeFirst(position)
      position = 0
    }
    let start = buffer.count
    buffer.append(contentsOf: repeatElement(0, count: MboxReader.chunkBytes))
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + start, MboxReader.chunkBytes) }
      if count < 0 && errno == EINTR { continue }
      if count < 0 {
        buffer.removeLast(MboxReader.chunkBytes)
        throw InputError(path: path, line: lineNumber + 1, message: "cannot read: \(FileReader.errorText())")
      }
      buffer.removeLast(MboxReader.chunkBytes - count)
      if count == 0 { atEnd = true }
      return
    }
  }

  /// `range` without its line break (LF or CRLF).
  private func contentRange(_ range: Range<Int>) -> Range<Int> {
    var end = range.upperBound
    if end > range.lowerBound, buffer[end - 1] == 0x0A { end -= 1 }
    if end > range.lowerBound, buffer[end - 1] == 0x0D { end -= 1 }
    return range.lowerBound..<end
  }

  /// The value of a `Content-Length:` header line, nil for any other line.
  static func contentLengthValue(_ line: ArraySlice<UInt8>) -> Int? {
    let name = Array("content-length:".utf8)
    guard line.count > name.count else { return nil }
    for (offset, expected) in name.enumerated() where line[line.startIndex + offset] | 0x20 != expected | 0x20 {
      return nil
    }
    let digits = line.dropFirst(name.count).filter { $0 != 0x20 && $0 != 0x09 }
    guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
  }
}
