import LibreFormats
import LibreKit

/// `libre lint` of plain text larger than `--section-size`: read in sections cut at
/// paragraph (else line) breaks, each linted as it comes, its findings written at once
/// with their lines in the whole file, and forgotten. What stays is what the score reads
/// (`SectionedScore`), the gate's count, and the occurrences of each finding text (for
/// baseline keys and SARIF fingerprints). So memory is bounded by the section size,
/// whatever the file's size: `--max-input-size` does not apply.
///
/// The rules that read a whole email (false freedom, stacked pressure, a request without a
/// freedom statement in the next sentence, quoted replies, `libre-disable` ranges) see one
/// section at a time; a warning says so. Formats whose documents must be written whole
/// (json, junit, markdown) and the baselines keep reading the file whole, within
/// `--max-input-size`.
enum SectionedLint {
  /// Whether `path` is read in sections (the policy's `Sectioning`), in a run that
  /// `sections` says can report it section by section.
  static func applies(to path: String, options: LintOptions, sections: Bool) throws(InputError) -> Bool {
    try Sectioning.readsInSections(
      path, limits: options.limits, streams: sections,
      whyWhole: options.ci.baseline != nil || options.ci.writeBaseline != nil
        ? "a baseline needs"
        : ReportStream.streamsSections(options.ci.report)
          ? "the job summary needs" : "--format \(options.ci.report.rawValue) needs")
  }

  /// Lints the file at `path` section by section, writing each section's findings to
  /// `stream`; returns the document's report (score, counts, gate), its findings already
  /// written.
  static func lint(
    path: String, settings: InputSettings, options: LintOptions, workspace: inout LintWorkspace,
    stream: ReportStream
  ) throws(InputError) -> DocumentReport {
    do {
      return try lintSections(path: path, settings: settings, options: options, workspace: &workspace, stream: stream)
    } catch {
      // The sections read so far were reported; the error says where reading stopped.
      stream.abandonSections()
      throw error
    }
  }

  private static func lintSections(
    path: String, settings: InputSettings, options: LintOptions, workspace: inout LintWorkspace,
    stream: ReportStream
  ) throws(InputError) -> DocumentReport {
    let reader = try SectionReader(path: path, limits: options.limits)
    var score = SectionedScore()
    var documentOptions = settings.documentOptions
    var occurrences: [FindingKey: Int] = [:]
    let keyed = stream.format == .sarif
    var gateFindings = 0
    var reported = 0
    var omitted = 0
    var sections = 0
    var invalid = 0
    var firstInvalid: (line: Int, column: Int)?
    var policy: DocumentJudgement?
    while let section = try reader.next() {
      sections += 1
      let document = DocumentLoader.section(section, path: path, options: options.loadOptions)
      var result = settings.linter.lint(document, options: documentOptions, workspace: &workspace)
      if policy == nil { policy = settings.judgement(for: path, document: document) }
      policy!.rules.apply(to: &result)
      // Every later section in the language the first one was found to be in.
      documentOptions.language = documentOptions.language ?? result.language
      score.add(result)
      // In place: a copy of a section's findings would double what it holds.
      // The findings cap holds for the whole file, across its sections.
      var report = DocumentReport(
        document: document, result: result, maxFindings: max(0, options.limits.findings - reported))
      reported += report.findings.count
      omitted += report.omittedFindings
      result.findings = []
      let offset = section.firstLine - 1
      for index in report.findings.indices {
        report.findings[index].line += offset
        report.findings[index].endLine += offset
        // Occurrences count over the whole file, not the section. Of the formats that take
        // sections only SARIF writes them (in its fingerprints): the others skip the cost of
        // normalizing every excerpt once more.
        guard keyed else { continue }
        var key = report.findings[index].key
        key.occurrence = 0
        report.findings[index].occurrence = occurrences[key, default: 0]
        occurrences[key, default: 0] += 1
      }
      let gate = policy!.gate
      gateFindings += report.findings.filter { gate.fails($0.finding) }.count
      var notices = report.notices
      for index in notices.indices { notices[index].line += offset }
      let tokens = result.tokenizerReport
      if tokens.invalidUTF8Sequences > 0 {
        invalid += tokens.invalidUTF8Sequences
        if firstInvalid == nil, let at = tokens.firstInvalidOffset {
          let location = LineIndex(section.bytes).location(of: document.sourceMap.originalOffset(at))
          firstInvalid = (location.line + offset, location.column)
        }
      }
      stream.addSection(report.findings, notices: notices, path: path)
    }
    var summary = DocumentReport(
      document: Document(path: path, format: "text", mapped: MappedText(original: []), original: []),
      result: score.result)
    summary.sectionedFindings = score.findings
    summary.warnings = warnings(path: path, sections: sections, invalid: invalid, at: firstInvalid, options: options)
    if omitted > 0 {
      summary.warnings.append("\(path): \(ReportMessages.findingsOmitted(shown: reported, of: reported + omitted))")
    }
    for warning in summary.warnings { Output.warning(warning) }
    let gate = policy?.gate ?? GateSettings()
    gate.judge(&summary)
    if gateFindings > 0, let severity = gate.failingSeverity {
      summary.gateFailures.append(GateMessages.findingsAtOrAbove(gateFindings, severity, note: gate.findingNote))
    }
    return summary
  }

  static func warnings(
    path: String, sections: Int, invalid: Int, at first: (line: Int, column: Int)?, options: LintOptions
  ) -> [String] {
    var warnings = [
      "\(path): plain text larger than the section size of \(InputLimits.size(options.limits.sectionBytes)), "
        + "linted in \(sections) sections cut at paragraph or line breaks: the document rules (false freedom, "
        + "stacked pressure, request without freedom, quoted replies, libre-disable ranges) ran per section; "
        + "the score counts every finding of the file (raise it with --section-size SIZE)"
    ]
    if invalid > 0, let first {
      warnings.append("\(path):\(first.line):\(first.column): \(BuiltInMessages.invalidUTF8(invalid))")
    }
    return warnings
  }
}
