/// A JSON value that remembers where it was written, so a lexicon or configuration error
/// can name its line and column. Foundation's decoders cannot, and LibreKit avoids Foundation.
public struct JSONValue: Sendable {
  public indirect enum Content: Sendable {
    case object([(key: String, keyOffset: Int, value: JSONValue)])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
  }

  public var content: Content
  /// Byte offset of the value's first character in the source text.
  public var offset: Int

  public var string: String? {
    if case .string(let value) = content { return value }
    return nil
  }
  public var number: Double? {
    if case .number(let value) = content { return value }
    return nil
  }
  public var bool: Bool? {
    if case .bool(let value) = content { return value }
    return nil
  }
  public var array: [JSONValue]? {
    if case .array(let values) = content { return values }
    return nil
  }
  public var members: [(key: String, keyOffset: Int, value: JSONValue)]? {
    if case .object(let members) = content { return members }
    return nil
  }
  public subscript(key: String) -> JSONValue? {
    members?.first { $0.key == key }?.value
  }

  /// A short name of the value's type, for error messages.
  public var typeName: String {
    switch content {
    case .object: return "an object"
    case .array: return "an array"
    case .string: return "a string"
    case .number: return "a number"
    case .bool: return "a boolean"
    case .null: return "null"
    }
  }
}

/// A JSON syntax error at a byte offset.
public struct JSONSyntaxError: Error, Sendable {
  public var offset: Int
  public var message: String
}

/// Parses JSON text (RFC 8259) into `JSONValue`s with their offsets.
public struct JSONParser {
  private let bytes: [UInt8]
  private var index = 0
  private var depth = 0
  private static let maximumDepth = 128

  public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
    var parser = JSONParser(bytes: bytes)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.index = 3 }
    parser.skipSpace()
    let value = try parser.value()
    parser.skipSpace()
    guard parser.index == bytes.count else { throw parser.error("unexpected text after the JSON value") }
    return value
  }

  private init(bytes: [UInt8]) { self.bytes = bytes }

  private func error(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
    JSONSyntaxError(offset: offset ?? index, message: message)
  }

  private mutating func skipSpace() {
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x09, 0x0A, 0x0D: index += 1
      default: return
      }
    }
  }

  private mutating func value() throws(JSONSyntaxError) -> JSONValue {
    guard index < bytes.count else { throw error("unexpected end of the file") }
    let start = index
    switch bytes[index] {
    case UInt8(ascii: "{"): return JSONValue(content: try object(), offset: start)
    case UInt8(ascii: "["): return JSONValue(content: try array(), offset: start)
    case UInt8(ascii: "\""): return JSONValue(content: .string(try string()), offset: start)
    case UInt8(ascii: "t"):
      try literal("true")
      return JSONValue(content: .bool(true), offset: start)
    case UInt8(ascii: "f"):
      try literal("false")
      return JSONValue(content: .bool(false), offset: start)
    case UInt8(ascii: "n"):
      try literal("null")
      return JSONValue(content: .null, offset: start)
    default: return JSONValue(content: .number(try number()), offset: start)
    }
  }

  private mutating func literal(_ word: String) throws(JSONSyntaxError) {
    let expected = Array(word.utf8)
    guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else {
      throw error("unexpected character; expected a value")
    }
    index += expected.count
  }

  private mutating func nest() throws(JSONSyntaxError) {
    depth += 1
    if depth > JSONParser.maximumDepth { throw error("nesting deeper than \(JSONParser.maximumDepth) levels") }
  }

  private mutating func object() throws(JSONSyntaxError) -> JSONValue.Content {
    try nest()
    index += 1
    var members: [(key: String, keyOffset: Int, value: JSONValue)] = []
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
      index += 1
      depth -= 1
      return .object(members)
    }
    while true {
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a quoted key") }
      let keyOffset = index
      let key = try string()
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after the key") }
      index += 1
      skipSpace()
      if members.contains(where: { $0.key == key }) { throw error("duplicate key \"\(key)\"", at: keyOffset) }
      members.append((key, keyOffset, try value()))
      skipSpace()
      guard index < bytes.count else { throw error("unexpected end of the file inside an object") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "}") else { throw error("expected ',' or '}' in an object") }
      index += 1
      depth -= 1
      return .object(members)
    }
  }

  private mutating func array() throws(JSONSyntaxError) -> JSONValue.Content {
    try nest()
    index += 1
    var values: [JSONValue] = []
    skipSpace()
    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
      index += 1
      depth -= 1
      return .array(values)
    }
    while true {
      skipSpace()
      values.append(try value())
      skipSpace()
      guard index < bytes.count else { throw error("unexpected end of the file inside an array") }
      if bytes[index] == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard bytes[index] == UInt8(ascii: "]") else { throw error("expected ',' or ']' in an array") }
      index += 1
      depth -= 1
      return .array(values)
    }
  }

  private mutating func string() throws(JSONSyntaxError) -> String {
    index += 1
    // Most strings have no escape: one scan, one String, no byte buffer.
    var end = index
    while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"),
      bytes[end] >= 0x20
    {
      end += 1
    }
    if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
      let text = String(decoding: bytes[index..<end], as: UTF8.self)
      index = end + 1
      return text
    }
    var scalars: [UInt8] = Array(bytes[index..<end])
    index = end
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        return String(decoding: scalars, as: UTF8.self)
      }
      if byte < 0x20 { throw error("control character inside a string") }
      if byte != UInt8(ascii: "\\") {
        scalars.append(byte)
        index += 1
        continue
      }
      index += 1
      guard index < bytes.count else { break }
      let escape = bytes[index]
      index += 1
      switch escape {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escape)
      case UInt8(ascii: "b"): scalars.append(0x08)
      case UInt8(ascii: "f"): scalars.append(0x0C)
      case UInt8(ascii: "n"): scalars.append(0x0A)
      case UInt8(ascii: "r"): scalars.append(0x0D)
      case UInt8(ascii: "t"): scalars.append(0x09)
      case UInt8(ascii: "u"):
        var value = try hex4()
        if (0xD800..<0xDC00).contains(value), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
          bytes[index + 1] == UInt8(ascii: "u")
        {
          index += 2
          let low = try hex4()
          guard (0xDC00..<0xE000).contains(low) else { throw error("invalid surrogate pair") }
          value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
        }
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        scalars.append(contentsOf: Array(String(scalar).utf8))
      default:
        throw error("unknown escape '\\\(Character(Unicode.Scalar(escape)))'", at: index - 2)
      }
    }
    throw error("unterminated string")
  }

  private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
    guard index + 4 <= bytes.count else { throw error("truncated \\u escape") }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index] | 0x20
      let digit: UInt8
      if byte >= 0x30 && byte <= 0x39 {
        digit = byte - 0x30
      } else if byte >= 0x61 && byte <= 0x66 {
        digit = byte - 0x61 + 10
      } else {
        throw error("invalid hex digit in a \\u escape")
      }
      value = value << 4 | UInt32(digit)
      index += 1
    }
    return value
  }

  private mutating func number() throws(JSONSyntaxError) -> Double {
    let start = index
    if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"),
        UInt8(ascii: "+"), UInt8(ascii: "-"):
        index += 1
        continue
      default: break
      }
      break
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    guard index > start, let value = Double(text) else {
      throw error("unexpected character; expected a value", at: start)
    }
    // `1e309` is a well-formed number no double holds: say so rather than "unexpected".
    guard value.isFinite else { throw error("number \(text) is out of range (at most about 1.8e308)", at: start) }
    return value
  }
}

