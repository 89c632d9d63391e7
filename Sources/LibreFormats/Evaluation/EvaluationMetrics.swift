import LibreKit

/// True positives, false positives and false negatives of one comparison, with the rates.
public struct SpanCounts: Sendable, Equatable {
  public var truePositives = 0
  public var falsePositives = 0
  public var falseNegatives = 0
  /// Predictions left over inside gold spans another prediction already matched (two
  /// findings on the two halves of one marked phrase): neither hits nor false alarms.
  public var redundant = 0

  public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0, redundant: Int = 0) {
    self.truePositives = truePositives
    self.falsePositives = falsePositives
    self.falseNegatives = falseNegatives
    self.redundant = redundant
  }

  /// Gold spans (matched + missed).
  public var gold: Int { truePositives + falseNegatives }
  /// Predicted spans (matched + false alarms).
  public var predicted: Int { truePositives + falsePositives }

  /// tp / (tp + fp); nil when nothing was predicted.
  public var precision: Double? { predicted == 0 ? nil : Double(truePositives) / Double(predicted) }
  /// tp / (tp + fn); nil when there is nothing to find.
  public var recall: Double? { gold == 0 ? nil : Double(truePositives) / Double(gold) }
  /// 2tp / (2tp + fp + fn), the harmonic mean of precision and recall; nil when there is
  /// neither a gold nor a predicted span. It is 0 when one side is empty and the other is not.
  public var f1: Double? {
    let denominator = 2 * truePositives + falsePositives + falseNegatives
    return denominator == 0 ? nil : Double(2 * truePositives) / Double(denominator)
  }

  public static func + (left: SpanCounts, right: SpanCounts) -> SpanCounts {
    SpanCounts(
      truePositives: left.truePositives + right.truePositives,
      falsePositives: left.falsePositives + right.falsePositives,
      falseNegatives: left.falseNegatives + right.falseNegatives, redundant: left.redundant + right.redundant)
  }

  public static func += (left: inout SpanCounts, right: SpanCounts) { left = left + right }
}

/// Span-overlap matching of predicted findings against gold spans.
public enum SpanMatcher {
  /// Whether two half-open byte ranges share at least one byte.
  public static func overlaps(_ left: Range<Int>, _ right: Range<Int>) -> Bool {
    left.lowerBound < right.upperBound && right.lowerBound < left.upperBound
  }

  /// Merges predicted ranges that overlap into one prediction each (two rules that flag the
  /// same words are one prediction, not one hit and one false alarm). Returns the merged
  /// ranges in text order with the indices of the ranges each one holds.
  public static func merge(_ ranges: [Range<Int>]) -> [(range: Range<Int>, members: [Int])] {
    let order = ranges.indices.sorted {
      (ranges[$0].lowerBound, ranges[$0].upperBound, $0) < (ranges[$1].lowerBound, ranges[$1].upperBound, $1)
    }
    var merged: [(range: Range<Int>, members: [Int])] = []
    for index in order {
      let range = ranges[index]
      if let last = merged.last, overlaps(last.range, range) {
        merged[merged.count - 1] = (
          last.range.lowerBound..<max(last.range.upperBound, range.upperBound), last.members + [index]
        )
      } else {
        merged.append((range, [index]))
      }
    }
    return merged
  }

  /// One-to-one greedy matching: the overlapping (gold, predicted) pairs are taken by the
  /// most bytes shared first (ties: earlier gold, then earlier prediction), each side used
  /// once. Returns the matched pairs as (gold index, predicted index), sorted by gold index.
  public static func match(gold: [Range<Int>], predicted: [Range<Int>]) -> [(gold: Int, predicted: Int)] {
    var candidates: [(overlap: Int, gold: Int, predicted: Int)] = []
    for (goldIndex, goldRange) in gold.enumerated() {
      for (predictedIndex, predictedRange) in predicted.enumerated() where overlaps(goldRange, predictedRange) {
        let shared =
          min(goldRange.upperBound, predictedRange.upperBound) - max(goldRange.lowerBound, predictedRange.lowerBound)
        candidates.append((shared, goldIndex, predictedIndex))
      }
    }
    candidates.sort { left, right in
      if left.overlap != right.overlap { return left.overlap > right.overlap }
      return (gold[left.gold].lowerBound, predicted[left.predicted].lowerBound, left.gold, left.predicted)
        < (gold[right.gold].lowerBound, predicted[right.predicted].lowerBound, right.gold, right.predicted)
    }
    var goldUsed = Set<Int>()
    var predictedUsed = Set<Int>()
    var pairs: [(gold: Int, predicted: Int)] = []
    for candidate in candidates where !goldUsed.contains(candidate.gold) && !predictedUsed.contains(candidate.predicted)
    {
      goldUsed.insert(candidate.gold)
      predictedUsed.insert(candidate.predicted)
      pairs.append((candidate.gold, candidate.predicted))
    }
    return pairs.sorted { $0.gold < $1.gold }
  }

