/// The constant of Fibonacci hashing, ⌊2⁶⁴/φ⌋ (odd). Multiplying a key by it spreads the
/// key's bits into the high bits, which the open-addressing tables take as the slot (the
/// frozen lookup, the short-word table, the lazy DFA's transitions), and the vocabulary's
/// hash starts from it. One definition for all of them.
package enum FibonacciHash {
  @inlinable package static var multiplier: UInt64 { 0x9E37_79B9_7F4A_7C15 }
}
