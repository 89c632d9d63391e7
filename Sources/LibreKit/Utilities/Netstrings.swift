/// Strings kept in one UTF-8 text, each as a netstring: its byte count in decimal, a colon,
/// then its bytes (`5:hello`). The precompiled lexicons keep their rules' texts this way, in
/// a plain string literal beside the packed tables: being text already, it needs no decoding
/// at start (one copy into an array), and a rule's lists (patterns, exceptions, examples)
/// become `String`s only when something asks for them.
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
      // Nine digits are more than any text Libre keeps (and cannot overflow even a 32-bit
      // `Int`); more can only be corruption.
      guard digit < 10, digits < 9 else { throw Malformed() }
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
    return NetstringList(checked: bytes, range: range)
  }
}

/// A list of strings left in a netstring text until asked for. Only
/// `NetstringReader.list()` makes one, after checking every element, so making its strings
/// cannot fail.
struct NetstringList: Sendable {
  let bytes: [UInt8]
  let range: Range<Int>

  fileprivate init(checked bytes: [UInt8], range: Range<Int>) {
    self.bytes = bytes
    self.range = range
  }

  /// The strings, made afresh on each call.
  var values: [String] {
    var reader = NetstringReader(bytes, range: range)
    var values: [String] = []
    while !reader.isAtEnd {
      do {
        values.append(try reader.string())
      } catch {
        preconditionFailure("a netstring list changed after it was checked")
      }
    }
    return values
  }
}

enum Netstrings {
  static let colon = UInt8(ascii: ":")
}
