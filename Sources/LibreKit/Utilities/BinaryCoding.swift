/// A little-endian binary writer for the precompiled lexicons.
struct BinaryWriter {
  private(set) var bytes: [UInt8] = []

  mutating func int(_ value: Int) { u64(UInt64(bitPattern: Int64(value))) }

  mutating func u64(_ value: UInt64) {
    for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
  }

  mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

  mutating func double(_ value: Double) { u64(value.bitPattern) }

  mutating func string(_ value: String) {
    int(value.utf8.count)
    bytes.append(contentsOf: value.utf8)
  }

  mutating func strings(_ values: [String]) {
    int(values.count)
    for value in values { string(value) }
  }

  /// An array of fixed-width integers, copied as raw memory.
  mutating func array<Element: FixedWidthInteger>(_ values: [Element]) {
    int(values.count)
    values.withUnsafeBytes { bytes.append(contentsOf: $0) }
  }
}

/// Reads what `BinaryWriter` wrote; any inconsistency throws instead of trapping.
struct BinaryReader {
  struct Malformed: Error {}

  private let bytes: [UInt8]
  private var offset = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  var isAtEnd: Bool { offset == bytes.count }

  mutating func u64() throws(Malformed) -> UInt64 {
    guard offset + 8 <= bytes.count else { throw Malformed() }
    var value: UInt64 = 0
    for index in 0..<8 { value |= UInt64(bytes[offset + index]) << UInt64(index * 8) }
    offset += 8
    return value
  }

  mutating func int() throws(Malformed) -> Int {
    let value = Int(Int64(bitPattern: try u64()))
    guard value >= 0, value <= bytes.count * 8 + (1 << 20) else { throw Malformed() }
    return value
  }

  mutating func bool() throws(Malformed) -> Bool {
    guard offset < bytes.count else { throw Malformed() }
    offset += 1
    return bytes[offset - 1] != 0
  }

  mutating func double() throws(Malformed) -> Double { Double(bitPattern: try u64()) }

  mutating func string() throws(Malformed) -> String {
    let count = try int()
    guard offset + count <= bytes.count else { throw Malformed() }
    defer { offset += count }
    return String(decoding: bytes[offset..<offset + count], as: UTF8.self)
  }

  mutating func strings() throws(Malformed) -> [String] {
    let count = try int()
    var values: [String] = []
    values.reserveCapacity(count)
    for _ in 0..<count { values.append(try string()) }
    return values
  }

  mutating func array<Element: FixedWidthInteger>(of type: Element.Type = Element.self) throws(Malformed) -> [Element] {
    let count = try int()
    let size = count * MemoryLayout<Element>.stride
    guard offset + size <= bytes.count else { throw Malformed() }
    let values = [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
      bytes.withUnsafeBytes { raw in
        UnsafeMutableRawBufferPointer(buffer).copyMemory(
          from: UnsafeRawBufferPointer(rebasing: raw[offset..<offset + size]))
      }
      initialized = count
    }
    offset += size
    return values
  }
}

/// Base64 without Foundation, for embedding the precompiled lexicons in a string literal.
public enum Base64 {
  private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  public static func encode(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity((bytes.count + 2) / 3 * 4)
    var index = 0
    while index < bytes.count {
      let chunk = min(3, bytes.count - index)
      var value = UInt32(bytes[index]) << 16
      if chunk > 1 { value |= UInt32(bytes[index + 1]) << 8 }
      if chunk > 2 { value |= UInt32(bytes[index + 2]) }
      for position in 0..<4 {
        out.append(position <= chunk ? alphabet[Int(value >> UInt32(18 - position * 6) & 0x3F)] : UInt8(ascii: "="))
      }
      index += 3
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Decodes base64 text; nil on a character outside the alphabet. Runs on every start of
  /// `libre` (the embedded lexicons), so it works on the contiguous UTF-8 in one loop.
  public static func decode(_ text: String) -> [UInt8]? {
    var text = text
    return text.withUTF8 { decode(bytes: $0) }
  }

  private static let table: [UInt8] = {
    var table = [UInt8](repeating: 0xFF, count: 256)
    for (value, character) in alphabet.enumerated() { table[Int(character)] = UInt8(value) }
    return table
  }()

  private static func decode(bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    var length = bytes.count
    while length > 0 && (bytes[length - 1] == UInt8(ascii: "=") || bytes[length - 1] == 0x0A) { length -= 1 }
    let table = Base64.table
    var failed = false
    let decoded = [UInt8](unsafeUninitializedCapacity: length / 4 * 3 + 3) { out, written in
      table.withUnsafeBufferPointer { table in
        var input = 0
        var output = 0
        // Four characters make three bytes; an invalid character sets the high bit.
        while input + 4 <= length {
          let a = UInt32(table[Int(bytes[input])])
          let b = UInt32(table[Int(bytes[input + 1])])
          let c = UInt32(table[Int(bytes[input + 2])])
          let d = UInt32(table[Int(bytes[input + 3])])
          if (a | b | c | d) & 0x80 != 0 {
            failed = true
            break
          }
          let value = a << 18 | b << 12 | c << 6 | d
          out[output] = UInt8(truncatingIfNeeded: value >> 16)
          out[output + 1] = UInt8(truncatingIfNeeded: value >> 8)
          out[output + 2] = UInt8(truncatingIfNeeded: value)
          input += 4
          output += 3
        }
        let rest = length - input
        if !failed && rest > 0 {
          var value: UInt32 = 0
          for offset in 0..<rest {
            let digit = table[Int(bytes[input + offset])]
            if digit & 0x80 != 0 || rest == 1 { failed = true }
            value = value << 6 | UInt32(digit & 0x3F)
          }
          value <<= UInt32(6 * (4 - rest))
          out[output] = UInt8(truncatingIfNeeded: value >> 16)
          output += 1
          if rest == 3 {
            out[output] = UInt8(truncatingIfNeeded: value >> 8)
            output += 1
          }
        }
        written = output
      }
    }
    return failed ? nil : decoded
  }
}
