/// The summary of the HTML report, written in the footer (the aggregate is known only at
/// the end) and shown first by the style sheet: headline numbers, the score histogram,
/// findings by category, the per-rep table and the top phrases.
public enum HTMLSummarySection {
  /// How many categories (per polarity) and phrases the summary lists.
  static let categoryCount = 14
  static let phraseCount = 9

  /// The summary block (`id="summary"`), ended by a newline.
  public static func render(_ aggregate: AnalysisAggregate) -> String {
    var out = "<div class=\"summary\" id=\"summary\">"
    out += "<section><h2>Summary</h2>\(stats(aggregate))</section>"
    out += "<div class=\"charts three\"><section><h2>Score distribution</h2>"
    out += HTMLCharts.histogram(aggregate.scoreCounts) + "</section>"
    out += "<section><h2>Pressure by category</h2>"
    out += HTMLCharts.bars(
      categories(aggregate, "pressure"), className: "pressure", label: "Pressure findings by category")
    out += "</section><section><h2>Freedom by category</h2>"
    out += HTMLCharts.bars(
      categories(aggregate, "freedom"), className: "freedom", label: "Freedom findings by category")
    out += "</section></div><div class=\"charts\">\(phrases(aggregate))</div>"
    out += repTable(aggregate)
    out += SendersReport.html(aggregate.senders)
    out += TrendsReport.html(aggregate.trends)
    return out + "</div>\n"
  }

  /// The headline numbers as cards.
  static func stats(_ aggregate: AnalysisAggregate) -> String {
    var cards: [(value: String, label: String)] = [
      ("\(aggregate.inputs)", "inputs = \(aggregate.documents) results + \(aggregate.errors) errors"),
      ("\(aggregate.findings)", "findings in \(aggregate.words) words"),
      (ScoreStatistics.mean(aggregate.scoreCounts).map(AnalysisSummaryText.fixed) ?? "–", "mean score"),
      (ScoreStatistics.median(aggregate.scoreCounts).map(AnalysisSummaryText.fixed) ?? "–", "median score"),
      (
        "\(aggregate.polarities["pressure", default: 0]) · \(aggregate.polarities["freedom", default: 0])",
        "pressure · freedom findings"
      ),
    ]
    let calls = aggregate.calls
    // Cards for what the batch holds: the call figures only when it holds calls.
    if calls.calls > 0 {
      cards.append(("\(calls.calls)", "calls"))
      cards.append(
        (
          calls.pressureAfterHesitationRate.map(HTMLEscape.percent) ?? "–",
          "pressure after hesitation (\(calls.pressureAfterHesitation) of \(calls.hesitations))"
        ))
    }
    if let talk = calls.meanRepTalkRatio { cards.append((HTMLEscape.percent(talk), "mean rep talk share")) }
    if calls.calls > 0 {
      // The calls with timestamps and their timing, or that it is unavailable.
      let timing = AnalysisSummaryText.timing(calls)
      cards.append(calls.timedCalls > 0 ? ("\(calls.timedCalls)", "timed call(s) · " + timing) : ("–", timing))
    }
    var out = "<div class=\"stats\">"
    for card in cards {
      out +=
        "<div class=\"stat\"><b>\(HTMLEscape.text(card.value))</b><span>\(HTMLEscape.text(card.label))</span></div>"
    }
    return out + "</div>"
  }

  /// The categories of one polarity, most findings first, without the polarity prefix.
  static func categories(_ aggregate: AnalysisAggregate, _ polarity: String) -> [(key: String, count: Int)] {
    let prefix = polarity + "."
    let counts = aggregate.categories.filter { $0.key.hasPrefix(prefix) }
    return AnalysisAggregate.top(counts, categoryCount).map {
      (key: String($0.key.dropFirst(prefix.count)), count: $0.count)
    }
  }

  /// One row per rep (or group), by name.
  public static func repTable(_ aggregate: AnalysisAggregate) -> String {
    var out = "<section class=\"reps\"><h2>Per rep</h2>"
    guard !aggregate.groups.isEmpty else { return out + "<p class=\"empty\">No documents.</p></section>" }
    let hasCalls = aggregate.calls.calls > 0
    out += "<table class=\"sortable\"><thead><tr><th><button>rep / group</button></th>"
    for column in ["documents", "mean score", "median", "pressure findings", "freedom findings"]
      + (hasCalls ? ["pressure after hesitation"] : [])
    {
      out += "<th class=\"n\"><button>\(column)</button></th>"
    }
    out += "</tr></thead><tbody>"
    for key in aggregate.groups.keys.sorted() {
      let group = aggregate.groups[key]!
      let mean = ScoreStatistics.mean(group.scoreCounts)
      let scoreClass = mean.map { $0 < 55 ? " bad" : $0 >= 85 ? " good" : "" } ?? ""
      let calls = group.calls
      let hesitation =
        calls.hesitations == 0
        ? "–"
        : "\(calls.pressureAfterHesitation) of \(calls.hesitations) ("
          + HTMLEscape.percent(calls.pressureAfterHesitationRate ?? 0) + ")"
      let median = ScoreStatistics.median(group.scoreCounts)
      out += "<tr><td>\(HTMLEscape.text(key))</td><td class=\"n\">\(group.documents)</td>"
      out += "<td class=\"n\(scoreClass)\" data-value=\"\(mean.map(AnalysisSummaryText.fixed) ?? "-1")\">"
      out += "\(mean.map(AnalysisSummaryText.fixed) ?? "–")</td>"
      out += "<td class=\"n\" data-value=\"\(median.map(AnalysisSummaryText.fixed) ?? "-1")\">"
      out += "\(median.map(AnalysisSummaryText.fixed) ?? "–")</td>"
      out += "<td class=\"n\">\(group.pressureFindings)</td><td class=\"n\">\(group.freedomFindings)</td>"
      if hasCalls {
        out += "<td class=\"n\" data-value=\"\(calls.pressureAfterHesitationRate ?? -1)\">\(hesitation)</td>"
      }
      out += "</tr>"
    }
    return out + "</tbody></table></section>"
  }

  /// The most frequent phrases, pressure and freedom apart, each in its color. Phrases
  /// without a letter ("!!!") are left out: the categories count them.
  static func phrases(_ aggregate: AnalysisAggregate) -> String {
    var pressure: [String: Int] = [:]
    var freedom: [String: Int] = [:]
    for (phrase, count) in aggregate.phrases where phrase.unicodeScalars.contains(where: \.properties.isAlphabetic) {
      let free = aggregate.freedomPhrases[phrase, default: 0]
      if free > 0 { freedom[phrase] = free }
      if count > free { pressure[phrase] = count - free }
    }
    return phraseTable("Top pressure phrases", "pressure", pressure)
      + phraseTable("Top freedom phrases", "freedom", freedom)
  }

  static func phraseTable(_ title: String, _ polarity: String, _ counts: [String: Int]) -> String {
    let top = AnalysisAggregate.top(counts, phraseCount)
    var out = "<section class=\"phrases \(polarity)\"><h2>\(title)</h2>"
    guard !top.isEmpty else { return out + "<p class=\"empty\">none found</p></section>" }
    out += "<table><thead><tr><th class=\"n\">count</th><th>phrase</th></tr>"
    out += "</thead><tbody>"
    for row in top {
      out +=
        "<tr><td class=\"n\">\(row.count)</td><td><span class=\"phrase\">\(HTMLEscape.text(row.key))</span></td></tr>"
    }
    return out + "</tbody></table></section>"
  }
}
