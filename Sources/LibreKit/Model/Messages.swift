/// Messages Libre prints that are not a rule's own.
public enum BuiltInMessages {
  public static func invalidUTF8(_ count: Int) -> String {
    "\(count) malformed UTF-8 sequence\(count == 1 ? "" : "s") read as U+FFFD"
  }

  /// A text in a language Libre has no lexicons for: no rule ran.
  public static func unsupportedLanguage(_ code: String) -> String {
    "language: \(code) (not supported): no rules applied"
  }

  /// A document typed mostly in capitals: one note instead of a shouting finding per line.
  public static let mostlyCapitals =
    "the text is mostly in capitals: one note for the document instead of a shouting finding per line"

  /// A finding the context stage set aside (`--explain-suppressed`).
  public static func setAside(rule: String, words: String, reason: String) -> String {
    let shown = words.count > 60 ? String(words.prefix(60)) + "…" : words
    let oneLine = String(shown.map { $0.isNewline ? " " : $0 })
    return "set aside \(rule) (“\(oneLine)”): \(reason)"
  }

  /// What a rep's answer did to a hesitation (the `detail` of an after-hesitation finding).
  public static func answersHesitation(of who: String, cue: String, with rule: String, _ language: Language) -> String {
    language == .french
      ? "répond à l'hésitation de \(who) (\(cue)) par \(rule)" : "answers \(who)'s hesitation (\(cue)) with \(rule)"
  }

  public static func ignoresRefusal(of who: String, cue: String, _ language: Language) -> String {
    language == .french
      ? "répond au refus de \(who) (\(cue)) sans en tenir compte"
      : "answers \(who)'s refusal (\(cue)) without acknowledging it"
  }

  public static func cutsIn(on who: String, cue: String, pause: Double, _ language: Language) -> String {
    let tenths = (abs(pause) * 10).rounded() / 10
    if language == .french {
      let when = pause < 0 ? "\(tenths) s avant sa fin" : "\(tenths) s après"
      return "coupe la parole à l'hésitation de \(who) (\(cue)) \(when)"
    }
    let when = pause < 0 ? "\(tenths) s before it ends" : "\(tenths) s after it"
    return "cuts in on \(who)'s hesitation (\(cue)) \(when)"
  }
}
