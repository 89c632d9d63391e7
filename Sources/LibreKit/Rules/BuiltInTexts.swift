// The messages of the rules written in Swift, English and French side by side.
enum BuiltInTexts {
  static let requestWithoutFreedomEN =
    "A request with no freedom statement in the same or the next sentence. In BYAF studies the statement was tied to the request itself."
  static let requestWithoutFreedomFR =
    "Une demande sans phrase de liberté dans la même phrase ou la suivante. Dans les études « vous êtes libre de », la phrase accompagnait la demande elle-même."
  static let requestWithoutFreedomSuggestionEN =
    "Right after the request, add: “Of course, you're free to say no — just reply ‘not now’.”"
  static let requestWithoutFreedomSuggestionFR =
    "Juste après la demande, ajoutez : « Bien entendu, vous êtes libre de refuser : répondez simplement “pas maintenant”. »"
  static let requestWithoutFreedomSource =
    "BYAF meta-analysis (Carpenter 2013, 42 studies): the freedom statement was stated with the request; effect sizes are contested (2020s pre-registered re-analysis: low-risk studies g = 0.11, n.s.) (docs/research.md §1, Scoring ideas 2 and 14)"

  static let stackedPressureEN =
    "Three or more kinds of pressure in one message: stacked tactics read as manipulation and spam filters add them up."
  static let stackedPressureFR =
    "Trois types de pression ou plus dans un même message : des tactiques empilées se lisent comme de la manipulation, et les filtres anti-spam les additionnent."
  static let stackedPressureSuggestionEN =
    "Keep one honest reason to act (a real date, if there is one) and drop the rest."
  static let stackedPressureSuggestionFR =
    "Gardez une seule raison honnête d'agir (une vraie date, s'il y en a une) et retirez le reste."
  static let stackedPressureSource =
    "Scoring idea 6, pressure density with stacking (SpamAssassin sums rule scores, threshold 5); MATH dark-pattern survey, scarcity and urgency most common (docs/research.md)"

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
