/// The trends of `libre analyze --by week|month` in the summaries: per period, the documents,
/// the mean score and the pressure and freedom findings, overall and per rep. Empty when the
/// run had no `--by` (or no document had a date).
public enum TrendsReport {
  /// The text section, after the per-rep table.
  public static func text(_ trends: TrendAggregate) -> String {
    guard !trends.isEmpty else { return "" }
    // Periods, and the reps under each (indented by two).
    let labels = trends.periods.keys.map(\.count) + trends.groups.values.flatMap { $0.keys.map { $0.count + 2 } }
    let width = min(42, max(8, labels.max() ?? 8))
    var out = "\ntrends\n  \(AnalysisSummaryText.padRight("period", width)) docs   mean  pressure  freedom\n"
    for period in trends.periods.keys.sorted() {
      out += line(period, trends.periods[period]!, width: width)
      let groups = trends.groups[period] ?? [:]
      if groups.count > 1 {
        for key in groups.keys.sorted() { out += line("  " + key, groups[key]!, width: width) }
      }
    }
    return out
  }

  private static func line(_ label: String, _ group: GroupAggregate, width: Int) -> String {
    let mean = group.meanScore.map(AnalysisSummaryText.fixed) ?? "-"
    return "  " + AnalysisSummaryText.padRight(String(label.prefix(width)), width)
      + " \(AnalysisSummaryText.pad(String(group.documents), 4)) \(AnalysisSummaryText.pad(mean, 6))"
      + " \(AnalysisSummaryText.pad(String(group.pressureFindings), 9))"
      + " \(AnalysisSummaryText.pad(String(group.freedomFindings), 8))\n"
  }

  /// The JSON summary's `trends` member.
  public static func json(_ trends: TrendAggregate) -> JSONOutput {
    .array(
      trends.periods.keys.sorted().map { period in
        let groups = trends.groups[period] ?? [:]
        return .object(
          members(period: period, trends.periods[period]!) + [
            ("groups", .array(groups.keys.sorted().map { .object([("group", .string($0))] + members(groups[$0]!)) }))
          ])
      })
  }

  private static func members(period: String? = nil, _ group: GroupAggregate) -> [(String, JSONOutput)] {
    var members: [(String, JSONOutput)] = []
    if let period { members.append(("period", .string(period))) }
    return members + [
      ("documents", .int(group.documents)),
      ("scoreMean", AnalysisSummaryJSON.rounded(group.meanScore)),
      ("pressureFindings", .int(group.pressureFindings)),
      ("freedomFindings", .int(group.freedomFindings)),
    ]
  }

  /// The HTML section: an inline SVG chart (no external assets) of the mean score per period
  /// as a line, pressure and freedom findings per document as bars, then one line per rep.
  public static func html(_ trends: TrendAggregate) -> String {
    guard !trends.isEmpty else { return "" }
    let periods = trends.periods.keys.sorted()
    let width = 640.0
    let height = 220.0
    let left = 36.0
    let bottom = 190.0
    let step = periods.count > 1 ? (width - left - 20) / Double(periods.count - 1) : 0
    func x(_ index: Int) -> Double { left + 10 + Double(index) * step }
    func y(_ score: Double) -> Double { bottom - score * 1.7 }
    let rates = periods.map { key -> (Double, Double) in
      let group = trends.periods[key]!
      let documents = Double(max(1, group.documents))
      return (Double(group.pressureFindings) / documents, Double(group.freedomFindings) / documents)
    }
    let highest = max(1, rates.map { max($0.0, $0.1) }.max() ?? 1)
    var svg =
      "<svg class=\"trends\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" "
      + "aria-label=\"Mean score, pressure and freedom findings per document, by period\">"
    svg +=
      "<line x1=\"\(Int(left))\" y1=\"\(Int(bottom))\" x2=\"\(Int(width))\" y2=\"\(Int(bottom))\" stroke=\"#999\"/>"
    for mark in [0, 50, 100] {
      svg += "<text x=\"2\" y=\"\(format(y(Double(mark)) + 4))\" font-size=\"10\">\(mark)</text>"
    }
    let barWidth = max(2, min(14, step / 3))
    for (index, key) in periods.enumerated() {
      let (pressure, freedom) = rates[index]
      let pressureHeight = pressure / highest * 80
      let freedomHeight = freedom / highest * 80
      svg +=
        "<rect class=\"pressure\" fill=\"#c0392b\" x=\"\(format(x(index) - barWidth))\" "
        + "y=\"\(format(bottom - pressureHeight))\" width=\"\(format(barWidth))\" height=\"\(format(pressureHeight))\">"
        + "<title>\(HTMLEscape.text(key)): \(format(pressure)) pressure finding(s) per document</title></rect>"
      svg +=
        "<rect class=\"freedom\" fill=\"#27ae60\" x=\"\(format(x(index)))\" y=\"\(format(bottom - freedomHeight))\" "
        + "width=\"\(format(barWidth))\" height=\"\(format(freedomHeight))\">"
        + "<title>\(HTMLEscape.text(key)): \(format(freedom)) freedom finding(s) per document</title></rect>"
      if periods.count <= 16 || index % max(1, periods.count / 12) == 0 {
        svg +=
          "<text x=\"\(format(x(index)))\" y=\"\(Int(bottom) + 14)\" font-size=\"9\" "
          + "text-anchor=\"middle\">\(HTMLEscape.text(key))</text>"
      }
    }
    let points = periods.enumerated().compactMap { index, key in
      trends.periods[key]!.meanScore.map { "\(format(x(index))),\(format(y($0)))" }
    }
    svg += "<polyline fill=\"none\" stroke=\"#2c3e50\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"/>"
    for (index, key) in periods.enumerated() {
      guard let mean = trends.periods[key]!.meanScore else { continue }
      svg +=
        "<circle cx=\"\(format(x(index)))\" cy=\"\(format(y(mean)))\" r=\"3\" fill=\"#2c3e50\">"
        + "<title>\(HTMLEscape.text(key)): mean score \(format(mean)) over "
        + "\(trends.periods[key]!.documents) document(s)</title></circle>"
    }
    svg += "</svg>"
    var table = "<table class=\"trends\"><thead><tr><th>period</th><th>rep</th><th>docs</th><th>mean score</th>"
    table += "<th>pressure</th><th>freedom</th></tr></thead><tbody>"
    for period in periods {
      let groups = trends.groups[period] ?? [:]
      for key in groups.keys.sorted() {
        let group = groups[key]!
        table += "<tr><td>\(HTMLEscape.text(period))</td><td>\(HTMLEscape.text(key))</td><td>\(group.documents)</td>"
        table += "<td>\(group.meanScore.map(format) ?? "-")</td><td>\(group.pressureFindings)</td>"
        table += "<td>\(group.freedomFindings)</td></tr>"
      }
    }
    table += "</tbody></table>"
    return "<section class=\"trends\"><h2>Trends</h2>\(svg)\(table)</section>"
  }

  private static func format(_ value: Double) -> String { AnalysisSummaryText.fixed(value) }
}
