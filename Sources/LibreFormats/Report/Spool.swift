#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A part of a report written before the part that must precede it can be (SARIF's rules
/// come before its results, JUnit's totals before its test cases): kept in an unlinked
/// temporary file, not in memory, then copied out in order. Memory stays at one buffer
/// whatever the number of documents.
final class Spool {
  private var descriptor: Int32 = -1
  private var buffer: [UInt8] = []
  /// Whether anything was written.
  private(set) var isEmpty = true
  private static let flushSize = 1 << 16
  /// The first failed write (a full disk), reported when the spool is drained.
  private var writeError: InputError?

  /// The file is made on the first write, in `$TMPDIR` (else `/tmp`).
  init() {}

  deinit { if descriptor >= 0 { close(descriptor) } }

  func write(_ text: String) {
    guard !text.isEmpty else { return }
    isEmpty = false
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= Spool.flushSize { flush() }
  }

  /// Writes everything spooled to `output`, in chunks, and empties the spool.
  func drain(into output: (String) -> Void) throws(InputError) {
    guard descriptor >= 0 else {
      if !buffer.isEmpty { output(String(decoding: buffer, as: UTF8.self)) }
      buffer = []
      return
    }
    flush()
    if let writeError { throw writeError }
    guard lseek(descriptor, 0, SEEK_SET) == 0 else { throw failure("cannot read back") }
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    var pending: [UInt8] = []
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count < 0 { throw failure("cannot read back") }
      if count == 0 { break }
      pending.append(contentsOf: chunk[0..<count])
      let cut = Spool.completeScalars(pending)
      output(String(decoding: pending[0..<cut], as: UTF8.self))
      pending.removeFirst(cut)
    }
    if !pending.isEmpty { output(String(decoding: pending, as: UTF8.self)) }
    close(descriptor)
    descriptor = -1
  }

  /// How many leading bytes of `bytes` hold whole UTF-8 scalars: a chunk read back may end
  /// inside one, whose rest comes with the next chunk.
  static func completeScalars(_ bytes: [UInt8]) -> Int {
    var lead = bytes.count
    while lead > 0, bytes.count - lead < 4 {
      lead -= 1
      if bytes[lead] & 0xC0 != 0x80 { break }
    }
    guard lead < bytes.count else { return bytes.count }
    let byte = bytes[lead]
    let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
    return lead + length <= bytes.count ? bytes.count : lead
  }

  private func flush() {
    guard !buffer.isEmpty else { return }
    if descriptor < 0 {
      let folder = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
      var template = Array((folder + "/libre-report.XXXXXX").utf8CString)
      descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
      if descriptor >= 0 {
        // Unlinked at once: the file goes away with the process, whatever ends it.
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
      } else {
        // No temporary folder to write to: keep the part in memory rather than lose it.
        return
      }
    }
    buffer.withUnsafeBytes { raw in
      var offset = 0
      while offset < raw.count {
        let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
        if written < 0 && errno == EINTR { continue }
        if written <= 0 {
          writeError = writeError ?? failure("cannot write")
          return
        }
        offset += written
      }
    }
    buffer = []
  }

  private func failure(_ what: String) -> InputError {
    InputError(path: "<temporary report file>", message: "\(what): \(String(cString: strerror(errno)))")
  }
}
