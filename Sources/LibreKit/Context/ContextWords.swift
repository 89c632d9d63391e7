/// The word lists the context stage reads, per language. Data, not logic: a missed reporting
/// verb or a pressure word typed in capitals is a line here. All lowercase, folded like
/// text (apostrophes straight); multi-word entries are matched word by word.
struct ContextWords: Sendable {
  /// Words that make a run of capitals pressure rather than a name, a heading or an
  /// acronym: urgency, scarcity, money, calls to action aimed at the reader. Not "risk":
  /// in capitals it heads conference titles ("ENERGY RISK MANAGEMENT") far more than it sells.
  let shoutPressure: Set<String>
  /// Pressure words that, alone in capitals, close an ordinary call to action ("NOW!",
  /// "FREE!"): a single one does not make shouting.
  let mildAlone: Set<String>
  /// The reader's pronouns: a long run of capitals holding one is a sentence typed in
  /// capitals at the reader, not a name or a title.
  let readerWords: Set<String>
  /// Verbs that report someone else's words ("says", « a déclaré »).
  let reportingVerbs: Set<String>
  /// Words that, right after a modal, make it epistemic ("should *be able*", "must *have*").
  let epistemicAfterModal: Set<String>
  /// Words that open a condition or a purpose ("if you want…, you need…" is information).
  let conditionOpeners: [[String]]
  /// Idioms with a generic "you" ("you have to love it").
  let genericYou: [[String]]
  /// Words after which a warm "!!" is enthusiasm, not shouting.
  let warmWords: Set<String>
  /// Words that turn a future necessity into pressure (a deadline, now).
  let timePressure: Set<String>
  /// Verbs that ask the reader for a decision: after "you will need to", they make it
  /// pressure rather than an instruction.
  let decisionVerbs: Set<String>
  /// Verbs that a "no need to" leaves to the reader's choice: deciding, answering, buying,
  /// hurrying. After any other verb it reassures about a task instead.
  let choiceVerbs: Set<String>
  /// Verbs of a step or a statement after "you must": dialling, entering, noting. With them
  /// and no deadline, the sentence instructs or informs; it asks for no decision.
  let procedureVerbs: Set<String>
  /// Openings that remind or instruct ("make sure you", « n'oubliez pas de »): without a
  /// deadline and without a decision verb after them, a step, not pressure.
  let reminders: [[String]]
  /// Objects that make an infinitive after them someone else's task ("instruct *them* to
  /// respond immediately", « demandez-*leur* de répondre »): advice about a third party.
  let thirdPartyObjects: Set<String>
  /// Openings that hedge advice ("I think", « je pense que »).
  let hedges: [[String]]
  /// The words that open an infinitive after "need" ("to", « de », « d' », « à »).
  let infinitiveMarkers: Set<String>
  /// Pronouns between such a marker and its verb (« pas besoin de *vous* presser »).
  let pronounsBeforeVerb: Set<String>
  /// Words before a run of capitals that make it an order ("please READ THIS").
  let imperativeMarkers: Set<String>
  /// Modals and necessity verbs whose subject the grammar looks for.
  let modals: Set<String>
  /// Subject pronouns of the first and third person.
  let otherSubjects: Set<String>

  static func of(_ language: Language) -> ContextWords { language == .french ? french : english }

