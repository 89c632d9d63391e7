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

  /// The embedded blob is compiled at build time by the same compiler, so the test above
  /// cannot see a compiler change that alters the output. This one can: a change to the
  /// compiler must leave the shipped lexicons' binary as it was, byte for byte. When the
  /// lexicons themselves change (or the binary format, on purpose), update the digest and
  /// the size from the failure message.
  @Test func compilerOutputIsUnchangedForTheShippedLexicons() throws {
    let binary = try CompiledLexicons.compile(try LexiconLoader.load(files: BuiltInLexicons.sourceFiles)).binary()
    var digest: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in binary { digest = (digest ^ UInt64(byte)) &* 0x100_0000_01B3 }
    let found = "\(binary.count) bytes, FNV-1a 0x\(String(digest, radix: 16))"
    #expect(found == Self.shippedBinary, "the compiled shipped lexicons changed: \(found)")
  }

  /// Size and FNV-1a 64 digest of `CompiledLexicons.binary()` for `lexicons/`.
  static let shippedBinary = "1091136 bytes, FNV-1a 0xf111365d42e5764d"

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
    #expect(PackedText.decode(PackedText.encode(bytes)) == bytes)
  }
}

@Suite struct PackedTextTests {
  @Test(arguments: [0, 1, 2, 5, 6, 7, 11, 12, 13, 100, 1000])
  func roundTripsEveryLengthAndEveryByte(length: Int) {
    let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
    #expect(PackedText.decode(PackedText.encode(bytes)) == bytes)
    let extremes = (0..<length).map { $0 % 2 == 0 ? UInt8(0xFF) : 0 }
    #expect(PackedText.decode(PackedText.encode(extremes)) == extremes)
  }

  @Test func knownTextAndItsAlphabet() {
    // The count (3) in the first group, then 0x01 0x02 0x03 as six-bit digits, low first:
    // 0x030201 is 000000 110000 001000 000001 from the top: 1, 8, 48 ("`"), 0.
    #expect(PackedText.encode([1, 2, 3]) == "30000000" + "18`0" + "0000")
    let text = PackedText.encode((0...255).map { UInt8($0) } + [0xFF, 0xFF, 0xFF])
    #expect(text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x6F })
  }

  @Test func malformedTextIsRefused() {
    let good = PackedText.encode([1, 2, 3, 4, 5, 6, 7])
    #expect(PackedText.decode(good) == [1, 2, 3, 4, 5, 6, 7])
    #expect(PackedText.decode("") == nil)
    #expect(PackedText.decode(String(good.dropLast())) == nil, "not whole groups")
    #expect(PackedText.decode(String(good.dropLast(8))) == nil, "fewer groups than the count says")
    #expect(PackedText.decode(good + "00000000") == nil, "more groups than the count says")
    for bad in ["/", "p", "~", " ", "\u{7F}", "\u{0}"] {
      var characters = Array(good)
      characters[9] = Character(bad)
      #expect(PackedText.decode(String(characters)) == nil, "\(bad) is outside the alphabet")
    }
  }
}
