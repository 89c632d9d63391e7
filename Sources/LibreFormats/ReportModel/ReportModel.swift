import LibreKit

/// A finding placed in its file: 1-based lines and columns (columns count Unicode scalars;
/// `endColumn` is the column of the last character, inclusive).
public struct LocatedFinding: Sendable {
  public var finding: Finding
  public var line: Int
  public var column: Int
  public var endLine: Int
  public var endColumn: Int
  /// The text the finding covers, as written.
  public var excerpt: String
  /// The original file's bytes, shared by the document and all its findings (never copied:
  /// a copy of a long line per finding grew with the square of the line), and the byte
  /// ranges of the finding's first line and of the finding in them.
  public var source: [UInt8]
  public var lineRange: Range<Int>
  public var span: Range<Int>
  /// Whether `source` is single-byte text (each byte one character) rather than UTF-8.
  public var singleByte: Bool
  /// The part of the document (subject, body, turn) and, in a call, who spoke and when.
  public var part: Part = .body
  public var speaker: String?
  public var role: Role?
  /// Seconds from the start of the recording, when the transcript has times.
  public var time: Double?
  /// How many findings of the same rule on the same normalized text come before this one
  /// in the document (0 for the first): with them, the finding's baseline key.
  public var occurrence = 0
  /// Whether the baseline knew this finding (set when a baseline is given).
  public var baselineState: BaselineState?

  /// The key that identifies this finding across edits: rule, normalized text, occurrence.
  public var key: FindingKey {
    FindingKey(rule: finding.rule.id, text: FindingKey.normalize(excerpt), occurrence: occurrence)
  }
}

/// A remark about the document itself (a suppression comment), at a place in the file.
public struct LocatedNotice: Sendable, Equatable {
  public var line: Int
  public var column: Int
  public var message: String
  /// What the notice is about: `suppression` (a comment), `context` (the context stage),
  /// `language`.
  public var kind = "suppression"
}

/// Everything Libre has to say about one document.
public struct DocumentReport: Sendable {
  public var path: String
  public var format: String
  public var result: LintResult
  public var findings: [LocatedFinding]
  /// Problems that did not stop the lint (malformed UTF-8), already located.
  public var warnings: [String]
  /// Suppression comments without a reason or that silenced nothing, located.
  public var notices: [LocatedNotice] = []
  /// Why the document fails the run's gates (empty when it passes), set by the CLI.
  public var gateFailures: [String] = []
  /// The severity at or above which a pressure finding fails the gate (nil: none fails),
  /// so a report can mark the findings that fail; set with the gate failures.
  public var failingSeverity: Severity?
  /// What a failing finding's line adds (`fails --fail-on error`).
  public var gateNote = ""
  /// Findings the baseline already had, taken out of `findings` (they do not fail the run).
  public var baselined: [LocatedFinding] = []
  /// The score the baseline recorded for this document, if it had one.
  public var baselineScore: Int?
  /// Findings already reported section by section (a plain text read in sections): counted
  /// here, not kept in `findings`.
  public var sectionedFindings = 0

  /// Findings past `--max-findings`, neither placed nor reported (a warning tells how many).
  public var omittedFindings = 0

  /// Every finding of the document outside the baseline, kept or already reported.
  public var findingCount: Int { findings.count + sectionedFindings }

