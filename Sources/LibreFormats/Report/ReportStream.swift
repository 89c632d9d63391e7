import LibreKit

/// A `libre lint` report written document by document, byte for byte what the format's
/// reporter gives the whole run (`render(_:)`), without keeping the run: each document is
/// written (or spooled to a temporary file when the format needs totals before it) as soon
/// as it is added, and forgotten. What stays is what the end of a report needs: counts,
/// SARIF's rule list, the baseline's fixed entries, the input errors.
///
/// A plain text read in sections (see `addSection`) streams its findings too, in the
/// formats where each finding is written on its own (`streamsSections`).
public final class ReportStream {
  public let format: ReportFormat
  let color: Bool
  /// The widest source line the text format shows (`SourceWindow`).
  let maxColumns: Int
  let output: (String) -> Void
  /// Documents, findings (outside the baseline) and findings the baseline knew.
  var documents = 0
  var findings = 0
  var known = 0
  /// Error-level pressure findings, for the totals line.
  var errorFindings = 0
  var gateFailed = false
  /// JUnit: how many documents failed their gates.
  var failedDocuments = 0
  /// JSON, SARIF: the streamed array has an item already (a comma goes before the next).
  var arrayItems = 0
  /// SARIF: the rules of the results so far, in order of first use.
  var rules: [Rule] = []
  var ruleIndex: [String: Int] = [:]
  /// JUnit's test cases and SARIF's results, Markdown's table rows and finding sections.
  let body = Spool()
  let details = Spool()
  /// Text with a baseline: the lines of documents whose score dropped under the baseline's.
  var scoreDrops: [String] = []
  /// The document whose sections are being added, if any (Checkstyle opened its element).
  var openSection: String?

  /// A stream that writes to `output` as it goes; `color` paints the text format.
  public init(
    format: ReportFormat, color: Bool = false, maxColumns: Int = InputLimits.defaultColumns,
    output: @escaping (String) -> Void
  ) {
    self.maxColumns = maxColumns
    self.format = format
    self.color = color
    self.output = output
    switch format {
    case .json: output(ReportStream.jsonFrame(errors: [], documents: 0, findings: 0, baseline: []).head)
    case .csv: output(CSVFields.row(CSVReporter.columns))
    case .checkstyle: output(XMLEscape.declaration + "<checkstyle version=\"4.3\">\n")
    case .text, .jsonl, .sarif, .github, .junit, .markdown: break
    }
  }

  /// Whether the format can write a document's findings before its score: the formats that
  /// write each finding on its own. JSON puts the score before the findings, JUnit and
  /// Markdown need a document's findings and gate together.
  public static func streamsSections(_ format: ReportFormat) -> Bool {
    switch format {
    case .text, .jsonl, .csv, .sarif, .github, .checkstyle: return true
    case .json, .junit, .markdown: return false
    }
  }

  /// Adds one document, its gate failures and baseline comparison already set.
  public func add(_ document: DocumentReport) {
    documents += 1
    findings += document.findingCount
    known += document.baselined.count
    errorFindings += TextReporter.errorFindings(document)
    gateFailed = gateFailed || !document.gateFailures.isEmpty
    if !document.gateFailures.isEmpty { failedDocuments += 1 }
    if let recorded = document.baselineScore, document.result.score.score < recorded {
      scoreDrops.append("  \(document.path): \(GateMessages.scoreDropped(document.result.score.score, recorded))\n")
    }
    switch format {
    case .text:
      var text = ""
      let reporter = TextReporter(color: color, maxColumns: maxColumns)
      for located in document.findings {
        text += reporter.finding(located, path: document.path, gateNote: TextReporter.gateNote(located, document))
      }
      text += reporter.notices(document.notices, path: document.path)
      output(text + reporter.summary(document))
    case .json:
      output(ReportStream.jsonItems.item(JSONReporter.document(document), index: arrayItems))
      arrayItems += 1
    case .jsonl:
      var text = ""
      for located in document.findings { text += JSONLReporter.finding(located, path: document.path) }
      output(text + JSONLReporter.documentRecord(document))
    case .csv: output(CSVReporter.rows(document.findings, path: document.path))
    case .sarif: sarifResults(document.findings, path: document.path)
    case .github: output(GitHubReporter.document(document))
    case .junit: body.write(JUnitReporter.testCase(document))
    case .checkstyle:
      if openSection == nil { output("  <file name=\"\(XMLEscape.text(document.path))\">\n") }
      openSection = nil
      output(CheckstyleReporter.errors(Problems.of(document)) + CheckstyleReporter.gateErrors(document) + "  </file>\n")
    case .markdown:
      body.write(MarkdownReporter.tableRow(document))
      details.write(MarkdownReporter.problems(document))
    }
  }

