/// What identifies a finding across edits of its file: the rule, the text it covers
/// (normalized), and how many identical findings come before it. Not the line: a finding
/// that moves because lines were added above it keeps its key.
public struct FindingKey: Sendable, Hashable {
  public var rule: String
  /// The excerpt, normalized by `normalize`.
  public var text: String
  public var occurrence: Int

  public init(rule: String, text: String, occurrence: Int) {
    self.rule = rule
    self.text = text
    self.occurrence = occurrence
  }

  /// Lowercased, curly quotes and apostrophes made straight, runs of white space made one
  /// space, trimmed: re-wrapping a line or retyping an apostrophe keeps the key.
  public static func normalize(_ text: String) -> String {
    // Every finding of every report gets a key: ASCII excerpts (most) are lowercased and
    // their spaces collapsed byte by byte; the others go the Unicode way below.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var pendingSpace = false
    for byte in text.utf8 {
      if byte >= 0x80 { return normalizeUnicode(text) }
      if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
        pendingSpace = !bytes.isEmpty
        continue
      }
      if pendingSpace { bytes.append(0x20) }
      pendingSpace = false
      bytes.append(byte &- 0x41 < 26 ? byte | 0x20 : byte)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func normalizeUnicode(_ text: String) -> String {
    var out = ""
    var pendingSpace = false
    for scalar in text.lowercased().unicodeScalars {
      switch scalar {
      case " ", "\t", "\n", "\r", "\u{A0}", "\u{202F}":
        pendingSpace = !out.isEmpty
        continue
      default:
        if pendingSpace { out += " " }
        out.unicodeScalars.append(FindingKey.straight[scalar] ?? scalar)
      }
      pendingSpace = false
    }
    return out
  }

  static let straight: [Unicode.Scalar: Unicode.Scalar] = [
    "\u{2018}": "'", "\u{2019}": "'", "\u{02BC}": "'", "\u{201C}": "\"", "\u{201D}": "\"",
  ]

  /// A stable fingerprint of the key (SARIF `partialFingerprints`): FNV-1a, 64 bits, in
  /// hex, over `rule`, `text` and `occurrence` separated by NUL bytes.
  public var fingerprint: String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in Array(rule.utf8) + [0] + Array(text.utf8) + [0] + Array(String(occurrence).utf8) {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
