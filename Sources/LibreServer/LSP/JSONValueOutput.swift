import LibreFormats
import LibreKit

extension JSONValue {
  /// The value written back as it was read (a request's `id` in its response).
  var output: JSONOutput {
    switch content {
    case .object(let members): return .object(members.map { ($0.key, $0.value.output) })
    case .array(let values): return .array(values.map(\.output))
    case .string(let value): return .string(value)
    case .number(let value): return value == value.rounded() && abs(value) < 1e15 ? .int(Int(value)) : .number(value)
    case .bool(let value): return .bool(value)
    case .null: return .null
    }
  }

  /// A whole number (an LSP `integer` or `uinteger`).
  var int: Int? {
    guard let number, number == number.rounded(), abs(number) < 1e15 else { return nil }
    return Int(number)
  }
}
