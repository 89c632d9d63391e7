/// What a token is, as far as patterns are concerned.
public enum TokenKind: UInt8, Sendable, CaseIterable {
  case word
  case number
  case placeholder
  case url
  case email
  case emoji
  case punctuation
}

/// Facts about a token that the tokenizer and the context pass note for the rules.
public struct TokenFlags: OptionSet, Sendable, Hashable {
  public let rawValue: UInt16
  public init(rawValue: UInt16) { self.rawValue = rawValue }

  /// The first token of a sentence.
  public static let sentenceStart = TokenFlags(rawValue: 1 << 0)
  /// The first token after a clause boundary (`,` `;` `:` a dash, a bracket or a line break).
  public static let clauseStart = TokenFlags(rawValue: 1 << 1)
  /// A word of two or more letters, all capitals: emphasis.
  public static let allCaps = TokenFlags(rawValue: 1 << 2)
  /// A run of two or more `!`: emphasis.
  public static let shout = TokenFlags(rawValue: 1 << 3)
  /// Made by expanding a contraction or splitting an elision; its span is part of one word.
  public static let expanded = TokenFlags(rawValue: 1 << 4)
  /// Joined to the previous word by a hyphen (`dites-le-moi`).
  public static let hyphenJoined = TokenFlags(rawValue: 1 << 5)
  /// Starts with a capital letter.
  public static let capitalized = TokenFlags(rawValue: 1 << 6)
  /// Opens a negation scope (`not`, `jamais`); set by the context pass.
  public static let negator = TokenFlags(rawValue: 1 << 7)
  /// Only carries a negation (`do` in `do not`, `ne`); set by the context pass.
  public static let negationParticle = TokenFlags(rawValue: 1 << 8)
  /// Closes a negation scope like a comma (`but`, `mais`); set by the context pass.
  public static let scopeBreaker = TokenFlags(rawValue: 1 << 9)
}

extension TokenFlags {
  /// The four flags the matcher's symbol reads, as a 4-bit index: `allCaps` 1, `shout` 2,
  /// `negator` 4, `negationParticle` 8. The matcher reads a token's symbol, but for its id,
  /// from a table by kind and this index: one load a token where the arithmetic took some
  /// twenty instructions. The index is two shifts because of where the four flags sit:
  /// `allCaps` and `shout` at bits 2 and 3, `negator` and `negationParticle` at bits 7 and 8.
  /// Moving one of them breaks the index; `TokenFlagsTests` and `SymbolTests` fail if it does.
  @inline(__always)
  public var symbolIndex: Int {
    let raw = Int(rawValue)
    return raw >> 2 & 3 | raw >> 5 & 12
  }

  /// How many values `symbolIndex` takes.
  public static let symbolIndexCount = 16

  /// The flags whose `symbolIndex` is `symbolIndex` (and no other flag).
  public init(symbolIndex: Int) {
    self = []
    if symbolIndex & 1 != 0 { insert(.allCaps) }
    if symbolIndex & 2 != 0 { insert(.shout) }
    if symbolIndex & 4 != 0 { insert(.negator) }
    if symbolIndex & 8 != 0 { insert(.negationParticle) }
  }
}

/// One token: a byte range of the text, its kind, and the id of its folded form.
///
/// The id is the folded form's index in the `Vocabulary` of the loaded lexicons,
/// or 0 when no pattern uses that word, so the hot path never builds a `String`.
public struct Token: Sendable, Hashable {
  /// Byte offset of the first byte in the text.
  public var start: Int32
  /// Byte offset one past the last byte.
  public var end: Int32
  /// Vocabulary id of the folded form; 0 = a word no pattern mentions.
  public var id: Int32
  public var kind: TokenKind
  public var flags: TokenFlags

  public init(start: Int32, end: Int32, id: Int32, kind: TokenKind, flags: TokenFlags) {
    self.start = start
    self.end = end
    self.id = id
    self.kind = kind
    self.flags = flags
  }
}
