/// Bytes as text for a Swift string literal (the precompiled lexicons embedded in `libre`),
/// made to be decoded fast: every start of `libre` decodes a megabyte of it.
///
/// Six bits a character, least significant first, as the 64 consecutive characters from `0`
/// (0x30) to `o` (0x6F): a digit is its character less 0x30, so eight characters become six
/// bytes with a few shifts on one 64-bit word, where base64 needs a table lookup per
/// character (11 M instructions of the 41 M a one-email run took). The first eight
/// characters hold the byte count; the last group is padded with zero bytes.
public enum PackedText {
  static let zero: UInt64 = 0x3030_3030_3030_3030
  static let highBits: UInt64 = 0x8080_8080_8080_8080

  /// The text of `bytes`.
  public static func encode(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(8 + (bytes.count + 5) / 6 * 8)
    appendGroup(UInt64(bytes.count), to: &out)
    var index = 0
    while index < bytes.count {
      var value: UInt64 = 0
      for offset in 0..<min(6, bytes.count - index) {
        value |= UInt64(bytes[index + offset]) << UInt64(8 * offset)
      }
      appendGroup(value, to: &out)
      index += 6
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Eight characters for the low 48 bits of `value`.
  private static func appendGroup(_ value: UInt64, to out: inout [UInt8]) {
    for digit in 0..<8 { out.append(0x30 + UInt8(truncatingIfNeeded: value >> UInt64(6 * digit)) & 0x3F) }
  }

  /// The bytes of `text`; nil when it is not such a text (a character out of range, a
  /// length that does not match the count).
  public static func decode(_ text: String) -> [UInt8]? {
    var text = text
    return text.withUTF8 { decode(utf8: UnsafeRawBufferPointer($0)) }
  }

  private static func decode(utf8 text: UnsafeRawBufferPointer) -> [UInt8]? {
    guard text.count >= 8, text.count % 8 == 0, let header = group(text, at: 0) else { return nil }
    let count = Int(header)
    let groups = text.count / 8 - 1
    guard (count + 5) / 6 == groups else { return nil }
    var valid = true
    // Each group is stored as eight bytes, two past the six it holds (the next group
    // overwrites them): room for whole groups and two bytes of slack.
    let decoded = [UInt8](unsafeUninitializedCapacity: groups * 6 + 2) { out, written in
      let raw = UnsafeMutableRawPointer(out.baseAddress!)
      var input = 8
      var output = 0
      while input < text.count {
        guard let value = group(text, at: input) else {
          valid = false
          break
        }
        raw.storeBytes(of: value.littleEndian, toByteOffset: output, as: UInt64.self)
        input += 8
        output += 6
      }
      written = valid ? count : 0
    }
    return valid ? decoded : nil
  }

  /// The 48 bits of the eight characters at `offset`, or nil if one is out of range.
  @inline(__always)
  private static func group(_ text: UnsafeRawBufferPointer, at offset: Int) -> UInt64? {
    let word = UInt64(littleEndian: text.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    // In range: below 0x80 (then no sum carries into the next byte), at least 0x30, below 0x70.
    let atLeastZero = word &+ 0x5050_5050_5050_5050
    let pastO = word &+ 0x1010_1010_1010_1010
    guard word & highBits == 0, atLeastZero & highBits == highBits, pastO & highBits == 0 else { return nil }
    let digits = word &- zero
    let pairs = (digits & 0x003F_003F_003F_003F) | (digits & 0x3F00_3F00_3F00_3F00) >> 2
    let quads = (pairs & 0x0000_0FFF_0000_0FFF) | (pairs & 0x0FFF_0000_0FFF_0000) >> 4
    return (quads & 0x0000_0000_00FF_FFFF) | (quads & 0x00FF_FFFF_0000_0000) >> 8
  }
}
