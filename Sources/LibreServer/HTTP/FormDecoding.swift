/// Decodes `application/x-www-form-urlencoded` bodies and query strings, strictly: a `%`
/// not followed by two hex digits, or a value that is not UTF-8 once decoded, is an error
/// (400) rather than a guess.
public enum FormDecoding {
  /// The fields of `bytes`, in order.
  public static func decode(_ bytes: some Collection<UInt8>) throws(HTTPError) -> [(name: String, value: String)] {
    var fields: [(name: String, value: String)] = []
    for pair in bytes.split(separator: UInt8(ascii: "&")) {
      let parts = pair.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
      let name = try decodeComponent(parts[0])
      let value = parts.count > 1 ? try decodeComponent(parts[1]) : ""
      fields.append((name, value))
    }
    return fields
  }

  /// One name or value: `+` is a space, `%XX` a byte.
  static func decodeComponent(_ bytes: some Collection<UInt8>) throws(HTTPError) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var index = bytes.startIndex
    while index != bytes.endIndex {
      let byte = bytes[index]
      if byte == UInt8(ascii: "+") {
        out.append(0x20)
      } else if byte == UInt8(ascii: "%") {
        let high = bytes.index(after: index)
        guard high != bytes.endIndex, bytes.index(after: high) != bytes.endIndex,
          let upper = hexValue(bytes[high]), let lower = hexValue(bytes[bytes.index(after: high)])
        else { throw HTTPError(status: 400, message: FormMessages.badPercent) }
        out.append(upper << 4 | lower)
        index = bytes.index(after: high)
      } else {
        out.append(byte)
      }
      index = bytes.index(after: index)
    }
    guard let text = String(validating: out, as: UTF8.self) else {
      throw HTTPError(status: 400, message: FormMessages.invalidUTF8)
    }
    return text
  }

  static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}

/// The messages of form and body decoding errors.
enum FormMessages {
  static let badPercent = "bad form encoding: '%' must be followed by two hex digits"
  static let invalidUTF8 = "the text is not valid UTF-8"
  static let missingText = "missing 'text' or 'data' parameter"
  static let badData =
    "'data' must be JSON: {\"annotation\": [{\"text\": ...}, {\"markup\": ..., \"interpretAs\": ...}]}"
  static let unsupportedLanguage = "unsupported language; Libre checks en and fr (or auto)"
  static let unsupportedMediaType = "send application/x-www-form-urlencoded"
}
