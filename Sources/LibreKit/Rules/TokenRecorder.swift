/// The tokenizer sink of the lint path: gives each token its vocabulary id (or the id of
/// the longest pattern prefix it starts with) and keeps it in a reused array.
struct TokenRecorder: TokenSink {
  let lookup: FrozenLookup
  var tokens: [Token]
  /// Added to every offset, when the text is a window of a larger buffer.
  var base: Int

  @inline(__always)
  mutating func token(
    start: Int, end: Int, kind: TokenKind, flags: TokenFlags, folded: UnsafeBufferPointer<UInt8>
  ) {
    let id = lookup.id(of: folded, isWord: kind == .word)
    tokens.append(Token(start: Int32(start + base), end: Int32(end + base), id: id, kind: kind, flags: flags))
  }
}