  static let english = ContextWords(
    shoutPressure: [
      "now", "today", "tonight", "immediately", "hurry", "urgent", "act", "last", "chance", "final", "only",
      "limited", "expires", "expire", "expiring", "ends", "deadline", "left", "remaining", "miss", "free", "buy",
      "order", "call", "click", "reply", "respond", "join", "sign", "register", "claim", "save", "don't", "dont",
      "must", "win", "winner", "cash", "money", "guaranteed", "guarantee", "offer", "deal", "sale",
      "discount", "bonus", "exclusive", "instant", "instantly", "earn", "profit", "lowest", "opportunity",
      "congratulations", "selected", "approved", "rush", "percent", "once", "apply", "income", "rich",
    ],
    mildAlone: ["now", "today", "tonight", "free", "deadline"],
    readerWords: ["you", "your", "yours", "yourself", "you're", "you'll", "you've"],
    reportingVerbs: [
      "says", "said", "told", "tells", "explained", "explains", "added", "adds", "wrote",
      "writes", "noted", "notes", "claimed", "claims", "insisted", "insists", "warned", "warns", "recalled",
      "recalls", "according", "quoted", "stated", "states", "reported", "reports", "argued", "argues",
    ],
    epistemicAfterModal: [
      "be", "have", "probably", "surely", "certainly", "already", "arrive", "receive", "see", "expect", "notice",
    ],
    conditionOpeners: [
      ["if", "you", "want"], ["if", "you", "wish"], ["if", "you", "would", "like"], ["if", "you'd", "like"],
      ["if", "you", "are", "interested"], ["if", "you", "plan"], ["if", "you", "intend"], ["if", "you", "decide"],
      ["should", "you", "wish"], ["should", "you", "want"], ["should", "you", "decide"], ["in", "order", "to"],
      ["to", "get"], ["to", "receive"], ["to", "qualify"], ["to", "participate"], ["to", "attend"],
      ["to", "register"], ["to", "apply"], ["to", "obtain"], ["to", "be", "eligible"], ["before", "you"],
      ["once", "you"], ["after", "you"], ["when", "you"], ["if", "you"], ["unless", "you"],
    ],
    genericYou: [
      ["have", "to", "love"], ["have", "to", "admire"], ["have", "to", "hand", "it"], ["have", "to", "laugh"],
      ["have", "to", "wonder"], ["have", "to", "feel"], ["have", "to", "give", "them"], ["have", "to", "give", "him"],
      ["have", "to", "give", "her"], ["have", "to", "remember", "that"], ["have", "to", "understand", "that"],
      ["got", "to", "love"], ["gotta", "love"], ["have", "to", "be", "careful"], ["have", "to", "take", "it"],
    ],
    warmWords: [
      "thanks", "thank", "congratulations", "congrats", "welcome", "happy", "glad", "cheers", "enjoy", "yay",
      "hooray", "patience", "birthday", "wishes",
    ],
    timePressure: [
      "today", "tonight", "now", "immediately", "asap", "tomorrow", "deadline", "hurry", "quickly", "before",
      "expires", "last", "only", "urgent", "urgently",
    ],
    decisionVerbs: [
      "choose", "decide", "sign", "commit", "pick", "buy", "pay", "order", "book", "confirm", "accept", "agree",
      "act", "purchase", "upgrade", "renew", "subscribe", "invest", "make",
    ],
    choiceVerbs: [
      "decide", "reply", "respond", "answer", "commit", "sign", "buy", "choose", "agree", "act", "rush", "hurry",
      "say", "accept", "book", "confirm", "justify", "explain", "purchase", "pay", "continue", "stay", "pick",
      "move", "upgrade", "renew", "order", "register", "make", "give", "get", "call", "write", "go", "keep",
      "use", "take", "join", "attend", "participate", "follow", "do", "add",
    ],
    procedureVerbs: [
      "dial", "enter", "type", "log", "install", "attach", "include", "print", "save", "restart", "select", "press",
      "scroll", "copy", "paste", "bring", "wear", "present", "park", "upload", "note", "know", "understand",
      "realize", "realise", "remember", "use",
    ],
    reminders: [
      ["make", "sure"], ["be", "sure"], ["ensure"], ["please", "ensure"], ["please", "make", "sure"],
      ["do", "not", "forget"], ["don't", "forget"],
    ],
    thirdPartyObjects: [
      "them", "him", "her", "people", "customers", "clients", "prospects", "buyers", "readers", "users", "others",
      "everyone", "visitors", "subscribers",
    ],
    hedges: [
      ["i", "think"], ["i", "believe"], ["i", "feel"], ["i", "guess"], ["maybe"], ["perhaps"], ["i'd", "say"],
    ],
    infinitiveMarkers: ["to"],
    pronounsBeforeVerb: ["back", "right", "immediately", "now", "today", "anything", "a"],
    imperativeMarkers: ["please", "pls", "kindly"],
    modals: [
      "must", "should", "have", "need", "needs", "got", "gotta", "ought", "required", "obliged", "expected", "'ll",
    ],
    otherSubjects: [
      "i", "we", "he", "she", "they", "it", "who", "one", "people", "someone", "everyone", "anyone", "this",
      "that",
    ])

