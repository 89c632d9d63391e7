@testable import LibreKit

/// Builds a small lexicon set from inline rules, for tests that must not depend on the
/// shipped lexicons.
enum TestLexicons {
  static let englishProfile = """
    { "language": "en",
      "classes": { "you": ["you", "your"], "day": ["today", "tonight", "by friday"] },
      "negators": ["not", "never", "no", "without"],
      "negationParticles": ["do", "does", "did"],
      "scopeBreakers": ["but", "however"],
      "pronouns": { "first": ["i", "we"], "second": ["you"], "third": ["he", "she", "they", "it"] },
      "stopwords": ["the", "and", "is", "to", "of", "you", "it"] }
    """
  static let frenchProfile = """
    { "language": "fr",
      "classes": { "vous": ["vous", "tu"] },
      "negators": ["pas", "jamais", "rien", "aucun", "aucune", "sans"],
      "negatorsNeedingParticle": ["plus"],
      "restrictiveAfter": ["que", "qu'"],
      "negationParticles": ["ne", "n'"],
      "scopeBreakers": ["mais"],
      "pronouns": { "first": ["je", "j'", "nous", "on"], "second": ["vous", "tu"], "third": ["il", "elle"] },
      "stopwords": ["le", "la", "les", "et", "est", "vous", "des", "une", "pour"] }
    """

  static func rule(
    _ id: String, _ patterns: [String], unless: [String] = [], whenNegated: String? = nil,
    subject: Bool = false, weight: Double = 6, severity: String = "warning"
  ) -> String {
    let parts = id.split(separator: ".")
    var fields = [
      "\"id\": \"\(id)\"", "\"polarity\": \"\(parts[0])\"", "\"category\": \"\(parts[1])\"",
      "\"severity\": \"\(severity)\"", "\"weight\": \(weight)", "\"message\": \"m\"", "\"suggestion\": \"s\"",
      "\"source\": \"test\"",
      "\"patterns\": [\(patterns.map { "\"\($0)\"" }.joined(separator: ", "))]",
      "\"examples\": { \"match\": [\"a\", \"b\"], \"noMatch\": [\"c\"] }",
    ]
    if !unless.isEmpty { fields.append("\"unless\": [\(unless.map { "\"\($0)\"" }.joined(separator: ", "))]") }
    if let whenNegated { fields.append("\"whenNegated\": \"\(whenNegated)\"") }
    if subject { fields.append("\"subject\": \"addressee\"") }
    return "{ " + fields.joined(separator: ", ") + " }"
  }

  static func linter(english: [String] = [], french: [String] = []) throws -> Linter {
    var files: [(path: String, bytes: [UInt8])] = [
      ("en/language.json", Array(englishProfile.utf8)), ("fr/language.json", Array(frenchProfile.utf8)),
    ]
    files.append(
      ("en/rules.json", Array("{ \"language\": \"en\", \"rules\": [\(english.joined(separator: ","))] }".utf8)))
    files.append(
      ("fr/rules.json", Array("{ \"language\": \"fr\", \"rules\": [\(french.joined(separator: ","))] }".utf8)))
    return Linter(lexicons: try CompiledLexicons.compile(try LexiconLoader.load(files: files)))
  }
}

extension Linter {
  /// The findings of `text` as (rule id, exact excerpt) pairs.
  func hits(_ text: String, _ language: Language = .english) -> [String] {
    let bytes = Array(text.utf8)
    return lint(bytes, language: language).findings.map {
      "\($0.rule.id)=\(String(decoding: bytes[$0.start..<$0.end], as: UTF8.self))"
    }
  }
}
