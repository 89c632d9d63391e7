/// Receives the tokens of a text, in order, as the tokenizer finds them.
///
/// `folded` is the token's folded form (lowercase, accents and ligatures folded,
/// apostrophes as `'`); it points into the tokenizer's scratch space or, for a short word
/// that folds to itself, into the text, and is only valid during the call, so a sink that
/// keeps it must copy it. The 8 bytes from its start are readable, and 8 bytes past its
/// end when it is 8 bytes or longer (padding), so a sink may load whole words.
public protocol TokenSink {
  mutating func token(
    start: Int, end: Int, kind: TokenKind, flags: TokenFlags, folded: UnsafeBufferPointer<UInt8>)
}

/// What one tokenizer pass saw besides the tokens.
public struct TokenizerReport: Sendable, Equatable {
  /// Malformed UTF-8 sequences, each read as one U+FFFD separator.
  public var invalidUTF8Sequences = 0
  /// Byte offset of the first malformed sequence, if any.
  public var firstInvalidOffset: Int?
  /// Words longer than the fold buffer, whose folded form was cut.
  public var overlongWords = 0

  public init() {}
}
