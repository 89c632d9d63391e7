/// Writes a JSON value straight into a byte buffer, member by member, byte for byte as
/// `JSONOutput.serialized(pretty:indent:)` writes the same value. Reports write one record
/// per document: building a `JSONOutput` tree for it, serializing and freeing it cost
/// about as much as loading the document.
///
/// The caller opens and closes containers in order; `key` and `element` place the commas,
/// line breaks and indentation, the value written after them completes the member.
public struct JSONStream {
  /// The bytes written so far.
  public var bytes: [UInt8]
  let pretty: Bool
  /// The nesting level of the members being written (the root value's level is `indent`).
  var depth: Int
  /// Whether the innermost open container has no member yet (no comma before the next one).
  var empty = true

  /// A stream appending to `bytes`, writing on one line or with two-space indentation
  /// (`pretty`), the root value at indentation level `indent`.
  public init(bytes: [UInt8] = [], pretty: Bool, indent: Int = 0) {
    self.bytes = bytes
    self.pretty = pretty
    depth = indent
  }

  public mutating func beginObject() { open(UInt8(ascii: "{")) }
  public mutating func endObject() { close(UInt8(ascii: "}")) }
  public mutating func beginArray() { open(UInt8(ascii: "[")) }
  public mutating func endArray() { close(UInt8(ascii: "]")) }

  /// Starts a member of the open object. The name is written as it is, unescaped: names
  /// are the reporters' own ASCII literals.
  public mutating func key(_ name: StaticString) {
    separate()
    bytes.append(UInt8(ascii: "\""))
    name.withUTF8Buffer { bytes.append(contentsOf: $0) }
    bytes.append(UInt8(ascii: "\""))
    bytes.append(UInt8(ascii: ":"))
    if pretty { bytes.append(UInt8(ascii: " ")) }
  }

  /// Starts an item of the open array.
  public mutating func element() { separate() }

  public mutating func string(_ value: String) { JSONWriter.appendQuoted(value, to: &bytes) }
  public mutating func int(_ value: Int) { JSONWriter.appendInteger(value, to: &bytes) }
  /// A number with at most two decimals, as `JSONWriter.number` writes it.
  public mutating func number(_ value: Double) { bytes.append(contentsOf: JSONWriter.number(value).utf8) }
  public mutating func bool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }
  public mutating func null() { bytes.append(contentsOf: "null".utf8) }

  /// Members already rendered for a compact object (`"a":1,"b":"c"`), written as the next
  /// members of the open object.
  mutating func members(rendered: [UInt8]) {
    assert(!pretty, "rendered members are compact")
    separate()
    bytes.append(contentsOf: rendered)
  }

  /// A whole value built as a tree (`JSONOutput`), written in place.
  public mutating func value(_ value: JSONOutput) {
    // The tree writes itself into this buffer: swapped out, so appending does not copy it.
    var out: [UInt8] = []
    swap(&out, &bytes)
    value.write(into: &out, pretty: pretty, indent: depth)
    swap(&out, &bytes)
  }

  public mutating func member(_ name: StaticString, _ value: String) {
    key(name)
    string(value)
  }

  public mutating func member(_ name: StaticString, _ value: Int) {
    key(name)
    int(value)
  }

  public mutating func member(_ name: StaticString, _ value: Bool) {
    key(name)
    bool(value)
  }

  /// A string member, `null` when `value` is nil.
  public mutating func member(_ name: StaticString, _ value: String?) {
    key(name)
    if let value { string(value) } else { null() }
  }

  /// A number member (see `number`), `null` when `value` is nil.
  public mutating func member(_ name: StaticString, number value: Double?) {
    key(name)
    if let value { number(value) } else { null() }
  }

  /// An array member of strings.
  public mutating func member(_ name: StaticString, strings: [String]) {
    key(name)
    beginArray()
    for value in strings {
      element()
      string(value)
    }
    endArray()
  }

  private mutating func open(_ bracket: UInt8) {
    bytes.append(bracket)
    depth += 1
    empty = true
  }

  private mutating func close(_ bracket: UInt8) {
    depth -= 1
    if pretty && !empty { newline() }
    bytes.append(bracket)
    // The container just closed was a member of its parent, which is therefore not empty.
    empty = false
  }

  private mutating func separate() {
    if !empty { bytes.append(UInt8(ascii: ",")) }
    empty = false
    if pretty { newline() }
  }

  private mutating func newline() {
    bytes.append(UInt8(ascii: "\n"))
    for _ in 0..<depth * 2 { bytes.append(UInt8(ascii: " ")) }
  }
}
