/// What `libre analyze` knows about a whole run, built one document at a time and mergeable:
/// every field is an integer count or sum, so `a.merged(with: b)` is exact, associative and
/// commutative, and shards analyzed apart then merged give the aggregate of one run.
/// Means, medians and rates are derived when reporting, never stored.
public struct AnalysisAggregate: Sendable, Equatable {
  /// The version of the partial-aggregate file (`--emit-partial`); bumped on any change of meaning.
  public static let version = 1

  public var documents = 0
  public var errors = 0
  public var findings = 0
  public var words = 0
  /// `scoreCounts[s]`: how many documents scored `s` (0–100). Exact, so the median is too.
  public var scoreCounts = [Int](repeating: 0, count: 101)
  public var freedomSum = 0
  public var pressureSum = 0
  public var engagementSum = 0
  /// Finding counts by polarity, by `polarity.category`, by rule id, and by phrase.
  public var polarities: [String: Int] = [:]
  public var categories: [String: Int] = [:]
  public var rules: [String: Int] = [:]
  public var phrases: [String: Int] = [:]
  /// The freedom phrases among `phrases` (the others are pressure phrases).
  public var freedomPhrases: [String: Int] = [:]
  public var calls = CallTotals()
  /// Per rep (or `--group-by` key).
  public var groups: [String: GroupAggregate] = [:]
  /// Per period (`analyze --by week|month`), and per rep within each.
  public var trends = TrendAggregate()
  /// Emails by sender address.
  public var senders = SenderAggregate()

  public init() {}

  /// Every input: the results and the errors.
  public var inputs: Int { documents + errors }

  /// Adds one analyzed document.
  public mutating func add(_ document: DocumentSummary) {
    documents += 1
    findings += document.findings
    words += document.words
    scoreCounts[min(100, max(0, document.score))] += 1
    freedomSum += document.freedom
    pressureSum += document.pressure
    engagementSum += document.engagement
    AnalysisAggregate.add(document.polarities, to: &polarities)
    AnalysisAggregate.add(document.categories, to: &categories)
    AnalysisAggregate.add(document.rules, to: &rules)
    AnalysisAggregate.add(document.phrases, to: &phrases)
    AnalysisAggregate.add(document.freedomPhrases, to: &freedomPhrases)
    if let call = document.call { calls.add(call) }
    groups[document.group, default: GroupAggregate()].add(document)
    trends.add(document)
    senders.add(document)
  }

  /// Counts one input that could not be analyzed.
  public mutating func addError() { errors += 1 }

  /// Adds `other` into this aggregate.
  public mutating func merge(_ other: AnalysisAggregate) {
    documents += other.documents
    errors += other.errors
    findings += other.findings
    words += other.words
    for index in scoreCounts.indices { scoreCounts[index] += other.scoreCounts[index] }
    freedomSum += other.freedomSum
    pressureSum += other.pressureSum
    engagementSum += other.engagementSum
    AnalysisAggregate.add(other.polarities, to: &polarities)
    AnalysisAggregate.add(other.categories, to: &categories)
    AnalysisAggregate.add(other.rules, to: &rules)
    AnalysisAggregate.add(other.phrases, to: &phrases)
    AnalysisAggregate.add(other.freedomPhrases, to: &freedomPhrases)
    calls.merge(other.calls)
    for (key, group) in other.groups { groups[key, default: GroupAggregate()].merge(group) }
    trends.merge(other.trends)
    senders.merge(other.senders)
  }

  public func merged(with other: AnalysisAggregate) -> AnalysisAggregate {
    var copy = self
    copy.merge(other)
    return copy
  }

  static func add(_ counts: [String: Int], to total: inout [String: Int]) {
    for (key, count) in counts { total[key, default: 0] += count }
  }

  /// The `limit` most frequent keys of `counts`, ties broken by key so output is stable.
  public static func top(_ counts: [String: Int], _ limit: Int) -> [(key: String, count: Int)] {
    counts.map { (key: $0.key, count: $0.value) }
      .sorted { $0.count != $1.count ? $0.count > $1.count : $0.key < $1.key }
      .prefix(limit).map { $0 }
  }
}

/// Score statistics read from exact per-score counts.
public enum ScoreStatistics {
  /// Documents per 10-point bin: 0–9, 10–19, …, 80–89, 90–100 (100 joins the last bin).
  public static func histogram(_ counts: [Int]) -> [Int] {
    var bins = [Int](repeating: 0, count: 10)
    for (score, count) in counts.enumerated() { bins[min(9, score / 10)] += count }
    return bins
  }

