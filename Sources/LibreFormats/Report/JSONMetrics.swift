import LibreKit

/// The JSON of the email and call metrics, written into the document's record.
enum JSONMetrics {
  static func form(_ form: FormMetrics, into out: inout JSONStream) {
    out.beginObject()
    out.member("words", form.words)
    out.member("questions", form.questions)
    out.key("subjectWords")
    if let words = form.subjectWords { out.int(words) } else { out.null() }
    out.member("secondPerson", form.secondPerson)
    out.member("firstPerson", form.firstPerson)
    out.member("readingEase", number: form.readingEase.map { ($0 * 10).rounded() / 10 })
    out.member("readingFormula", form.readingFormula.isEmpty ? nil : form.readingFormula)
    out.endObject()
  }

  static func conversation(_ call: ConversationMetrics, into out: inout JSONStream) {
    out.beginObject()
    out.member("turns", call.turns)
    out.member("speakers", call.speakers)
    out.member("unit", call.unit.rawValue)
    out.member("repTalkRatio", number: call.repTalkRatio.map { ($0 * 1000).rounded() / 1000 })
    out.member("repTalksTooMuch", call.repTalksTooMuch)
    out.member("repQuestions", call.repQuestions)
    out.member("repOpenQuestions", call.repOpenQuestions)
    out.member("repClosedQuestions", call.repClosedQuestions)
    out.member("repLongestMonologue", number: call.repLongestMonologue)
    out.member("prospectLongestStretch", number: call.prospectLongestStretch)
    out.member("hesitations", call.hesitations)
    out.member("pressureAfterHesitation", call.pressureAfterHesitation)
    out.member("freedomAfterHesitation", call.freedomAfterHesitation)
    out.member(
      "pressureAfterHesitationRate", number: call.pressureAfterHesitationRate.map { ($0 * 1000).rounded() / 1000 })
    out.key("timing")
    if let timing = call.timing { self.timing(timing, into: &out) } else { out.null() }
    out.endObject()
  }

  /// The call's timing; `null` in its place when the transcript has no times.
  static func timing(_ timing: CallTiming, into out: inout JSONStream) {
    out.beginObject()
    out.member("pauseAfterHesitation", number: timing.meanPauseAfterHesitation.map { ($0 * 100).rounded() / 100 })
    out.member("pausesAfterHesitation", timing.pausesAfterHesitation.count)
    out.member("pauseReference", number: ConversationMetricsReference.pauseAfterObjectionReference)
    out.member("overlaps", timing.overlaps)
    out.member("cutInsOnHesitation", timing.cutInsOnHesitation)
    out.member("repWordsPerMinute", number: timing.repWordsPerMinute.map { $0.rounded() })
    out.member("wordsPerMinuteReference", number: ConversationMetricsReference.wordsPerMinuteReference)
    out.endObject()
  }

  static func roles(_ roles: RoleAssignment, into out: inout JSONStream) {
    out.beginObject()
    out.member("rep", strings: roles.reps)
    out.member("prospect", strings: roles.prospects)
    out.member("reason", roles.reason)
    out.member("confidence", roles.confidence.rawValue)
    out.member("everyone", roles.everyone)
    out.endObject()
  }

  static func speaker(_ speaker: SpeakerScore, into out: inout JSONStream) {
    out.beginObject()
    out.member("speaker", speaker.speaker)
    out.member("role", speaker.role?.rawValue)
    out.member("score", speaker.score.score)
    out.member("grade", speaker.score.grade)
    out.member("freedom", speaker.score.freedom)
    out.member("pressure", speaker.score.pressure)
    out.member("words", speaker.words)
    out.member("findings", speaker.findings)
    out.endObject()
  }
}
