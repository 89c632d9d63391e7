#if canImport(Glibc)
  import Glibc
#endif

/// Writing to the terminal, and whether it is one.
enum Output {
  static func standard(_ text: String) { write(text, to: 1) }

  /// Each line of `message` is its own error line, so every one carries the prefix.
  static func error(_ message: String) {
    for line in message.split(separator: "\n", omittingEmptySubsequences: true) {
      write("libre: error: \(line)\n", to: 2)
    }
  }

  static func warning(_ message: String) { write("libre: warning: \(message)\n", to: 2) }

  static func note(_ message: String) { write("libre: \(message)\n", to: 2) }

  /// Writes all of `text`, retrying short writes; a closed pipe ends quietly.
  static func write(_ text: String, to descriptor: Int32) {
    var text = text
    text.withUTF8 { write(bytes: $0, to: descriptor) }
  }

  /// Writes all of `bytes`, retrying short writes; a closed pipe ends quietly.
  static func write(bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
    var offset = 0
    while offset < bytes.count {
      let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
      if written < 0 && errno == EINTR { continue }
      if written <= 0 { return }
      offset += written
    }
  }

  /// Colors on a terminal, unless `NO_COLOR` is set or the user said otherwise.
  static func wantsColor(_ forced: Bool?) -> Bool {
    if let forced { return forced }
    if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
    return isatty(1) == 1
  }
}
