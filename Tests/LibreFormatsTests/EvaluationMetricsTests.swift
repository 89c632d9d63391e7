import LibreFormats
import LibreKit
import Testing

@Suite struct SpanCountsTests {
  @Test func precisionRecallAndF1() throws {
    let counts = SpanCounts(truePositives: 3, falsePositives: 1, falseNegatives: 2)
    #expect(counts.gold == 5)
    #expect(counts.predicted == 4)
    #expect(counts.precision == 0.75)
    #expect(counts.recall == 0.6)
    let f1 = try #require(counts.f1)
    #expect(abs(f1 - 2 * 0.75 * 0.6 / (0.75 + 0.6)) < 1e-12, "F1 is the harmonic mean")
    #expect(abs(f1 - 6.0 / 9.0) < 1e-12)
  }

  @Test func undefinedRatesAreNilNotZero() {
    let empty = SpanCounts()
    #expect(empty.precision == nil && empty.recall == nil && empty.f1 == nil)
    let onlyFalseAlarms = SpanCounts(falsePositives: 2)
    #expect(onlyFalseAlarms.precision == 0)
    #expect(onlyFalseAlarms.recall == nil, "nothing to find")
    #expect(onlyFalseAlarms.f1 == 0)
    let onlyMisses = SpanCounts(falseNegatives: 4)
    #expect(onlyMisses.precision == nil && onlyMisses.recall == 0 && onlyMisses.f1 == 0)
    #expect(SpanCounts(truePositives: 2).f1 == 1)
  }

  @Test func countsAdd() {
    var total = SpanCounts(truePositives: 1, falsePositives: 2, falseNegatives: 3, redundant: 4)
    total += SpanCounts(truePositives: 10, falsePositives: 20, falseNegatives: 30, redundant: 40)
    #expect(total == SpanCounts(truePositives: 11, falsePositives: 22, falseNegatives: 33, redundant: 44))
  }
}

@Suite struct SpanMatcherTests {
  @Test func overlapNeedsASharedByte() {
    #expect(SpanMatcher.overlaps(0..<5, 4..<9))
    #expect(!SpanMatcher.overlaps(0..<5, 5..<9), "touching ranges do not overlap")
    #expect(SpanMatcher.overlaps(2..<3, 0..<10))
    #expect(!SpanMatcher.overlaps(10..<12, 0..<10))
  }

  @Test func overlappingPredictionsMerge() {
    let merged = SpanMatcher.merge([10..<12, 3..<8, 0..<5, 7..<9])
    #expect(merged.map(\.range) == [0..<9, 10..<12])
    #expect(merged.map(\.members) == [[2, 1, 3], [0]])
    #expect(SpanMatcher.merge([]).isEmpty)
  }

  @Test func matchingIsOneToOne() {
    // Two findings in one gold span: one hit, the other redundant, no false alarm.
    let result = SpanMatcher.compare(gold: [0..<10], predicted: [0..<4, 5..<10])
    #expect(result.counts == SpanCounts(truePositives: 1, falsePositives: 0, falseNegatives: 0, redundant: 1))
    // One finding across two gold spans: one hit, one miss.
    let wide = SpanMatcher.compare(gold: [0..<10, 12..<20], predicted: [8..<16])
    #expect(wide.counts == SpanCounts(truePositives: 1, falseNegatives: 1))
    #expect(wide.missed == [0], "the larger overlap (4 bytes with the second span) wins")
    // A finding far from every gold span is a false alarm.
    let far = SpanMatcher.compare(gold: [0..<10], predicted: [30..<35, 2..<4])
    #expect(far.counts == SpanCounts(truePositives: 1, falsePositives: 1))
    #expect(far.falseAlarms == [0])
  }

  @Test func greedyTakesTheLargestOverlapFirst() {
    // P1 touches both spans a little; P0 covers A. Greedy by overlap gives A–P0, B–P1.
    let pairs = SpanMatcher.match(gold: [0..<10, 20..<30], predicted: [0..<10, 8..<22])
    #expect(pairs.map(\.gold) == [0, 1])
    #expect(pairs.map(\.predicted) == [0, 1])
    // Equal overlaps: the earlier gold span first.
    let tie = SpanMatcher.match(gold: [0..<10, 12..<20], predicted: [8..<14])
    #expect(tie.count == 1 && tie[0].gold == 0)
  }

  @Test func emptySidesGiveOnlyMissesOrOnlyAlarms() {
    #expect(SpanMatcher.compare(gold: [], predicted: [0..<3]).counts == SpanCounts(falsePositives: 1))
    #expect(SpanMatcher.compare(gold: [0..<3, 5..<6], predicted: []).counts == SpanCounts(falseNegatives: 2))
  }
}

@Suite struct LabelPolicyTests {
  @Test(arguments: [
    (54, 0.0, DocumentLabel.pushy), (55, 15.0, .neutral), (90, 20.0, .pushy), (100, 19.5, .neutral),
    (80, 0.0, .respectful), (80, 4.5, .respectful), (85, 5.0, .neutral), (79, 0.0, .neutral), (70, 0.0, .neutral),
    (0, 80.0, .pushy),
  ])
  func thresholds(score: Int, penalty: Double, expected: DocumentLabel) {
    #expect(LabelPolicy().label(score: score, pressurePenalty: penalty) == expected)
  }

  @Test func labelsOrderFromRespectfulToPushy() {
    #expect(DocumentLabel.allCases.sorted() == [.respectful, .neutral, .pushy])
  }
}
