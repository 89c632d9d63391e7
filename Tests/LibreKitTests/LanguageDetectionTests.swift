import Testing

@testable import LibreKit

/// Detection stops reading once the lead is more than the tokens left; its verdict must be
/// the one of the whole sample, whatever the mix and however close the race.
struct LanguageDetectionTests {
  @Test(arguments: 0..<60)
  func stoppingEarlyGivesTheWholeSamplesVerdict(seed: UInt64) {
    let linter = ShippedLexicons.linter
    let lean = linter.stopwordLean
    let english = lean.indices.filter { lean[$0] < 0 }.map(Int32.init)
    let french = lean.indices.filter { lean[$0] > 0 }.map(Int32.init)
    let neither = lean.indices.filter { lean[$0] == 0 }.map(Int32.init)
    #expect(!english.isEmpty && !french.isEmpty)
    var random = SeededRandom(seed: seed)
    // From a clear lead to a near tie, short texts to longer than the sample.
    let count = Int(random.next(upTo: 3_000))
    let frenchShare = random.next(upTo: 101)
    var tokens: [Token] = []
    for _ in 0..<count {
      let roll = random.next(upTo: 100)
      let pool = roll < 40 ? neither : (random.next(upTo: 100) < frenchShare ? french : english)
      let id = pool[Int(random.next(upTo: UInt64(pool.count)))]
      tokens.append(Token(start: 0, end: 1, id: id, kind: .word, flags: []))
    }
    let sample = tokens.prefix(Linter.detectionSample)
    let sum = sample.reduce(0) { $0 + Int(lean.indices.contains(Int($1.id)) ? lean[Int($1.id)] : 0) }
    #expect(linter.detectLanguage(tokens) == (sum > 0 ? .french : .english))
  }

  /// One language's stop words, then the other's: the lead turns late, just before the
  /// text (or the sample) ends, and a verdict taken early would be wrong.
  @Test(arguments: [(150, 151), (150, 150), (64, 65), (1_000, 999), (1_000, 1_001), (700, 650)])
  func aLateTurnDecides(englishFirst: Int, frenchAfter: Int) {
    let linter = ShippedLexicons.linter
    let lean = linter.stopwordLean
    let english = Int32(lean.firstIndex { $0 < 0 }!)
    let french = Int32(lean.firstIndex { $0 > 0 }!)
    let ids = Array(repeating: english, count: englishFirst) + Array(repeating: french, count: frenchAfter)
    let tokens = ids.map { Token(start: 0, end: 1, id: $0, kind: .word, flags: []) }
    let sample = ids.prefix(Linter.detectionSample)
    let lead = sample.filter { $0 == french }.count - sample.filter { $0 == english }.count
    #expect(linter.detectLanguage(tokens) == (lead > 0 ? .french : .english))
    let reversed = ids.map { $0 == english ? french : english }.map {
      Token(start: 0, end: 1, id: $0, kind: .word, flags: [])
    }
    #expect(linter.detectLanguage(reversed) == (-lead > 0 ? .french : .english))
  }

  @Test func aTieIsEnglish() {
    let linter = ShippedLexicons.linter
    let lean = linter.stopwordLean
    let english = Int32(lean.firstIndex { $0 < 0 }!)
    let french = Int32(lean.firstIndex { $0 > 0 }!)
    let tokens = (0..<200).map { Token(start: 0, end: 1, id: $0 % 2 == 0 ? english : french, kind: .word, flags: []) }
    #expect(linter.detectLanguage(tokens) == .english)
    #expect(linter.detectLanguage(tokens + [tokens[1]]) == .french)
  }
}
