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
}
