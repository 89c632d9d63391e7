import Foundation
import LibreLexicons
import Testing

@testable import LibreKit

/// Guards the tokenizer and the id lookup against any change of output while they are tuned
/// for speed: digests of every token (span, id, kind, flags, folded form) over the bundled
/// corpora and a generated text full of the cases the fast paths skip, recorded before the
/// tuning began. The generated text draws words from the shipped lexicons' vocabulary, so a
/// lexicon change moves the digests too: then check the change explains it and record the
/// new digests from the failure message.
@Suite struct TokenStreamGoldenTests {
  static let lexicons = BuiltInLexicons.compiled()

  /// Every text file of the bundled corpora, in a fixed order.
  static func corpusTexts(source: String = #filePath) -> [[UInt8]] {
    let root = URL(fileURLWithPath: source).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("corpora")
    guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
    let paths = walker.compactMap { ($0 as? URL)?.path }
    return paths.sorted().compactMap { FileManager.default.contents(atPath: $0).map { Array($0) } }
  }

  /// Text made of vocabulary words and their neighbours, in random case, with accents,
  /// contractions, elisions, prefixes, numbers, URLs, addresses, emoji and broken UTF-8.
  static func generatedText(seed: UInt64, size: Int) -> [UInt8] {
    var state = seed
    func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
    let vocabulary = lexicons.vocabulary
    let prefixes = lexicons.prefixes.prefixes.map { String(decoding: $0, as: UTF8.self) }
    let extras = [
      "don't", "Won't", "l'offre", "qu'il", "aujourd'hui", "let's", "it's", "CANNOT", "students'", "e.g.",
      "Mr.", "3.14", "12:30", "https://x.example/a?b=1", "www.site.fr", "a.b@mail.com", "[Name]", "{{first}}",
      "😀👍🏽", "Déjà", "ÉLAN", "cœur", "Straße", "naïve", "ŒUVRE", "İstanbul", "Ωmega", "日本語", "l’offre",
      "rock’n’roll", "—", "…", "?!", "!!!", "«", "»", "\"", "(", ")", "-", "dites-le-moi", "\n", "\n\n", "\t",
      String(repeating: "a", count: 300), "x", "I", "A.", "etc.", "ça", "déjà-vu", "1,000", "x\u{00AD}y",
    ]
    let separators = [" ", " ", " ", " ", ", ", ". ", "! ", "? ", "\n", "; ", ": ", " - ", "'", " ' "]
    var text: [UInt8] = []
    while text.count < size {
      var word: String
      switch next(10) {
      case 0..<5: word = vocabulary.word(Int32(1 + next(vocabulary.count)))
      case 5: word = prefixes.isEmpty ? "x" : prefixes[next(prefixes.count)] + ["", "s", "ing", "é", "x"][next(5)]
      case 6: word = extras[next(extras.count)]
      case 7: word = String(next(100_000))
      default:
        let base = vocabulary.word(Int32(1 + next(vocabulary.count)))
        word = String(base.prefix(max(1, base.count - next(3)))) + ["", "s", "ed", "q"][next(4)]
      }
      switch next(6) {
      case 0: word = word.uppercased()
      case 1: word = word.prefix(1).uppercased() + word.dropFirst()
      default: break
      }
      text += Array(word.utf8)
      if next(200) == 0 { text += [0xFF, 0xC3] }
      text += Array(separators[next(separators.count)].utf8)
    }
    return text
  }

