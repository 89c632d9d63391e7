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
  /// `roles` is the language's word-role table (empty when the language has no lexicon),
  /// passed as a buffer so the loop does not retain the tables once per token.
  mutating func count(
    _ tokens: UnsafeBufferPointer<Token>, text: UnsafeBufferPointer<UInt8>, questionMark: Int32,
    roles: UnsafeBufferPointer<WordRole>
  ) -> Int {
    var sentences = 0
    // The current segment's counts live in a local while its tokens last: one array write
    // per segment, not several per token.
    var current = counts[segment]
    var segmentEnd = segment + 1 < counts.count ? segmentEnds[segment] : Int.max
    for (index, token) in tokens.enumerated() {
      if Int(token.start) >= segmentEnd {
        counts[segment] = current
        while segment + 1 < counts.count && Int(token.start) >= segmentEnds[segment] { segment += 1 }
        current = counts[segment]
        segmentEnd = segment + 1 < counts.count ? segmentEnds[segment] : Int.max
      }
      if token.flags.contains(.sentenceStart) || index == 0 {
        sentences += 1
        current.sentences += 1
      }
      switch token.kind {
      case .word:
        current.words += 1
        if token.id != 0 && Int(token.id) < roles.count {
          let role = roles[Int(token.id)]
          if role.contains(.firstPerson) { current.firstPerson += 1 }
          if role.contains(.secondPerson) { current.secondPerson += 1 }
        }
        if countSyllables && !token.flags.contains(.expanded) {
          current.syllables += Syllables.count(text, Int(token.start)..<Int(token.end))
        }
      case .punctuation:
        if token.id != 0 && token.id == questionMark { current.questions += 1 }
        if token.flags.contains(.shout) { metrics.exclamations += 1 }
      default: break
      }
    }
    counts[segment] = current
    metrics.sentences += sentences
    return sentences
  }

  /// Words and questions of the whole text.
  var totals: (words: Int, questions: Int) {
    counts.reduce((0, 0)) { ($0.0 + $1.words, $0.1 + $1.questions) }
  }
}

/// Syllables as vowel groups, the estimate readability formulas are usually run with.
enum Syllables {
  /// Per byte: 1 for an ASCII vowel (y included), 2 for a lead byte of a two-byte letter
  /// that may be an accented vowel, 0 otherwise.
  static let byteClass: [UInt8] = (0..<256).map { byte in
    switch UInt8(byte) | 0x20 {
    case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
      UInt8(ascii: "y"):
      return byte < 0x80 ? 1 : 0
    default: return byte == 0xC3 || byte == 0xC5 ? 2 : 0
    }
  }

  /// Vowel groups in the word `range` of `text`, less a silent final `e`; at least 1.
  static func count(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
    var groups = 0
    var inVowel = false
    var index = range.lowerBound
    let end = range.upperBound
    var finalE = false
    byteClass.withUnsafeBufferPointer { table in
      while index < end {
        let byte = text[index]
        var vowel = false
        switch table[Int(byte)] {
        case 1:
          vowel = true
          index += 1
        case 2 where index + 1 < end:
          let next = text[index + 1]
          // à…ÿ and capitals except ç (0xA7/0x87), ñ (0xB1/0x91), ß, ×, ÷; œ (C5 93) and Œ (C5 92).
          vowel =
            byte == 0xC5
            ? next == 0x93 || next == 0x92
            : next & 0xDF >= 0x80 && next & 0xDF <= 0x9F && next & 0xDF != 0x87 && next & 0xDF != 0x91
          index += 2
        default:
          index += 1
        }
        if vowel && !inVowel { groups += 1 }
        finalE = vowel && !inVowel && index == end && byte | 0x20 == UInt8(ascii: "e")
        inVowel = vowel
      }
    }
    if finalE && groups > 1 { groups -= 1 }
    return max(1, groups)
  }
}
