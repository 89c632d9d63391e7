/// The summary charts of the HTML report, as inline SVG: the score histogram and the
/// horizontal bars of findings by category. Coordinates are in a fixed `viewBox`; the
/// style sheet scales the drawing to the width of its card.
public enum HTMLCharts {
  /// One colour per 10-point bin, from red (heavy pressure) to green (freedom respected).
  static let binColors = [
    "#b71c1c", "#c62828", "#d84315", "#e8590c", "#f08c00", "#c29100", "#9e9d24", "#689f38", "#43a047", "#2e7d32",
  ]

  /// Documents per 10-point score bin as vertical bars, with a count axis and a score axis.
  public static func histogram(_ scoreCounts: [Int]) -> String {
    let bins = ScoreStatistics.histogram(scoreCounts)
    let (width, height) = (500.0, 300.0)
    let (left, right, top, bottom) = (48.0, 12.0, 16.0, 48.0)
    let plotWidth = width - left - right
    let plotHeight = height - top - bottom
    let ticks = niceTicks(maximum: bins.max() ?? 0)
    let ceiling = Double(ticks.last ?? 1)
    var svg = open(width, height, label: "Score histogram: documents per 10-point score bin")
    for tick in ticks {
      let y = top + plotHeight - Double(tick) / ceiling * plotHeight
      svg += line(left, y, width - right, y, "grid")
      svg += text(left - 6, y + 4, String(tick), anchor: "end")
    }
    let slot = plotWidth / Double(bins.count)
    for (bin, count) in bins.enumerated() {
      let barHeight = Double(count) / ceiling * plotHeight
      let x = left + Double(bin) * slot + slot * 0.12
      let y = top + plotHeight - barHeight
      let range = bin == 9 ? "90–100" : "\(bin * 10)–\(bin * 10 + 9)"
      svg += "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(slot * 0.76))\" height=\"\(n(barHeight))\" rx=\"2\""
      svg += " fill=\"\(binColors[bin])\"><title>score \(range): \(count) document(s)</title></rect>"
      if count > 0 { svg += text(x + slot * 0.38, y - 4, String(count), anchor: "middle", className: "value") }
      svg += text(left + (Double(bin) + 0.5) * slot, top + plotHeight + 16, range, anchor: "middle")
    }
    svg += line(left, top + plotHeight, width - right, top + plotHeight, "axis")
    svg += line(left, top, left, top + plotHeight, "axis")
    svg += text(
      left + plotWidth / 2, height - 8, "score (0 = heavy pressure, 100 = freedom respected)", anchor: "middle")
    svg += "<text x=\"14\" y=\"\(n(top + plotHeight / 2))\" text-anchor=\"middle\""
    svg += " transform=\"rotate(-90 14 \(n(top + plotHeight / 2)))\">documents</text>"
    return svg + "</svg>"
  }

  /// One horizontal bar per key, longest first, labelled with the key and the count.
  /// `className` colours the bars (`pressure`, `freedom`).
  public static func bars(_ rows: [(key: String, count: Int)], className: String, label: String) -> String {
    guard !rows.isEmpty else { return "<p class=\"empty\">none found</p>" }
    let rowHeight = 24.0
    let (width, labelWidth, top) = (520.0, 170.0, 6.0)
    let height = top * 2 + rowHeight * Double(rows.count) + 18
    let plotWidth = width - labelWidth - 48
    let ticks = niceTicks(maximum: rows.map(\.count).max() ?? 0)
    let ceiling = Double(ticks.last ?? 1)
    let bottom = top + rowHeight * Double(rows.count)
    var svg = open(width, height, label: label)
    for tick in ticks {
      let x = labelWidth + Double(tick) / ceiling * plotWidth
      svg += line(x, top, x, bottom, "grid")
      svg += text(x, bottom + 14, String(tick), anchor: "middle")
    }
    for (index, row) in rows.enumerated() {
      let y = top + Double(index) * rowHeight
      let barWidth = max(1, Double(row.count) / ceiling * plotWidth)
      let name = HTMLEscape.text(row.key)
      svg += text(labelWidth - 8, y + rowHeight / 2 + 4, String(row.key.prefix(26)), anchor: "end")
      svg += "<rect class=\"\(className)\" x=\"\(n(labelWidth))\" y=\"\(n(y + 4))\" width=\"\(n(barWidth))\""
      svg += " height=\"\(n(rowHeight - 8))\" rx=\"2\"><title>\(name): \(row.count)</title></rect>"
      svg += text(labelWidth + barWidth + 6, y + rowHeight / 2 + 4, String(row.count), className: "value")
    }
    svg += line(labelWidth, top, labelWidth, bottom, "axis")
    return svg + "</svg>"
  }

  /// Round axis ticks from 0 to at least `maximum`: steps of 1, 2 or 5 × 10ⁿ, about 5 of them.
  static func niceTicks(maximum: Int) -> [Int] {
    let top = max(1, maximum)
    var step = 1
    while top / step > 5 {
      let digits = String(step)
      step = digits.hasPrefix("2") ? step / 2 * 5 : digits.hasPrefix("5") ? step * 2 : step * 2
    }
    let last = (top + step - 1) / step * step
    return Array(stride(from: 0, through: last, by: step))
  }

  static func open(_ width: Double, _ height: Double, label: String) -> String {
    "<svg viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(HTMLEscape.text(label))\">"
  }

  static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ className: String) -> String {
    "<line class=\"\(className)\" x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\"/>"
  }

  /// A `<text>` element; `content` is escaped.
  static func text(
    _ x: Double, _ y: Double, _ content: String, anchor: String = "start", className: String? = nil
  ) -> String {
    let classAttribute = className.map { " class=\"\($0)\"" } ?? ""
    return "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\"\(classAttribute)>"
      + "\(HTMLEscape.text(content))</text>"
  }

  static func n(_ value: Double) -> String { HTMLEscape.number(value) }
}
