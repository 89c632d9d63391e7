/// Rewrites a string scalar by scalar. Every output format escapes this way (JSON, XML,
/// HTML, Markdown, GitHub workflow commands); each one is only its replacement table.
enum ScalarEscaping {
  /// `text` with every scalar for which `replacement` gives a string replaced by that
  /// string (an empty one drops the scalar); the others are kept as they are.
  ///
  /// Reports are mostly text that needs no escape, and appending scalar by scalar to a
  /// `String` cost more than the whole lint in `analyze --format jsonl`; so unchanged runs
  /// are copied as byte ranges of the string's UTF-8.
  @inline(__always)
  static func escape(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
    var out: [UInt8] = []
    var copy = text
    // Offsets in UTF-8 bytes: the text between replacements is copied as byte runs.
    var runStart = 0
    var offset = 0
    copy.withUTF8 { bytes in
      for scalar in text.unicodeScalars {
        let width = UTF8.width(scalar)
        if let replaced = replacement(scalar) {
          if out.isEmpty { out.reserveCapacity(bytes.count + 16) }
          out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<offset]))
          out.append(contentsOf: replaced.utf8)
          runStart = offset + width
        }
        offset += width
      }
      if runStart > 0 { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count])) }
    }
    // Nothing replaced: the text is its own escape.
    return runStart == 0 ? text : String(decoding: out, as: UTF8.self)
  }
}
