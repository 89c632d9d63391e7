/// Rewrites a string scalar by scalar. Every output format escapes this way (JSON, XML,
/// HTML, Markdown, GitHub workflow commands); each one is only its replacement table.
enum ScalarEscaping {
  /// `text` with every scalar for which `replacement` gives a string replaced by that
  /// string (an empty one drops the scalar); the others are kept as they are.
  ///
  /// Reports are mostly text that needs no escape, and appending scalar by scalar to a
  /// `String` cost more than the whole lint in `analyze --format jsonl`; so the scalars are
  /// decoded from the UTF-8 bytes here, and unchanged runs are copied as byte ranges.
  @inline(__always)
  static func escape(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
    var copy = text
    return copy.withUTF8 { bytes in
      var out: [UInt8] = []
      var runStart = 0
      var index = 0
      let count = bytes.count
      while index < count {
        let (scalar, length) = decodeScalar(bytes, at: index)
        if let replaced = replacement(scalar) {
          if out.isEmpty { out.reserveCapacity(count + 16) }
          out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
          out.append(contentsOf: replaced.utf8)
          runStart = index + length
        }
        index += length
      }
      // Nothing replaced: the text is its own escape.
      if runStart == 0 { return text }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
      return String(decoding: out, as: UTF8.self)
    }
  }

  /// The scalar starting at `index` of valid UTF-8 (a Swift string's storage) and its length.
  @inline(__always)
  static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
    let lead = UInt32(bytes[index])
    if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
    let value: UInt32
    let length: Int
    if lead < 0xE0 {
      value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
      length = 2
    } else if lead < 0xF0 {
      value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
      length = 3
    } else {
      value =
        (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
        | UInt32(bytes[index + 3] & 0x3F)
      length = 4
    }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
  }
}
