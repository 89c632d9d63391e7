import LibreFormats

#if canImport(Glibc)
  import Glibc
#endif

/// Standard output or a `--output` file, written through a buffer: thousands of small
/// records become a few large writes.
///
/// A file is written to a temporary file in its folder and renamed over the target by
/// `close()`, so a failed or interrupted run leaves the previous file intact (SIGINT and
/// SIGTERM remove the temporary file: `TemporaryFiles`). A target that is not a regular file
/// (`/dev/full`, a pipe, a symbolic link) is written in place. Every write is checked: the
/// first failure stops the writing and `close()` throws it.
final class OutputFile {
  private let descriptor: Int32
  private let owned: Bool
  /// The path as the user gave it, for messages.
  private let path: String
  /// The temporary file renamed over `path` on success, and its signal-cleanup slot.
  private let temporary: String?
  private let slot: Int?
  private var buffer: [UInt8] = []
  private var closed = false
  /// The `errno` of the first failed write (0: none).
  private(set) var failure: Int32 = 0
  /// Flush once this many bytes are waiting.
  private static let flushSize = 1 << 16

  /// Whether writing failed (or standard output lost its reader): the rest is not written.
  var failed: Bool { failure != 0 || (!owned && (Output.standardOutputClosed || Output.standardOutputError != 0)) }

  /// Standard output, or the file at `path` (replaced when the run's writing succeeds).
  init(path: String?) throws(InputError) {
    guard let path else {
      descriptor = 1
      owned = false
      self.path = OutputFile.standardOutputName
      temporary = nil
      slot = nil
      return
    }
    self.path = path
    owned = true
    var status = stat()
    let exists = lstat(path, &status) == 0
    // A file the user may not write stays refused, as opening it would be (the rename
    // below would otherwise replace it).
    if exists && access(path, W_OK) != 0 { throw OutputFile.cannotWrite(path, errno) }
    if !exists || status.st_mode & S_IFMT == S_IFREG {
      var template = Array(OutputFile.temporaryTemplate(for: path).utf8CString)
      let opened = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
      if opened >= 0 {
        _ = fcntl(opened, F_SETFD, FD_CLOEXEC)
        let name = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // mkstemp makes the file 0600; a report gets what `open` would have given it.
        let mode = exists ? status.st_mode & 0o7777 : 0o666 & ~OutputFile.umaskValue
        fchmod(opened, mode)
        // The replaced file keeps its owner where the user may give it (root may).
        if exists { _ = fchown(opened, status.st_uid, status.st_gid) }
        descriptor = opened
        temporary = name
        slot = TemporaryFiles.register(name)
        return
      }
      // A folder that takes no new file may still hold a file that can be written.
      guard exists else { throw OutputFile.cannotWrite(path, errno) }
    }
    descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else { throw OutputFile.cannotWrite(path, errno) }
    temporary = nil
    slot = nil
  }

  /// The file at `path`, written after what it holds (created when missing).
  init(appendingTo path: String) throws(InputError) {
    descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else { throw OutputFile.cannotWrite(path, errno) }
    self.path = path
    owned = true
    temporary = nil
    slot = nil
  }

  func write(_ text: String) {
    guard !failed else { return }
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= OutputFile.flushSize { flush() }
  }

  /// Writes UTF-8 bytes (the records the formats render as bytes).
  func write(bytes: [UInt8]) {
    guard !failed else { return }
    buffer.append(contentsOf: bytes)
    if buffer.count >= OutputFile.flushSize { flush() }
  }

  func flush() {
    guard !buffer.isEmpty else { return }
    if !failed {
      let result = buffer.withUnsafeBufferPointer { Output.write(bytes: $0, to: descriptor) }
      if owned { failure = result }
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes and closes the file, then renames it into place; throws the first failure
  /// (the temporary file is then removed, the previous file left as it was). Standard
  /// output stays open; its failures are reported by `main`.
  func close() throws(InputError) {
    flush()
    guard owned && !closed else { return }
    closed = true
    if Glibc.close(descriptor) != 0 && failure == 0 { failure = errno }
    if let temporary {
      if failure == 0 && rename(temporary, path) != 0 { failure = errno }
      if failure != 0 { unlink(temporary) }
      TemporaryFiles.unregister(slot)
    }
    if failure != 0 { throw OutputFile.cannotWrite(path, failure) }
  }

  /// Closes the file after another error, removing its temporary file; never throws.
  func abandon() {
    if failure == 0 { failure = ECANCELED }
    try? close()
  }

  /// Writes `text` to a new file at `path` in one go (replacing it only when all is written).
  static func write(_ text: String, to path: String) throws(InputError) {
    let file = try OutputFile(path: path)
    file.write(text)
    try file.close()
  }

  static let standardOutputName = "standard output"

  static func cannotWrite(_ path: String, _ code: Int32) -> InputError {
    InputError(path: path, message: "cannot write: \(String(cString: strerror(code)))")
  }

  /// `.NAME.libre-XXXXXX` beside `path`, so the rename stays on one file system.
  static func temporaryTemplate(for path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return ".\(path).libre-XXXXXX" }
    return String(path[...slash]) + "." + String(path[path.index(after: slash)...]) + ".libre-XXXXXX"
  }

  /// The process's file-creation mask (read by setting it and putting it back).
  static let umaskValue: mode_t = {
    let mask = umask(0o022)
    umask(mask)
    return mask
  }()
}

/// Reads a file descriptor line by line in large chunks (`--stdin-jsonl`, `--files-from`):
/// the input is never held whole, whatever its size.
struct LineReader {
  private let descriptor: Int32
  private var buffer: [UInt8] = []
  private var start = 0
  /// Where the search for the next LF resumes: the bytes before it hold none. Without it a
  /// long line was searched again from its start after each 64 KB read (a 54 MB line: 10 s).
  private var searched = 0
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
      if let newline = buffer[max(start, searched)...].firstIndex(of: 0x0A) {
        var end = newline
        if end > start && buffer[end - 1] == 0x0D { end -= 1 }
        lineNumber += 1
        defer {
          start = newline + 1
          searched = start
        }
        guard end - start <= maximum else { return tooLong() }
        return Array(buffer[start..<end])
      }
      searched = buffer.count
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
        searched = 0
        skipToLineEnd()
        return tooLong()
      }
      buffer.removeFirst(start)
      searched -= start
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
