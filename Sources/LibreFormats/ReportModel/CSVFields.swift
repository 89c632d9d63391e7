/// RFC 4180 fields and records, shared by `libre lint --format csv` and `libre analyze`'s
/// CSV records.
public enum CSVFields {
  /// One record: the fields quoted where RFC 4180 requires, joined by commas, ended by CRLF.
  public static func row(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",") + "\r\n"
  }

  /// A field, quoted (quotes doubled) when it holds a comma, a quote, CR or LF. A field that
  /// a spreadsheet would take for a formula (it begins with `=`, `+`, `-`, `@`, a tab or CR,
  /// as a path, an id or a group may) gets a `'` before it, as OWASP recommends against CSV
  /// injection; a number such as `-12` stays a number.
  public static func field(_ value: String) -> String {
    let value = isFormulaLike(value) ? "'" + value : value
    let needsQuotes = value.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
    guard needsQuotes else { return value }
    var out = "\""
    for character in value.unicodeScalars {
      if character == "\"" { out += "\"\"" } else { out.unicodeScalars.append(character) }
    }
    return out + "\""
  }

  /// Whether a spreadsheet could read `value` as a formula: it begins with `=`, `+`, `-`,
  /// `@`, a tab or CR, and is not a plain decimal number.
  static func isFormulaLike(_ value: String) -> Bool {
    guard let first = value.utf8.first,
      first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
        || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D
    else { return false }
    return !isPlainNumber(value)
  }

  /// `-12`, `+3.5`: a sign, digits, at most one dot between digits.
  static func isPlainNumber(_ value: String) -> Bool {
    let bytes = Array(value.utf8.dropFirst())
    guard value.utf8.first == UInt8(ascii: "-") || value.utf8.first == UInt8(ascii: "+") else { return false }
    let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    guard parts.count <= 2 else { return false }
    return parts.allSatisfy { part in !part.isEmpty && part.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
  }
}
