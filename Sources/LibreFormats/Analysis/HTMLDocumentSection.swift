import LibreKit

/// One document of the HTML report: a `<details>` whose summary line shows the score, the
/// path and the finding counts (and, for a call, its timeline), and whose body lists each
/// finding with its place, its words highlighted in their line, the message and a suggestion.
public enum HTMLDocumentSection {
  /// The `<details>` of one document, ended by a newline.
  /// `path` is the document's path as the report shows it (by default its own).
  public static func render(_ report: DocumentReport, summary: DocumentSummary, path: String? = nil) -> String {
    let polarities = summary.polarities
    var out = "<details class=\"doc\"><summary><span class=\"doc-head\">"
    out += "<span class=\"score grade-\(gradeClass(summary.grade))\" title=\"score \(summary.score), grade "
    out += "\(HTMLEscape.text(summary.grade))\">\(summary.score)</span>"
    out +=
      "<span class=\"path\" title=\"\(HTMLEscape.text(summary.path))\">\(HTMLEscape.text(path ?? summary.path))</span>"
    var meta = [summary.format, summary.language, "\(summary.words) words"]
    if !summary.group.isEmpty { meta.insert(summary.group, at: 0) }
    out += "<span class=\"meta\">\(HTMLEscape.text(meta.joined(separator: " · ")))</span>"
    for polarity in ["pressure", "freedom", "hesitation"] {
      if let count = polarities[polarity], count > 0 {
        out += "<span class=\"pill \(polarity)\">\(count) \(polarity)</span>"
      }
    }
    out += "<span class=\"more\">\(summary.findings) finding(s) ▸</span></span>"
    if let call = report.result.conversation {
      out += "<span class=\"callmeta\">\(HTMLEscape.text(callLine(call)))</span>"
      if let timeline = HTMLTimeline.render(report) {
        out += "<span class=\"timeline\">\(timeline)</span>" + legend
      }
    }
    out += "</summary>"
    out += speakers(report.result.speakerScores)
    if report.findings.isEmpty {
      out += "<p class=\"empty\">No findings.</p>"
    } else {
      out += "<ol class=\"findings\">"
      // A cue's or an element's markup (`<v Dana>`, `<b>`) is not what the reader reads.
      let markup = summary.format == "vtt" || summary.format == "html"
      for located in report.findings { out += finding(located, stripsTags: markup) }
      out += "</ol>"
    }
    return out + "</details>\n"
  }

  /// What the timeline's marks mean.
  static let legend =
    "<span class=\"legend\"><span><i style=\"background: var(--pressure)\"></i>pressure</span>"
    + "<span><i style=\"background: var(--warning)\"></i>mild pressure (info)</span>"
    + "<span><i style=\"background: var(--freedom)\"></i>freedom</span>"
    + "<span><i style=\"background: var(--hesitation); border-radius: 0; transform: rotate(45deg)\"></i>"
    + "prospect hesitates</span><span>hover a mark for its words</span></span>"

  /// A call's metrics in one line.
  static func callLine(_ call: ConversationMetrics) -> String {
    var parts = ["\(call.turns) turns", "\(call.speakers) speakers"]
    if let talk = call.repTalkRatio { parts.append("rep talk \(HTMLEscape.percent(talk))") }
    parts.append("\(call.repQuestions) rep questions (\(call.repOpenQuestions) open)")
    if call.hesitations > 0 {
      parts.append(
        "\(call.hesitations) hesitation(s): \(call.pressureAfterHesitation) met with pressure, "
          + "\(call.freedomAfterHesitation) with freedom")
    }
    parts.append(MetricsText.timing(call.timing))
    return parts.joined(separator: " · ")
  }

