import Testing

@testable import LibreKit

/// The per-segment counts of words, sentences, questions and pronouns match a plain
/// token-by-token count, whatever the segments, their gaps and the windows the tokens
/// come in.
struct TextCounterTests {
  /// The count as first written: one token at a time, every test a branch.
  static func reference(
    _ windows: [[Token]], segments: [Range<Int>], questionMark: Int32, roles: [WordRole]
  ) -> (counts: [SegmentCounts], sentences: Int, exclamations: Int) {
    var counts = [SegmentCounts](repeating: SegmentCounts(), count: max(1, segments.count))
    var segment = 0
    var sentences = 0
    var exclamations = 0
    for tokens in windows {
      for (index, token) in tokens.enumerated() {
        let start = Int(token.start)
        while segment + 1 < counts.count && start >= segments[segment].upperBound { segment += 1 }
        if token.flags.contains(.sentenceStart) || index == 0 {
          sentences += 1
          counts[segment].sentences += 1
        }
        if segment < segments.count && start < segments[segment].lowerBound { continue }
        if token.kind == .word {
          counts[segment].words += 1
          if Int(token.id) < roles.count {
            if roles[Int(token.id)].contains(.firstPerson) { counts[segment].firstPerson += 1 }
            if roles[Int(token.id)].contains(.secondPerson) { counts[segment].secondPerson += 1 }
          }
        } else if token.kind == .punctuation {
          if token.id != 0 && token.id == questionMark { counts[segment].questions += 1 }
          if token.flags.contains(.shout) { exclamations += 1 }
        }
      }
    }
    return (counts, sentences, exclamations)
  }

  @Test(arguments: 0..<40)
  func countsMatchTheTokenByTokenCount(seed: UInt64) {
    check(seed: seed, maxTokens: 120, maxSegment: 150)
  }

  /// Runs of more tokens than one packed tally holds (`TextCounter.Tally.block`).
  @Test(arguments: 100..<106)
  func longRunsMatchTheTokenByTokenCount(seed: UInt64) {
    check(seed: seed, maxTokens: 14_000, maxSegment: 45_000)
  }

  func check(seed: UInt64, maxTokens: UInt64, maxSegment: UInt64) {
    var random = SeededRandom(seed: seed)
    let questionMark: Int32 = 7
    // Ids 0-19 have roles (some pronouns); ids past the table have none.
    let roles = (0..<20).map { _ in WordRole(rawValue: UInt16(random.next(upTo: 4)) << 5) }
    let tokenCount = Int(random.next(upTo: maxTokens))
    var tokens: [Token] = []
    var offset = 0
    for _ in 0..<tokenCount {
      offset += 1 + Int(random.next(upTo: 6))
      let kind: TokenKind = [.word, .word, .word, .punctuation, .number, .emoji][Int(random.next(upTo: 6))]
      var flags: TokenFlags = []
      if random.next(upTo: 5) == 0 { flags.insert(.sentenceStart) }
      if random.next(upTo: 4) == 0 { flags.insert(.shout) }
      let id = [Int32(0), questionMark, Int32(random.next(upTo: 30))][Int(random.next(upTo: 3))]
      tokens.append(Token(start: Int32(offset), end: Int32(offset + 1), id: id, kind: kind, flags: flags))
    }
    // Segments with gaps between them (and before the first), none, or one.
    var segments: [Range<Int>] = []
    var edge = Int(random.next(upTo: 10))
    for _ in 0..<Int(random.next(upTo: 5)) {
      let gap = Int(random.next(upTo: 3)) * 5
      let length = 1 + Int(random.next(upTo: maxSegment))
      segments.append((edge + gap)..<(edge + gap + length))
      edge += gap + length
    }
    // The same tokens in one window or cut into several (a long text is read in windows).
    let cut = tokens.isEmpty ? 0 : Int(random.next(upTo: UInt64(tokens.count)))
    let windows = random.next(upTo: 2) == 0 ? [tokens] : [Array(tokens[..<cut]), Array(tokens[cut...])]
    let expected = Self.reference(windows, segments: segments, questionMark: questionMark, roles: roles)
    var counter = TextCounter(segments: segments.map { Segment(range: $0, part: .body) })
    var sentences = 0
    for window in windows {
      var starts: [Int32] = [-1]
      starts.removeAll(keepingCapacity: true)
      sentences += window.withUnsafeBufferPointer { tokens in
        TextCounter.tallies(roles: roles, questionMark: questionMark).withUnsafeBufferPointer {
          counter.count(tokens, tallies: $0, sentenceStarts: &starts)
        }
      }
      // Each window's sentence starts: its first token and every token flagged as one.
      let flagged = window.indices.filter { $0 == 0 || window[$0].flags.contains(.sentenceStart) }
      #expect(starts == flagged.map { Int32($0) })
    }
    #expect(counter.counts == expected.counts)
    #expect(sentences == expected.sentences && counter.metrics.sentences == expected.sentences)
    #expect(counter.metrics.exclamations == expected.exclamations)
  }
}

/// A small deterministic generator (SplitMix64), so a failing seed can be replayed.
struct SeededRandom {
  private var state: UInt64
  init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

  mutating func next(upTo bound: UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return (mixed ^ (mixed >> 31)) % max(1, bound)
  }
}
