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
  /// The document's segments, read where they are (copying out their bounds cost three
  /// allocations a document). Tokens in a gap between segments (an email's `Subject:`
  /// label) belong to no part and are not counted.
  let segments: [Segment]
  var counts: [SegmentCounts]
  var metrics = TextMetrics()
  private var segment = 0

  init(segments: [Segment]) {
    self.segments = segments
    counts = [SegmentCounts](repeating: SegmentCounts(), count: max(1, segments.count))
  }

  /// Counts `tokens` (offsets into `text`); returns the number of sentences started.
  /// `roles` is the language's word-role table (empty when the language has no lexicon),
  /// passed as a buffer so the loop does not retain the tables once per token.
  /// `sentenceStarts` receives the index of each token that starts a sentence, so a
  /// finding's sentence is a search among the few starts, not a table over every token.
  mutating func count(
    _ tokens: UnsafeBufferPointer<Token>, questionMark: Int32,
    roles: UnsafeBufferPointer<WordRole>, sentenceStarts: inout [Int32]
  ) -> Int {
    var sentences = 0
    // The current segment's counts live in a local while its tokens last: one array write
    // per segment, not several per token.
    var current = counts[segment]
    var segmentEnd = segment + 1 < counts.count ? segments[segment].range.upperBound : Int.max
    var segmentStart = segment < segments.count ? segments[segment].range.lowerBound : Int.min
    for (index, token) in tokens.enumerated() {
      if Int(token.start) >= segmentEnd {
        counts[segment] = current
        while segment + 1 < counts.count && Int(token.start) >= segments[segment].range.upperBound { segment += 1 }
        current = counts[segment]
        segmentEnd = segment + 1 < counts.count ? segments[segment].range.upperBound : Int.max
        segmentStart = segments[segment].range.lowerBound
      }
      if token.flags.contains(.sentenceStart) || index == 0 {
        sentences += 1
        current.sentences += 1
        sentenceStarts.append(Int32(truncatingIfNeeded: index))
      }
      if Int(token.start) < segmentStart { continue }
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
