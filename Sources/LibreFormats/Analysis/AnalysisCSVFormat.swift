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
  public static func row(_ fields: [String]) -> String { CSVFields.row(fields) }

  /// A field, quoted where RFC 4180 requires, with a `'` before a formula (`CSVFields.field`).
  public static func field(_ value: String) -> String { CSVFields.field(value) }
}
