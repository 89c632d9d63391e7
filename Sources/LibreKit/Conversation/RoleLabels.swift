/// Speaker labels that name a side rather than a person, in English and French, as
/// compared (lowercased, spaces collapsed). Transcripts from dialers, CRMs and
/// hand-written notes label the seller `Agent`, `Rep` or `Commercial`, the buyer `Client`.
public enum RoleLabels {
  /// Labels of the seller's side.
  static let rep: Set<String> = [
    "agent", "rep", "sales", "sales rep", "sales representative", "representative", "salesperson", "salesman",
    "saleswoman", "seller", "account executive", "account manager", "ae", "sdr", "bdr", "advisor", "adviser",
    "consultant", "commercial", "commerciale", "conseiller", "conseillère", "vendeur", "vendeuse",
    "chargé de clientèle",
    "chargée de clientèle", "téléconseiller", "téléconseillère",
  ]

  /// Whether `name` labels the seller's side rather than naming a person (`Agent`,
  /// « Conseiller »): a report groups such calls apart from named reps.
  public static func isGenericRepLabel(_ name: String) -> Bool {
    rep.contains(name.lowercased().split(separator: " ").joined(separator: " "))
  }

  /// Labels of the other side.
  static let prospect: Set<String> = [
    "client", "cliente", "customer", "prospect", "buyer", "lead", "caller", "acheteur", "acheteuse", "appelant",
    "appelante",
  ]

  /// The category of the `role.prospect.*` cues; every other role cue but acknowledgement
  /// marks the rep.
  static let prospectCategory = "prospect"
  /// The category of `role.acknowledge.*`: either side says "I understand".
  static let acknowledgeCategory = "acknowledge"
}