  /// Places each finding of `result` in `document`: offsets in the extracted text go
  /// through the document's source map to lines and columns of the original file. With
  /// `numberingOccurrences` false, every finding's `occurrence` stays 0: only baselines and
  /// SARIF fingerprints read it (through `key`), and numbering normalizes and hashes the
  /// texts of the findings, which `libre analyze`, writing neither, need not pay for.
  ///
  /// Only the first `maxFindings` findings are placed (`--max-findings`): one document can
  /// hold millions, and their reports would run to gigabytes. The others are counted in
  /// `omittedFindings` and told in a warning; the score still counts them all.
  public init(
    document: Document, result: LintResult, numberingOccurrences: Bool = true,
    maxFindings: Int = InputLimits.defaultFindings
  ) {
    path = document.path
    format = document.format
    self.result = result
    let singleByte = document.originalEncoding == .singleByte
    // Findings come in file order (mostly): a cursor walks to each instead of indexing
    // every line of the file first.
    var lines = LineCursor(document.original, singleByte: singleByte)
    let map = document.sourceMap
    let original = document.original
    let segments = document.effectiveSegments
    // Findings of one long line share its range: it is found once, not once per finding.
    var lastLine = (number: 0, range: 0..<0)
    let kept = min(result.findings.count, maxFindings)
    omittedFindings = result.findings.count - kept
    findings = result.findings[..<kept].map { finding in
      let span = map.originalRange(finding.start..<finding.end)
      let start = lines.location(of: span.lowerBound)
      if lastLine.number != start.line { lastLine = (start.line, lines.lineRange(start.line)) }
      let lineRange = lastLine.range
      let end =
        DocumentReport.sameLineEnd(of: span, from: start, in: original, singleByte: singleByte)
        ?? lines.location(of: span.upperBound)
      var located = LocatedFinding(
        finding: finding, line: start.line, column: start.column, endLine: end.line,
        endColumn: max(end.column - 1, end.line == start.line ? start.column : 1),
        excerpt: String(decoding: document.text[finding.start..<finding.end], as: UTF8.self),
        source: original, lineRange: lineRange, span: span, singleByte: singleByte)
      if finding.segment < segments.count {
        let segment = segments[finding.segment]
        located.part = segment.part
        located.speaker = segment.speaker
        located.role = finding.segment < result.segmentRoles.count ? result.segmentRoles[finding.segment] : nil
        located.time = DocumentReport.time(of: finding.start, in: segment)
      }
      return located
    }
    warnings = []
    if omittedFindings > 0 {
      warnings.append("\(document.path): \(ReportMessages.findingsOmitted(shown: kept, of: result.findings.count))")
    }
    if numberingOccurrences { numberOccurrences() }
    let report = result.tokenizerReport
    if report.invalidUTF8Sequences > 0, let offset = report.firstInvalidOffset {
      let at = lines.location(of: map.originalOffset(offset))
      warnings.append(
        "\(document.path):\(at.line):\(at.column): \(BuiltInMessages.invalidUTF8(report.invalidUTF8Sequences))")
    }
    notices = result.suppressionNotices.map { notice in
      let at = lines.location(of: notice.originalOffset)
      return LocatedNotice(line: at.line, column: at.column, message: notice.message)
    }
    if let code = result.unsupportedLanguage {
      notices.insert(
        LocatedNotice(line: 1, column: 1, message: BuiltInMessages.unsupportedLanguage(code), kind: "language"), at: 0)
    }
    if result.mostlyCapitals {
      notices.append(LocatedNotice(line: 1, column: 1, message: BuiltInMessages.mostlyCapitals, kind: "context"))
    }
    for warning in document.warnings {
      if let offset = warning.originalOffset {
        let at = lines.location(of: offset)
        warnings.append("\(document.path):\(at.line):\(at.column): \(warning.message)")
      } else {
        warnings.append("\(document.path): \(warning.message)")
      }
    }
  }

  /// Adds a notice for each finding the context stage set aside, with its reason
  /// (`--explain-suppressed`): where it was, its rule, its words and why.
  public mutating func explainSetAside(_ document: Document) {
    var lines = LineCursor(document.original, singleByte: document.originalEncoding == .singleByte)
    let map = document.sourceMap
    for aside in result.contextSetAside.sorted(by: { $0.finding.start < $1.finding.start }) {
      let finding = aside.finding
      let at = lines.location(of: map.originalRange(finding.start..<finding.end).lowerBound)
      let end = min(max(finding.start, finding.end), document.text.count)
      let words = String(decoding: document.text[finding.start..<end], as: UTF8.self)
      notices.append(
        LocatedNotice(
          line: at.line, column: at.column,
          message: BuiltInMessages.setAside(
            rule: finding.rule.id, words: words, reason: aside.reason.rawValue + " (\(aside.region.name))"),
          kind: "context"))
    }
    notices.sort { ($0.line, $0.column) < ($1.line, $1.column) }
  }

