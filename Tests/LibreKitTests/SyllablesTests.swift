import Testing

@testable import LibreKit

/// The table-driven syllable count gives what the plain byte loop it replaced gives.
struct SyllablesTests {
  /// The former count, kept as the reference: vowel groups per word, less a final silent
  /// `e` in words of two groups or more, at least one per word.
  static func reference(_ text: [UInt8]) -> Int {
    var total = 0
    var groups = 0
    var inWord = false
    var inVowel = false
    var lastGroupIsLoneE = false
    for byte in text {
      switch Syllables.byteClass[Int(byte)] {
      case 1:
        if !inVowel {
          groups += 1
          lastGroupIsLoneE = byte | 0x20 == UInt8(ascii: "e")
        } else {
          lastGroupIsLoneE = false
        }
        inVowel = true
        inWord = true
      case 2:
        inVowel = false
        lastGroupIsLoneE = false
        inWord = true
      case 3:
        break
      default:
        if inWord { total += max(1, groups - (lastGroupIsLoneE && inVowel && groups > 1 ? 1 : 0)) }
        groups = 0
        inWord = false
        inVowel = false
        lastGroupIsLoneE = false
      }
    }
    if inWord { total += max(1, groups - (lastGroupIsLoneE && inVowel && groups > 1 ? 1 : 0)) }
    return total
  }

  static func count(_ text: [UInt8]) -> Int {
    text.withUnsafeBufferPointer { Syllables.count($0, 0..<text.count) }
  }

  @Test(arguments: [
    "make", "the", "be", "tree", "e", "eye", "queue", "rhythm", "strengths", "café", "élève", "œuvre",
    "naïve", "don't", "H2O", "a-e", "ÉTÉ", "Make sure the code is free.", "", " ", "ee e ae",
  ])
  func matchesTheByteLoop(text: String) {
    #expect(Self.count(Array(text.utf8)) == Self.reference(Array(text.utf8)))
  }

  @Test func matchesTheByteLoopOnRandomText() {
    // Bytes drawn from the classes that matter: vowels (e apart), consonants, accents,
    // lead bytes, separators.
    let alphabet: [UInt8] = Array("aeEiouyYbcdzZ09' .,-\n".utf8) + [0xC3, 0xC5, 0xA9, 0xA7, 0x80, 0x93, 0xFF]
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    for _ in 0..<2000 {
      var text: [UInt8] = []
      for _ in 0..<Int(seed % 40) {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        text.append(alphabet[Int(seed >> 33) % alphabet.count])
      }
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      #expect(Self.count(text) == Self.reference(text), "\(text)")
    }
  }

  /// Long texts are counted in four interleaved chains cut at word boundaries; texts with
  /// few or no boundaries put the cuts late or nowhere.
  @Test(arguments: [1, 8, 100, 100_000])
  func interleavedChainsMatchTheByteLoop(separatorOneIn: Int) {
    let letters: [UInt8] = Array("aeEiouyYbcdzZ09'".utf8) + [0xC3, 0xC5, 0xA9, 0xA7, 0x80, 0x93]
    let separators: [UInt8] = Array(" .,-\n".utf8) + [0xFF]
    var seed: UInt64 = 0x2545_F491_4F6C_DD1D
    for length in [Syllables.interleavedMinimum - 1, Syllables.interleavedMinimum, 65, 257, 1000, 4099] {
      for _ in 0..<50 {
        var text: [UInt8] = []
        for _ in 0..<length {
          seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
          let pick = Int(seed >> 33)
          text.append(
            pick % separatorOneIn == 0 ? separators[pick / 7 % separators.count] : letters[pick / 7 % letters.count])
        }
        #expect(Self.count(text) == Self.reference(text))
        let inner = text.withUnsafeBufferPointer { Syllables.count($0, 3..<(length - 2)) }
        #expect(inner == Self.reference(Array(text[3..<(length - 2)])))
      }
    }
  }

  /// The four-byte step may treat the bytes of a class alike only if the byte table does.
  @Test func bytesOfAClassTakeTheSameTransitions() {
    for state in 0..<8 {
      for byte in 0..<256 {
        let exemplar = Int(Syllables.classExemplars[Int(Syllables.quadClass[byte])])
        #expect(Syllables.transitions[state << 8 | byte] == Syllables.transitions[state << 8 | exemplar], "\(byte)")
      }
    }
  }

  @Test func countsARange() {
    let text = Array("xx make xx".utf8)
    let counted = text.withUnsafeBufferPointer { Syllables.count($0, 3..<7) }
    #expect(counted == 1)
  }
}
