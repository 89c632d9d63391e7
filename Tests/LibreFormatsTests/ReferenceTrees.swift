import LibreFormats
import LibreKit

/// The JSON records as trees, as the reporters built them before they wrote them member by
/// member: the streamed records must come out byte for byte the same.
enum ReferenceTrees {
  static func form(_ form: FormMetrics) -> JSONOutput {
    .object([
      ("words", .int(form.words)),
      ("questions", .int(form.questions)),
      ("subjectWords", form.subjectWords.map(JSONOutput.int) ?? .null),
      ("secondPerson", .int(form.secondPerson)),
      ("firstPerson", .int(form.firstPerson)),
      ("readingEase", form.readingEase.map { .number(($0 * 10).rounded() / 10) } ?? .null),
      ("readingFormula", form.readingFormula.isEmpty ? .null : .string(form.readingFormula)),
    ])
  }

  static func conversation(_ call: ConversationMetrics) -> JSONOutput {
    .object([
      ("turns", .int(call.turns)),
      ("speakers", .int(call.speakers)),
      ("unit", .string(call.unit.rawValue)),
      ("repTalkRatio", call.repTalkRatio.map { .number(($0 * 1000).rounded() / 1000) } ?? .null),
      ("repTalksTooMuch", .bool(call.repTalksTooMuch)),
      ("repQuestions", .int(call.repQuestions)),
      ("repOpenQuestions", .int(call.repOpenQuestions)),
      ("repClosedQuestions", .int(call.repClosedQuestions)),
      ("repLongestMonologue", .number(call.repLongestMonologue)),
      ("prospectLongestStretch", .number(call.prospectLongestStretch)),
      ("hesitations", .int(call.hesitations)),
      ("pressureAfterHesitation", .int(call.pressureAfterHesitation)),
      ("freedomAfterHesitation", .int(call.freedomAfterHesitation)),
      (
        "pressureAfterHesitationRate",
        call.pressureAfterHesitationRate.map { .number(($0 * 1000).rounded() / 1000) } ?? .null
      ),
      ("timing", call.timing.map(timing) ?? .null),
    ])
  }

  static func timing(_ timing: CallTiming) -> JSONOutput {
    .object([
      ("pauseAfterHesitation", timing.meanPauseAfterHesitation.map { .number(($0 * 100).rounded() / 100) } ?? .null),
      ("pausesAfterHesitation", .int(timing.pausesAfterHesitation.count)),
      ("pauseReference", .number(ConversationMetricsReference.pauseAfterObjectionReference)),
      ("overlaps", .int(timing.overlaps)),
      ("cutInsOnHesitation", .int(timing.cutInsOnHesitation)),
      ("repWordsPerMinute", timing.repWordsPerMinute.map { .number($0.rounded()) } ?? .null),
      ("wordsPerMinuteReference", .number(ConversationMetricsReference.wordsPerMinuteReference)),
    ])
  }

  static func roles(_ roles: RoleAssignment) -> JSONOutput {
    .object([
      ("rep", .array(roles.reps.map(JSONOutput.string))),
      ("prospect", .array(roles.prospects.map(JSONOutput.string))),
      ("reason", .string(roles.reason)),
      ("confidence", .string(roles.confidence.rawValue)),
      ("everyone", .bool(roles.everyone)),
    ])
  }

  static func speaker(_ speaker: SpeakerScore) -> JSONOutput {
    .object([
      ("speaker", .string(speaker.speaker)),
      ("role", speaker.role.map { .string($0.rawValue) } ?? .null),
      ("score", .int(speaker.score.score)),
      ("grade", .string(speaker.score.grade)),
      ("freedom", .int(speaker.score.freedom)),
      ("pressure", .int(speaker.score.pressure)),
      ("words", .int(speaker.words)),
      ("findings", .int(speaker.findings)),
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
      ("findings", .array(report.findings.map(ReferenceTrees.finding))),
      (
        "metrics",
        .object([
          ("words", .int(metrics.words)), ("sentences", .int(metrics.sentences)),
          ("questions", .int(metrics.questions)), ("exclamations", .int(metrics.exclamations)),
        ])
      ),
      ("form", result.form.map(ReferenceTrees.form) ?? .null),
      ("call", result.conversation.map(ReferenceTrees.conversation) ?? .null),
      ("roles", result.roles.map(ReferenceTrees.roles) ?? .null),
      ("speakers", .array(result.speakerScores.map(ReferenceTrees.speaker))),
      ("suppressed", .int(result.suppressedFindings)),
      (
        "notices",
        .array(
          report.notices.map {
            .object([
              ("line", .int($0.line)), ("column", .int($0.column)), ("message", .string($0.message)),
              ("kind", .string($0.kind)),
            ])
          })
      ),
      ("warnings", .array(report.warnings.map(JSONOutput.string))),
      ("gateFailures", .array(report.gateFailures.map(JSONOutput.string))),
    ])
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
