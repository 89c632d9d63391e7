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
    // A literal for the usual single segment: `init(repeating:count:)` went through the
    // generic allocation, which looked up the array's type metadata at run time (some 500
    // instructions a document).
    counts =
      segments.count <= 1
      ? [SegmentCounts()] : [SegmentCounts](repeating: SegmentCounts(), count: segments.count)
  }

  /// Counts `tokens` (offsets into `text`); returns the number of sentences started.
  /// `tallies` is the language's table from `tallies(roles:questionMark:)`, passed as a
  /// buffer so the loop does not retain it once per token.
  /// `sentenceStarts` receives the index of each token that starts a sentence, so a
  /// finding's sentence is a search among the few starts, not a table over every token.
  mutating func count(
    _ tokens: UnsafeBufferPointer<Token>, tallies: UnsafeBufferPointer<UInt64>, sentenceStarts: inout [Int32]
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
        sentences += countRun(tokens, countedFrom..<runEnd, tallies: tallies, sentenceStarts: &sentenceStarts)
      }
      index = runEnd
    }
    metrics.sentences += sentences
    return sentences
  }

  /// Where each count sits in a packed tally: twelve bits each, so a tally holds up to
  /// `Tally.block` tokens before it is added to the counts.
  enum Tally {
    static let words: UInt64 = 0
    static let firstPerson: UInt64 = 12
    static let secondPerson: UInt64 = 24
    static let questions: UInt64 = 36
    static let exclamations: UInt64 = 48
    static let lane: UInt64 = 0xFFF
    static let block = 0xFFF
    /// Above the lanes, the roles the context pass marks (`ContextPass.mark`): it reads them
    /// here, in lines the count has just loaded, and the roles only for the few words that
    /// have one. The lanes' masks leave them out of every count.
    static let scopeBreaker: UInt64 = 1 << 62
    static let negator: UInt64 = 1 << 63
    static let contextRoles = scopeBreaker | negator
    /// Every lane's shift, for the layout check.
    static let lanes = [words, firstPerson, secondPerson, questions, exclamations]
    /// Checked where the table is built: a lane added at the next shift (60) would run into
    /// the roles' bits and past the word, and counts would silently mix.
    static let layoutIsSound = isSound(lanes: lanes, roles: contextRoles)

    /// Whether lanes at these shifts, each `lane` wide, fit in a word and overlap neither
    /// each other nor `roles`, and a block of tokens cannot overflow a lane.
    static func isSound(lanes: [UInt64], roles: UInt64) -> Bool {
      let width = UInt64(lane.bitWidth - lane.leadingZeroBitCount)
      var used = roles
      for shift in lanes {
        guard shift + width <= 64, used & lane << shift == 0 else { return false }
        used |= lane << shift
      }
      return UInt64(block) <= lane
    }
    /// The table's first entries are two per kind (what a token of the kind adds whatever
    /// its id, and the lanes it may add to); the ids' entries follow.
    static let idOffset = 2 * 8
  }

  /// The table of a language's packed tallies. Per kind: a word adds to the word lane and
  /// may add to the pronoun lanes; a punctuation mark may add to the question and
  /// exclamation lanes. Per id: the pronoun lanes of its roles and, for `?`
  /// (`questionMark`, 0 when the lexicons lack it), the question lane; above the lanes, the
  /// roles the context pass marks.
  static func tallies(roles: [WordRole], questionMark: Int32) -> [UInt64] {
    precondition(Tally.layoutIsSound, "the packed tally's lanes overlap")
    var table = [UInt64](repeating: 0, count: Tally.idOffset + max(roles.count, Int(questionMark) + 1))
    let word = 2 * Int(TokenKind.word.rawValue)
    table[word] = 1 << Tally.words
    table[word + 1] = Tally.lane << Tally.words | Tally.lane << Tally.firstPerson | Tally.lane << Tally.secondPerson
    let punctuation = 2 * Int(TokenKind.punctuation.rawValue)
    table[punctuation + 1] = Tally.lane << Tally.questions | Tally.lane << Tally.exclamations
    for (id, role) in roles.enumerated() {
      if role.contains(.firstPerson) { table[Tally.idOffset + id] |= 1 << Tally.firstPerson }
      if role.contains(.secondPerson) { table[Tally.idOffset + id] |= 1 << Tally.secondPerson }
      if role.contains(.scopeBreaker) { table[Tally.idOffset + id] |= Tally.scopeBreaker }
      if role.contains(.negator) { table[Tally.idOffset + id] |= Tally.negator }
    }
    if questionMark != 0 { table[Tally.idOffset + Int(questionMark)] |= 1 << Tally.questions }
    return table
  }

  /// Counts the tokens of `run`, all in the current segment; returns the sentences started.
  /// Each token adds to one packed tally through two loads of the table and no branch:
  /// kinds and pronouns come at random, and branches on them mispredicted.
  private mutating func countRun(
    _ tokens: UnsafeBufferPointer<Token>, _ run: Range<Int>, tallies: UnsafeBufferPointer<UInt64>,
    sentenceStarts: inout [Int32]
  ) -> Int {
    var sentences = 0
    var total = SegmentCounts()
    var exclamations = 0
    var index = run.lowerBound
    // A text's first token starts a sentence even when nothing flagged it.
    if index == 0 && !tokens[0].flags.contains(.sentenceStart) {
      sentences += 1
      sentenceStarts.append(0)
    }
    let idCount = UInt32(truncatingIfNeeded: tallies.count - Tally.idOffset)
    let byID = tallies.baseAddress! + Tally.idOffset
    let byKind = tallies.baseAddress!
    // The shout flag moved up to the exclamation lane.
    let shoutShift = Tally.exclamations - UInt64(TokenFlags.shout.rawValue.trailingZeroBitCount)
    let shout = UInt64(TokenFlags.shout.rawValue)
    while index < run.upperBound {
      let blockEnd = min(run.upperBound, index + Tally.block)
      var packed: UInt64 = 0
      while index < blockEnd {
        let token = tokens[index]
        if token.flags.contains(.sentenceStart) {
          sentences += 1
          sentenceStarts.append(Int32(truncatingIfNeeded: index))
        }
        let id = UInt32(bitPattern: token.id)
        let kind = Int(token.kind.rawValue) &* 2
        let fromID = id < idCount ? byID[Int(id)] : 0
        let flagged = (UInt64(token.flags.rawValue) & shout) << shoutShift
        packed &+= (fromID | byKind[kind] | flagged) & byKind[kind &+ 1]
        index &+= 1
      }
      total.words += Int(packed >> Tally.words & Tally.lane)
      total.firstPerson += Int(packed >> Tally.firstPerson & Tally.lane)
      total.secondPerson += Int(packed >> Tally.secondPerson & Tally.lane)
      total.questions += Int(packed >> Tally.questions & Tally.lane)
      exclamations += Int(packed >> Tally.exclamations & Tally.lane)
    }
    counts[segment].words += total.words
    counts[segment].firstPerson += total.firstPerson
    counts[segment].secondPerson += total.secondPerson
    counts[segment].questions += total.questions
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
