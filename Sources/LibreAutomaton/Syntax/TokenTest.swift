/// What one pattern position asks of a token, packed in 32 bits: the kind of test in the
/// top 4 bits, its argument (a vocabulary id, a prefix index, a token kind) below.
package struct TokenTest: Hashable, Sendable {
  package let raw: UInt32

  package static let wordTag: UInt32 = 0
  static let prefixTag: UInt32 = 1
  static let kindTag: UInt32 = 2
  static let capsTag: UInt32 = 3
  static let shoutTag: UInt32 = 4
  static let anyTag: UInt32 = 5
  /// A token that can sit in a noun phrase (`<np>`): a word, number, placeholder or emoji.
  static let slotTag: UInt32 = 6

  package static func word(_ id: Int32) -> TokenTest { TokenTest(raw: UInt32(id)) }
  package static func prefix(_ index: Int) -> TokenTest { TokenTest(raw: prefixTag << 28 | UInt32(index)) }
  package static func kind(_ kind: TokenKind) -> TokenTest { TokenTest(raw: kindTag << 28 | UInt32(kind.rawValue)) }
  package static let caps = TokenTest(raw: capsTag << 28)
  package static let shout = TokenTest(raw: shoutTag << 28)
  package static let any = TokenTest(raw: anyTag << 28)
  package static let slot = TokenTest(raw: slotTag << 28)

  /// The token kinds a slot step refuses. Tests see them as kinds, so tokens of these kinds
  /// never share a symbol (a lazy automaton's cache key) with the words a slot reads.
  static let kindsOutsideSlots: UInt8 =
    1 << TokenKind.punctuation.rawValue | 1 << TokenKind.url.rawValue | 1 << TokenKind.email.rawValue

  package var tag: UInt32 { raw >> 28 }
  package var argument: UInt32 { raw & 0x0FFF_FFFF }
}
