import LibreKit

/// Writes JSON scalars by hand: no Foundation on the report path.
public enum JSONWriter {
  public static func quoted(_ value: String) -> String {
    "\"" + escaped(value) + "\""
  }

  /// `value` escaped for a JSON string, without the quotes.
  static func escaped(_ value: String) -> String {
    ScalarEscaping.escape(value) { scalar in
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
  }

  /// Appends `value` quoted and escaped to `out`, as `quoted` would write it. A byte loop:
  /// the escaper's scalar-by-scalar path would cost more than the rest of the report.
  static func appendQuoted(_ value: String, to out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    var text = value
    text.withUTF8 { bytes in
      var runStart = 0
      var index = 0
      let raw = UnsafeRawBufferPointer(bytes)
      while index < bytes.count {
        // Eight bytes at a time while none can need an escape (control, `"`, `\`, or 0xE2,
        // the lead byte of U+2028 and U+2029): reports are mostly plain text.
        if index + 8 <= bytes.count
          && !JSONWriter.mayNeedEscape(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        {
          index += 8
          continue
        }
        let byte = bytes[index]
        let special =
          byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
          || (byte == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80
            && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9))
        if !special {
          index += 1
          continue
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
        let length = byte == 0xE2 ? 3 : 1
        let scalar = byte == 0xE2 ? Unicode.Scalar(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029)! : Unicode.Scalar(byte)
        out.append(contentsOf: escaped(String(scalar)).utf8)
        index += length
        runStart = index
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }
    out.append(UInt8(ascii: "\""))
  }

  /// Whether one of the eight bytes of `word` is below 0x20, `"`, `\` or 0xE2 (the lead
  /// byte of U+2028 and U+2029, so it may be a false alarm: the caller then looks byte by
  /// byte).
  @inline(__always)
  static func mayNeedEscape(_ word: UInt64) -> Bool {
    ByteSearch.containsByte(word, below: 0x20) || ByteSearch.contains(word, UInt8(ascii: "\""))
      || ByteSearch.contains(word, UInt8(ascii: "\\")) || ByteSearch.contains(word, 0xE2)
  }

  /// Appends the decimal digits of `value` to `out`, as `String(value)` writes them. The
  /// digits go through a buffer on the stack: making a `String` of each line, column and
  /// score cost more than the rest of the member.
  static func appendInteger(_ value: Int, to out: inout [UInt8]) {
    if (0..<10).contains(value) {
      out.append(UInt8(ascii: "0") + UInt8(value))
      return
    }
    if value < 0 { out.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    // 20 digits hold `UInt.max`, so any magnitude.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var start = digits.count
      repeat {
        start -= 1
        digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
      } while magnitude > 0
      for index in start..<digits.count { out.append(digits[index]) }
    }
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
  /// A value its reporter writes itself, member by member (see `JSONStream`): the records
  /// written once per document, whose tree would cost more than writing them.
  case stream((inout JSONStream) -> Void)

  /// Serializes with two-space indentation (`pretty`) or on one line.
  public func serialized(pretty: Bool, indent: Int = 0) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(1024)
    write(into: &out, pretty: pretty, indent: indent)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends the UTF-8 serialization to `out`: one growing byte buffer for the whole value,
  /// where building each member's string and joining them cost more than the lint they reported.
  public func write(into out: inout [UInt8], pretty: Bool, indent: Int = 0) {
    switch self {
    case .object(let members):
      out.append(UInt8(ascii: "{"))
      for (index, member) in members.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        if pretty { JSONOutput.newline(into: &out, indent: indent + 1) }
        JSONWriter.appendQuoted(member.0, to: &out)
        out.append(UInt8(ascii: ":"))
        if pretty { out.append(UInt8(ascii: " ")) }
        member.1.write(into: &out, pretty: pretty, indent: indent + 1)
      }
      if pretty && !members.isEmpty { JSONOutput.newline(into: &out, indent: indent) }
      out.append(UInt8(ascii: "}"))
    case .array(let items):
      out.append(UInt8(ascii: "["))
      for (index, item) in items.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        if pretty { JSONOutput.newline(into: &out, indent: indent + 1) }
        item.write(into: &out, pretty: pretty, indent: indent + 1)
      }
      if pretty && !items.isEmpty { JSONOutput.newline(into: &out, indent: indent) }
      out.append(UInt8(ascii: "]"))
    case .string(let value): JSONWriter.appendQuoted(value, to: &out)
    case .number(let value): out.append(contentsOf: JSONWriter.number(value).utf8)
    case .int(let value): JSONWriter.appendInteger(value, to: &out)
    case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
    case .null: out.append(contentsOf: "null".utf8)
    case .stream(let write):
      var stream = JSONStream(pretty: pretty, indent: indent)
      swap(&stream.bytes, &out)
      write(&stream)
      swap(&stream.bytes, &out)
    }
  }

  private static func newline(into out: inout [UInt8], indent: Int) {
    out.append(UInt8(ascii: "\n"))
    for _ in 0..<indent * 2 { out.append(UInt8(ascii: " ")) }
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