  static let french = ContextWords(
    shoutPressure: [
      "maintenant", "aujourd'hui", "aujourd", "hui", "immédiatement", "vite", "urgent", "urgence", "dernière",
      "dernier", "derniers", "dernières", "chance", "seulement", "uniquement", "limité", "limitée", "limités", "expire",
      "expirent", "termine", "reste", "restent", "gratuit", "gratuite", "gratuitement", "achetez",
      "commandez", "appelez", "cliquez", "répondez", "inscrivez", "rejoignez", "signez", "profitez", "économisez",
      "offre", "promo", "promotion", "soldes", "remise", "réduction", "bonus", "exclusif", "exclusive", "instantané",
      "gagnez", "gagnant", "argent", "garanti", "garantie", "devez", "faut",
      "ratez", "manquez", "occasion", "pourcent",
      "félicitations", "sélectionné", "unique", "revenu", "revenus", "riche",
    ],
    mildAlone: ["maintenant", "aujourd'hui", "gratuit", "gratuite", "soir"],
    readerWords: ["vous", "votre", "vos", "tu", "ton", "ta", "tes", "toi"],
    reportingVerbs: [
      "dit", "disait", "déclare", "déclaré", "explique", "expliqué", "ajoute", "ajouté", "raconte", "raconté",
      "affirme", "affirmé", "souligne", "souligné", "précise", "précisé", "selon", "écrit", "rapporte", "rapporté",
      "confie", "confié", "assure", "assuré", "estime", "estimé",
    ],
    epistemicAfterModal: [
      "être", "avoir", "pouvoir", "probablement", "sûrement", "déjà", "recevoir", "arriver", "constater", "remarquer",
      "voir",
    ],
    conditionOpeners: [
      ["si", "vous", "voulez"], ["si", "vous", "souhaitez"], ["si", "vous", "désirez"], ["si", "vous", "aimeriez"],
      ["si", "vous", "êtes", "intéressé"], ["si", "vous", "êtes", "intéressée"], ["si", "vous", "comptez"],
      ["si", "vous", "décidez"], ["pour", "recevoir"], ["pour", "obtenir"], ["pour", "bénéficier"],
      ["pour", "participer"], ["pour", "vous", "inscrire"], ["pour", "accéder"], ["afin", "de"], ["avant", "de"],
      ["une", "fois", "que"], ["quand", "vous"], ["lorsque", "vous"], ["si", "vous"], ["à", "moins", "que"],
    ],
    genericYou: [
      ["faut", "le", "voir"], ["faut", "bien", "l'avouer"], ["faut", "l'avouer"], ["faut", "le", "reconnaître"],
      ["faut", "bien", "le", "reconnaître"], ["faut", "dire", "que"], ["doit", "bien", "l'avouer"],
    ],
    warmWords: [
      "merci", "bravo", "félicitations", "bienvenue", "content", "contente", "ravi", "ravie", "heureux", "heureuse",
      "patience", "anniversaire", "vœux",
    ],
    timePressure: [
      "aujourd'hui", "aujourd", "soir", "maintenant", "immédiatement", "demain", "vite", "rapidement", "avant",
      "expire", "dernier", "dernière", "seulement", "urgent", "urgence",
    ],
    decisionVerbs: [
      "choisir", "décider", "signer", "vous", "engager", "acheter", "payer", "commander", "réserver", "confirmer",
      "accepter", "souscrire", "investir", "prendre",
    ],
    choiceVerbs: [
      "décider", "répondre", "engager", "signer", "acheter", "choisir", "accepter", "presser", "précipiter",
      "justifier", "trancher", "réserver", "confirmer", "prononcer", "commander", "payer", "rappeler", "continuer",
      "rester", "dire", "donner", "prendre", "venir", "participer", "rejoindre", "utiliser", "garder", "suivre",
      "souscrire", "inscrire", "abonner", "expliquer", "revenir", "faire", "ajouter",
    ],
    procedureVerbs: [
      "composer", "saisir", "taper", "installer", "joindre", "imprimer", "enregistrer", "redémarrer", "sélectionner",
      "appuyer", "copier", "coller", "apporter", "présenter", "téléverser", "noter", "savoir", "comprendre",
      "utiliser",
    ],
    reminders: [["assurez", "vous"], ["assurez-vous"], ["veillez"], ["n'oubliez", "pas"], ["pensez", "à"]],
    thirdPartyObjects: ["leur", "lui", "les", "clients", "prospects", "acheteurs", "lecteurs", "visiteurs", "gens"],
    hedges: [["je", "pense", "que"], ["je", "crois", "que"], ["il", "me", "semble", "que"], ["peut-être"]],
    infinitiveMarkers: ["de", "d'", "à"],
    pronounsBeforeVerb: ["vous", "me", "nous", "te", "se", "m'", "en", "y", "tout", "le", "la", "les", "lui", "leur"],
    imperativeMarkers: ["veuillez", "merci", "svp", "prière"],
    modals: [
      "devez", "devriez", "dois", "devrais", "devrez", "devrait", "faut", "falloir", "obligé", "obligée", "tenu",
      "tenue",
    ],
    otherSubjects: ["je", "j'", "nous", "il", "elle", "ils", "elles", "on", "qui", "cela", "ça", "ce"])
}
