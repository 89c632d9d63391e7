import LibreKit

/// The JSON report of `DESIGN.md` (schema version 1): documents, errors, summary.
public enum JSONReporter {
  public static func render(_ run: RunReport) -> String {
    root(
      documents: .array(run.documents.map(document)), errors: run.errors, documentCount: run.documents.count,
      findings: run.findingCount, baseline: baselineSummary(run)
    ).serialized(pretty: true) + "\n"
  }

  /// The whole report, with `documents` as its documents array.
  static func root(
    documents: JSONOutput, errors: [InputError], documentCount: Int, findings: Int, baseline: [(String, JSONOutput)]
  ) -> JSONOutput {
    let errors = errors.map { error -> JSONOutput in
      var members: [(String, JSONOutput)] = [("path", .string(error.path))]
      if let line = error.line { members.append(("line", .int(line))) }
      members.append(("message", .string(error.message)))
      return .object(members)
    }
    return .object([
      ("schemaVersion", .int(ToolInfo.jsonSchemaVersion)),
      ("tool", .object([("name", .string(ToolInfo.name)), ("version", .string(ToolInfo.version))])),
      ("documents", documents),
      ("errors", .array(errors)),
      (
        "summary",
        .object(
          [
            ("documents", .int(documentCount)), ("errors", .int(errors.count)), ("findings", .int(findings)),
          ] + baseline)
      ),
    ])
  }

  static func document(_ report: DocumentReport) -> JSONOutput {
    let result = report.result
    let metrics = result.metrics
    return .object([
      ("path", .string(report.path)),
      ("format", .string(report.format)),
      ("language", .string(result.language.rawValue)),
      ("languageDetected", .bool(result.languageDetected)),
      ("score", .int(result.score.score)),
      ("grade", .string(result.score.grade)),
      (
        "subscores",
        .object([
          ("freedom", .int(result.score.freedom)), ("pressure", .int(result.score.pressure)),
          ("engagement", .int(result.score.engagement)),
        ])
      ),
      ("findings", .array(report.findings.map(finding))),
      (
        "metrics",
        .object([
          ("words", .int(metrics.words)), ("sentences", .int(metrics.sentences)),
          ("questions", .int(metrics.questions)), ("exclamations", .int(metrics.exclamations)),
        ])
      ),
      ("form", result.form.map(JSONMetrics.form) ?? .null),
      ("call", result.conversation.map(JSONMetrics.conversation) ?? .null),
      ("roles", result.roles.map(JSONMetrics.roles) ?? .null),
      ("speakers", .array(result.speakerScores.map(JSONMetrics.speaker))),
      ("suppressed", .int(result.suppressedFindings)),
      (
        "notices",
        .array(
          report.notices.map {
            .object([("line", .int($0.line)), ("column", .int($0.column)), ("message", .string($0.message))])
          })
      ),
      ("warnings", .array(report.warnings.map(JSONOutput.string))),
      ("gateFailures", .array(report.gateFailures.map(JSONOutput.string))),
    ])
  }

  /// With `--baseline`: how many known findings were set aside, and the fixed ones.
  static func baselineSummary(_ run: RunReport) -> [(String, JSONOutput)] {
    guard run.comparedWithBaseline else { return [] }
    let known = run.documents.reduce(0) { $0 + $1.baselined.count }
    return baselineSummary(new: run.findingCount, known: known, fixed: run.fixed)
  }

  /// The `baseline` member of the summary.
  static func baselineSummary(new: Int, known: Int, fixed: [BaselineEntry]) -> [(String, JSONOutput)] {
    let fixed = fixed.map { entry -> JSONOutput in
      .object([
        ("path", .string(entry.path)), ("rule", .string(entry.key.rule)), ("text", .string(entry.key.text)),
        ("occurrence", .int(entry.key.occurrence)),
      ])
    }
    return [("baseline", .object([("new", .int(new)), ("known", .int(known)), ("fixed", .array(fixed))]))]
  }

  static func finding(_ located: LocatedFinding) -> JSONOutput {
    let rule = located.finding.rule
    return .object([
      ("rule", .string(rule.id)),
      ("polarity", .string(rule.polarity.rawValue)),
      ("category", .string(rule.category)),
      ("severity", .string(rule.severity.rawValue)),
      ("message", .string(rule.message)),
      ("suggestion", .string(rule.suggestion)),
      ("source", .string(rule.source)),
      ("line", .int(located.line)),
      ("column", .int(located.column)),
      ("endLine", .int(located.endLine)),
      ("endColumn", .int(located.endColumn)),
      ("excerpt", .string(located.excerpt)),
      ("part", .string(located.part.rawValue)),
      ("speaker", located.speaker.map(JSONOutput.string) ?? .null),
      ("role", located.role.map { .string($0.rawValue) } ?? .null),
      ("time", located.time.map(JSONOutput.number) ?? .null),
      ("detail", located.finding.detail.map(JSONOutput.string) ?? .null),
      ("contribution", .number(located.finding.contribution)),
      ("negatedFrom", located.finding.negatedFrom.map(JSONOutput.string) ?? .null),
      ("note", located.finding.scoringNote.map(JSONOutput.string) ?? .null),
    ])
  }
}
