/// Searches for bytes eight at a time (a word-wide "has this byte" test), for the loops that
/// scan every byte of every input for something rare: line breaks, a keyword's hyphen, NULs.
public enum ByteSearch {
  /// Whether one of the eight bytes of `word` is `byte`.
  @inlinable @inline(__always)
  public static func contains(_ word: UInt64, _ byte: UInt8) -> Bool {
    let difference = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
    return (difference &- 0x0101_0101_0101_0101) & ~difference & 0x8080_8080_8080_8080 != 0
  }

  /// Whether one of the eight bytes of `word` is below `limit` (at most 0x80).
  @inlinable @inline(__always)
  public static func containsByte(_ word: UInt64, below limit: UInt8) -> Bool {
    (word &- UInt64(limit) &* 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
  }

  /// The first offset in `start..<end` of `bytes` holding `first` or `second`; `end` if none.
  @inlinable
  public static func firstIndex(
    of first: UInt8, or second: UInt8, in bytes: UnsafeRawBufferPointer, from start: Int, to end: Int
  ) -> Int {
    var index = start
    while index + 8 <= end {
      let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      if contains(word, first) || contains(word, second) { break }
      index += 8
    }
    while index < end {
      let byte = bytes[index]
      if byte == first || byte == second { return index }
      index += 1
    }
    return end
  }

  /// The first offset in `start..<end` of `bytes` holding `first`, `second`, `third` or a
  /// NUL; `end` if none. For the cue text parsers: their markup, entities and NULs are
  /// rare among the words.
  @inlinable
  public static func firstIndex(
    of first: UInt8, _ second: UInt8, _ third: UInt8, orNULIn bytes: UnsafeRawBufferPointer, from start: Int,
    to end: Int
  ) -> Int {
    var index = start
    while index + 8 <= end {
      let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      if contains(word, first) || contains(word, second) || contains(word, third) || containsByte(word, below: 1) {
        break
      }
      index += 8
    }
    while index < end {
      let byte = bytes[index]
      if byte == first || byte == second || byte == third || byte == 0 { return index }
      index += 1
    }
    return end
  }

  /// The first offset in `start..<end` of `bytes` holding `byte`; `end` if none.
  @inlinable
  public static func firstIndex(of byte: UInt8, in bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int {
    // Sixteen bytes a round, their two zero tests merged into one branch: the byte is rare,
    // so the loop runs long, and half the rounds halve its overhead.
    let pattern = UInt64(byte) &* 0x0101_0101_0101_0101
    var index = start
    while index + 16 <= end {
      let low = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ pattern
      let high = bytes.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self) ^ pattern
      let zeros =
        ((low &- 0x0101_0101_0101_0101) & ~low) | ((high &- 0x0101_0101_0101_0101) & ~high)
      if zeros & 0x8080_8080_8080_8080 != 0 { break }
      index += 16
    }
    return firstIndex(of: byte, or: byte, in: bytes, from: index, to: end)
  }

  /// The first offset in `start..<end` of `bytes` holding a CR or LF; `end` if none. One
  /// word-wide test for a byte below 0x0E finds both (testing for each apart cost twice as
  /// much); a tab or another control byte is a false alarm, settled byte by byte in its word.
  @inlinable
  public static func firstLineBreak(in bytes: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Int {
    var index = start
    while index < end {
      if index + 8 <= end, !containsByte(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self), below: 0x0E) {
        index += 8
        continue
      }
      let wordEnd = min(index + 8, end)
      while index < wordEnd {
        if bytes[index] == 0x0A || bytes[index] == 0x0D { return index }
        index += 1
      }
    }
    return end
  }
}
