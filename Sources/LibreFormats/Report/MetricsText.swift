import LibreKit

/// The metrics lines of the text report, with the reference ranges they are read against.
enum MetricsText {
  /// Boomerang's 2016 study of 40 million emails (docs/research.md §5).
  static let wordRange = 50...125
  static let questionRange = 1...3
  static let subjectRange = 3...4

  static func form(_ form: FormMetrics, language: Language) -> String {
    var parts = ["form: \(form.words) words\(mark(form.words, wordRange))"]
    parts.append("\(form.questions) question(s)\(mark(form.questions, questionRange))")
    if let subject = form.subjectWords { parts.append("subject \(subject) word(s)\(mark(subject, subjectRange))") }
    parts.append("you/I \(form.secondPerson)/\(form.firstPerson)")
    if let ease = form.readingEase {
      parts.append("reading ease \(Int(ease.rounded())) (\(form.readingFormula))")
    }
    return parts.joined(separator: " · ")
  }

  /// ` (ok: 50–125)` inside the range, ` (outside 50–125)` outside.
  static func mark(_ value: Int, _ range: ClosedRange<Int>) -> String {
    range.contains(value) ? "" : " (outside \(range.lowerBound)–\(range.upperBound))"
  }

  static func roles(_ roles: RoleAssignment) -> String {
    if roles.everyone { return "everyone linted (--role all); rep: \(roles.reps.joined(separator: ", "))" }
    return "rep \(roles.reps.joined(separator: ", ")) (\(roles.reason))"
  }

  static func conversation(_ call: ConversationMetrics) -> String {
    var parts = ["call: \(call.turns) turn(s), \(call.speakers) speaker(s)"]
    if let ratio = call.repTalkRatio {
      let percent = Int((ratio * 100).rounded())
      let limit = ConversationMetricsReference.talkRatioLimit
      let reference = Int((ConversationMetricsReference.talkRatioReference * 100).rounded())
      let flag = ratio > limit ? ", above \(Int((limit * 100).rounded()))%" : ""
      parts.append(
        "rep talk \(percent)% by \(call.unit == .seconds ? "time" : "words") (reference \(reference)%\(flag))")
    }
    parts.append("rep questions \(call.repQuestions) (\(call.repOpenQuestions) open)")
    let unit = call.unit == .seconds ? "s" : " words"
    parts.append("longest rep monologue \(amount(call.repLongestMonologue))\(unit)")
    parts.append("longest prospect stretch \(amount(call.prospectLongestStretch))\(unit)")
    if let rate = call.pressureAfterHesitationRate {
      parts.append(
        "pressure after hesitation \(call.pressureAfterHesitation)/\(call.hesitations) (\(Int((rate * 100).rounded()))%)"
      )
    }
    parts.append(timing(call.timing))
    return parts.joined(separator: " · ")
  }

  /// The pause before answering a hesitation, overlaps and cut-ins, and the speech rate;
  /// "unavailable" when the transcript has no times.
  static func timing(_ timing: CallTiming?) -> String {
    guard let timing else { return "timing unavailable (no timestamps)" }
    var parts: [String] = []
    if let pause = timing.meanPauseAfterHesitation {
      let reference = ConversationMetricsReference.pauseAfterObjectionReference
      parts.append("pause after hesitation \(seconds(pause))s (reference \(seconds(reference))s)")
    }
    parts.append("\(timing.overlaps) overlap(s), \(timing.cutInsOnHesitation) cut-in(s) on a hesitation")
    if let rate = timing.repWordsPerMinute {
      parts.append(
        "rep \(amount(rate)) words/min (reference \(amount(ConversationMetricsReference.wordsPerMinuteReference)))")
    }
    return parts.joined(separator: " · ")
  }

  static func seconds(_ value: Double) -> String { String((value * 10).rounded() / 10) }

  static func amount(_ value: Double) -> String { String(Int(value.rounded())) }
}
