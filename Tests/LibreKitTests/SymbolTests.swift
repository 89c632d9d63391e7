import Testing

@testable import LibreKit

/// A token's symbol, computed without branches, is what the rules of a symbol say:
/// the id if a test reads it, the kind if tests read kinds, caps and shout if tests read
/// them, then negator (2) or else particle (1). The same through the table of the parts
/// but the id.
struct SymbolTests {
  static func reference(_ automaton: PatternAutomaton, _ token: Token, info: UInt8) -> UInt32 {
    var symbol: UInt32 = info & 1 != 0 ? UInt32(token.id) << 8 : 0
    if automaton.usedKinds & (1 << token.kind.rawValue) != 0 { symbol |= UInt32(token.kind.rawValue + 1) << 4 }
    if automaton.emphasisMask & 8 != 0 && token.flags.contains(.allCaps) { symbol |= 8 }
    if automaton.emphasisMask & 4 != 0 && token.flags.contains(.shout) { symbol |= 4 }
    if token.flags.contains(.negator) {
      symbol |= 2
    } else if token.flags.contains(.negationParticle) {
      symbol |= 1
    }
    return symbol
  }

  @Test func everyKindAndFlagGivesTheSymbolTheRulesSay() throws {
    let linter = ShippedLexicons.linter
    // Every flag: the ones a symbol reads, and the others, which must change nothing.
    let read: [TokenFlags] = [
      .allCaps, .shout, .negator, .negationParticle, .sentenceStart, .capitalized, .clauseStart, .expanded,
      .hyphenJoined, .scopeBreaker,
    ]
    var checked = 0
    for language in [Language.english, .french] {
      let automaton = try #require(linter.tables(language)).automaton
      #expect(automaton.emphasisMask != 0 || automaton.usedKinds != 0)
      for kind in TokenKind.allCases {
        for subset in 0..<(1 << read.count) {
          var flags: TokenFlags = []
          for (bit, flag) in read.enumerated() where subset & (1 << bit) != 0 { flags.insert(flag) }
          for (id, info) in [(Int32(0), UInt8(0)), (17, 1), (17, 3), (4_000, 2), (Int32.max, 1)] {
            let token = Token(start: 0, end: 1, id: id, kind: kind, flags: flags)
            let expected = Self.reference(automaton, token, info: info)
            let arithmetic = PatternAutomaton.symbol(
              of: token, info: info, usedKinds: automaton.usedKinds, emphasisMask: automaton.emphasisMask)
            #expect(arithmetic == expected)
            #expect(automaton.symbol(of: token, info: info, rests: automaton.symbolRests.pointer) == expected)
            checked += 1
          }
        }
      }
    }
    #expect(checked == 2 * TokenKind.allCases.count * 1024 * 5)
  }
}
