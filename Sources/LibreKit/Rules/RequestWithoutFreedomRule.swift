/// A request (a call to action the lexicons know) with no freedom statement at its side: in
/// the studies of "but you are free to", the statement came with the request itself.
enum RequestWithoutFreedomRule: DocumentRule {
  static let id = "request.without-freedom.missing"
  static let polarity = Polarity.request
  static let severity = Severity.info
  static let weight: Double = 0
  static let rules = makeRules()
  static let source =
    "BYAF meta-analysis (Carpenter 2013, 42 studies): the freedom statement was stated with the request; effect sizes are contested (2020s pre-registered re-analysis: low-risk studies g = 0.11, n.s.) (docs/research.md §1, Scoring ideas 2 and 14)"

  static func texts(_ language: Language) -> DocumentRuleTexts {
    switch language {
    case .english:
      DocumentRuleTexts(
        message:
          "A request with no freedom statement in the same or the next sentence. In BYAF studies the statement was tied to the request itself.",
        suggestion:
          "Right after the request, add: “Of course, you're free to say no — just reply ‘not now’.”")
    case .french:
      DocumentRuleTexts(
        message:
          "Une demande sans phrase de liberté dans la même phrase ou la suivante. Dans les études « vous êtes libre de », la phrase accompagnait la demande elle-même.",
        suggestion:
          "Juste après la demande, ajoutez : « Bien entendu, vous êtes libre de refuser : répondez simplement “pas maintenant”. »"
      )
    }
  }

  static func examples(_ language: Language) -> DocumentRuleExamples {
    switch language {
    case .english:
      DocumentRuleExamples(
        matching: ["Can we book a call on Thursday? Here is our deck."],
        nonMatching: ["Can we book a call on Thursday? Of course, you're free to say no."])
    case .french:
      DocumentRuleExamples(
        matching: ["Pourrions-nous prévoir un appel jeudi ? Voici notre présentation."],
        nonMatching: ["Pourrions-nous prévoir un appel jeudi ? Vous êtes libre de refuser, bien sûr."])
    }
  }

  /// A request with no (credited) freedom statement in the same or the next sentence.
  static func apply(_ findings: [Finding], language: Language) -> [Finding] {
    // Most messages make no request the lexicons know: no set to build then.
    // By index: a copy of a finding retains its rule and three strings.
    guard findings.indices.contains(where: { findings[$0].rule.polarity == .request }) else { return [] }
    let freedomSentences = Set(
      findings.lazy.filter {
        $0.rule.polarity == .freedom && $0.scoringNote == nil && !$0.rule.traits.contains(.softFreedom)
      }.map(\.sentence))
    var added: [Finding] = []
    var reported: Set<Int> = []
    for finding in findings where finding.rule.polarity == .request {
      let sentence = finding.sentence
      guard !freedomSentences.contains(sentence), !freedomSentences.contains(sentence + 1) else { continue }
      guard reported.insert(sentence).inserted else { continue }
      var flag = Finding(
        rule: rule(language), start: finding.start,
        end: finding.end, sentence: sentence)
      flag.segment = finding.segment
      added.append(flag)
    }
    return added
  }
}
