/// Rules and metrics of a call: who pressed when the other side hesitated, who talked how
/// much, who asked what.
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

  /// For each prospect turn with a hesitation cue, the rep's answer: their turn up to the
  /// prospect's next words (a turn may span several cues). Pressure there (a pressure
  /// phrase; a pushback cue: minimizing, guilt, a re-ask; or asking again with no room
  /// given) is reported with high severity; room to decide (a freedom phrase) earns credit.
  static func afterHesitation(
    _ findings: [Finding], segments: [Segment], language: Language, metrics: inout ConversationMetrics
  ) -> [Finding] {
    // Most calls have no hesitation: nothing to index then. Findings are indexed by
    // position, not copied: a copy retains a rule and strings.
    guard findings.indices.contains(where: { findings[$0].rule.polarity == .hesitation }) else { return [] }
    var bySegment: [Int: [Int]] = [:]
    for index in findings.indices { bySegment[findings[index].segment, default: []].append(index) }
    var added: [Finding] = []
    var answered: Set<Int> = []
    for (index, segment) in segments.enumerated() where segment.role == .prospect {
      guard let own = bySegment[index], let cueIndex = own.first(where: { findings[$0].rule.polarity == .hesitation })
      else { continue }
      let cue = findings[cueIndex]
      guard let next = segments[(index + 1)...].firstIndex(where: { $0.role == .rep }) else { continue }
      // Two hesitations before one rep turn: the turn answers them once.
      guard answered.insert(next).inserted else { continue }
      metrics.hesitations += 1
      var turn: [Finding] = []
      var last = next
      while last < segments.count && segments[last].role != .prospect {
        for position in bySegment[last] ?? [] { turn.append(findings[position]) }
        last += 1
      }
      turn.sort { $0.start < $1.start }
      let who = segment.speaker ?? "the prospect"
      var reply = answer(turn)
      if metrics.timing != nil, let end = segments[next - 1].endTime, let start = segments[next].startTime {
        let pause = start - end
        metrics.timing!.pausesAfterHesitation.append(pause)
        if pause < ConversationMetricsReference.cutInSeconds {
          metrics.timing!.cutInsOnHesitation += 1
          // A quick answer that gives room ("Of course, take the time you need") stays
          // freedom unless it talks over the hesitation: speech-to-text word timings
          // overlap turns by a tenth of a second without anyone interrupting.
          switch reply {
          case .pressure: break
          case .freedom where pause > -ConversationMetricsReference.overlapToleranceSeconds: break
          default: reply = .cuttingIn(pause)
          }
        }
      }
      let refused = own.contains {
        findings[$0].rule.polarity == .hesitation && findings[$0].rule.category == refusalCategory
      }
      if case .neutral = reply, refused,
        !turn.contains(where: { $0.rule.polarity == .role && $0.rule.category == RoleLabels.acknowledgeCategory })
      {
        // A refusal answered without a word that it was heard (a new question, more pitch)
        // is ignored: the rep goes on as if no one had said no.
        reply = .ignoring
      }
      switch reply {
      case .pressure(let push):
        metrics.pressureAfterHesitation += 1
        added.append(flag(BuiltInRules.pressureAfterHesitationID, on: push, after: who, cue: cue, language))
      case .ignoring, .cuttingIn:
        metrics.pressureAfterHesitation += 1
        var whole = Finding(
          rule: BuiltInRules.rule(BuiltInRules.pressureAfterHesitationID, language),
          start: segments[next].range.lowerBound, end: segments[next].range.upperBound, sentence: cue.sentence)
        whole.segment = next
        if case .cuttingIn(let pause) = reply {
          whole.detail = BuiltInMessages.cutsIn(on: who, cue: cue.rule.id, pause: pause, language)
        } else {
          whole.detail = BuiltInMessages.ignoresRefusal(of: who, cue: cue.rule.id, language)
        }
        added.append(whole)
      case .freedom(let room):
        metrics.freedomAfterHesitation += 1
        added.append(flag(BuiltInRules.freedomAfterHesitationID, on: room, after: who, cue: cue, language))
      case .neutral: break
      }
    }
    return added
  }

  /// How a rep's turn answers a hesitation, and the finding that shows it.
  enum Answer {
    case pressure(Finding)
    /// A refusal answered as if it had not been said.
    case ignoring
    /// An answer that starts before the hesitation ends or right after it (the pause, in
    /// seconds).
    case cuttingIn(Double)
    case freedom(Finding)
    case neutral
  }

  /// The category of the role cues that push back on a hesitation (`role.pushback.*`).
  static let pushbackCategory = "pushback"
  /// The category of the hesitations that say no (`hesitation.refusal.*`).
  static let refusalCategory = "refusal"
  /// The category of the rep's asks (`role.rep.asks-to-give`) and its name.
  static let asksCategory = "rep"
  static let asksName = "asks-to-give"

  /// Pressure or pushback wins over room given (shouting aside: it is how a line is typed,
  /// not what it answers) in the same turn ("no pressure, but even a
  /// penny helps" still minimizes); a plain ask again (a request, an ask to give) is
  /// pressure only when the turn gives no room ("no problem; would you like to give
  /// later?" leaves the choice open).
  static func answer(_ turn: [Finding]) -> Answer {
    if let push = turn.first(where: {
      ($0.rule.polarity == .pressure && !$0.rule.traits.contains(.derived)
        && $0.rule.category != CallTyping.shoutingCategory)
        || ($0.rule.polarity == .role && $0.rule.category == pushbackCategory)
    }) {
      return .pressure(push)
    }
    if let room = turn.first(where: { $0.rule.polarity == .freedom && $0.scoringNote == nil }) { return .freedom(room) }
    if let ask = turn.first(where: {
      ($0.rule.polarity == .request && $0.rule.id != BuiltInRules.requestWithoutFreedomID)
        || ($0.rule.polarity == .role && $0.rule.category == asksCategory && $0.rule.id.hasSuffix(asksName))
    }) {
      return .pressure(ask)
    }
    return .neutral
  }

  private static func flag(_ id: String, on finding: Finding, after who: String, cue: Finding, _ language: Language)
    -> Finding
  {
    var flag = Finding(
      rule: BuiltInRules.rule(id, language), start: finding.start, end: finding.end, sentence: finding.sentence)
    flag.segment = finding.segment
    flag.detail = BuiltInMessages.answersHesitation(of: who, cue: cue.rule.id, with: finding.rule.id, language)
    return flag
  }
}
