#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why an input could not be read.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
  public var path: String
  public var line: Int?
  public var message: String

  public init(path: String, line: Int? = nil, message: String) {
    self.path = path
    self.line = line
    self.message = message
  }

  /// `FILE:LINE: message` (or `FILE: message`), as printed after `libre: error: `.
  public var description: String {
    if let line { return "\(path):\(line): \(message)" }
    return "\(path): \(message)"
  }
}

/// Reads whole files into bytes with `read(2)`: no `String`, no Foundation, one copy.
public enum FileReader {
  /// The extension of `path`'s file name, lowercased; "" when it has none (or only a
  /// leading dot: `.vtt` is a hidden file, not an extension). The one reading of it that
  /// loaders, mailbox sniffing and walks share.
  public static func fileExtension(_ path: String) -> String {
    // Bytes from the end: a batch asks this of every file, and the path can be long.
    var utf8 = Array(path.utf8)
    var dot = -1
    var index = utf8.count - 1
    while index >= 0 && utf8[index] != UInt8(ascii: "/") {
      if utf8[index] == UInt8(ascii: "."), dot < 0 { dot = index }
      index -= 1
    }
    // No dot, or a name that starts with its only dot (`.vtt` is a hidden file, not an extension).
    guard dot > index + 1 else { return "" }
    for position in (dot + 1)..<utf8.count where (0x41...0x5A).contains(utf8[position]) { utf8[position] |= 0x20 }
    return String(decoding: utf8[(dot + 1)...], as: UTF8.self)
  }

  /// The line of the first NUL byte in the first 64 KiB, if any (WebVTT, which allows NUL,
  /// does not ask).
  static func binaryLine(_ bytes: [UInt8]) -> Int? {
    guard let nul = bytes.prefix(1 << 16).firstIndex(of: 0) else { return nil }
    return bytes[..<nul].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
  }

  /// The bytes of the file at `path`, or `-` for standard input. With `limits`, a file
  /// larger than `limits.inputBytes` is refused before it is read, and reading stops with
  /// an error at the first line longer than `limits.lineBytes` (so memory stays bounded
  /// whatever the file); without, everything is read.
  public static func read(_ path: String, limits: InputLimits? = nil) throws(InputError) -> [UInt8] {
    if path == "-" { return try readAll(descriptor: 0, path: "<stdin>", sizeHint: 1 << 16, limits: limits) }
    // Non-blocking open: a named pipe nobody writes to must not hang the run at `open`.
    let descriptor = open(path, O_RDONLY | O_NONBLOCK)
    guard descriptor >= 0 else { throw InputError(path: path, message: "cannot open: \(errorText())") }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw InputError(path: path, message: "cannot stat: \(errorText())") }
    if (info.st_mode & S_IFMT) == S_IFDIR { throw InputError(path: path, message: "is a directory") }
    if (info.st_mode & S_IFMT) == S_IFSOCK { throw InputError(path: path, message: "is a socket, not a file") }
    // Reads block again (a pipe from `<(command)` is read to its end).
    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
    let size = Int(info.st_size)
    if let limits, (info.st_mode & S_IFMT) == S_IFREG, size > limits.inputBytes {
      throw limits.inputTooLarge(path: path, size: size)
    }
    return try readAll(descriptor: descriptor, path: path, sizeHint: max(size, 4096), limits: limits)
  }

  /// The most a settings file may hold: a lexicon, a configuration, a baseline, a partial.
  /// The built-in lexicons are 0.5 MB together; a 48,000-pattern lexicon about 3 MB.
  public static let settingsBytes = 64 << 20

  /// The bytes of a settings file (a lexicon, `.libre.json` or `--config`, a baseline, a
  /// partial for `merge`): a regular file of at most `settingsBytes`, both checked with
  /// `fstat` on the opened file before a byte is read. A device (`/dev/zero`), a pipe or a
  /// socket is refused: it has no size to check and may never end.
  public static func readSettings(_ path: String) throws(InputError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { throw InputError(path: path, message: "cannot open: \(errorText())") }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw InputError(path: path, message: "cannot stat: \(errorText())") }
    let kind = info.st_mode & S_IFMT
    if kind == S_IFDIR { throw InputError(path: path, message: "is a directory") }
    guard kind == S_IFREG else {
      throw InputError(path: path, message: "is \(kindName(kind)), not a regular file; settings are read from files")
    }
    _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
    let size = Int(info.st_size)
    guard size <= settingsBytes else {
      throw InputError(
        path: path,
        message: "\(InputLimits.size(size)) is over the \(InputLimits.size(settingsBytes)) a settings file may hold; "
          + "not read")
    }
    var limits = InputLimits()
    limits.inputBytes = settingsBytes
    limits.lineBytes = settingsBytes
    return try readAll(descriptor: descriptor, path: path, sizeHint: max(size, 4096), limits: limits)
  }

  /// What a file that is not a regular file is, for messages.
  public static func kindName(_ kind: mode_t) -> String {
    switch kind {
    case S_IFIFO: return "a named pipe"
    case S_IFCHR: return "a character device"
    case S_IFBLK: return "a block device"
    case S_IFSOCK: return "a socket"
    default: return "not a regular file"
    }
  }

  private static func readAll(
    descriptor: Int32, path: String, sizeHint: Int, limits: InputLimits?
  ) throws(InputError) -> [UInt8] {
    // Read straight into the result, one byte more than the hint (at most the size limit) so
    // the end of a file whose size was known is found without growing: a separate chunk cost
    // a copy of every input. A pipe starts small and doubles.
    // The buffer is not zeroed first: `read` fills what is kept and the rest is cut off at
    // the end, never read (zeroing cost as many instructions as the rest of reading).
    let capacity = min(max(sizeHint, 4096), limits?.inputBytes ?? Int.max) + 1
    var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { _, initialized in initialized = capacity }
    var length = 0
    var lines = limits.map { LineScan(limit: $0.lineBytes) }
    // Bytes already given to the line scan. No line is longer than all that was read, so
    // the scan waits until the input outgrows the line limit (most files never do), then
    // catches up from the start: the same error, on the same line, after the same read.
    var scanned = 0
    while true {
      if length == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
      let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + length, $0.count - length) }
      if count < 0 {
        if errno == EINTR { continue }
        throw InputError(path: path, message: "cannot read: \(errorText())")
      }
      if count == 0 { break }
      if let limits {
        // A pipe, or a file that grew since `fstat`: the limit holds whatever the source.
        // A line too long within the limit is reported first, as reads of any size show it.
        let end = min(length + count, limits.inputBytes)
        if length + count > limits.lineBytes && end > scanned {
          let unscanned = scanned..<end
          if let line = bytes.withUnsafeBufferPointer({ lines?.feed(UnsafeBufferPointer(rebasing: $0[unscanned])) }) {
            throw limits.lineTooLong(path: path, line: line)
          }
          scanned = end
        }
        if length + count > limits.inputBytes {
          throw limits.inputTooLarge(path: path, size: limits.inputBytes, atLeast: true)
        }
      }
      length += count
    }
    bytes.removeLast(bytes.count - length)
    return bytes
  }

  static func errorText() -> String { String(cString: strerror(errno)) }
}
