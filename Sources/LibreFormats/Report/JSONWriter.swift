/// Writes JSON scalars by hand: no Foundation on the report path.
public enum JSONWriter {
  public static func quoted(_ value: String) -> String {
    let escaped = ScalarEscaping.escape(value) { scalar in
      switch scalar {
      case "\"": return "\\\""
      case "\\": return "\\\\"
      case "\n": return "\\n"
      case "\r": return "\\r"
      case "\t": return "\\t"
      case "\u{2028}": return "\\u2028"
      case "\u{2029}": return "\\u2029"
      default:
        guard scalar.value < 0x20 else { return nil }
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      }
    }
    return "\"" + escaped + "\""
  }

  /// A number as JSON: integers without a fraction, others with at most 2 decimals.
  public static func number(_ value: Double) -> String {
    if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
    return String((value * 100).rounded() / 100)
  }
}

/// A JSON value to write, built by reporters.
public indirect enum JSONOutput {
  case object([(String, JSONOutput)])
  case array([JSONOutput])
  case string(String)
  case number(Double)
  case int(Int)
  case bool(Bool)
  case null

  /// Serializes with two-space indentation (`pretty`) or on one line.
  public func serialized(pretty: Bool, indent: Int = 0) -> String {
    let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
    let close = pretty ? String(repeating: "  ", count: indent) : ""
    let newline = pretty ? "\n" : ""
    let colon = pretty ? ": " : ":"
    switch self {
    case .object(let members):
      if members.isEmpty { return "{}" }
      let body = members.map {
        pad + JSONWriter.quoted($0.0) + colon + $0.1.serialized(pretty: pretty, indent: indent + 1)
      }
      return "{" + newline + body.joined(separator: "," + newline) + newline + close + "}"
    case .array(let items):
      if items.isEmpty { return "[]" }
      let body = items.map { pad + $0.serialized(pretty: pretty, indent: indent + 1) }
      return "[" + newline + body.joined(separator: "," + newline) + newline + close + "]"
    case .string(let value): return JSONWriter.quoted(value)
    case .number(let value): return JSONWriter.number(value)
    case .int(let value): return String(value)
    case .bool(let value): return value ? "true" : "false"
    case .null: return "null"
    }
  }
}

/// A report split around one of its arrays, so the array's items can be written one by one
/// between the two parts (`ReportStream`), byte for byte as `serialized(pretty: true)`.
struct StreamedArray {
  /// Everything before the array's `[`, and everything after its `]`.
  let head: String
  let tail: String
  /// What goes before each item (after a `,` for all but the first), and before the `]`.
  let itemPad: String
  let closePad: String
  /// The indentation level of the items, for `serialized(pretty:indent:)`.
  let itemIndent: Int

  static var placeholder: JSONOutput { .string("\u{1}libre streamed array") }

  /// Splits `root`, which holds `placeholder` where the array goes, at indentation `indent`
  /// (the array's own level: 1 for a member of the root object).
  init(_ root: JSONOutput, indent: Int) {
    let text = root.serialized(pretty: true) + "\n"
    let marker = StreamedArray.placeholder.serialized(pretty: true)
    let range = text.firstRange(of: marker)!
    head = String(text[..<range.lowerBound])
    tail = String(text[range.upperBound...])
    itemPad = String(repeating: "  ", count: indent + 1)
    closePad = String(repeating: "  ", count: indent)
    itemIndent = indent + 1
  }

  /// The text of item number `index` (0-based), its separator first.
  func item(_ value: JSONOutput, index: Int) -> String {
    (index == 0 ? "[\n" : ",\n") + itemPad + value.serialized(pretty: true, indent: itemIndent)
  }

  /// The end of an array of `count` items.
  func close(count: Int) -> String { count == 0 ? "[]" : "\n" + closePad + "]" }
}
