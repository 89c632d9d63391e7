import LibreKit

/// The JSON of the email and call metrics.
enum JSONMetrics {
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
    ])
  }

  static func roles(_ roles: RoleAssignment) -> JSONOutput {
    .object([
      ("rep", .array(roles.reps.map(JSONOutput.string))),
      ("prospect", .array(roles.prospects.map(JSONOutput.string))),
      ("reason", .string(roles.reason)),
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
}