  public static func mean(_ counts: [Int]) -> Double? {
    let total = counts.reduce(0, +)
    guard total > 0 else { return nil }
    let sum = counts.enumerated().reduce(0) { $0 + $1.offset * $1.element }
    return Double(sum) / Double(total)
  }

  /// The median (the mean of the two middle scores when the count is even).
  public static func median(_ counts: [Int]) -> Double? {
    let total = counts.reduce(0, +)
    guard total > 0 else { return nil }
    func score(at position: Int) -> Int {
      var seen = 0
      for (score, count) in counts.enumerated() {
        seen += count
        if seen > position { return score }
      }
      return counts.count - 1
    }
    if total % 2 == 1 { return Double(score(at: total / 2)) }
    return Double(score(at: total / 2 - 1) + score(at: total / 2)) / 2
  }
}

/// Call metrics summed over calls.
public struct CallTotals: Sendable, Equatable {
  public var calls = 0
  public var turns = 0
  /// Sum of the reps' talk shares in thousandths, over the `talkMeasured` calls that have one.
  public var talkPermilleSum = 0
  public var talkMeasured = 0
  public var repQuestions = 0
  public var repOpenQuestions = 0
  public var hesitations = 0
  public var pressureAfterHesitation = 0
  public var freedomAfterHesitation = 0
  /// Calls with timestamps, and their timing summed.
  public var timedCalls = 0
  public var timing = CallSummary.TimingSums()

  public init() {}

  mutating func add(_ call: CallSummary) {
    if let timing = call.timing {
      timedCalls += 1
      self.timing.add(timing)
    }
    calls += 1
    turns += call.turns
    if let permille = call.repTalkPermille {
      talkPermilleSum += permille
      talkMeasured += 1
    }
    repQuestions += call.repQuestions
    repOpenQuestions += call.repOpenQuestions
    hesitations += call.hesitations
    pressureAfterHesitation += call.pressureAfterHesitation
    freedomAfterHesitation += call.freedomAfterHesitation
  }

  mutating func merge(_ other: CallTotals) {
    timedCalls += other.timedCalls
    timing.add(other.timing)
    calls += other.calls
    turns += other.turns
    talkPermilleSum += other.talkPermilleSum
    talkMeasured += other.talkMeasured
    repQuestions += other.repQuestions
    repOpenQuestions += other.repOpenQuestions
    hesitations += other.hesitations
    pressureAfterHesitation += other.pressureAfterHesitation
    freedomAfterHesitation += other.freedomAfterHesitation
  }

  /// The mean pause before answering a hesitation over the timed calls, in seconds.
  public var meanPauseAfterHesitation: Double? {
    timing.pauses == 0 ? nil : Double(timing.pauseMillisSum) / Double(timing.pauses) / 1000
  }

  /// The reps' speech rate over the timed calls, in words per minute.
  public var repWordsPerMinute: Double? {
    timing.repMillis == 0 ? nil : Double(timing.repWords) / (Double(timing.repMillis) / 60_000)
  }

  /// Of all hesitations answered, the share answered with pressure.
  public var pressureAfterHesitationRate: Double? {
    hesitations == 0 ? nil : Double(pressureAfterHesitation) / Double(hesitations)
  }

  /// The mean rep talk share, 0–1, over the calls where it was measured.
  public var meanRepTalkRatio: Double? {
    talkMeasured == 0 ? nil : Double(talkPermilleSum) / Double(talkMeasured) / 1000
  }
}

/// One rep's (or group's) totals.
public struct GroupAggregate: Sendable, Equatable {
  public var documents = 0
  public var scoreCounts = [Int](repeating: 0, count: 101)
  public var findings = 0
  public var pressureFindings = 0
  public var freedomFindings = 0
  public var words = 0
  public var calls = CallTotals()

  public init() {}

  mutating func add(_ document: DocumentSummary) {
    documents += 1
    scoreCounts[min(100, max(0, document.score))] += 1
    findings += document.findings
    pressureFindings += document.polarities["pressure", default: 0]
    freedomFindings += document.polarities["freedom", default: 0]
    words += document.words
    if let call = document.call { calls.add(call) }
  }

  mutating func merge(_ other: GroupAggregate) {
    documents += other.documents
    for index in scoreCounts.indices { scoreCounts[index] += other.scoreCounts[index] }
    findings += other.findings
    pressureFindings += other.pressureFindings
    freedomFindings += other.freedomFindings
    words += other.words
    calls.merge(other.calls)
  }
}

extension CallSummary.TimingSums {
  mutating func add(_ other: CallSummary.TimingSums) {
    pauseMillisSum += other.pauseMillisSum
    pauses += other.pauses
    overlaps += other.overlaps
    cutInsOnHesitation += other.cutInsOnHesitation
    repWords += other.repWords
    repMillis += other.repMillis
  }
}