  /// The counts of matching `predicted` against `gold`, and which sides went unmatched: an
  /// unmatched prediction that overlaps a gold span (one another prediction took) is
  /// redundant, any other is a false alarm.
  public static func compare(gold: [Range<Int>], predicted: [Range<Int>]) -> (
    counts: SpanCounts, missed: [Int], falseAlarms: [Int]
  ) {
    let pairs = match(gold: gold, predicted: predicted)
    let matchedGold = Set(pairs.map(\.gold))
    let matchedPredicted = Set(pairs.map(\.predicted))
    let missed = gold.indices.filter { !matchedGold.contains($0) }
    let leftOver = predicted.indices.filter { !matchedPredicted.contains($0) }
    let falseAlarms = leftOver.filter { index in !gold.contains { overlaps($0, predicted[index]) } }
    let counts = SpanCounts(
      truePositives: pairs.count, falsePositives: falseAlarms.count, falseNegatives: missed.count,
      redundant: leftOver.count - falseAlarms.count)
    return (counts, missed, falseAlarms)
  }
}

/// How a document's predicted label is derived from its findings, through the scorer's
/// totals (`docs/scoring.md`): pushy when the score falls below `pushyBelow` or the pressure
/// penalty alone reaches `pushyPenalty` (freedom credit cannot launder that much pressure);
/// respectful when the score reaches `respectfulFrom` with a pressure penalty under
/// `respectfulMaxPenalty`; neutral otherwise.
public struct LabelPolicy: Sendable, Equatable {
  /// Grade D or F: at least 15 points of net pressure below the neutral base of 70.
  public var pushyBelow = 55
  /// About three ordinary pressure phrases (a warning of weight 6 costs 6 points, an error
  /// of weight 8 costs 12), whatever freedom statements surround them.
  public var pushyPenalty = 20.0
  /// At least 10 points of freedom credit above the base: one explicit "you are free to say
  /// no" (weight 10), or two smaller statements of different kinds.
  public var respectfulFrom = 80
  /// A respectful text may carry a hint of pressure (an info-level "you should", 1.5 points),
  /// not an ordinary pressure phrase.
  public var respectfulMaxPenalty = 5.0

  public init() {}

  public func label(score: Int, pressurePenalty: Double) -> DocumentLabel {
    if score < pushyBelow || pressurePenalty >= pushyPenalty { return .pushy }
    if score >= respectfulFrom && pressurePenalty < respectfulMaxPenalty { return .respectful }
    return .neutral
  }
}

/// Matched pairs: the respectful version must score strictly higher than the pushy one.
public struct PairOutcome: Sendable, Equatable {
  public var language: Language
  public var pair: String
  public var respectfulPath: String
  public var pushyPath: String
  public var respectfulScore: Int
  public var pushyScore: Int
  public var ordered: Bool { respectfulScore > pushyScore }

  public init(
    language: Language, pair: String, respectfulPath: String, pushyPath: String, respectfulScore: Int, pushyScore: Int
  ) {
    self.language = language
    self.pair = pair
    self.respectfulPath = respectfulPath
    self.pushyPath = pushyPath
    self.respectfulScore = respectfulScore
    self.pushyScore = pushyScore
  }
}

/// A fraction with its parts, printed as "7/8 (87.5%)".
public struct Ratio: Sendable, Equatable {
  public var correct: Int
  public var total: Int
  public init(correct: Int = 0, total: Int = 0) {
    self.correct = correct
    self.total = total
  }
  public var value: Double? { total == 0 ? nil : Double(correct) / Double(total) }
}
