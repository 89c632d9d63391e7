extension TokenScan {
  /// Reads a word of one to seven lowercase ASCII letters followed by a space (most words
  /// of most text) from one eight-byte load, and emits it. Its folded form is its own
  /// bytes, so nothing is copied, and none of the state of a word being read is set: the
  /// general way cost some ninety instructions more a word. Returns the index past the
  /// space, or nil for any other word, which then goes the general way.
  ///
  /// Such a word cannot be a URL (no `://` or `www.`), a contraction or elision (no
  /// apostrophe), a number, capitalized or in capitals, or part of a hyphenated word;
  /// `cannot` is left to the general way, which splits it.
  @inline(__always)
  mutating func shortLowercaseWord<Sink: TokenSink>(at index: Int, _ sink: inout Sink) -> Int? {
    guard index &+ 8 <= count else { return nil }
    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
    let length = TokenScan.lowercaseRun(word)
    guard length < 8, word >> UInt64(truncatingIfNeeded: length << 3) & 0xFF == 0x20 else { return nil }
    if length == 6 && TokenScan.isCannot(word) { return nil }
    let end = index &+ length
    sink.token(
      start: index, end: end, kind: .word, flags: pending,
      folded: UnsafeBufferPointer(start: base + index, count: length))
    pending = []
    lastWordEnd = end
    return end &+ 1
  }

  /// How many of the low bytes of `word` are `a`…`z`, from the lowest up (8 when all): the
  /// eight-byte test of the tokenizer's word loops. A byte at or past 0x80 may carry into
  /// the ones above it, never into those below.
  @inline(__always)
  static func lowercaseRun(_ word: UInt64) -> Int {
    let high: UInt64 = 0x8080_8080_8080_8080
    let atLeastA = (word &+ 0x1F1F_1F1F_1F1F_1F1F) & high
    let pastZ = (word &+ 0x0505_0505_0505_0505) & high
    let notLower = (word & high) | (atLeastA ^ high) | pastZ
    return notLower.trailingZeroBitCount >> 3
  }

  /// Whether the low six bytes of `bytes` spell `cannot`.
  @inline(__always)
  static func isCannot(_ bytes: UInt64) -> Bool { bytes & 0xFFFF_FFFF_FFFF == 0x746F_6E6E_6163 }
}
