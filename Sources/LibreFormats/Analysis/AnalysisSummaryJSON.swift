/// The `summary` of `libre analyze --format json|jsonl` and of `libre merge --format json`:
/// derived from an aggregate alone, so a merge of partials prints exactly what one run does.
public enum AnalysisSummaryJSON {
  /// How many rules, categories and phrases the summary lists.
  public static let topCount = 10

  public static func summary(_ aggregate: AnalysisAggregate) -> JSONOutput {
    let summary = baseSummary(aggregate)
    // Only runs with `--by` have trends: other summaries keep their bytes.
    guard case .object(var members) = summary else { return summary }
    if !aggregate.senders.isEmpty { members.append(("senders", SendersReport.json(aggregate.senders))) }
    if !aggregate.trends.isEmpty { members.append(("trends", TrendsReport.json(aggregate.trends))) }
    return .object(members)
  }

  static func baseSummary(_ aggregate: AnalysisAggregate) -> JSONOutput {
    let calls = aggregate.calls
    return .object([
      ("inputs", .int(aggregate.inputs)),
      ("documents", .int(aggregate.documents)),
      ("errors", .int(aggregate.errors)),
      ("findings", .int(aggregate.findings)),
      ("words", .int(aggregate.words)),
      ("score", score(aggregate.scoreCounts)),
      (
        "subscoreMeans",
        .object([
          ("freedom", ratio(aggregate.freedomSum, aggregate.documents)),
          ("pressure", ratio(aggregate.pressureSum, aggregate.documents)),
          ("engagement", ratio(aggregate.engagementSum, aggregate.documents)),
        ])
      ),
      ("polarities", counts(aggregate.polarities, limit: Int.max)),
      ("topCategories", ranked(aggregate.categories, "category")),
      ("topRules", ranked(aggregate.rules, "rule")),
      ("topPhrases", ranked(aggregate.phrases, "phrase")),
      ("calls", self.calls(calls)),
      (
        "groups",
        .array(
          aggregate.groups.keys.sorted().map { key in
            let group = aggregate.groups[key]!
            return .object([
              ("group", .string(key)),
              ("documents", .int(group.documents)),
              ("scoreMean", rounded(ScoreStatistics.mean(group.scoreCounts))),
              ("scoreMedian", rounded(ScoreStatistics.median(group.scoreCounts))),
              ("findings", .int(group.findings)),
              ("pressureFindings", .int(group.pressureFindings)),
              ("freedomFindings", .int(group.freedomFindings)),
              ("words", .int(group.words)),
              ("calls", self.calls(group.calls)),
            ])
          })
      ),
    ])
  }

  static func score(_ counts: [Int]) -> JSONOutput {
    .object([
      ("mean", rounded(ScoreStatistics.mean(counts))),
      ("median", rounded(ScoreStatistics.median(counts))),
      (
        "histogram",
        .array(
          ScoreStatistics.histogram(counts).enumerated().map { bin, count in
            .object([
              ("from", .int(bin * 10)), ("to", .int(bin == 9 ? 100 : bin * 10 + 9)), ("documents", .int(count)),
            ])
          })
      ),
    ])
  }

  static func calls(_ calls: CallTotals) -> JSONOutput {
    .object([
      ("calls", .int(calls.calls)),
      ("turns", .int(calls.turns)),
      ("meanRepTalkRatio", rounded(calls.meanRepTalkRatio, places: 3)),
      ("repQuestions", .int(calls.repQuestions)),
      ("repOpenQuestions", .int(calls.repOpenQuestions)),
      ("hesitations", .int(calls.hesitations)),
      ("pressureAfterHesitation", .int(calls.pressureAfterHesitation)),
      ("freedomAfterHesitation", .int(calls.freedomAfterHesitation)),
      ("pressureAfterHesitationRate", rounded(calls.pressureAfterHesitationRate, places: 3)),
      ("timedCalls", .int(calls.timedCalls)),
      ("meanPauseAfterHesitation", rounded(calls.meanPauseAfterHesitation, places: 2)),
      ("overlaps", .int(calls.timing.overlaps)),
      ("cutInsOnHesitation", .int(calls.timing.cutInsOnHesitation)),
      ("repWordsPerMinute", rounded(calls.repWordsPerMinute, places: 0)),
    ])
  }

  static func counts(_ counts: [String: Int], limit: Int) -> JSONOutput {
    .object(AnalysisAggregate.top(counts, limit).map { ($0.key, .int($0.count)) })
  }

  static func ranked(_ counts: [String: Int], _ name: String) -> JSONOutput {
    .array(
      AnalysisAggregate.top(counts, topCount).map { .object([(name, .string($0.key)), ("count", .int($0.count))]) })
  }

  static func ratio(_ sum: Int, _ count: Int) -> JSONOutput {
    count == 0 ? .null : rounded(Double(sum) / Double(count))
  }

  /// Derived values are rounded so that the same counts always print the same digits.
  static func rounded(_ value: Double?, places: Int = 2) -> JSONOutput {
    guard let value else { return .null }
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    return .number((value * scale).rounded() / scale)
  }
}
