import LibreKit

/// Byte-level helpers shared by the email stages, so no stage builds a `String` per line.
enum EmailBytes {
  static let cr: UInt8 = 0x0D
  static let lf: UInt8 = 0x0A
  static let space: UInt8 = 0x20
  static let tab: UInt8 = 0x09

  @inline(__always) static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == space || byte == tab || byte == cr || byte == lf
  }

  @inline(__always) static func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
  }

  /// The value of a hexadecimal digit in either case, or nil.
  @inline(__always) static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case 0x30...0x39: return byte - 0x30
    case 0x41...0x46: return byte - 0x41 + 10
    case 0x61...0x66: return byte - 0x61 + 10
    default: return nil
    }
  }

  /// The end of the line starting at `start` (the index of its `\n`, or `end`).
  @inline(__always) static func lineEnd(_ bytes: [UInt8], from start: Int, end: Int) -> Int {
    var index = start
    while index < end && bytes[index] != lf { index += 1 }
    return index
  }

  /// Whether `bytes[range]` equals the ASCII `name`, ignoring case.
  static func equalsIgnoringCase(_ bytes: [UInt8], _ range: Range<Int>, _ name: StaticString) -> Bool {
    guard range.count == name.utf8CodeUnitCount else { return false }
    return name.withUTF8Buffer { buffer in
      var index = range.lowerBound
      for byte in buffer {
        if lowercased(bytes[index]) != lowercased(byte) { return false }
        index += 1
      }
      return true
    }
  }

  /// `bytes[range]` without leading and trailing spaces, tabs and line breaks.
  static func trimmed(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
    var low = range.lowerBound
    var high = range.upperBound
    while low < high && isWhitespace(bytes[low]) { low += 1 }
    while high > low && isWhitespace(bytes[high - 1]) { high -= 1 }
    return low..<high
  }

  /// Whether every byte of `bytes` is a space, tab or line break.
  static func isBlank<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
    bytes.allSatisfy(isWhitespace)
  }

  /// Whether `bytes` is well-formed UTF-8 (ASCII runs skipped a word at a time).
  static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer { buffer in
      var index = 0
      while index < buffer.count {
        if index + 8 <= buffer.count {
          let word = UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self)
          if word & 0x8080_8080_8080_8080 == 0 {
            index += 8
            continue
          }
        }
        let length = sequenceLength(buffer, index)
        if length == 0 { return false }
        index += length
      }
      return true
    }
  }

  /// The length of the well-formed UTF-8 sequence at `index`, or 0 when there is none.
  @inline(__always) static func sequenceLength<Buffer: RandomAccessCollection<UInt8>>(
    _ buffer: Buffer, _ index: Int
  ) -> Int where Buffer.Index == Int {
    let lead = buffer[index]
    if lead < 0x80 { return 1 }
    let length: Int
    var low: UInt8 = 0x80
    var high: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: length = 2
    case 0xE0:
      length = 3
      low = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: length = 3
    case 0xED:
      length = 3
      high = 0x9F
    case 0xF0:
      length = 4
      low = 0x90
    case 0xF1...0xF3: length = 4
    case 0xF4:
      length = 4
      high = 0x8F
    default: return 0
    }
    guard index + length <= buffer.count else { return 0 }
    let second = buffer[index + 1]
    guard second >= low && second <= high else { return 0 }
    for offset in 2..<length where buffer[index + offset] & 0xC0 != 0x80 { return 0 }
    return length
  }
}

extension MappedTextBuilder {
  /// Appends the UTF-8 encoding of `scalar` decoded from `unit`, a byte at a time: the
  /// builder's generic `append(decoded:unit:)` is not specialized across modules, and its
  /// per-byte entry point is much faster for a character or two.
  @inline(__always) mutating func appendDecoded(scalar: UInt32, unit: Range<Int>) {
    if scalar < 0x80 {
      append(decoded: UInt8(scalar), unit: unit)
    } else if scalar < 0x800 {
      append(decoded: UInt8(0xC0 | (scalar >> 6)), unit: unit)
      append(decoded: UInt8(0x80 | (scalar & 0x3F)), unit: unit)
    } else {
      append(decoded: UInt8(0xE0 | (scalar >> 12)), unit: unit)
      append(decoded: UInt8(0x80 | ((scalar >> 6) & 0x3F)), unit: unit)
      append(decoded: UInt8(0x80 | (scalar & 0x3F)), unit: unit)
    }
  }
}

/// Reads a `MappedText`'s map front to back: the decoding stages query offsets in increasing
/// order, so a cursor walking the runs answers each query in amortized constant time where
/// `MappedText.originalRange` searches the whole map. Queries must not go backwards.
struct MappedCursor {
  private let runs: [SourceMap.Run]
  private var index = -1

  init(_ text: MappedText) { runs = text.map.runs }

  @inline(__always) private mutating func seek(_ offset: Int) {
    if index < 0 { start(at: offset) }
    while index + 1 < runs.count && runs[index + 1].textStart <= offset { index += 1 }
  }

  /// The first query searches, so a cursor started deep in a long map (a part of a decoded
  /// attached message) does not walk it from the beginning.
  private mutating func start(at offset: Int) {
    var low = 0
    var high = runs.count
    while low < high {
      let middle = (low + high) / 2
      if runs[middle].textStart <= offset { low = middle + 1 } else { high = middle }
    }
    index = low - 1
  }

  /// The original range of the text bytes `range` (a decoded unit's source).
  mutating func originalRange(_ range: Range<Int>) -> Range<Int> {
    seek(range.lowerBound)
    guard index >= 0 else { return range }
    var run = runs[index]
    let start = run.unitLength == nil ? run.originalStart + range.lowerBound - run.textStart : run.originalStart
    guard range.upperBound > range.lowerBound else { return start..<start }
    seek(range.upperBound - 1)
    run = runs[index]
    let end = run.unitLength.map { run.originalStart + $0 } ?? run.originalStart + range.upperBound - run.textStart
    return start..<max(start, end)
  }

}
