import Testing

@testable import LibreFormats

/// `NameTally` counts names from bytes as a `[String: Int]` counted them, strings built once.
@Suite struct NameTallyTests {
  /// Adds each name of `names`, written one after another in one buffer.
  func tally(_ names: [String]) -> (tally: NameTally, found: [NameTally.Found]) {
    var bytes: [UInt8] = []
    var ranges: [Range<Int>] = []
    for name in names {
      ranges.append(bytes.count..<bytes.count + name.utf8.count)
      bytes += Array(name.utf8)
    }
    var tally = NameTally()
    let found = ranges.map { tally.add(bytes, $0) }
    return (tally, found)
  }

  @Test func countsAsADictionaryOfStrings() {
    let names = ["Sam", "Léa", "Sam", "sam", "Léa", "Sam"]
    let (tally, found) = tally(names)
    var expected: [String: Int] = [:]
    for name in names { expected[name, default: 0] += 1 }
    #expect(Dictionary(uniqueKeysWithValues: zip(tally.names, tally.counts)) == expected)
    #expect(tally.names == ["Sam", "Léa", "sam"], "in order of first appearance")
    #expect(found.map(\.id) == [0, 1, 0, 2, 1, 0])
    #expect(found.map(\.spelling) == names)
  }

  /// A decomposed `é` is the same name as a precomposed one, as for `String`, and each
  /// occurrence keeps its own spelling.
  @Test func canonicallyEquivalentSpellingsAreOneName() {
    let precomposed = "L\u{E9}a"
    let decomposed = "Le\u{301}a"
    let (tally, found) = tally([precomposed, decomposed, decomposed])
    #expect(tally.names == [precomposed])
    #expect(tally.counts == [3])
    #expect(found.map(\.id) == [0, 0, 0])
    #expect(
      found.map { Array($0.spelling.utf8) } == [
        Array(precomposed.utf8), Array(decomposed.utf8), Array(decomposed.utf8),
      ])
  }

  /// Past the names compared byte by byte, names are still told apart and found again.
  @Test func manyNames() {
    let names = (0..<40).map { "Speaker \($0)" }
    let (tally, found) = tally(names + names.reversed() + ["Speaker 3"])
    #expect(tally.names == names)
    #expect(tally.counts == names.map { $0 == "Speaker 3" ? 3 : 2 })
    #expect(found.map(\.id) == Array(0..<40) + Array((0..<40).reversed()) + [3])
  }

  /// A name counts as a speaker when it recurs or is capitalized.
  @Test func acceptedNamesRecurOrAreCapitalized() {
    let (tally, _) = tally(["Sam", "rep", "rep", "agent", "Élodie"])
    #expect(tally.accepted() == [true, true, false, true])
  }
}

/// A plain transcript's sniff counts its speaker names; the parser reuses them only when
/// the sniff read the whole file, and then reads the same cues as counting them again.
@Suite struct SniffedNamesTests {
  static func transcript(lines: Int) -> [UInt8] {
    var text = "Notes from the call\n"
    for index in 0..<lines {
      text +=
        index % 2 == 0 ? "Sam: can you tell me more about it? \(index)\n" : "l\u{E9}a: sure, here it is. \(index)\n"
    }
    return Array(text.utf8)
  }

  @Test func theParserReadsTheSameCuesWithTheSniffedNames() throws {
    let bytes = SniffedNamesTests.transcript(lines: 40)
    let sniffed = try #require(TranscriptLoader.sniffedSupported(extension: "txt", bytes: bytes))
    #expect(sniffed.format == .plain)
    let names = try #require(sniffed.names)
    let counted = try PlainTranscriptParser.parse(bytes, path: "call.txt", limits: InputLimits(), names: nil)
    let reused = try PlainTranscriptParser.parse(bytes, path: "call.txt", limits: InputLimits(), names: names)
    #expect(reused.cues == counted.cues)
    #expect(reused.text.bytes == counted.text.bytes)
    #expect(counted.cues.compactMap(\.speaker).contains("Sam"))
  }

  @Test func aFileLongerThanTheSniffCountsItsNamesAgain() throws {
    let bytes = SniffedNamesTests.transcript(lines: 3_000)
    #expect(bytes.count > 1 << 16)
    let sniffed = try #require(TranscriptLoader.sniffedSupported(extension: "txt", bytes: bytes))
    #expect(sniffed.format == .plain)
    #expect(sniffed.names == nil)
  }
}
