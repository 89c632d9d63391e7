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
  /// The bytes of the file at `path`, or `-` for standard input.
  public static func read(_ path: String) throws(InputError) -> [UInt8] {
    if path == "-" { return try readAll(descriptor: 0, path: "<stdin>", sizeHint: 1 << 16) }
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw InputError(path: path, message: "cannot open: \(errorText())") }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw InputError(path: path, message: "cannot stat: \(errorText())") }
    if (info.st_mode & S_IFMT) == S_IFDIR { throw InputError(path: path, message: "is a directory") }
    return try readAll(descriptor: descriptor, path: path, sizeHint: max(Int(info.st_size), 4096))
  }

  private static func readAll(descriptor: Int32, path: String, sizeHint: Int) throws(InputError) -> [UInt8] {
    var bytes = [UInt8]()
    bytes.reserveCapacity(sizeHint + 1)
    var chunk = [UInt8](repeating: 0, count: min(max(sizeHint, 4096), 1 << 24))
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw InputError(path: path, message: "cannot read: \(errorText())")
      }
      if count == 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
    }
    return bytes
  }

  static func errorText() -> String { String(cString: strerror(errno)) }
}
