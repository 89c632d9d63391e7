import Testing

@testable import LibreKit

/// `TokenFlags.symbolIndex` is two shifts that rely on where four flags sit: it must give
/// each of the sixteen combinations of caps, shout, negator and particle its own index,
/// `init(symbolIndex:)` must invert it, and every other flag must leave it alone.
struct TokenFlagsTests {
  static let read: [(TokenFlags, Int)] = [(.allCaps, 1), (.shout, 2), (.negator, 4), (.negationParticle, 8)]
  static let others: [TokenFlags] = [
    .sentenceStart, .clauseStart, .expanded, .hyphenJoined, .capitalized, .scopeBreaker,
  ]

  @Test func eachReadFlagHasItsOwnBit() {
    for (flag, bit) in Self.read { #expect(flag.symbolIndex == bit, "\(flag.rawValue)") }
  }

  @Test func theIndexAndItsInverseAgreeAndOtherFlagsChangeNothing() {
    var seen = Set<Int>()
    for index in 0..<TokenFlags.symbolIndexCount {
      let flags = TokenFlags(symbolIndex: index)
      #expect(flags.symbolIndex == index)
      var expected = 0
      for (flag, bit) in Self.read where flags.contains(flag) { expected |= bit }
      #expect(expected == index)
      for other in Self.others { #expect(flags.union(other).symbolIndex == index) }
      #expect(flags.union(TokenFlags(Self.others)).symbolIndex == index)
      seen.insert(flags.symbolIndex)
    }
    #expect(seen.count == TokenFlags.symbolIndexCount)
  }
}
