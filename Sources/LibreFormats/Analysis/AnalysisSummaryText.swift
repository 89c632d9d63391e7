/// The terminal summary of `libre analyze` (and `libre merge`): totals, the score
/// distribution as a bar chart, the top categories, rules and phrases, and a per-rep table.
public enum AnalysisSummaryText {
  public static func render(_ aggregate: AnalysisAggregate) -> String {
    var out = ""
    out += "inputs \(aggregate.inputs) = \(aggregate.documents) result(s) + \(aggregate.errors) error(s)"
    out += " · \(aggregate.findings) finding(s) · \(aggregate.words) words\n"
    let counts = aggregate.scoreCounts
    if let mean = ScoreStatistics.mean(counts), let median = ScoreStatistics.median(counts) {
      out += "score: mean \(fixed(mean)) · median \(fixed(median))"
      let calls = aggregate.calls
      if calls.calls > 0 {
        out += " · \(calls.calls) call(s)"
        if let talk = calls.meanRepTalkRatio { out += " · rep talk \(Int((talk * 100).rounded()))%" }
        out += " · pressure after hesitation \(calls.pressureAfterHesitation)/\(calls.hesitations)"
        if let rate = calls.pressureAfterHesitationRate { out += " (\(Int((rate * 100).rounded()))%)" }
        out += " · " + timing(calls)
      }
      out += "\n\nscore distribution\n"
      let bins = ScoreStatistics.histogram(counts)
      let widest = max(1, bins.max() ?? 1)
      for (bin, count) in bins.enumerated() {
        let label = bin == 9 ? " 90–100" : pad("\(bin * 10)–\(bin * 10 + 9)", 7)
        let bar = String(repeating: "█", count: (count * 40 + widest - 1) / widest)
        out += "  \(label) \(pad(String(count), 6)) \(bar)\n"
      }
    }
    out += section("top categories", AnalysisAggregate.top(aggregate.categories, AnalysisSummaryJSON.topCount))
    out += section("top rules", AnalysisAggregate.top(aggregate.rules, AnalysisSummaryJSON.topCount))
    out += section("top phrases", AnalysisAggregate.top(aggregate.phrases, AnalysisSummaryJSON.topCount))
    if !aggregate.groups.isEmpty {
      out += "\nper rep\n"
      let keys = aggregate.groups.keys.sorted()
      let width = min(40, max(5, keys.map(\.count).max() ?? 5))
      out += "  \(padRight("rep", width))   docs   mean median  pressure  freedom  hesitations\n"
      for key in keys {
        let group = aggregate.groups[key]!
        let mean = ScoreStatistics.mean(group.scoreCounts).map(fixed) ?? "-"
        let median = ScoreStatistics.median(group.scoreCounts).map(fixed) ?? "-"
        var hesitation =
          group.calls.hesitations == 0
          ? "-" : "\(group.calls.pressureAfterHesitation)/\(group.calls.hesitations) pushed"
        if group.calls.timedCalls > 0 { hesitation += " · " + timing(group.calls) }
        out += "  \(padRight(String(key.prefix(width)), width)) \(pad(String(group.documents), 6))"
        out += " \(pad(mean, 6)) \(pad(median, 6)) \(pad(String(group.pressureFindings), 9))"
        out += " \(pad(String(group.freedomFindings), 8))  \(hesitation)\n"
      }
    }
    out += TrendsReport.text(aggregate.trends)
    // Group names come from documents (a header, a speaker): shown safe for a terminal.
    return TerminalText.escape(out)
  }

  /// The calls' timing, or that it is unavailable (no call had timestamps).
  static func timing(_ calls: CallTotals) -> String {
    guard calls.timedCalls > 0 else { return "timing unavailable (no timestamps)" }
    var parts: [String] = []
    // Seconds to a tenth, sign kept: a negative pause is an answer that began too early.
    if let pause = calls.meanPauseAfterHesitation {
      parts.append("pause after hesitation \((pause * 10).rounded() / 10)s")
    }
    parts.append("\(calls.timing.overlaps) overlap(s), \(calls.timing.cutInsOnHesitation) cut-in(s)")
    if let rate = calls.repWordsPerMinute { parts.append("\(Int(rate.rounded())) words/min") }
    return parts.joined(separator: " · ")
  }

  static func section(_ title: String, _ rows: [(key: String, count: Int)]) -> String {
    guard !rows.isEmpty else { return "" }
    var out = "\n\(title)\n"
    for row in rows { out += "  \(pad(String(row.count), 6))  \(row.key)\n" }
    return out
  }

  /// One decimal, fixed: `62.5`, `70.0`.
  static func fixed(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(abs(tenths % 10))"
  }

  static func pad(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
  }

  static func padRight(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
  }
}
