import LibreKit

/// A call's timeline as inline SVG: pressure findings as red and orange marks above the
/// axis, freedom findings as green marks below, the prospect's hesitation cues as amber
/// diamonds on the axis. The x axis is time in seconds when every mark has a time, else
/// the turn the finding is in. Each mark's `<title>` is its tooltip.
public enum HTMLTimeline {
  /// One mark to place.
  struct Mark {
    var polarity: Polarity
    var severity: Severity
    var position: Double
    var tooltip: String
  }

  /// The timeline of `report`, or nil when it is not a call or has nothing to place.
  public static func render(_ report: DocumentReport) -> String? {
    guard let call = report.result.conversation else { return nil }
    let placed = report.findings.filter {
      [.pressure, .freedom, .hesitation].contains($0.finding.rule.polarity)
    }
    guard !placed.isEmpty else { return nil }
    let timed = placed.allSatisfy { $0.time != nil }
    let turns = max(call.turns, (placed.map(\.finding.segment).max() ?? 0) + 1)
    let marks = placed.map { located in
      Mark(
        polarity: located.finding.rule.polarity, severity: located.finding.rule.severity,
        position: timed ? located.time ?? 0 : Double(located.finding.segment) + 0.5, tooltip: tooltip(located))
    }
    let extent = timed ? niceExtent(marks.map(\.position).max() ?? 0) : Double(turns)
    return draw(marks, extent: extent, timed: timed)
  }

  static func draw(_ marks: [Mark], extent: Double, timed: Bool) -> String {
    let (width, left, right) = (900.0, 84.0, 16.0)
    let plotWidth = width - left - right
    func x(_ position: Double) -> Double { left + position / extent * plotWidth }
    // Marks closer than 9 units on the same side stack outwards from the axis.
    var stacks: [Int: Int] = [:]
    let levels = marks.map { mark -> Int in
      guard mark.polarity != .hesitation else { return 0 }
      let bucket = Int(x(mark.position) / 9) * (mark.polarity == .pressure ? 1 : -1)
      defer { stacks[bucket, default: 0] += 1 }
      return stacks[bucket, default: 0]
    }
    func reach(_ polarity: Polarity) -> Double {
      let tallest = zip(marks, levels).filter { $0.0.polarity == polarity }.map(\.1).max()
      return tallest.map { 22 + 11 * Double($0) } ?? 12
    }
    let axis = 16 + reach(.pressure)
    let height = axis + reach(.freedom) + 36
    var svg = HTMLCharts.open(width, height, label: "Timeline of pressure (above) and freedom (below) in the call")
    for tick in ticks(extent: extent, timed: timed) {
      svg += HTMLCharts.line(x(tick.position), 8, x(tick.position), height - 30, "grid")
      svg += HTMLCharts.text(x(tick.position), height - 17, tick.label, anchor: "middle")
    }
    svg += HTMLCharts.line(left, axis, width - right, axis, "axis")
    let title = timed ? "time in the call (m:ss)" : "turn of the call"
    svg += HTMLCharts.text(left + (width - left - right) / 2, height - 2, title, anchor: "middle")
    svg += HTMLCharts.text(left - 10, axis - 6, "pressure ↑", anchor: "end")
    svg += HTMLCharts.text(left - 10, axis + 15, "freedom ↓", anchor: "end")
    for (mark, level) in zip(marks, levels) {
      let cx = x(mark.position)
      let title = "<title>\(HTMLEscape.text(mark.tooltip))</title>"
      if mark.polarity == .hesitation {
        let d = "M\(n(cx)) \(n(axis - 7))l6 7l-6 7l-6 -7z"
        svg += "<path class=\"hesitation\" d=\"\(d)\">\(title)</path>"
        continue
      }
      let up = mark.polarity == .pressure
      let cy = up ? axis - 14 - Double(level) * 11 : axis + 14 + Double(level) * 11
      let className = up ? (mark.severity == .info ? "warning" : "pressure") : "freedom"
      svg += "<g class=\"\(className)\">\(title)"
      svg += "<line class=\"stem\" x1=\"\(n(cx))\" y1=\"\(n(axis))\" x2=\"\(n(cx))\" y2=\"\(n(cy))\"/>"
      let radius = mark.severity == .error ? 5.5 : 4.5
      svg += "<circle cx=\"\(n(cx))\" cy=\"\(n(cy))\" r=\"\(n(radius))\"/></g>"
    }
    return svg + "</svg>"
  }

  /// The hover text of a finding: when and who, what, and the words.
  static func tooltip(_ located: LocatedFinding) -> String {
    var parts: [String] = []
    if let time = located.time { parts.append(DocumentReport.clock(time)) }
    if let speaker = located.speaker {
      parts.append(located.role.map { "\(speaker) (\($0.rawValue))" } ?? speaker)
    }
    let rule = located.finding.rule
    parts.append("\(rule.polarity.rawValue) · \(rule.category)")
    let excerpt = located.excerpt.count > 90 ? String(located.excerpt.prefix(90)) + "…" : located.excerpt
    return parts.joined(separator: " · ") + "\n“\(excerpt)”\n\(rule.message)"
  }

  /// A round end for a time axis past the last mark: a multiple of 10 s, 1 min or 5 min.
  static func niceExtent(_ seconds: Double) -> Double {
    let step = seconds <= 60 ? 10.0 : seconds <= 600 ? 60 : 300
    return ((seconds / step).rounded(.down) + 1) * step
  }

  static func ticks(extent: Double, timed: Bool) -> [(position: Double, label: String)] {
    if !timed {
      let step = max(1, Int((extent / 10).rounded(.up)))
      return stride(from: 0, through: Int(extent), by: step).map { (Double($0), String($0)) }
    }
    let step = extent <= 60 ? 10.0 : extent <= 300 ? 30 : extent <= 900 ? 60 : extent <= 3600 ? 300 : 600
    return stride(from: 0, through: extent, by: step).map { (position: $0, label: clock($0)) }
  }

  /// `m:ss`, or `h:mm:ss` past an hour.
  static func clock(_ seconds: Double) -> String {
    let whole = Int(seconds)
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    let minutes = whole / 60 % 60
    return whole >= 3600 ? "\(whole / 3600):\(two(minutes)):\(two(whole % 60))" : "\(minutes):\(two(whole % 60))"
  }

  static func n(_ value: Double) -> String { HTMLEscape.number(value) }
}
