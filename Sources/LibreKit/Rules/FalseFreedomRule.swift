/// A freedom statement in the same message as pressure ("no obligation, but the price ends
/// tonight") is false freedom: it earns no credit and is reported.
enum FalseFreedomRule: DocumentRule {
  static let id = "pressure.false-freedom.contradicted"
  static let polarity = Polarity.pressure
  static let severity = Severity.warning
  static let weight: Double = 0
  static let rules = makeRules()
  static let source =
    "Scoring idea 3, contradiction flag (docs/research.md): an inference from reactance theory (Brehm 1966), not a tested effect"

  static func texts(_ language: Language) -> DocumentRuleTexts {
    switch language {
    case .english:
      DocumentRuleTexts(
        message:
          "This freedom statement sits in the same message as pressure, so it reads as a formula and earns no credit: the pressure re-threatens the freedom just affirmed.",
        suggestion:
          "Remove the urgency, scarcity or guilt, and keep the freedom statement next to your request.")
    case .french:
      DocumentRuleTexts(
        message:
          "Cette phrase de liberté côtoie de la pression dans le même message : elle sonne comme une formule et ne rapporte rien, car la pression reprend la liberté qu'elle vient d'accorder.",
        suggestion:
          "Retirez l'urgence, la rareté ou la culpabilisation, et gardez la phrase de liberté à côté de votre demande.")
    }
  }

  static func examples(_ language: Language) -> DocumentRuleExamples {
    switch language {
    case .english:
      DocumentRuleExamples(
        matching: ["No obligation at all. By the way, the offer ends tonight."],
        nonMatching: ["No obligation at all. Would Tuesday suit you?"])
    case .french:
      DocumentRuleExamples(
        matching: ["Sans aucune obligation. Au fait, l'offre se termine ce soir."],
        nonMatching: ["Sans aucune obligation. Mardi vous conviendrait-il ?"])
    }
  }

  /// Whether `rule` claims the reader's freedom. A soft ask ("you could", "if you'd like":
  /// the `softFreedom` trait) is an offer, not a promise of freedom; an unsubscribe footer is
  /// a legal duty, never the claim that "false freedom" contradicts (551 of 1,018 false-freedom
  /// hits in real spam sat on such footers).
  static func claimsFreedom(_ rule: Rule) -> Bool {
    rule.polarity == .freedom && !rule.traits.contains(.softFreedom)
      && !(rule.category == "opt-out" && rule.boilerplate)
  }

  /// How far pressure reaches to take a freedom statement back in an email: the same
  /// segment, within a few sentences (a paragraph). The whole message once: on real mail,
  /// a pushy headline and a far-off footer made 17 of 18 judged hits wrong.
  static let emailReach = 4

  /// How far pressure reaches to take a freedom statement back.
  enum Scope {
    /// Anywhere in the message: an email is read as a whole (issue 4).
    case document
    /// In the same or the next sentence of the same segment: a call is a sequence of
    /// moments, and an early "no pressure" is not undone by a remark twenty minutes later.
    case nearbySentences(Int)
  }

  /// Marks contradicted freedom findings and returns the findings to add.
  static func apply(to findings: inout [Finding], language: Language, scope: Scope) -> [Finding] {
    // Most messages hold no contradicting pressure, or no freedom: one pass, no allocation.
    var hasPressure = false
    var hasFreedom = false
    // By index: a copy of a finding retains its rule and three strings.
    for index in findings.indices {
      let rule = findings[index].rule
      hasPressure = hasPressure || rule.traits.contains(.contradictsFreedom)
      hasFreedom = hasFreedom || claimsFreedom(rule)
    }
    guard hasPressure && hasFreedom else { return [] }
    var nearPressure: (sentences: Set<Int>, segments: Set<Int>)?
    if case .nearbySentences = scope {
      var sentences = Set<Int>()
      var segments = Set<Int>()
      for finding in findings where finding.rule.traits.contains(.contradictsFreedom) {
        sentences.insert(finding.sentence)
        segments.insert(finding.segment)
      }
      nearPressure = (sentences, segments)
    }
    var added: [Finding] = []
    for index in findings.indices where claimsFreedom(findings[index].rule) {
      let sentence = findings[index].sentence
      if case .nearbySentences(let reach) = scope, let nearPressure {
        let near = (sentence - reach...sentence + reach).contains(where: nearPressure.sentences.contains)
        guard near, nearPressure.segments.contains(findings[index].segment) else { continue }
      }
      findings[index].scoringNote = "false freedom: pressure in the same message"
      var flag = Finding(
        rule: rule(language), start: findings[index].start,
        end: findings[index].end, sentence: sentence)
      flag.segment = findings[index].segment
      added.append(flag)
    }
    return added
  }
}