  /// Writes the findings of one section of a document read in sections (only in the formats
  /// of `streamsSections`); the document itself is added last, with `sectionedFindings`
  /// counting what its sections wrote.
  public func addSection(_ findings: [LocatedFinding], notices: [LocatedNotice], path: String) {
    // One finding at a time: a section may hold tens of thousands, and their text would
    // otherwise sit in memory twice (the whole section's text, then the output buffer).
    switch format {
    case .text:
      let reporter = TextReporter(color: color, maxColumns: maxColumns)
      for located in findings { output(reporter.finding(located, path: path)) }
      output(reporter.notices(notices, path: path))
    case .jsonl:
      for located in findings { output(JSONLReporter.finding(located, path: path)) }
    case .csv:
      for located in findings { output(CSVReporter.rows([located], path: path)) }
    case .sarif: sarifResults(findings, path: path)
    case .github:
      for located in findings { output(GitHubReporter.findings([located], path: path)) }
    case .checkstyle:
      if openSection == nil { output("  <file name=\"\(XMLEscape.text(path))\">\n") }
      openSection = path
      for located in findings where located.finding.rule.polarity == .pressure {
        output(CheckstyleReporter.errors([located]))
      }
    case .json, .junit, .markdown:
      preconditionFailure("\(format) cannot write a document in sections")
    }
  }

  /// Closes what the sections of a document opened when reading it failed half way (its
  /// error is reported instead of the document; the findings already written stay).
  public func abandonSections() {
    if format == .checkstyle && openSection != nil { output("  </file>\n") }
    openSection = nil
  }

  /// Ends the report: the input errors, the totals, what the baseline says (its `fixed`
  /// entries, when the run was `comparedWithBaseline`). Throws when a spooled part cannot
  /// be read back.
  public func finish(
    errors: [InputError], fixed: [BaselineEntry] = [], comparedWithBaseline: Bool = false
  ) throws(InputError) {
    var summary = RunReport()
    summary.errors = errors
    summary.fixed = fixed
    summary.comparedWithBaseline = comparedWithBaseline
    let totals = ReportMessages.totals(
      documents: documents, findings: findings, errorFindings: errorFindings, inputErrors: errors.count)
    switch format {
    case .text:
      if documents + errors.count > 1 { output(totals + "\n") }
      if comparedWithBaseline {
        output(TextReporter.baseline(findings, known: known, fixed: fixed) + scoreDrops.joined())
      }
    case .json:
      let baseline =
        comparedWithBaseline ? JSONReporter.baselineSummary(new: findings, known: known, fixed: fixed) : []
      let frame = ReportStream.jsonFrame(errors: errors, documents: documents, findings: findings, baseline: baseline)
      output(frame.close(count: arrayItems) + frame.tail)
    case .jsonl:
      output(JSONLReporter.errorsAndSummary(errors, documents: documents, findings: findings))
    case .csv: break
    case .sarif:
      let frame = StreamedArray(
        SARIFReporter.root(rules: rules, errors: errors, results: StreamedArray.placeholder), indent: 3)
      output(frame.head)
      try body.drain(into: output)
      output(frame.close(count: arrayItems) + frame.tail)
    case .github: output(GitHubReporter.errors(errors) + totals + "\n")
    case .junit:
      output(JUnitReporter.head(documents: documents, failures: failedDocuments, errors: errors.count))
      try body.drain(into: output)
      output(JUnitReporter.errorCases(errors) + JUnitReporter.tail)
    case .checkstyle: output(CheckstyleReporter.errorFiles(errors) + "</checkstyle>\n")
    case .markdown:
      output(MarkdownReporter.head(totals, gateFailed: gateFailed, documents: documents))
      try body.drain(into: output)
      try details.drain(into: output)
      output(MarkdownReporter.tail(summary, known: known))
    }
  }

  func sarifResults(_ located: [LocatedFinding], path: String) {
    for finding in located where finding.finding.rule.polarity == .pressure {
      let rule = finding.finding.rule
      if ruleIndex[rule.id] == nil {
        ruleIndex[rule.id] = rules.count
        rules.append(rule)
      }
      let item = SARIFReporter.result(finding, path: path, index: ruleIndex[rule.id]!)
      body.write(ReportStream.sarifItems.item(item, index: arrayItems))
      arrayItems += 1
    }
  }

  /// The JSON report around its documents array.
  static func jsonFrame(
    errors: [InputError], documents: Int, findings: Int, baseline: [(String, JSONOutput)]
  ) -> StreamedArray {
    StreamedArray(
      JSONReporter.root(
        documents: StreamedArray.placeholder, errors: errors, documentCount: documents, findings: findings,
        baseline: baseline), indent: 1)
  }

  /// How items are written in each streamed array (the frames differ only in their ends).
  static let jsonItems = jsonFrame(errors: [], documents: 0, findings: 0, baseline: [])
  static let sarifItems = StreamedArray(
    SARIFReporter.root(rules: [], errors: [], results: StreamedArray.placeholder), indent: 3)
}
