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
    .stream { out in
      out.beginObject()
      documentMembers(report, into: &out)
      out.endObject()
    }
  }

  /// The members of a document's object, for the records that write their own first;
  /// `rules`, when given, holds the findings' rule members already rendered.
  static func documentMembers(_ report: DocumentReport, into out: inout JSONStream, rules: RuleMembers? = nil) {
    let result = report.result
    let metrics = result.metrics
    out.member("path", report.path)
    out.member("format", report.format)
    out.member("language", result.language.rawValue)
    out.member("languageDetected", result.languageDetected)
    out.member("score", result.score.score)
    out.member("grade", result.score.grade)
    out.key("subscores")
    out.beginObject()
    out.member("freedom", result.score.freedom)
    out.member("pressure", result.score.pressure)
    out.member("engagement", result.score.engagement)
    out.endObject()
    out.key("findings")
    out.beginArray()
    for located in report.findings {
      out.element()
      out.beginObject()
      findingMembers(located, into: &out, rules: rules)
      out.endObject()
    }
    out.endArray()
    out.key("metrics")
    out.beginObject()
    out.member("words", metrics.words)
    out.member("sentences", metrics.sentences)
    out.member("questions", metrics.questions)
    out.member("exclamations", metrics.exclamations)
    out.endObject()
    out.key("form")
    if let form = result.form { JSONMetrics.form(form, into: &out) } else { out.null() }
    out.key("call")
    if let call = result.conversation { JSONMetrics.conversation(call, into: &out) } else { out.null() }
    out.key("roles")
    if let roles = result.roles { JSONMetrics.roles(roles, into: &out) } else { out.null() }
    out.key("speakers")
    out.beginArray()
    for speaker in result.speakerScores {
      out.element()
      JSONMetrics.speaker(speaker, into: &out)
    }
    out.endArray()
    if !result.templateScores.isEmpty {
      out.key("templates")
      out.beginArray()
      for template in result.templateScores {
        out.element()
        out.beginObject()
        out.member("title", template.title)
        out.member("score", template.score.score)
        out.member("grade", template.score.grade)
        out.member("findings", template.findings)
        out.endObject()
      }
      out.endArray()
    }
    out.member("suppressed", result.suppressedFindings)
    out.key("notices")
    out.beginArray()
    for notice in report.notices {
      out.element()
      out.beginObject()
      out.member("line", notice.line)
      out.member("column", notice.column)
      out.member("message", notice.message)
      out.member("kind", notice.kind)
      out.endObject()
    }
    out.endArray()
    out.member("warnings", strings: report.warnings)
    out.member("gateFailures", strings: report.gateFailures)
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

  /// The members of a finding's object, for the records that write their own first.
  static func findingMembers(_ located: LocatedFinding, into out: inout JSONStream, rules: RuleMembers? = nil) {
    if let rules {
      rules.write(located.finding.rule, into: &out)
    } else {
      RuleMembers.write(located.finding.rule, into: &out)
    }
    out.member("line", located.line)
    out.member("column", located.column)
    out.member("endLine", located.endLine)
    out.member("endColumn", located.endColumn)
    out.member("excerpt", located.excerpt)
    out.member("part", located.part.rawValue)
    out.member("speaker", located.speaker)
    out.member("role", located.role?.rawValue)
    out.member("time", number: located.time)
    out.member("detail", located.finding.detail)
    out.member("contribution", number: located.finding.contribution)
    out.member("negatedFrom", located.finding.negatedFrom)
    out.member("note", located.finding.scoringNote)
  }
}
