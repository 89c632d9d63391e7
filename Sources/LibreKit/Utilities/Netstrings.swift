/// Strings kept in one UTF-8 text, each as a netstring: its byte count in decimal, a colon,
/// then its bytes (`5:hello`). The precompiled lexicons keep their rules' texts this way, in
/// a plain string literal beside the packed tables: being text already, it needs no decoding
/// at start, and only the strings a run uses become `String`s.
struct NetstringWriter {
  private(set) var bytes: [UInt8] = []

  mutating func string(_ value: String) { append(Array(value.utf8)) }

  /// A list as one netstring holding a netstring per element, so a reader can step over the
  /// whole list without reading its elements.
  mutating func list(_ values: [String]) {
    var inner = NetstringWriter()
    for value in values { inner.string(value) }
    append(inner.bytes)
  }

  private mutating func append(_ value: [UInt8]) {
    bytes += Array(String(value.count).utf8)
    bytes.append(Netstrings.colon)
    bytes += value
  }
}

/// Reads what `NetstringWriter` wrote; any inconsistency throws instead of trapping.
struct NetstringReader {
  struct Malformed: Error {}

  let bytes: [UInt8]
  private(set) var offset: Int
  private let end: Int

  init(_ bytes: [UInt8], range: Range<Int>? = nil) {
    self.bytes = bytes
    offset = range?.lowerBound ?? 0
    end = range?.upperBound ?? bytes.count
  }

  var isAtEnd: Bool { offset == end }

  /// Where the next netstring's bytes are, moving past it.
  mutating func next() throws(Malformed) -> Range<Int> {
    var count = 0
    var digits = 0
    while offset < end, bytes[offset] != Netstrings.colon {
      let digit = bytes[offset] &- UInt8(ascii: "0")
      // Ten digits are more than any text Libre keeps; more would overflow nothing but
      // can only be corruption.
      guard digit < 10, digits < 10 else { throw Malformed() }
      count = count * 10 + Int(digit)
      digits += 1
      offset += 1
    }
    guard digits > 0, offset < end, end - offset - 1 >= count else { throw Malformed() }
    let start = offset + 1
    offset = start + count
    return start..<offset
  }

  mutating func string() throws(Malformed) -> String {
    String(decoding: bytes[try next()], as: UTF8.self)
  }

  /// A list written by `NetstringWriter.list`, checked whole but left unread.
  mutating func list() throws(Malformed) -> NetstringList {
    let range = try next()
    var inner = NetstringReader(bytes, range: range)
    while !inner.isAtEnd { _ = try inner.next() }
    return NetstringList(bytes: bytes, range: range)
  }
}

/// A list of strings left in a netstring text until asked for; checked when it was read,
/// so making its strings cannot fail.
struct NetstringList: Sendable {
  let bytes: [UInt8]
  let range: Range<Int>

  var values: [String] {
    var reader = NetstringReader(bytes, range: range)
    var values: [String] = []
    while !reader.isAtEnd {
      guard let value = try? reader.string() else { break }
      values.append(value)
    }
    return values
  }
}

enum Netstrings {
  static let colon = UInt8(ascii: ":")
}
