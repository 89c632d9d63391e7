import LibreKit

/// How `libre analyze` writes its output: a header, one record per input in input order,
/// and a footer with the summary. Records are rendered on the worker thread that analyzed
/// the document, so serialization runs in parallel and the writer only concatenates.
/// A new format conforms to this protocol and is added to `AnalysisFormatName`.
public protocol AnalysisRecordFormat: Sendable {
  /// Written once, before the first record.
  func header() -> String
  /// The record of one analyzed document (empty: the format writes none).
  func document(_ report: DocumentReport, summary: DocumentSummary) -> String
  /// `document` as UTF-8 bytes, which is how the CLI writes it. The JSON formats write
  /// their bytes straight: making a `String` of each record validated its UTF-8 again, at a
  /// third of the cost of writing it.
  func documentBytes(_ report: DocumentReport, summary: DocumentSummary) -> [UInt8]
  /// The record of one input that could not be analyzed.
  func error(_ error: InputError) -> String
  /// Written between two document records.
  var separator: String { get }
  /// Whether error records are held back and handed to `footer` (JSON keeps them in their
  /// own array) rather than written in place.
  var errorsAtEnd: Bool { get }
  /// Written once at the end, after every record.
  func footer(_ aggregate: AnalysisAggregate, errors: [String]) -> String
}

extension AnalysisRecordFormat {
  public func documentBytes(_ report: DocumentReport, summary: DocumentSummary) -> [UInt8] {
    Array(document(report, summary: summary).utf8)
  }
}

/// The formats `--format` names.
public enum AnalysisFormatName: String, Sendable, CaseIterable {
  case text, csv, jsonl, json, html

  public var format: any AnalysisRecordFormat {
    switch self {
    case .text: return AnalysisTextFormat()
    case .csv: return AnalysisCSVFormat()
    case .jsonl: return AnalysisJSONLFormat()
    case .json: return AnalysisJSONFormat()
    case .html: return AnalysisHTMLFormat()
    }
  }

  /// `format`, the one-line JSON records writing the members of `rules` rendered once.
  public func format(rules: [Rule]) -> any AnalysisRecordFormat {
    self == .jsonl ? AnalysisJSONLFormat(rules: rules) : format
  }
}

/// The terminal summary only: errors already went to stderr.
public struct AnalysisTextFormat: AnalysisRecordFormat {
  public init() {}
  public func header() -> String { "" }
  public func document(_ report: DocumentReport, summary: DocumentSummary) -> String { "" }
  public func error(_ error: InputError) -> String { "" }
  public var separator: String { "" }
  public var errorsAtEnd: Bool { false }
  public func footer(_ aggregate: AnalysisAggregate, errors: [String]) -> String {
    AnalysisSummaryText.render(aggregate)
  }
}

/// One JSON object a line: a `document` or `error` record per input, then a `summary`.
public struct AnalysisJSONLFormat: AnalysisRecordFormat {
  let rules: RuleMembers?

  public init() { rules = nil }

  /// A format that renders the rule members of the findings of `rules` once (see `RuleMembers`).
  public init(rules: [Rule]) { self.rules = RuleMembers(rules: rules) }
  public func header() -> String { "" }

  public func document(_ report: DocumentReport, summary: DocumentSummary) -> String {
    String(decoding: documentBytes(report, summary: summary), as: UTF8.self)
  }

  public func documentBytes(_ report: DocumentReport, summary: DocumentSummary) -> [UInt8] {
    var out = JSONStream(pretty: false)
    out.bytes.reserveCapacity(AnalysisJSONRecords.typicalSize)
    AnalysisJSONRecords.document(report, summary: summary, into: &out, rules: rules)
    out.bytes.append(UInt8(ascii: "\n"))
    return out.bytes
  }

  public func error(_ error: InputError) -> String {
    AnalysisJSONRecords.error(error).serialized(pretty: false) + "\n"
  }

  public var separator: String { "" }
  public var errorsAtEnd: Bool { false }

  public func footer(_ aggregate: AnalysisAggregate, errors: [String]) -> String {
    JSONOutput.object([
      ("type", .string("summary")), ("schemaVersion", .int(ToolInfo.jsonSchemaVersion)),
      ("summary", AnalysisSummaryJSON.summary(aggregate)),
    ]).serialized(pretty: false) + "\n"
  }
}

/// One JSON object: `documents`, `errors`, `summary`, written as it goes (documents are
/// not held in memory; only the error records wait for the end).
public struct AnalysisJSONFormat: AnalysisRecordFormat {
  public init() {}

  public func header() -> String {
    "{\n  \"schemaVersion\": \(ToolInfo.jsonSchemaVersion),\n  \"tool\": {\"name\": \"\(ToolInfo.name)\", "
      + "\"version\": \"\(ToolInfo.version)\"},\n  \"documents\": [\n"
  }

  public func document(_ report: DocumentReport, summary: DocumentSummary) -> String {
    String(decoding: documentBytes(report, summary: summary), as: UTF8.self)
  }

  public func documentBytes(_ report: DocumentReport, summary: DocumentSummary) -> [UInt8] {
    var out = JSONStream(bytes: Array("    ".utf8), pretty: true, indent: 2)
    out.bytes.reserveCapacity(AnalysisJSONRecords.typicalSize * 2)
    AnalysisJSONRecords.document(report, summary: summary, into: &out)
    return out.bytes
  }

  public func error(_ error: InputError) -> String {
    "    " + AnalysisJSONRecords.error(error).serialized(pretty: false)
  }

  public var separator: String { ",\n" }
  public var errorsAtEnd: Bool { true }

  public func footer(_ aggregate: AnalysisAggregate, errors: [String]) -> String {
    let documentsEnd = aggregate.documents == 0 ? "  ],\n" : "\n  ],\n"
    let errorList = errors.isEmpty ? "[]" : "[\n" + errors.joined(separator: ",\n") + "\n  ]"
    return documentsEnd + "  \"errors\": \(errorList),\n  \"summary\": "
      + AnalysisSummaryJSON.summary(aggregate).serialized(pretty: true, indent: 1) + "\n}\n"
  }
}

/// The JSON records shared by `json` and `jsonl`.
public enum AnalysisJSONRecords {
  /// About the size of a one-line document record in bytes, reserved up front: records
  /// run to a few kilobytes (each finding carries its rule's message and suggestion).
  static let typicalSize = 8192

  /// Writes the document as `libre lint --format json` gives it, plus its type and group,
  /// into `out`; `rules`, when given, holds the findings' rule members already rendered.
  public static func document(
    _ report: DocumentReport, summary: DocumentSummary, into out: inout JSONStream, rules: RuleMembers? = nil
  ) {
    out.beginObject()
    out.member("type", "document")
    out.member("group", summary.group)
    if let messageID = summary.messageID { out.member("messageId", messageID) }
    JSONReporter.documentMembers(report, into: &out, rules: rules)
    out.endObject()
  }

  public static func error(_ error: InputError) -> JSONOutput {
    var members: [(String, JSONOutput)] = [("type", .string("error")), ("path", .string(error.path))]
    if let line = error.line { members.append(("line", .int(line))) }
    members.append(("message", .string(error.message)))
    return .object(members)
  }
}
