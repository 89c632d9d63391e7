import LibreKit

/// Writes a deterministic corpus of English and French sales emails and call notes: common
/// words drawn with a Zipf-like skew, names, accents, curly and straight apostrophes,
/// contractions and elisions, numbers and prices, and a sales phrase in about one sentence
/// out of eight. The same seed always gives the same bytes.
struct CorpusGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

  private mutating func next() -> UInt64 {
    state ^= state << 13
    state ^= state >> 7
    state ^= state << 17
    return state
  }

  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

  /// Zipf-like: low indexes are much more frequent.
  private mutating func skewed(_ count: Int) -> Int {
    let first = below(count)
    return below(first + 1)
  }

  static let englishWords = """
    the to and of a in you we our your for is that it this with on be are as can I have will at from \
    team would like call time week product help about more if next quick meeting pricing demo plan \
    budget customers results data report project update contract proposal quarter growth revenue \
    process tools platform solution support onboarding trial feature integration workflow sales \
    pipeline lead account renewal discount price value cost savings teams managers company business \
    market strategy goals priorities challenges questions thoughts feedback details notes agenda \
    follow schedule calendar Thursday Friday Monday tomorrow afternoon morning thanks best regards \
    happy glad hope great good really just also still already maybe perhaps probably certainly
    """.split(separator: " ").map(String.init)
  static let frenchWords = """
    le la les de des du un une et à en pour que qui vous nous votre vos notre avec sur dans est \
    sont être avoir pas plus tout bien très aussi déjà encore peut-être semaine équipe produit \
    offre rendez-vous appel réunion tarif démonstration budget clients résultats données rapport \
    projet contrat proposition trimestre croissance chiffre d'affaires processus outils plateforme \
    solution accompagnement essai fonctionnalité intégration commercial prospect compte \
    renouvellement remise prix valeur coût économies responsables entreprise marché stratégie \
    objectifs priorités questions retours détails ordre jeudi vendredi lundi demain après-midi \
    matin merci cordialement bonne journée l'équipe l'offre d'accord qu'il c'est n'hésitez j'ai \
    aujourd'hui jusqu'à œuvre cœur élève façon reçu
    """.split(separator: " ").map(String.init)
  static let englishPhrases = [
    "Act now before the price goes up", "only 3 spots left this month", "you must sign by Friday",
    "you don't have to decide today", "you're free to say no", "no pressure at all",
    "just checking in on my last email", "per my last email", "don't miss out on this",
    "this offer expires tonight", "it's entirely up to you", "feel free to ignore this",
    "if it's a no, just reply 'no thanks'", "I'll send over the contract", "last chance to join",
    "you need to reply ASAP", "we can't hold your spot much longer", "take all the time you need",
  ]
  static let frenchPhrases = [
    "vous êtes libre d'accepter ou de refuser", "il ne reste plus que 2 places",
    "vous devez signer avant vendredi", "dépêchez-vous, l'offre expire ce soir",
    "vous n'êtes pas obligé de répondre", "je me permets de vous relancer", "c'est à vous de voir",
    "sans engagement", "ne ratez pas cette occasion", "dernière chance", "prenez le temps qu'il vous faut",
    "aucune pression", "comme indiqué dans mon précédent mail", "dites-le-moi simplement",
  ]
  static let names = ["Léa", "Thomas", "Chloé", "Hugo", "Amélie", "Jordan", "Priya", "Zoë", "Björn", "Noé"]

  /// When set, every document is in this language (a long call built of several stays in one).
  var language: Language?

  /// Appends documents to `buffer` until it holds at least `bytes` more bytes; returns
  /// where each document ends.
  @discardableResult
  mutating func fill(_ buffer: inout [UInt8], bytes: Int) -> [Int] {
    let target = buffer.count + bytes
    var ends: [Int] = []
    while buffer.count < target {
      document(&buffer)
      ends.append(buffer.count)
    }
    return ends
  }

  private mutating func document(_ buffer: inout [UInt8]) {
    let french = language.map { $0 == .french } ?? (below(100) < 45)
    let words = french ? CorpusGenerator.frenchWords : CorpusGenerator.englishWords
    let phrases = french ? CorpusGenerator.frenchPhrases : CorpusGenerator.englishPhrases
    let name = CorpusGenerator.names[below(CorpusGenerator.names.count)]
    var text =
      french
      ? "Objet : \(words[skewed(words.count)]) \(words[skewed(words.count)])\n\nBonjour \(name),\n\n"
      : "Subject: \(words[skewed(words.count)]) \(words[skewed(words.count)])\n\nHi \(name),\n\n"
    for paragraph in 0..<(3 + below(4)) {
      for _ in 0..<(2 + below(4)) {
        var sentence: [String] = []
        for index in 0..<(6 + below(14)) {
          var word = words[skewed(words.count)]
          if below(100) < 3 { word = String(below(500)) + (french ? " €" : "") }
          if below(100) < 35 { word = word.replacingApostrophes() }
          sentence.append(index == 0 ? word.capitalizedFirst() : word)
        }
        if below(8) == 0 { sentence.insert(phrases[below(phrases.count)], at: below(sentence.count)) }
        text += sentence.joined(separator: " ") + [".", ".", ".", "?", "!", "…"][below(6)] + " "
      }
      text += paragraph % 2 == 0 ? "\n\n" : "\n"
    }
    text += french ? "Cordialement,\n\(name)\n\n" : "Best regards,\n\(name)\n\n"
    buffer.append(contentsOf: text.utf8)
  }
}

extension String {
  fileprivate func capitalizedFirst() -> String {
    guard let first = unicodeScalars.first, first.value < 0x80 else { return self }
    return String(first).uppercased() + String(unicodeScalars.dropFirst())
  }

  fileprivate func replacingApostrophes() -> String {
    String(String.UnicodeScalarView(unicodeScalars.map { $0 == "'" ? "\u{2019}" : $0 }))
  }
}
