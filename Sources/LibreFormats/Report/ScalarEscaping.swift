/// Rewrites a string scalar by scalar. Every output format escapes this way (JSON, XML,
/// HTML, Markdown, GitHub workflow commands); each one is only its replacement table.
enum ScalarEscaping {
  /// `text` with every scalar for which `replacement` gives a string replaced by that
  /// string (an empty one drops the scalar); the others are kept as they are.
  @inline(__always)
  static func escape(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      if let replaced = replacement(scalar) {
        out += replaced
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
