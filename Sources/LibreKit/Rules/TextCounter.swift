/// Counts of one segment of a document: what the form and call metrics are made of.
public struct SegmentCounts: Sendable, Equatable {
  public var words = 0
  public var questions = 0
  public var sentences = 0
  public var firstPerson = 0
  public var secondPerson = 0
  /// Vowel groups of the words, for reading ease (counted for email bodies only).
  public var syllables = 0

  public init() {}
}

/// Counts words, sentences, questions and pronouns per segment in the pass over the tokens
/// that the metrics need anyway.
struct TextCounter {
  let segmentEnds: [Int]
  var counts: [SegmentCounts]
  var metrics = TextMetrics()
  private var segment = 0

  /// Where each segment starts: tokens in a gap between segments (an email's `Subject:`
  /// label) belong to no part and are not counted.
  let segmentStarts: [Int]

  init(segments: [Range<Int>]) {
    segmentEnds = segments.map(\.upperBound)
    segmentStarts = segments.map(\.lowerBound)
    counts = [SegmentCounts](repeating: SegmentCounts(), count: max(1, segments.count))
  }

  /// Counts `tokens` (offsets into `text`); returns the number of sentences started.
  /// `roles` is the language's word-role table (empty when the language has no lexicon),
  /// passed as a buffer so the loop does not retain the tables once per token.
  mutating func count(
    _ tokens: UnsafeBufferPointer<Token>, questionMark: Int32,
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
      if segment < segmentStarts.count && Int(token.start) < segmentStarts[segment] { continue }
      switch token.kind {
      case .word:
        current.words += 1
        if Int(token.id) < roles.count {
          // Added without a branch: pronouns come at random among the words.
          let role = roles[Int(token.id)]
          current.firstPerson &+= role.contains(.firstPerson) ? 1 : 0
          current.secondPerson &+= role.contains(.secondPerson) ? 1 : 0
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

/// Syllables as vowel groups, the estimate readability formulas are usually run with,
/// counted in one byte loop over a whole segment rather than word by word.
enum Syllables {
  /// Per byte: 1 vowel (ASCII a e i o u y, and the second byte of a Latin-1 accented vowel
  /// or œ), 2 another letter or digit or apostrophe (inside a word), 3 a UTF-8 lead byte of
  /// a two-byte letter (transparent), 0 a word boundary.
  static let byteClass: [UInt8] = (0..<256).map { value in
    let byte = UInt8(value)
    switch byte {
    case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
      UInt8(ascii: "y"), UInt8(ascii: "A"), UInt8(ascii: "E"), UInt8(ascii: "I"), UInt8(ascii: "O"),
      UInt8(ascii: "U"), UInt8(ascii: "Y"):
      return 1
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"),
      UInt8(ascii: "'"):
      return 2
    case 0xC3, 0xC5: return 3
    // After 0xC3: à…ï (A0–AF) and ò…ÿ (B2–BF) less ç (A7), ñ (B1), ÷ (B7); capitals 80–9F likewise.
    case 0x80...0x86, 0x88...0x8F, 0x92...0x96, 0x98...0x9F, 0xA0...0xA6, 0xA8...0xAF, 0xB2...0xB6, 0xB8...0xBF:
      return 1
    case 0x87, 0x91, 0xA7, 0xB1: return 2
    default: return 0
    }
  }

  /// The states of the count, one per situation that decides what a word adds when it
  /// ends: outside a word; in a word with no vowel group yet; after one group or two or
  /// more, in a consonant, in a vowel group, or in a group that is a lone `e` so far.
  private enum State: Int {
    case outside, noGroup, oneConsonant, oneVowel, oneLoneE, manyConsonant, manyVowel, manyLoneE
  }

  /// Per state and byte (`state << 8 | byte`): the next state in the high byte, and in the
  /// low byte what the count gains (as an `Int8`): 1 when a vowel group starts; when a word
  /// ends, 1 for a word without one and -1 for a final lone `e` after another group. The
  /// sum over a word is `max(1, groups - silent e)`, so the loop is one load and an add
  /// per byte.
  static let transitions: [UInt16] = {
    var table = [UInt16](repeating: 0, count: 8 << 8)
    for state in 0..<8 {
      for byte in 0..<256 {
        let current = State(rawValue: state)!
        var next = current
        var gain = 0
        let groups: Int
        switch current {
        case .outside, .noGroup: groups = 0
        case .oneConsonant, .oneVowel, .oneLoneE: groups = 1
        case .manyConsonant, .manyVowel, .manyLoneE: groups = 2
        }
        let inVowel = current == .oneVowel || current == .oneLoneE || current == .manyVowel || current == .manyLoneE
        switch byteClass[byte] {
        case 1:
          if inVowel {
            next = groups == 1 ? .oneVowel : .manyVowel
          } else {
            gain = 1
            let isE = UInt8(byte) | 0x20 == UInt8(ascii: "e")
            if groups == 0 {
              next = isE ? .oneLoneE : .oneVowel
            } else {
              next = isE ? .manyLoneE : .manyVowel
            }
          }
        case 2:
          next = groups == 0 ? .noGroup : groups == 1 ? .oneConsonant : .manyConsonant
        case 3:
          break
        default:
          next = .outside
          gain = wordEnd(current)
        }
        table[state << 8 | byte] = UInt16(next.rawValue) << 8 | UInt16(UInt8(bitPattern: Int8(gain)))
      }
    }
    return table
  }()

  /// What the count gains when a word ends in `state`.
  private static func wordEnd(_ state: State) -> Int {
    switch state {
    case .noGroup: return 1
    case .manyLoneE: return -1
    default: return 0
    }
  }

  /// Below this many bytes a range is counted in one chain.
  static let interleavedMinimum = 64

  /// Syllables of the words in `range` of `text`: vowel groups per word, less a final
  /// silent `e` ("make") in words of two groups or more, at least one per word.
  ///
  /// Each byte's step waits for the previous one (the state is the next load's index), so
  /// a single chain runs at the latency of a load per byte. The range is cut into four
  /// parts just after word boundaries, where the state is always `outside`, and the four
  /// chains run side by side: same count, about a third of the time.
  static func count(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
    transitions.withUnsafeBufferPointer { table in
      guard range.count >= interleavedMinimum else { return rest(text, range, from: 0, table) }
      let quarter = range.count / 4
      let cut1 = boundary(text, after: range.lowerBound + quarter, before: range.upperBound)
      let cut2 = boundary(text, after: max(cut1, range.lowerBound + 2 * quarter), before: range.upperBound)
      let cut3 = boundary(text, after: max(cut2, range.lowerBound + 3 * quarter), before: range.upperBound)
      var (at0, at1, at2, at3) = (range.lowerBound, cut1, cut2, cut3)
      var (state0, state1, state2, state3) = (0, 0, 0, 0)
      var total = 0
      let steps = min(cut1 - at0, cut2 - at1, cut3 - at2, range.upperBound - at3)
      for _ in 0..<steps {
        let entry0 = table[state0 | Int(text[at0])]
        let entry1 = table[state1 | Int(text[at1])]
        let entry2 = table[state2 | Int(text[at2])]
        let entry3 = table[state3 | Int(text[at3])]
        state0 = Int(entry0 & 0xFF00)
        state1 = Int(entry1 & 0xFF00)
        state2 = Int(entry2 & 0xFF00)
        state3 = Int(entry3 & 0xFF00)
        total &+= Int(Int8(truncatingIfNeeded: entry0)) &+ Int(Int8(truncatingIfNeeded: entry1))
        total &+= Int(Int8(truncatingIfNeeded: entry2)) &+ Int(Int8(truncatingIfNeeded: entry3))
        at0 &+= 1
        at1 &+= 1
        at2 &+= 1
        at3 &+= 1
      }
      total += rest(text, at0..<cut1, from: state0, table)
      total += rest(text, at1..<cut2, from: state1, table)
      total += rest(text, at2..<cut3, from: state2, table)
      return total + rest(text, at3..<range.upperBound, from: state3, table)
    }
  }

  /// What a chain in `state` adds over `range`, its last word included.
  private static func rest(
    _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, from start: Int, _ table: UnsafeBufferPointer<UInt16>
  ) -> Int {
    var total = 0
    var state = start
    for index in range {
      let entry = table[state | Int(text[index])]
      state = Int(entry & 0xFF00)
      total &+= Int(Int8(truncatingIfNeeded: entry))
    }
    return total + wordEnd(State(rawValue: state >> 8)!)
  }

  /// The first index at or after `start` that follows a word boundary byte (the state
  /// there is `outside`), or `end`.
  private static func boundary(_ text: UnsafeBufferPointer<UInt8>, after start: Int, before end: Int) -> Int {
    var index = start
    while index < end {
      if byteClass[Int(text[index])] == 0 { return index + 1 }
      index += 1
    }
    return end
  }
}
