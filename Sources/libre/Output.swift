import LibreFormats

#if canImport(Glibc)
  import Glibc
#endif

/// Writing to the terminal, and whether it is one.
enum Output {
  static func standard(_ text: String) { write(text, to: 1) }

  /// Each line of `message` is its own error line, so every one carries the prefix.
  static func error(_ message: String) {
    for line in message.split(separator: "\n", omittingEmptySubsequences: true) {
      write("libre: error: \(TerminalText.escape(String(line)))\n", to: 2)
    }
  }

  /// Warnings and notes name paths and quote documents: their control characters are
  /// shown as control pictures, as errors' are.
  static func warning(_ message: String) {
    if !quiet { write("libre: warning: \(TerminalText.escape(message))\n", to: 2) }
  }

  static func note(_ message: String) {
    if !quiet { write("libre: \(TerminalText.escape(message))\n", to: 2) }
  }

  /// Why a document fails the gates: written even with `--quiet`, as errors are, since it
  /// explains the exit code.
  static func gate(_ message: String) { write("libre: \(TerminalText.escape(message))\n", to: 2) }

  /// `-q, --quiet`: warnings and notes are not written (errors always are).
  nonisolated(unsafe) static var quiet = false

  /// The first error met writing standard output, other than a closed pipe (0: none);
  /// `main` reports it and exits 2, so a report lost on a full disk never passes for written.
  nonisolated(unsafe) static var standardOutputError: Int32 = 0
  /// Whether standard output was closed by its reader: the rest of a run has no reader.
  nonisolated(unsafe) static var standardOutputClosed = false

  /// Writes all of `text`, retrying short writes.
  static func write(_ text: String, to descriptor: Int32) {
    var text = text
    text.withUTF8 { _ = write(bytes: $0, to: descriptor) }
  }

  /// Writes all of `bytes`, retrying short writes; returns 0 or the `errno` of the failure.
  /// On standard output a closed pipe ends quietly and any other failure is kept for `main`.
  @discardableResult
  static func write(bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Int32 {
    var offset = 0
    while offset < bytes.count {
      let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
      if written < 0 && errno == EINTR { continue }
      if written <= 0 {
        let failure = written < 0 ? errno : ENOSPC
        if descriptor == 1 {
          if failure == EPIPE {
            standardOutputClosed = true
          } else if standardOutputError == 0 {
            standardOutputError = failure
          }
        }
        return failure
      }
      offset += written
    }
    return 0
  }

  /// Whether to color standard output: `always` and `never` decide; `auto` colors a
  /// terminal unless `NO_COLOR` is set or `TERM` is `dumb`, and colors anything when
  /// `FORCE_COLOR` is set (and not `0`).
  static func wantsColor(_ choice: ColorChoice) -> Bool {
    switch choice {
    case .always: return true
    case .never: return false
    case .auto:
      if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
      if let force = getenv("FORCE_COLOR"), force.pointee != 0, String(cString: force) != "0" { return true }
      if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
      return isatty(1) == 1
    }
  }
}
