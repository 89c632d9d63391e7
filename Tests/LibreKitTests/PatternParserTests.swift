import Testing

@testable import LibreKit

/// The parser reads every pattern of a compile into one flat array and folds each distinct
/// literal once: these pin the trees it gives back and the offsets of its errors.
@Suite struct PatternParserTests {
  func words(_ text: String) -> [PatternSyntax] { WordFolder().fold(text).map { .word($0) } }

  @Test func groupsOptionalsAndChoicesKeepTheirShape() throws {
    #expect(
      try PatternParser.parse("sign (now | today)")
        == .sequence([.word("sign"), .choice([.sequence([.word("now")]), .sequence([.word("today")])])]))
    #expect(try PatternParser.parse("(a)") == .sequence([.sequence([.word("a")])]))
    #expect(
      try PatternParser.parse("[really] sign") == .sequence([.optional(.sequence([.word("really")])), .word("sign")]))
    #expect(try PatternParser.parse("a | b") == .choice([.sequence([.word("a")]), .sequence([.word("b")])]))
  }

  @Test func prefixesGapsKindsAndClasses() throws {
    #expect(try PatternParser.parse("no oblig*") == .sequence([.word("no"), .prefix("oblig")]))
    #expect(try PatternParser.parse("a * b") == .sequence([.word("a"), .any, .word("b")]))
    #expect(try PatternParser.parse("a *{ 0 , 3 } b") == .sequence([.word("a"), .gap(min: 0, max: 3), .word("b")]))
    #expect(try PatternParser.parse("<num> @you") == .sequence([.kind(.number), .classReference("you")]))
    #expect(try PatternParser.parse("<caps><shout>") == .sequence([.caps, .shout]))
  }

  @Test func nounPhraseSlotsTakeDefaultOrWrittenBounds() throws {
    #expect(
      try PatternParser.parse("claim <np> now") == .sequence([.word("claim"), .slot(min: 1, max: 4), .word("now")]))
    #expect(try PatternParser.parse("a <np{0, 6}> b") == .sequence([.word("a"), .slot(min: 0, max: 6), .word("b")]))
    #expect(throws: PatternError(message: "a noun-phrase slot may span at most 8 tokens", offset: 2)) {
      try PatternParser.parse("a <np{1,9}> b")
    }
    #expect(
      throws: PatternError(
        message: "a noun-phrase slot is written <np{min,max}> with 0 <= min <= max and max >= 1", offset: 2)
    ) { try PatternParser.parse("a <np{0,0}> b") }
    #expect(throws: PatternError(message: "expected '>' after '<np'", offset: 2)) { try PatternParser.parse("a <np b") }
    #expect(throws: PatternError(message: "missing '}' after '<np{'", offset: 2)) {
      try PatternParser.parse("a <np{1,")
    }
  }

  @Test func escapesAndSpacesFoldLikeTheText() throws {
    #expect(try PatternParser.parse("a \\( b") == .sequence(words("a ( b")))
    #expect(try PatternParser.parse("  don't  stop ") == .sequence(words("don't stop")))
    #expect(try PatternParser.parse("l'offre (été)") == .sequence(words("l'offre") + [.sequence(words("été"))]))
  }

  @Test func errorOffsetsCountScalarsNotBytes() {
    #expect(throws: PatternError(message: "missing ')'", offset: 4)) { try PatternParser.parse("été (a") }
    #expect(throws: PatternError(message: "unmatched ')'", offset: 2)) { try PatternParser.parse("é )") }
    #expect(throws: PatternError(message: "a prefix needs at least 3 letters before '*'", offset: 4)) {
      try PatternParser.parse("ça (ob*)")
    }
    #expect(throws: PatternError(message: "'\\' at the end", offset: 2)) { try PatternParser.parse("é \\") }
  }

  @Test func aLiteralMetAsWordAndAsPrefixCompilesBoth() throws {
    let linter = try TestLexicons.linter(english: [
      TestLexicons.rule("pressure.test.prefix", ["must oblig*"]),
      TestLexicons.rule("pressure.test.word", ["must  oblig now"]),
    ])
    #expect(linter.hits("You must obligate") == ["pressure.test.prefix=must obligate"])
    #expect(
      linter.hits("must oblig now").sorted() == [
        "pressure.test.prefix=must oblig", "pressure.test.word=must oblig now",
      ])
  }
}
