import LibreLexicons
import Testing

@testable import LibreKit

@Suite struct PrecompiledLexiconTests {
  /// The blob compiled into the binary at build time is exactly what compiling the JSON
  /// gives now: the two can never drift apart unnoticed.
  @Test func embeddedBlobMatchesAFreshCompile() throws {
    let fresh = try CompiledLexicons.compile(try LexiconLoader.load(files: BuiltInLexicons.sourceFiles))
    let embedded = BuiltInLexicons.compiled()
    #expect(embedded.binary() == fresh.binary())
    #expect(embedded.rules.map(\.id) == fresh.rules.map(\.id))
  }

  @Test func compilingIsDeterministic() throws {
    let set = try LexiconLoader.load(files: BuiltInLexicons.sourceFiles)
    #expect(try CompiledLexicons.compile(set).binary() == CompiledLexicons.compile(set).binary())
  }

  @Test func roundTripLintsTheSame() throws {
    let fresh = try CompiledLexicons.compile(try LexiconLoader.load(files: BuiltInLexicons.sourceFiles))
    let restored = try #require(CompiledLexicons(binary: fresh.binary()))
    let texts = [
      "You must sign today. No obligation, but the price ends tonight! You don't have to decide today.",
      "Vous êtes libre d'accepter ou de refuser. Il ne reste plus que 2 places, dépêchez-vous !",
    ]
    for text in texts {
      let left = Linter(lexicons: fresh).lint(Array(text.utf8))
      let right = Linter(lexicons: restored).lint(Array(text.utf8))
      #expect(left.findings.map(\.rule.id) == right.findings.map(\.rule.id))
      #expect(left.findings.map(\.start) == right.findings.map(\.start))
      #expect(left.score == right.score)
    }
  }

  @Test func corruptBlobsAreRefusedNotTrapped() throws {
    let bytes = try CompiledLexicons.compile(try LexiconLoader.load(files: BuiltInLexicons.sourceFiles)).binary()
    #expect(CompiledLexicons(binary: []) == nil)
    #expect(CompiledLexicons(binary: Array(bytes.prefix(bytes.count / 2))) == nil)
    #expect(CompiledLexicons(binary: bytes + [0]) == nil)
    #expect(Base64.decode(Base64.encode(bytes)) == bytes)
  }
}

@Suite struct Base64Tests {
  @Test(arguments: [0, 1, 2, 3, 4, 5, 6, 7, 100, 1000])
  func roundTripsEveryLength(length: Int) {
    let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
    #expect(Base64.decode(Base64.encode(bytes)) == bytes)
  }

  @Test func knownVectorsAndInvalidInput() {
    #expect(Base64.encode(Array("Man".utf8)) == "TWFu")
    #expect(Base64.encode(Array("Ma".utf8)) == "TWE=")
    #expect(Base64.decode("TWE=") == Array("Ma".utf8))
    #expect(Base64.decode("TQ==") == Array("M".utf8))
    #expect(Base64.decode("TW!u") == nil)
    #expect(Base64.decode("T") == nil)
  }
}
