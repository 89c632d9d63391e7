/// What one of a call's turns does right after the other side hesitated ("I need to think
/// about it"): it presses (`PressureAfterHesitationRule`) or leaves room to decide
/// (`FreedomAfterHesitationRule`). Both are found in one pass over the turns
/// (`AfterHesitationRules.apply`), which also counts the hesitations and the pauses.
enum AfterHesitationRules {
  /// For each prospect turn with a hesitation cue, the rep's answer: their turn up to the
  /// prospect's next words (a turn may span several cues). Pressure there (a pressure
  /// phrase; a pushback cue: minimizing, guilt, a re-ask; or asking again with no room
  /// given) is reported with high severity; room to decide (a freedom phrase) earns credit.
  static func apply(
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
        added.append(flag(PressureAfterHesitationRule.rule(language), on: push, after: who, cue: cue, language))
      case .ignoring, .cuttingIn:
        metrics.pressureAfterHesitation += 1
        var whole = Finding(
          rule: PressureAfterHesitationRule.rule(language),
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
        added.append(flag(FreedomAfterHesitationRule.rule(language), on: room, after: who, cue: cue, language))
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
      ($0.rule.polarity == .request && $0.rule.id != RequestWithoutFreedomRule.id)
        || ($0.rule.polarity == .role && $0.rule.category == asksCategory && $0.rule.id.hasSuffix(asksName))
    }) {
      return .pressure(ask)
    }
    return .neutral
  }

  private static func flag(_ rule: Rule, on finding: Finding, after who: String, cue: Finding, _ language: Language)
    -> Finding
  {
    var flag = Finding(rule: rule, start: finding.start, end: finding.end, sentence: finding.sentence)
    flag.segment = finding.segment
    flag.detail = BuiltInMessages.answersHesitation(of: who, cue: cue.rule.id, with: finding.rule.id, language)
    return flag
  }
}

/// What the two after-hesitation rules rest on.
private let afterHesitationSource =
  "Scoring idea 11, hesitation → response pairing: Gong Labs objection findings (top performers pause ~5× longer after an objection) combined with reactance theory; the combination is an inference (docs/research.md)"

/// A turn that answers a hesitation with pressure.
enum PressureAfterHesitationRule: DocumentRule {
  static let id = "pressure.after-hesitation.next-turn"
  static let polarity = Polarity.pressure
  static let severity = Severity.error
  static let weight: Double = 8
  static let source = afterHesitationSource
  static let rules = makeRules()

  static func texts(_ language: Language) -> DocumentRuleTexts {
    switch language {
    case .english:
      DocumentRuleTexts(
        message:
          "The other person just hesitated and this turn answers with pressure: the moment reactance is most likely.",
        suggestion:
          "Slow down after a hesitation: acknowledge it, ask an open question, and say they are free to decide later or to decline."
      )
    case .french:
      DocumentRuleTexts(
        message:
          "L'interlocuteur vient d'hésiter et ce tour de parole répond par de la pression : c'est là que la réactance est la plus probable.",
        suggestion:
          "Ralentissez après une hésitation : reconnaissez-la, posez une question ouverte, et dites qu'il reste libre de décider plus tard ou de refuser."
      )
    }
  }

  static func examples(_ language: Language) -> DocumentRuleExamples {
    switch language {
    case .english:
      DocumentRuleExamples(
        matching: ["Rep: Shall we start?\nProspect: I need to think about it.\nRep: You have to decide today."],
        nonMatching: ["Rep: Shall we start?\nProspect: I need to think about it.\nRep: Of course, take your time."])
    case .french:
      DocumentRuleExamples(
        matching: ["Rep: On commence ?\nProspect: Je vais réfléchir.\nRep: Vous devez décider aujourd'hui."],
        nonMatching: ["Rep: On commence ?\nProspect: Je vais réfléchir.\nRep: Bien sûr, prenez votre temps."])
    }
  }
}

/// A turn that answers a hesitation with room to decide.
enum FreedomAfterHesitationRule: DocumentRule {
  static let id = "freedom.after-hesitation.next-turn"
  static let polarity = Polarity.freedom
  static let severity = Severity.info
  static let weight: Double = 8
  static let source = afterHesitationSource
  static let rules = makeRules()

  static func texts(_ language: Language) -> DocumentRuleTexts {
    switch language {
    case .english:
      DocumentRuleTexts(
        message:
          "The other person hesitated and this turn answers with room to decide: good handling of an objection.",
        suggestion:
          "Keep doing this.")
    case .french:
      DocumentRuleTexts(
        message:
          "L'interlocuteur a hésité et ce tour de parole lui laisse la place de décider : une objection bien accueillie.",
        suggestion:
          "Continuez ainsi.")
    }
  }

  static func examples(_ language: Language) -> DocumentRuleExamples {
    switch language {
    case .english:
      DocumentRuleExamples(
        matching: ["Rep: Shall we start?\nProspect: I need to think about it.\nRep: Of course, take your time."],
        nonMatching: ["Rep: Shall we start?\nProspect: I need to think about it.\nRep: Sure. Here is the agenda."])
    case .french:
      DocumentRuleExamples(
        matching: ["Rep: On commence ?\nProspect: Je vais réfléchir.\nRep: Bien sûr, prenez votre temps."],
        nonMatching: ["Rep: On commence ?\nProspect: Je vais réfléchir.\nRep: D'accord. Voici l'ordre du jour."])
    }
  }
}
