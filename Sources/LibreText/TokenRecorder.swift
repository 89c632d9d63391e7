/// A growable array of tokens in raw memory, reused from one text to the next: appending
/// never checks uniqueness or copies, and clearing keeps the capacity.
package final class TokenBuffer {
  @exclusivity(unchecked) package private(set) var base: UnsafeMutablePointer<Token>
  @exclusivity(unchecked) package private(set) var count = 0
  @exclusivity(unchecked) private var capacity: Int

  package init(capacity: Int = 4096) {
    self.capacity = capacity
    base = .allocate(capacity: capacity)
  }

  deinit { base.deallocate() }

  @inline(__always)
  package func append(_ token: Token) {
    if count == capacity { grow() }
    (base + count).initialize(to: token)
    count &+= 1
  }

  package func removeAll() { count = 0 }

  private func grow() {
    let larger = UnsafeMutablePointer<Token>.allocate(capacity: capacity * 2)
    larger.moveInitialize(from: base, count: count)
    base.deallocate()
    base = larger
    capacity *= 2
  }

  package var tokens: UnsafeMutableBufferPointer<Token> { UnsafeMutableBufferPointer(start: base, count: count) }
}

/// The tokenizer sink of the lint path: gives each token its vocabulary id (or the id of
/// the longest pattern prefix it starts with) and keeps it in the reused buffer.
package struct TokenRecorder: TokenSink {
  package let lookup: FrozenLookup
  package let buffer: TokenBuffer
  /// Added to every offset, when the text is a window of a larger buffer.
  package let base: Int

  package init(lookup: FrozenLookup, buffer: TokenBuffer, base: Int) {
    self.lookup = lookup
    self.buffer = buffer
    self.base = base
  }

  /// Tokenizes `window` into the buffer. The tokenizer is generic over its sink: called here,
  /// in the module of both, it is specialized for this sink, so the lint path's per-token
  /// calls (`token`, the frozen lookup) are direct calls, not witness-table calls across modules.
  package mutating func record(_ window: UnsafeBufferPointer<UInt8>, with tokenizer: borrowing Tokenizer)
    -> TokenizerReport
  {
    tokenizer.tokenize(window, into: &self)
  }

  @inline(__always)
  package mutating func token(
    start: Int, end: Int, kind: TokenKind, flags: TokenFlags, folded: UnsafeBufferPointer<UInt8>
  ) {
    let id = lookup.id(of: folded, isWord: kind == .word)
    // One bound for both offsets (0 <= start <= end, and both and `base` are offsets in
    // memory, far from overflowing an Int): two checked conversions cost six instructions
    // a token, and checked additions three more.
    let last = end &+ base
    precondition(last <= Int(Int32.max), "text offset past Int32")
    buffer.append(
      Token(
        start: Int32(truncatingIfNeeded: start &+ base), end: Int32(truncatingIfNeeded: last), id: id, kind: kind,
        flags: flags))
  }
}
