// The messages of the rules written in Swift, English and French side by side.
enum BuiltInTexts {
  static let pressureAfterHesitationEN =
    "The other person just hesitated and this turn answers with pressure: the moment reactance is most likely."
  static let pressureAfterHesitationFR =
    "L'interlocuteur vient d'hésiter et ce tour de parole répond par de la pression : c'est là que la réactance est la plus probable."
  static let pressureAfterHesitationSuggestionEN =
    "Slow down after a hesitation: acknowledge it, ask an open question, and say they are free to decide later or to decline."
  static let pressureAfterHesitationSuggestionFR =
    "Ralentissez après une hésitation : reconnaissez-la, posez une question ouverte, et dites qu'il reste libre de décider plus tard ou de refuser."
  static let freedomAfterHesitationEN =
    "The other person hesitated and this turn answers with room to decide: good handling of an objection."
  static let freedomAfterHesitationFR =
    "L'interlocuteur a hésité et ce tour de parole lui laisse la place de décider : une objection bien accueillie."
  static let freedomAfterHesitationSuggestionEN = "Keep doing this."
  static let freedomAfterHesitationSuggestionFR = "Continuez ainsi."
  static let afterHesitationSource =
    "Scoring idea 11, hesitation → response pairing: Gong Labs objection findings (top performers pause ~5× longer after an objection) combined with reactance theory; the combination is an inference (docs/research.md)"
}
