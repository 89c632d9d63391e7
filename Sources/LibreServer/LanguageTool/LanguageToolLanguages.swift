import LibreFormats
import LibreKit

/// `GET /v2/languages` and the language codes `/v2/check` takes: English and French, with
/// the variants LanguageTool clients commonly send (Libre's lexicons do not differ by
/// variant).
public enum LanguageToolLanguages {
  /// Each language code served: name, code, long code.
  static let all: [(name: String, code: String, longCode: String)] = [
    ("English", "en", "en"), ("English (US)", "en", "en-US"), ("English (GB)", "en", "en-GB"),
    ("English (Australian)", "en", "en-AU"), ("English (Canadian)", "en", "en-CA"),
    ("English (New Zealand)", "en", "en-NZ"), ("English (South African)", "en", "en-ZA"),
    ("French", "fr", "fr"), ("French (France)", "fr", "fr-FR"), ("French (Canada)", "fr", "fr-CA"),
    ("French (Belgium)", "fr", "fr-BE"), ("French (Switzerland)", "fr", "fr-CH"),
  ]

  /// The response body of `GET /v2/languages`.
  public static var list: JSONOutput {
    .array(
      all.map { .object([("name", .string($0.name)), ("code", .string($0.code)), ("longCode", .string($0.longCode))]) })
  }

  /// The language of a code such as `en-US` or `fr`, nil for one Libre does not check.
  public static func language(of code: String) -> Language? {
    let base = code.split(separator: "-").first.map { $0.lowercased() } ?? ""
    return Language(rawValue: base)
  }

  /// The English name of `language`, as LanguageTool names it.
  static func name(of language: Language) -> String {
    switch language {
    case .english: return "English"
    case .french: return "French"
    }
  }
}
