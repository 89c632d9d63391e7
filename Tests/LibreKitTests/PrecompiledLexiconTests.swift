import LibreLexicons
import Testing

@testable import LibreKit

@Suite struct PrecompiledLexiconTests {
  /// The image compiled into the binary at build time is exactly what compiling the JSON
  /// gives now: the two can never drift apart unnoticed.
  @Test func embeddedBlobMatchesAFreshCompile() throws {
    let fresh = try CompiledLexicons.compile(try LexiconLoader.load(files: BuiltInLexicons.sourceFiles))
    let embedded = BuiltInLexicons.compiled()
    #expect(embedded.binary() == fresh.binary())
    #expect(embedded.rules.map(\.id) == fresh.rules.map(\.id))
  }

  /// The embedded image is compiled at build time by the same compiler, so the test above
  /// cannot see a compiler change that alters the output. This one can: a change to the
  /// compiler must leave the shipped lexicons' binary as it was, byte for byte. When the
  /// lexicons themselves change (or the binary format, on purpose), update the digest and
  /// the size from the failure message.
  @Test func compilerOutputIsUnchangedForTheShippedLexicons() throws {
    let image = try CompiledLexicons.compile(try LexiconLoader.load(files: BuiltInLexicons.sourceFiles)).binary()
    var digest: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in image.tables + image.texts { digest = (digest ^ UInt64(byte)) &* 0x100_0000_01B3 }
    let found = "\(image.tables.count) + \(image.texts.count) bytes, FNV-1a 0x\(String(digest, radix: 16))"
    #expect(found == Self.shippedBinary, "the compiled shipped lexicons changed: \(found)")
  }

  /// Sizes (tables + texts) and FNV-1a 64 digest of `CompiledLexicons.binary()` for `lexicons/`.
  static let shippedBinary = "1058700 + 383463 bytes, FNV-1a 0x4aba153d0738ee73"

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

  @Test func corruptImagesAreRefusedNotTrapped() throws {
    let image = try CompiledLexicons.compile(try LexiconLoader.load(files: BuiltInLexicons.sourceFiles)).binary()
    let (tables, texts) = (image.tables, image.texts)
    #expect(CompiledLexicons(binary: LexiconImage(tables: [], texts: texts)) == nil)
    #expect(CompiledLexicons(binary: LexiconImage(tables: Array(tables.prefix(tables.count / 2)), texts: texts)) == nil)
    #expect(CompiledLexicons(binary: LexiconImage(tables: tables + [0], texts: texts)) == nil)
    #expect(CompiledLexicons(binary: LexiconImage(tables: tables, texts: [])) == nil)
    #expect(CompiledLexicons(binary: LexiconImage(tables: tables, texts: Array(texts.prefix(texts.count / 2)))) == nil)
    #expect(CompiledLexicons(binary: LexiconImage(tables: tables, texts: texts + Array("1:x".utf8))) == nil)
    // A list's inner netstrings are checked when the rule is read, not when they are used.
    var brokenList = texts
    let firstList = try #require(Self.rangeOfFirstPatternList(texts))
    brokenList[firstList.lowerBound] = UInt8(ascii: "x")
    #expect(CompiledLexicons(binary: LexiconImage(tables: tables, texts: brokenList)) == nil)
    #expect(PackedText.decode(PackedText.encode(tables)) == tables)
  }

  /// The bytes of the first rule's pattern list: after its nine texts.
  private static func rangeOfFirstPatternList(_ texts: [UInt8]) -> Range<Int>? {
    var reader = NetstringReader(texts)
    for _ in 0..<9 { _ = try? reader.next() }
    return try? reader.next()
  }

  /// Precompiled rules keep their lists in the text until asked for; asked, they give what
  /// the JSON said, and a rule copied with another severity keeps them.
  @Test func storedListsReadAsWritten() throws {
    let fresh = try CompiledLexicons.compile(try LexiconLoader.load(files: BuiltInLexicons.sourceFiles))
    let restored = try #require(CompiledLexicons(binary: fresh.binary()))
    #expect(restored.rules.count == fresh.rules.count)
    for (left, right) in zip(fresh.rules, restored.rules) {
      #expect(left.patterns == right.patterns)
      #expect(left.exceptions == right.exceptions)
      #expect(left.matchingExamples == right.matchingExamples)
      #expect(left.nonMatchingExamples == right.nonMatchingExamples)
      #expect(left.message == right.message && left.suggestion == right.suggestion && left.source == right.source)
      #expect(left.location == right.location)
      #expect(!right.patterns.isEmpty)
    }
    let rule = try #require(restored.rules.first { !$0.exceptions.isEmpty })
    let copy = RuleSettings.copy(rule, severity: .info)
    #expect(copy.severity == .info)
    #expect(copy.patterns == rule.patterns && copy.exceptions == rule.exceptions)
  }
}

@Suite struct NetstringTests {
  @Test func roundTripsStringsAndLists() throws {
    var writer = NetstringWriter()
    writer.string("")
    writer.string("héllo: 1:2")
    writer.list(["a", "", "dites-le-moi", "«\u{0}»"])
    writer.list([])
    #expect(String(decoding: writer.bytes.prefix(16), as: UTF8.self) == "0:11:héllo: 1:2")
    var reader = NetstringReader(writer.bytes)
    #expect(try reader.string() == "")
    #expect(try reader.string() == "héllo: 1:2")
    #expect(try reader.list().values == ["a", "", "dites-le-moi", "«\u{0}»"])
    #expect(try reader.list().values == [])
    #expect(reader.isAtEnd)
  }

  @Test(arguments: ["", "5", "5:abc", ":", "x:", "-1:a", "12345678901:a", "3:ab"])
  func malformedNetstringsThrow(text: String) {
    var reader = NetstringReader(Array(text.utf8))
    #expect(throws: NetstringReader.Malformed.self) { try reader.next() }
  }

  @Test func aListWithABrokenElementIsRefusedWhenRead() {
    var reader = NetstringReader(Array("6:3:ab:x".utf8))
    #expect(throws: NetstringReader.Malformed.self) { try reader.list() }
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
