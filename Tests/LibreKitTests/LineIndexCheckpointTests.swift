import LibreKit
import Testing

/// Columns on long lines are counted from a checkpoint, not from the line's start, so a
/// minified lexicon (one line of megabytes) loads in linear time (issue 21, point 11).
struct LineIndexCheckpointTests {
  @Test func checkpointsGiveTheSameLocations() {
    var generator = SplitMix(seed: 11)
    let pieces: [[UInt8]] = [Array("a".utf8), Array("é".utf8), Array("🎉".utf8), [0x0A], [0x0D], [0x0D, 0x0A]]
    for _ in 0..<20 {
      var bytes: [UInt8] = []
      while bytes.count < 30_000 {
        let roll = Int(generator.next() % 1000)
        bytes += roll < 3 ? pieces[3 + roll] : pieces[Int(generator.next() % 3)]
      }
      let plain = LineIndex(bytes)
      let checked = LineIndex(bytes, columnCheckpoints: true)
      for offset in stride(from: 0, through: bytes.count, by: 97) {
        #expect(plain.location(of: offset) == checked.location(of: offset), "offset \(offset)")
      }
    }
  }

  @Test func aMinifiedLexiconLoadsInLinearTime() throws {
    let rules = (0..<1500).map { number in
      TestLexicons.rule(
        "pressure.test.rule\(number)", (0..<10).map { "word\(number) pattern\($0)" })
    }
    // One line of about 750 KB holding 15,000 patterns, each of which asks for its column
    // (3,000 rules, twice as many, took more than 200 s before; 5.5 s after, debug build).
    let file = "{ \"language\": \"en\", \"rules\": [" + rules.joined(separator: ", ") + "] }"
    #expect(!file.contains("\n"))
    let clock = ContinuousClock()
    let started = clock.now
    let set = try LexiconLoader.load(files: [
      ("en/language.json", Array(TestLexicons.englishProfile.utf8)), ("en/rules.json", Array(file.utf8)),
    ])
    #expect(set.rules.count == 1500)
    #expect(set.rules.last?.patternLocations.last?.column ?? 0 > 500_000)
    #expect(clock.now - started < .seconds(30), "far more than linear time")
  }
}
