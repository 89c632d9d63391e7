/// Metrics of a call (who talked how much, who asked what) and which findings a call's
/// report keeps. The answers to a hesitation are `AfterHesitationRules`.
enum ConversationRules {
  /// By default the rep's words are linted and the prospect's feed hesitation detection:
  /// "I need to decide today" from the prospect is never pressure.
  static func keepingRoleFindings(_ findings: [Finding], segments: [Segment]) -> [Finding] {
    findings.filter { finding in
      switch segments[finding.segment].role {
      case .rep: return finding.rule.polarity != .hesitation
      case .prospect: return finding.rule.polarity == .hesitation
      case nil: return true
      }
    }
  }

  /// Talk ratio, questions, monologues; hesitation counts are filled by `afterHesitation`.
  static func metrics(
    segments: [Segment], counts: [SegmentCounts], findings: [Finding], roles: RoleAssignment
  ) -> ConversationMetrics {
    var metrics = ConversationMetrics()
    metrics.turns = segments.count
    metrics.speakers = roles.reps.count + roles.prospects.count
    let timed = segments.allSatisfy { $0.startTime != nil && $0.endTime != nil }
    metrics.unit = timed ? .seconds : .words
    var repTotal = 0.0
    var total = 0.0
    for (index, segment) in segments.enumerated() where index < counts.count {
      let amount =
        timed ? max(0, segment.endTime! - segment.startTime!) : Double(counts[index].words)
      total += amount
      switch segment.role {
      case .rep:
        repTotal += amount
        metrics.repQuestions += counts[index].questions
        metrics.repLongestMonologue = max(metrics.repLongestMonologue, amount)
      case .prospect:
        metrics.prospectLongestStretch = max(metrics.prospectLongestStretch, amount)
      case nil: break
      }
    }
    if total > 0 { metrics.repTalkRatio = repTotal / total }
    if timed { metrics.timing = timing(segments: segments, counts: counts) }
    let openSentences = Set(
      findings.lazy.filter { $0.rule.category == "open-question" && segments[$0.segment].role == .rep }
        .map(\.sentence))
    metrics.repOpenQuestions = min(openSentences.count, metrics.repQuestions)
    return metrics
  }

  /// The rep's talk time, words and overlaps; the pauses after hesitations are added by
  /// `afterHesitation`.
  static func timing(segments: [Segment], counts: [SegmentCounts]) -> CallTiming {
    var timing = CallTiming()
    for (index, segment) in segments.enumerated() where segment.role == .rep {
      guard let start = segment.startTime, let end = segment.endTime else { continue }
      timing.repSeconds += max(0, end - start)
      if index < counts.count { timing.repWords += counts[index].words }
      if index > 0, segments[index - 1].role == .prospect, let before = segments[index - 1].endTime, start < before {
        timing.overlaps += 1
      }
    }
    return timing
  }
}