  /// Sets each finding's `occurrence`: how many findings of its key come before it.
  mutating func numberOccurrences() {
    // Every occurrence is still 0 here, so `key` groups by rule and text alone. A finding
    // whose rule no other finding shares is the first of its key: its text (normalized, the
    // costly part) need not be compared.
    var perRule: [String: Int] = [:]
    for located in findings { perRule[located.finding.rule.id, default: 0] += 1 }
    var seen: [FindingKey: Int] = [:]
    for index in findings.indices where perRule[findings[index].finding.rule.id, default: 0] > 1 {
      let key = findings[index].key
      findings[index].occurrence = seen[key, default: 0]
      seen[key, default: 0] += 1
    }
  }

  /// Where `span` ends, as `LineIndex.location` gives it, when no line break lies inside it
  /// (most findings): the start's column plus the characters spanned, without counting
  /// from the start of the line again; nil when the span crosses a CR or LF.
  static func sameLineEnd(
    of span: Range<Int>, from start: (line: Int, column: Int), in original: [UInt8], singleByte: Bool
  ) -> (line: Int, column: Int)? {
    original.withUnsafeBufferPointer { bytes in
      let end = min(span.upperBound, bytes.count)
      var index = min(span.lowerBound, end)
      var column = start.column
      while index < end {
        let byte = bytes[index]
        if byte == 0x0A || byte == 0x0D { return nil }
        if singleByte || byte & 0xC0 != 0x80 { column += 1 }
        index += 1
      }
      return (start.line, column)
    }
  }

  /// The start time of the cue holding `offset`, else of its segment.
  static func time(of offset: Int, in segment: Segment) -> Double? {
    segment.cueStarts.last { $0.textOffset <= offset }?.time ?? segment.startTime
  }

  /// `hh:mm:ss` for a time in seconds.
  public static func clock(_ seconds: Double) -> String {
    let whole = max(0, Int(seconds))
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(two(whole / 3600)):\(two(whole / 60 % 60)):\(two(whole % 60))"
  }

  /// A line of the original file as text (Latin-1 when the file is single-byte).
  static func decode(_ bytes: ArraySlice<UInt8>, singleByte: Bool) -> String {
    guard singleByte else { return String(decoding: bytes, as: UTF8.self) }
    var text = ""
    text.unicodeScalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
    return text
  }
}

/// The result of a whole run: every input appears once, as a document or as an error.
public struct RunReport: Sendable {
  public var documents: [DocumentReport] = []
  public var errors: [InputError] = []
  /// Baseline entries no finding matched any more: fixed since the baseline was written.
  public var fixed: [BaselineEntry] = []
  /// Whether the run was compared with a baseline.
  public var comparedWithBaseline = false

  public init() {}

  /// Whether any document fails its gates.
  public var gateFailed: Bool { documents.contains { !$0.gateFailures.isEmpty } }

  public var findingCount: Int { documents.reduce(0) { $0 + $1.findingCount } }
}

/// Libre's name and version, as reports print them.
public enum ToolInfo {
  public static let name = "libre"
  public static let version = "0.1.0"
  public static let jsonSchemaVersion = 1
}

/// What the report model says.
public enum ReportMessages {
  /// `3 document(s), 7 finding(s) (2 at error level), 1 input error(s)`: findings of error
  /// severity and inputs that could not be read are told apart.
  public static func totals(documents: Int, findings: Int, errorFindings: Int, inputErrors: Int) -> String {
    "\(documents) document(s), \(findings) finding(s) (\(errorFindings) at error level), "
      + "\(inputErrors) input error(s)"
  }

  public static func findingsOmitted(shown: Int, of total: Int) -> String {
    "\(total) findings; only the first \(shown) are reported (--max-findings)"
  }
}
