import LibreKit

/// Compiler-style text: `FILE:LINE:COL: severity: message [rule]`, the source line with
/// carets under the span, the suggestion, then a score line per document.
public struct TextReporter {
  public var color: Bool
  /// The widest source line shown (`--max-columns`; 0: whole lines): see `SourceWindow`.
  public var maxColumns: Int

  public init(color: Bool, maxColumns: Int = InputLimits.defaultColumns) {
    self.color = color
    self.maxColumns = maxColumns
  }

  private func paint(_ text: String, _ code: String) -> String {
    color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  public func render(_ run: RunReport) -> String {
    var out = ""
    for document in run.documents {
      for located in document.findings {
        out += finding(located, path: document.path, gateNote: TextReporter.gateNote(located, document))
      }
      out += notices(document.notices, path: document.path)
      out += summary(document)
    }
    if run.documents.count + run.errors.count > 1 {
      let errorFindings = run.documents.reduce(0) { $0 + TextReporter.errorFindings($1) }
      out +=
        ReportMessages.totals(
          documents: run.documents.count, findings: run.findingCount, errorFindings: errorFindings,
          inputErrors: run.errors.count) + "\n"
    }
    if run.comparedWithBaseline { out += baseline(run) }
    return out
  }

  /// The suppression notices of a document, one line each.
  func notices(_ notices: [LocatedNotice], path: String) -> String {
    var out = ""
    for notice in notices {
      let location = TerminalText.escape("\(path):\(notice.line):\(notice.column):")
      out += paint(location, "1") + " " + paint("info", "36")
      out += ": \(TerminalText.escape(notice.message)) " + paint("[\(notice.kind)]", "2") + "\n"
    }
    return out
  }

  /// What a finding that fails the document's gate adds to its line (nil when it does not).
  static func gateNote(_ located: LocatedFinding, _ document: DocumentReport) -> String? {
    guard let threshold = document.failingSeverity, located.finding.rule.polarity == .pressure,
      located.finding.rule.severity >= threshold
    else { return nil }
    return document.gateNote
  }

  /// The error-level pressure findings of `document` (kept ones; a sectioned document's
  /// were counted as its sections were written).
  static func errorFindings(_ document: DocumentReport) -> Int {
    document.findings.filter { $0.finding.rule.polarity == .pressure && $0.finding.rule.severity == .error }.count
  }

  func finding(_ located: LocatedFinding, path: String, gateNote: String? = nil) -> String {
    // Written into one byte buffer: a finding-dense file has tens of thousands of these,
    // and `String` interpolation and appends cost more than linting the text.
    var out = TextBuffer(color: color)
    let rule = located.finding.rule
    out.painted("1", path, ":", String(located.line), ":", String(located.column), ":")
    out.add(TextReporter.context(located), " ")
    switch (rule.polarity, rule.severity) {
    case (.freedom, _): out.painted("32", "freedom")
    case (_, .error): out.painted("1;31", "error")
    case (_, .warning): out.painted("33", "warning")
    case (_, .info): out.painted("36", "info")
    }
    out.add(": ", rule.message, " ")
    out.painted("2", "[", rule.id, "]")
    let contribution = located.finding.contribution
    if contribution != 0 {
      out.add(" (", contribution > 0 ? "+" : "−", JSONWriter.number(abs(contribution)), ")")
    }
    if let gateNote { out.painted("1;31", " (", gateNote, ")") }
    let number = String(located.line)
    let gutter = TextReporter.repeated(" ", number.count)
    let window = located.window(maxColumns: maxColumns)
    out.add("\n ", number, " | ", window.text, "\n")
    out.add(" ", gutter, " | ", TextReporter.repeated(" ", window.caretStart))
    out.painted(rule.polarity == .freedom ? "32" : "33", TextReporter.repeated("^", window.caretWidth))
    out.add("\n")
    if let from = located.finding.negatedFrom { out.add(" ", gutter, " = negated match of ", from, "\n") }
    if let detail = located.finding.detail { out.add(" ", gutter, " = ", detail, "\n") }
    if let note = located.finding.scoringNote { out.add(" ", gutter, " = note: ", note, "\n") }
    out.add(" ", gutter, " = ")
    out.painted("1", "suggestion:")
    out.add(" ", rule.suggestion, "\n")
    return out.string
  }

  /// `count` copies of an ASCII character. `String(repeating:count:)` appends a string per
  /// copy: under the caret lines it cost more than the rest of a finding's report.
  static func repeated(_ character: Unicode.Scalar, _ count: Int) -> String {
    String(decoding: [UInt8](repeating: UInt8(ascii: character), count: max(0, count)), as: UTF8.self)
  }

  /// ` [00:03:12 Sam]` for a finding in a call, ` [subject]` in a subject line, else nothing.
  static func context(_ located: LocatedFinding) -> String {
    var parts: [String] = []
    if let time = located.time { parts.append(DocumentReport.clock(time)) }
    if let speaker = located.speaker { parts.append(speaker) }
    if located.part == .subject { parts.append("subject") }
    return parts.isEmpty ? "" : " [\(parts.joined(separator: " "))]"
  }

  /// With `--baseline`: the known findings set aside and each fixed one.
  func baseline(_ run: RunReport) -> String {
    let known = run.documents.reduce(0) { $0 + $1.baselined.count }
    var out = TextReporter.baseline(run.findingCount, known: known, fixed: run.fixed)
    for document in run.documents {
      if let recorded = document.baselineScore, document.result.score.score < recorded {
        let dropped = GateMessages.scoreDropped(document.result.score.score, recorded)
        out += TerminalText.escape("  \(document.path): \(dropped)") + "\n"
      }
    }
    return out
  }

  /// The baseline's line of counts and its fixed entries (the score drops follow).
  static func baseline(_ new: Int, known: Int, fixed: [BaselineEntry]) -> String {
    var out = "baseline: \(new) new finding(s), \(known) known (not shown), \(fixed.count) fixed\n"
    for entry in fixed {
      out += TerminalText.escape("  fixed: \(entry.path): [\(entry.key.rule)] “\(entry.key.text)”") + "\n"
    }
    return out
  }

  func summary(_ document: DocumentReport) -> String {
    let result = document.result
    let score = result.score
    let gradeColor = score.score >= 70 ? "1;32" : score.score >= 55 ? "1;33" : "1;31"
    let language = result.language.rawValue + (result.languageDetected ? " (detected)" : "")
    var out =
      paint(TerminalText.escape("\(document.path):"), "1") + " score "
      + paint("\(score.score)/100 (\(score.grade))", gradeColor)
    out += " · freedom \(score.freedom) · pressure \(score.pressure) · engagement \(score.engagement)"
    out += " · \(document.findingCount) finding(s) · \(result.metrics.words) words · \(language)\n"
    if let form = result.form { out += "  " + MetricsText.form(form, language: result.language) + "\n" }
    if let roles = result.roles { out += "  roles: " + TerminalText.escape(MetricsText.roles(roles)) + "\n" }
    if let call = result.conversation { out += "  " + TerminalText.escape(MetricsText.conversation(call)) + "\n" }
    for template in result.templateScores {
      out += "  \(TerminalText.escape(template.title)): score \(template.score.score) (\(template.score.grade))"
      out += " · \(template.findings) finding(s)\n"
    }
    for speaker in result.speakerScores {
      out +=
        "  \(TerminalText.escape(speaker.speaker)) (\(speaker.role?.rawValue ?? "unknown")): score \(speaker.score.score)"
      out += " (\(speaker.score.grade)) · \(speaker.words) words · \(speaker.findings) finding(s)\n"
    }
    return out
  }
}

/// A report's text as UTF-8 bytes, with ANSI colors when asked for.
struct TextBuffer {
  let color: Bool
  private var bytes: [UInt8] = []

  init(color: Bool) {
    self.color = color
    bytes.reserveCapacity(512)
  }

  /// Adds `parts`, their control characters shown as control pictures (`TerminalText`).
  mutating func add(_ parts: String...) {
    for part in parts { append(TerminalText.escape(part)) }
  }

  private mutating func append(_ part: String) {
    var part = part
    part.withUTF8 { bytes.append(contentsOf: $0) }
  }

  /// `parts` in the color of SGR `code` (`1` bold, `32` green, …) when colors are on.
  mutating func painted(_ code: String, _ parts: String...) {
    if color { append("\u{1B}[" + code + "m") }
    for part in parts { append(TerminalText.escape(part)) }
    if color { append("\u{1B}[0m") }
  }

  var string: String { String(decoding: bytes, as: UTF8.self) }
}
