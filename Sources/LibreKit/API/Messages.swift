/// The messages of the rules written in Swift, in every language Libre speaks.
public enum BuiltInMessages {
  public static let falseFreedomID = "pressure.false-freedom.contradicted"

  public static func falseFreedomMessage(_ language: Language) -> String {
    switch language {
    case .english:
      return
        "This freedom statement sits next to pressure, so it reads as a formula and earns no credit: the pressure re-threatens the freedom just affirmed."
    case .french:
      return
        "Cette phrase de liberté côtoie de la pression : elle sonne comme une formule et ne rapporte rien, car la pression reprend la liberté qu'elle vient d'accorder."
    }
  }

  public static func falseFreedomSuggestion(_ language: Language) -> String {
    switch language {
    case .english:
      return "Remove the urgency, scarcity or guilt nearby, and keep the freedom statement next to your request."
    case .french:
      return
        "Retirez l'urgence, la rareté ou la culpabilisation voisines, et gardez la phrase de liberté à côté de votre demande."
    }
  }

  public static let falseFreedomSource =
    "Scoring idea 3, contradiction flag (../shared/research/anchors-domain.md): an inference from reactance theory (Brehm 1966), not a tested effect"

  public static func invalidUTF8(_ count: Int) -> String {
    "\(count) malformed UTF-8 sequence\(count == 1 ? "" : "s") read as U+FFFD"
  }
}
