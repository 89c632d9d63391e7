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
    var index = 0
    // Run by run: the tokens of one segment, found by a search, then a loop with nothing
    // but the counts in it (with the segment's bounds tested per token, the loop spilled
    // its counts to the stack).
    while index < tokens.count {
      while segment + 1 < counts.count && Int(tokens[index].start) >= segments[segment].range.upperBound {
        segment += 1
      }
      let runEnd =
        segment + 1 < counts.count
        ? TextCounter.firstIndex(in: tokens, from: index, startingAtOrPast: segments[segment].range.upperBound)
        : tokens.count
      let countedFrom =
        segment < segments.count
        ? TextCounter.firstIndex(in: tokens, from: index, startingAtOrPast: segments[segment].range.lowerBound)
        : index
      // Tokens in the gap before the segment start sentences but count nothing else.
      for gap in index..<min(countedFrom, runEnd) where tokens[gap].flags.contains(.sentenceStart) || gap == 0 {
        sentenceStarts.append(Int32(truncatingIfNeeded: gap))
        counts[segment].sentences += 1
        sentences += 1
      }
      if countedFrom < runEnd {
        sentences += countRun(
          tokens, countedFrom..<runEnd, questionMark: questionMark, roles: roles, sentenceStarts: &sentenceStarts)
      }
      index = runEnd
    }
    metrics.sentences += sentences
    return sentences
  }

  /// Counts the tokens of `run`, all in the current segment; returns the sentences started.
  private mutating func countRun(
    _ tokens: UnsafeBufferPointer<Token>, _ run: Range<Int>, questionMark: Int32,
    roles: UnsafeBufferPointer<WordRole>, sentenceStarts: inout [Int32]
  ) -> Int {
    var words = 0
    var firstPerson = 0
    var secondPerson = 0
    var questions = 0
    var exclamations = 0
    var sentences = 0
    for index in run {
      let token = tokens[index]
      if token.flags.contains(.sentenceStart) || index == 0 {
        sentences += 1
        sentenceStarts.append(Int32(truncatingIfNeeded: index))
      }
      switch token.kind {
      case .word:
        words &+= 1
        if Int(token.id) < roles.count {
          // Added without a branch: pronouns come at random among the words.
          let role = roles[Int(token.id)]
          firstPerson &+= role.contains(.firstPerson) ? 1 : 0
          secondPerson &+= role.contains(.secondPerson) ? 1 : 0
        }
      case .punctuation:
        if token.id != 0 && token.id == questionMark { questions &+= 1 }
        if token.flags.contains(.shout) { exclamations &+= 1 }
      default: break
      }
    }
    counts[segment].words += words
    counts[segment].firstPerson += firstPerson
    counts[segment].secondPerson += secondPerson
    counts[segment].questions += questions
    counts[segment].sentences += sentences
    metrics.exclamations += exclamations
    return sentences
  }

  /// The first index at or after `from` whose token starts at or past `offset` (token
  /// starts ascend), or the end.
  private static func firstIndex(in tokens: UnsafeBufferPointer<Token>, from: Int, startingAtOrPast offset: Int) -> Int
  {
    var lower = from
    var upper = tokens.count
    while lower < upper {
      let middle = (lower + upper) >> 1
      if Int(tokens[middle].start) < offset { lower = middle + 1 } else { upper = middle }
    }
    return lower
  }

  /// Words and questions of the whole text.
  var totals: (words: Int, questions: Int) {
    counts.reduce((0, 0)) { ($0.0 + $1.words, $0.1 + $1.questions) }
  }
}