  /// Each speaker's own score, for a call.
  static func speakers(_ scores: [SpeakerScore]) -> String {
    guard !scores.isEmpty else { return "" }
    var out = "<table class=\"speakers\"><thead><tr><th>speaker</th><th>role</th><th class=\"n\">score</th>"
    out += "<th class=\"n\">words</th><th class=\"n\">findings</th></tr></thead><tbody>"
    for score in scores {
      out += "<tr><td>\(HTMLEscape.text(score.speaker))</td><td>\(score.role?.rawValue ?? "–")</td>"
      out += "<td class=\"n\">\(score.score.score)</td><td class=\"n\">\(score.words)</td>"
      out += "<td class=\"n\">\(score.findings)</td></tr>"
    }
    return out + "</tbody></table>"
  }

  /// One finding: where, who and when; severity and rule; message; the line; the suggestion.
  static func finding(_ located: LocatedFinding, stripsTags: Bool = false) -> String {
    let rule = located.finding.rule
    var out = "<li class=\"finding \(rule.polarity.rawValue) sev-\(rule.severity.rawValue)\"><div class=\"where\">"
    out += "line <code>\(located.line):\(located.column)</code>"
    if located.part != .body { out += " · \(located.part.rawValue)" }
    if let time = located.time { out += " · \(DocumentReport.clock(time))" }
    if let speaker = located.speaker {
      out += " · " + HTMLEscape.text(located.role.map { "\(speaker) (\($0.rawValue))" } ?? speaker)
    }
    out += " · <span class=\"sev\">\(rule.severity.rawValue)</span> · \(HTMLEscape.text(rule.id))</div>"
    out += "<p class=\"message\">\(HTMLEscape.text(rule.message))"
    if let detail = located.finding.detail { out += " — \(HTMLEscape.text(detail))" }
    out += "</p>"
    out += "<div class=\"source\">\(highlight(located, stripsTags: stripsTags))</div>"
    if !rule.suggestion.isEmpty {
      out += "<p class=\"suggestion\">Suggestion: \(HTMLEscape.text(rule.suggestion))</p>"
    }
    return out + "</li>"
  }

  /// The finding's first line, escaped, its columns wrapped in `<mark>`; a long line is cut
  /// to some context around the mark.
  /// With `stripsTags`, the line's tags (`<v Dana Whitfield>`, `</b>`) are left out, as
  /// the reader sees the text.
  public static func highlight(_ located: LocatedFinding, context: Int = 100, stripsTags: Bool = false) -> String {
    // Only the window around the span is read: a long line costs what a short one does.
    let window = located.window(maxColumns: 2 * context + max(1, located.endColumn - located.column + 1))
    var scalars = Array(window.text.unicodeScalars)
    var start = min(window.caretStart, scalars.count)
    var stop = min(scalars.count, start + window.caretWidth)
    if stripsTags { (scalars, start, stop) = withoutTags(scalars, start, stop) }
    func slice(_ range: Range<Int>) -> String {
      var text = ""
      text.unicodeScalars.append(contentsOf: scalars[range])
      return HTMLEscape.text(text)
    }
    guard start < stop else { return HTMLEscape.text(located.excerpt) }
    return slice(0..<start) + "<mark>" + slice(start..<stop) + "</mark>" + slice(stop..<scalars.count)
  }

  /// `scalars` without their `<…>` tags, and the span `start..<stop` moved to match.
  static func withoutTags(_ scalars: [Unicode.Scalar], _ start: Int, _ stop: Int) -> ([Unicode.Scalar], Int, Int) {
    var kept: [Unicode.Scalar] = []
    var newStart = start
    var newStop = stop
    var index = 0
    while index < scalars.count {
      if scalars[index] == "<", let close = scalars[index...].firstIndex(of: ">") {
        let length = close - index + 1
        if index < start { newStart -= min(length, start - index) }
        if index < stop { newStop -= min(length, stop - index) }
        index = close + 1
        continue
      }
      kept.append(scalars[index])
      index += 1
    }
    return (kept, max(0, newStart), max(max(0, newStart), newStop))
  }

  /// The style-sheet class of a grade (an unknown grade reads as F).
  static func gradeClass(_ grade: String) -> String {
    ["A", "B", "C", "D"].contains(grade) ? grade : "F"
  }
}
