/// What one of a call's turns does right after the other side hesitated ("I need to think
/// about it"): it presses (`PressureAfterHesitationRule`) or leaves room to decide
/// (`FreedomAfterHesitationRule`). Both are found in one pass over the turns,
/// `ConversationRules.afterHesitation`, which also counts the hesitations and the pauses.

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