  /// FNV-1a over the tokens' spans, ids, kinds and flags.
  static func digest(_ tokens: [Token]) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    func mix(_ value: Int64) {
      for shift in stride(from: 0, to: 64, by: 8) {
        hash = (hash ^ UInt64(truncatingIfNeeded: value >> Int64(shift)) & 0xFF) &* 0x100_0000_01B3
      }
    }
    for token in tokens {
      mix(Int64(token.start))
      mix(Int64(token.end))
      mix(Int64(token.id))
      mix(Int64(token.kind.rawValue))
      mix(Int64(token.flags.rawValue))
    }
    return hash
  }

  /// Hashes every token the bare tokenizer emits, folded form included.
  struct DigestSink: TokenSink {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    var tokens = 0

    mutating func mix(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }

    mutating func token(
      start: Int, end: Int, kind: TokenKind, flags: TokenFlags, folded: UnsafeBufferPointer<UInt8>
    ) {
      tokens += 1
      for value in [start, end, Int(kind.rawValue), Int(flags.rawValue), folded.count] {
        for shift in stride(from: 0, to: 64, by: 8) { mix(UInt8(truncatingIfNeeded: value >> shift)) }
      }
      for byte in folded { mix(byte) }
    }
  }

  static func texts() -> [[UInt8]] {
    corpusTexts() + [generatedText(seed: 1, size: 400_000), generatedText(seed: 2, size: 100_000)]
  }

  @Test func lintTokenStreamsAreUnchanged() {
    let linter = Linter(lexicons: TokenStreamGoldenTests.lexicons)
    var hash: UInt64 = 0
    var count = 0
    for text in TokenStreamGoldenTests.texts() {
      let tokens = linter.tokens(text)
      count += tokens.count
      hash = (hash &* 31) ^ TokenStreamGoldenTests.digest(tokens)
    }
    #expect(count == 165_548)
    #expect(hash == 15_034_262_454_002_669_254)
  }

  @Test func foldedFormsAreUnchanged() {
    var sink = DigestSink()
    let tokenizer = Tokenizer()
    for text in TokenStreamGoldenTests.texts() { tokenizer.tokenize(text, into: &sink) }
    #expect(sink.tokens == 165_548)
    #expect(sink.hash == 16_771_467_980_440_325_326)
  }

  /// The frozen lookup against the plain vocabulary and a scan of the prefix list, over every
  /// word, every prefix and their near neighbours.
  @Test func frozenLookupMatchesTheReference() {
    let lexicons = TokenStreamGoldenTests.lexicons
    let vocabulary = lexicons.vocabulary
    let prefixes = lexicons.prefixes
    func reference(_ bytes: [UInt8], isWord: Bool) -> Int32 {
      let id = bytes.withUnsafeBufferPointer { vocabulary.lookup($0) }
      if id != 0 || !isWord { return id }
      var best = -1
      for (index, prefix) in prefixes.prefixes.enumerated()
      where bytes.starts(with: prefix) && (best < 0 || prefix.count > prefixes.prefixes[best].count) {
        best = index
      }
      return best < 0 ? 0 : prefixes.firstSyntheticID + Int32(best)
    }
    var candidates: [[UInt8]] = [[], [0x61], [0x27], Array("zzzz".utf8)]
    for id in 1...Int32(vocabulary.count) {
      let word = Array(vocabulary.word(id).utf8)
      candidates += [word, word + [0x73], Array(word.dropLast()), [0x78] + word, word + word]
    }
    for prefix in prefixes.prefixes { candidates += [prefix, prefix + [0x65], Array(prefix.dropLast())] }
    for length in 0...40 { candidates.append([UInt8](repeating: 0x65, count: length)) }
    let padded = UnsafeMutablePointer<UInt8>.allocate(capacity: 4096)
    defer { padded.deallocate() }
    var mismatches = 0
    for candidate in candidates where candidate.count < 4000 {
      // The lookup may read past the word, as it does in the tokenizer's scratch buffer.
      padded.initialize(repeating: 0xA5, count: 4096)
      candidate.withUnsafeBufferPointer { padded.update(from: $0.baseAddress!, count: $0.count) }
      let bytes = UnsafeBufferPointer(start: UnsafePointer(padded), count: candidate.count)
      for isWord in [true, false]
      where lexicons.lookup.id(of: bytes, isWord: isWord) != reference(candidate, isWord: isWord) {
        mismatches += 1
      }
    }
    #expect(mismatches == 0)
    #expect(candidates.count > 1000)
  }
}
