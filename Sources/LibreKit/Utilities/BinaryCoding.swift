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