/// Turns byte offsets into 1-based lines and columns (columns count Unicode scalars).
public struct LineIndex: Sendable {
  private let lineStarts: [Int]
  private let bytes: [UInt8]
  /// Whether every byte is a character (a single-byte charset) rather than UTF-8.
  private let singleByte: Bool
  /// With `columnCheckpoints`: the characters from its line's start to each multiple of
  /// `checkpointSpan`, so a column on a long line is counted from the nearest checkpoint,
  /// not from the line's start (a minified lexicon is one line of megabytes, and each of
  /// its patterns asks for its column).
  private let checkpoints: [Int]
  static let checkpointSpan = 4096

  public init(_ bytes: [UInt8], singleByte: Bool = false, columnCheckpoints: Bool = false) {
    self.singleByte = singleByte
    // LF, CRLF, and a lone CR (old Mac files, some caption exports) each end a line. Every
    // report indexes its file, so eight bytes without CR or LF are skipped at once.
    lineStarts = bytes.withUnsafeBytes { raw in
      var starts = [0]
      let count = raw.count
      var offset = ByteSearch.firstLineBreak(in: raw, from: 0, to: count)
      while offset < count {
        if raw[offset] == 0x0A || offset + 1 == count || raw[offset + 1] != 0x0A { starts.append(offset + 1) }
        offset = ByteSearch.firstLineBreak(in: raw, from: offset + 1, to: count)
      }
      return starts
    }
    self.bytes = bytes
    checkpoints =
      columnCheckpoints
      ? LineIndex.checkpoints(bytes, lineStarts: lineStarts, singleByte: singleByte) : []
  }

  private static func checkpoints(_ bytes: [UInt8], lineStarts: [Int], singleByte: Bool) -> [Int] {
    var result: [Int] = []
    var line = 0
    var counted = 0
    var column = 0
    var position = 0
    while position <= bytes.count {
      while line + 1 < lineStarts.count && lineStarts[line + 1] <= position { line += 1 }
      if lineStarts[line] > counted {
        counted = lineStarts[line]
        column = 0
      }
      for index in counted..<position where singleByte || bytes[index] & 0xC0 != 0x80 { column += 1 }
      counted = position
      result.append(column)
      position += checkpointSpan
    }
    return result
  }

  /// The line and column of `offset`.
  public func location(of offset: Int) -> (line: Int, column: Int) {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    let lineStart = lineStarts[low]
    var column = 1
    var at = lineStart
    let checkpoint = offset / LineIndex.checkpointSpan
    if checkpoint < checkpoints.count && checkpoint * LineIndex.checkpointSpan > lineStart {
      at = checkpoint * LineIndex.checkpointSpan
      column = 1 + checkpoints[checkpoint]
    }
    let end = min(offset, bytes.count)
    while at < end {
      if singleByte || bytes[at] & 0xC0 != 0x80 { column += 1 }
      at += 1
    }
    return (low + 1, column)
  }

  /// The byte range of line `line` (1-based), without its line break.
  public func lineRange(_ line: Int) -> Range<Int> {
    let start = lineStarts[line - 1]
    var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
    if end > start, bytes[end - 1] == 0x0D { end -= 1 }
    return start..<max(start, end)
  }
}
