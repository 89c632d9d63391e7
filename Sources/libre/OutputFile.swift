import LibreFormats

#if canImport(Glibc)
  import Glibc
#endif

/// Standard output or a `--output` file, written through a buffer: thousands of small
/// records become a few large writes.
final class OutputFile {
  private let descriptor: Int32
  private let owned: Bool
  private var buffer: [UInt8] = []
  /// Flush once this many bytes are waiting.
  private static let flushSize = 1 << 16

  /// Standard output, or the file at `path` (created or truncated).
  init(path: String?) throws(InputError) {
    guard let path else {
      descriptor = 1
      owned = false
      return
    }
    descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw InputError(path: path, message: "cannot write: \(String(cString: strerror(errno)))")
    }
    owned = true
  }

  /// The file at `path`, written after what it holds (created when missing).
  init(appendingTo path: String) throws(InputError) {
    descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw InputError(path: path, message: "cannot write: \(String(cString: strerror(errno)))")
    }
    owned = true
  }

  func write(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= OutputFile.flushSize { flush() }
  }

  /// Writes UTF-8 bytes (the records the formats render as bytes).
  func write(bytes: [UInt8]) {
    buffer.append(contentsOf: bytes)
    if buffer.count >= OutputFile.flushSize { flush() }
  }

  func flush() {
    guard !buffer.isEmpty else { return }
    buffer.withUnsafeBufferPointer { Output.write(bytes: $0, to: descriptor) }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes and closes the file (standard output stays open).
  func close() {
    flush()
    if owned { _ = Glibc.close(descriptor) }
  }

  /// Writes `text` to a new file at `path` in one go.
  static func write(_ text: String, to path: String) throws(InputError) {
    let file = try OutputFile(path: path)
    file.write(text)
    file.close()
  }
}

/// Reads a file descriptor line by line in large chunks (`--stdin-jsonl`, `--files-from`):
/// the input is never held whole, whatever its size.
struct LineReader {
  private let descriptor: Int32
  private var buffer: [UInt8] = []
  private var start = 0
  private var atEnd = false
  /// The number of the last line returned (1-based).
  private(set) var lineNumber = 0
  /// The longest line kept, in bytes; a longer one is read past, not kept.
  private let maximum: Int
  /// Whether the last line returned was longer than `maximum` (it is returned empty).
  private(set) var lastLineTooLong = false

  init(descriptor: Int32, maximum: Int = .max) {
    self.descriptor = descriptor
    self.maximum = maximum
  }

  /// The next line without its LF (or CRLF), or nil at the end of the input. A line longer
  /// than `maximum` comes back empty with `lastLineTooLong` set, its bytes dropped as they
  /// are read, so memory stays bounded whatever the line.
  mutating func next() -> [UInt8]? {
    lastLineTooLong = false
    while true {
      if let newline = buffer[start...].firstIndex(of: 0x0A) {
        var end = newline
        if end > start && buffer[end - 1] == 0x0D { end -= 1 }
        lineNumber += 1
        defer { start = newline + 1 }
        guard end - start <= maximum else { return tooLong() }
        return Array(buffer[start..<end])
      }
      if atEnd {
        guard start < buffer.count else { return nil }
        lineNumber += 1
        defer { start = buffer.count }
        guard buffer.count - start <= maximum else { return tooLong() }
        return Array(buffer[start...])
      }
      if buffer.count - start > maximum {
        // Already too long and not ended: drop it as it comes.
        lineNumber += 1
        buffer.removeAll(keepingCapacity: true)
        start = 0
        skipToLineEnd()
        return tooLong()
      }
      buffer.removeFirst(start)
      start = 0
      readChunk()
    }
  }

  private mutating func tooLong() -> [UInt8] {
    lastLineTooLong = true
    return []
  }

  /// Reads and drops bytes up to the next LF, keeping what follows it.
  private mutating func skipToLineEnd() {
    while true {
      if let newline = buffer.firstIndex(of: 0x0A) {
        buffer.removeFirst(newline + 1)
        return
      }
      buffer.removeAll(keepingCapacity: true)
      if atEnd { return }
      readChunk()
    }
  }

  private mutating func readChunk() {
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 {
        atEnd = true
      } else {
        buffer.append(contentsOf: chunk[0..<count])
      }
      return
    }
  }
}
