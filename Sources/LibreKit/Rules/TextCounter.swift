/// Counts of one segment of a document: what the form and call metrics are made of.
public struct SegmentCounts: Sendable, Equatable {
  public var words = 0
  public var questions = 0
  public var sentences = 0
  public var firstPerson = 0
  public var secondPerson = 0
  /// Vowel groups of the words, for reading ease (counted for emails only).
  public var syllables = 0

  public init() {}
}

/// Counts words, sentences, questions and pronouns per segment in the pass over the tokens
/// that the metrics need anyway.
struct TextCounter {
  let segmentEnds: [Int]
  var counts: [SegmentCounts]
  var metrics = TextMetrics()
  let countSyllables: Bool
  private var segment = 0

  init(segments: [Range<Int>], countSyllables: Bool) {
    segmentEnds = segments.map(\.upperBound)
    counts = [SegmentCounts](repeating: SegmentCounts(), count: max(1, segments.count))
    self.countSyllables = countSyllables
  }

  /// Counts `tokens` (offsets into `text`); returns the number of sentences started.
  mutating func count(
    _ tokens: UnsafeBufferPointer<Token>, text: UnsafeBufferPointer<UInt8>, questionMark: Int32,
    tables: LanguageTables?
  ) -> Int {
    var sentences = 0
    for (index, token) in tokens.enumerated() {
      while segment + 1 < counts.count && Int(token.start) >= segmentEnds[segment] { segment += 1 }
      if token.flags.contains(.sentenceStart) || index == 0 {
        sentences += 1
        counts[segment].sentences += 1
      }
      switch token.kind {
      case .word:
        metrics.words += 1
        counts[segment].words += 1
        if let tables, token.id != 0 {
          let role = tables.role(token.id)
          if role.contains(.firstPerson) { counts[segment].firstPerson += 1 }
          if role.contains(.secondPerson) { counts[segment].secondPerson += 1 }
        }
        if countSyllables && !token.flags.contains(.expanded) {
          counts[segment].syllables += Syllables.count(text, Int(token.start)..<Int(token.end))
        }
      case .punctuation:
        if token.id != 0 && token.id == questionMark {
          metrics.questions += 1
          counts[segment].questions += 1
        }
        if token.flags.contains(.shout) { metrics.exclamations += 1 }
      default: break
      }
    }
    metrics.sentences += sentences
    return sentences
  }
}

/// Syllables as vowel groups, the estimate readability formulas are usually run with.
enum Syllables {
  /// Vowel groups in the word `range` of `text`, less a silent final `e`; at least 1.
  static func count(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
    var groups = 0
    var inVowel = false
    var index = range.lowerBound
    var lastVowelWasFinalE = false
    while index < range.upperBound {
      let byte = text[index]
      var vowel = false
      var width = 1
      if byte < 0x80 {
        switch byte | 0x20 {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
          UInt8(ascii: "y"):
          vowel = true
        default: vowel = false
        }
      } else if byte == 0xC3, index + 1 < range.upperBound {
        // Latin-1 letters: à â ä è é ê ë î ï ô ö ù û ü ÿ and capitals are vowels, ç ñ are not.
        let next = text[index + 1] & 0xDF
        vowel = next != 0x87 && next != 0x91 && next >= 0x80 && next <= 0x9F
        width = 2
      } else if byte == 0xC5, index + 1 < range.upperBound, text[index + 1] == 0x93 || text[index + 1] == 0x92 {
        vowel = true  // œ
        width = 2
      } else {
        width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
      }
      if vowel && !inVowel { groups += 1 }
      lastVowelWasFinalE = vowel && byte | 0x20 == UInt8(ascii: "e") && index + 1 == range.upperBound && !inVowel
      inVowel = vowel
      index += width
    }
    if lastVowelWasFinalE && groups > 1 { groups -= 1 }
    return max(1, groups)
  }
}
