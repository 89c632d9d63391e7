/// One CSV row per input (RFC 4180: comma-separated, CRLF line ends, a header row, fields
/// holding a comma, a quote, CR or LF quoted with quotes doubled). Inputs that failed are
/// rows too, with `status` = `error` and the message, so a spreadsheet loses nothing.
public struct AnalysisCSVFormat: AnalysisRecordFormat {
  public static let columns = [
    "status", "path", "format", "language", "group", "score", "grade", "freedom", "pressure", "engagement", "words",
    "findings", "pressure_findings", "freedom_findings", "engagement_findings", "turns", "rep_talk_ratio",
    "hesitations", "pressure_after_hesitation", "freedom_after_hesitation", "pause_after_hesitation", "overlaps",
    "cut_ins_on_hesitation", "rep_words_per_minute", "first_pressure", "error",
  ]

  public init() {}

  public func header() -> String { AnalysisCSVFormat.row(AnalysisCSVFormat.columns) }

  public func document(_ report: DocumentReport, summary: DocumentSummary) -> String {
    let call = summary.call
    func optional(_ value: Int?) -> String { value.map(String.init) ?? "" }
    let talk = call?.repTalkPermille.map { permille in
      "\(permille / 1000).\(String(repeating: "0", count: 3 - String(permille % 1000).count))\(permille % 1000)"
    }
    return AnalysisCSVFormat.row([
      "ok", summary.path, summary.format, summary.language, summary.group, String(summary.score), summary.grade,
      String(summary.freedom), String(summary.pressure), String(summary.engagement), String(summary.words),
      String(summary.findings), String(summary.polarities["pressure", default: 0]),
      String(summary.polarities["freedom", default: 0]), String(summary.polarities["engagement", default: 0]),
      optional(call?.turns), talk ?? "", optional(call?.hesitations), optional(call?.pressureAfterHesitation),
      optional(call?.freedomAfterHesitation), pause(call?.timing), optional(call?.timing?.overlaps),
      optional(call?.timing?.cutInsOnHesitation), wordsPerMinute(call?.timing), summary.firstPressure ?? "", "",
    ])
  }

  /// The mean pause before answering a hesitation in seconds, two decimals; empty without
  /// times or hesitations.
  func pause(_ timing: CallSummary.TimingSums?) -> String {
    guard let timing, timing.pauses > 0 else { return "" }
    let centis = Int((Double(timing.pauseMillisSum) / Double(timing.pauses) / 10).rounded())
    let sign = centis < 0 ? "-" : ""
    let magnitude = abs(centis)
    return "\(sign)\(magnitude / 100).\(magnitude % 100 < 10 ? "0" : "")\(magnitude % 100)"
  }

  /// The rep's words per minute, whole; empty without times.
  func wordsPerMinute(_ timing: CallSummary.TimingSums?) -> String {
    guard let timing, timing.repMillis > 0 else { return "" }
    return String(Int((Double(timing.repWords) / (Double(timing.repMillis) / 60_000)).rounded()))
  }

  public func error(_ error: InputError) -> String {
    var fields = [String](repeating: "", count: AnalysisCSVFormat.columns.count)
    fields[0] = "error"
    fields[1] = error.path
    fields[fields.count - 1] = error.line.map { "line \($0): \(error.message)" } ?? error.message
    return AnalysisCSVFormat.row(fields)
  }

  public var separator: String { "" }
  public var errorsAtEnd: Bool { false }
  public func footer(_ aggregate: AnalysisAggregate, errors: [String]) -> String { "" }

  /// One record: the fields quoted where RFC 4180 requires, joined by commas, ended by CRLF.
  public static func row(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",") + "\r\n"
  }

  /// A field, quoted (quotes doubled) when it holds a comma, a quote, CR or LF. A field that
  /// a spreadsheet would take for a formula (it begins with `=`, `+`, `-`, `@`, a tab or CR,
  /// as a path, an id or a group may) gets a `'` before it, as OWASP recommends against CSV
  /// injection; a number such as `-12` stays a number.
  public static func field(_ value: String) -> String {
    let value = isFormulaLike(value) ? "'" + value : value
    let needsQuotes = value.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
    guard needsQuotes else { return value }
    var out = "\""
    for character in value.unicodeScalars {
      if character == "\"" { out += "\"\"" } else { out.unicodeScalars.append(character) }
    }
    return out + "\""
  }

  /// Whether a spreadsheet could read `value` as a formula: it begins with `=`, `+`, `-`,
  /// `@`, a tab or CR, and is not a plain decimal number.
  static func isFormulaLike(_ value: String) -> Bool {
    guard let first = value.utf8.first,
      first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
        || first == UInt8(ascii: "@") || first == 0x09 || first == 0x0D
    else { return false }
    return !isPlainNumber(value)
  }

  /// `-12`, `+3.5`: a sign, digits, at most one dot between digits.
  static func isPlainNumber(_ value: String) -> Bool {
    let bytes = Array(value.utf8.dropFirst())
    guard value.utf8.first == UInt8(ascii: "-") || value.utf8.first == UInt8(ascii: "+") else { return false }
    let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    guard parts.count <= 2 else { return false }
    return parts.allSatisfy { part in !part.isEmpty && part.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
  }
}
