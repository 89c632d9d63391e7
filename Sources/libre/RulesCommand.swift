import LibreFormats
import LibreKit

/// `libre rules` and `libre explain ID`.
enum RulesCommand {
  static func list(_ arguments: [String]) -> Int32 {
    do throws(UsageError) {
      let (language, rest) = try languageOption(arguments)
      guard rest.isEmpty else { throw UsageError(description: "unexpected argument '\(rest[0])'") }
      let lexicons = try Lexicons.compile(extra: [])
      // One line per rule id, with the languages that define it (twins share the id).
      let rules = (lexicons.rules + BuiltInRules.all).filter { language == nil || $0.language == language }
      var languages: [String: [String]] = [:]
      var patterns: [String: Int] = [:]
      for rule in rules {
        languages[rule.id, default: []].append(rule.language.rawValue)
        patterns[rule.id, default: 0] += rule.patterns.count
      }
      let width = rules.map(\.id.count).max() ?? 0
      var out = ""
      var seen: Set<String> = []
      for rule in rules.sorted(by: { $0.id < $1.id }) where seen.insert(rule.id).inserted {
        let padding = String(repeating: " ", count: width - rule.id.count)
        out += "\(rule.id)\(padding)  \(rule.polarity.rawValue)  \(rule.category)  \(rule.severity.rawValue)"
        out += "  weight \(JSONWriter.number(rule.weight))  \(languages[rule.id]!.sorted().joined(separator: ","))"
        out += "  \(patterns[rule.id]!) pattern(s)\n"
      }
      out += "\(seen.count) rule(s)\n"
      Output.standard(out)
      return 0
    } catch {
      Output.error(error.description)
      return 2
    }
  }

  static func explain(_ arguments: [String]) -> Int32 {
    do throws(UsageError) {
      let (language, rest) = try languageOption(arguments)
      guard rest.count == 1 else { throw UsageError(description: "explain takes one rule id") }
      let lexicons = try Lexicons.compile(extra: [])
      let rules = (lexicons.rules + BuiltInRules.all).filter {
        $0.id == rest[0] && (language == nil || $0.language == language)
      }
      guard !rules.isEmpty else { throw UsageError(description: "no rule '\(rest[0])' (see libre rules)") }
      var out = ""
      for rule in rules {
        out += "\(rule.id) [\(rule.language.rawValue)] — \(rule.polarity.rawValue), \(rule.category), "
        out += "\(rule.severity.rawValue), weight \(Int(rule.weight))\(rule.boilerplate ? ", boilerplate" : "")\n"
        out += "  \(rule.message)\n  suggestion: \(rule.suggestion)\n  source: \(rule.source)\n"
        if rule.patterns.isEmpty {
          out += "  a document rule, written in Swift (it judges the whole message or call)\n"
        } else {
          out += "  patterns:\n" + rule.patterns.map { "    \($0)\n" }.joined()
        }
        if !rule.exceptions.isEmpty { out += "  unless:\n" + rule.exceptions.map { "    \($0)\n" }.joined() }
        let indent = { (text: String) in text.replacing("\n", with: "\n      ") }
        out += "  matches:\n" + rule.matchingExamples.map { "    ✓ \(indent($0))\n" }.joined()
        out += "  does not match:\n" + rule.nonMatchingExamples.map { "    ✗ \(indent($0))\n" }.joined() + "\n"
      }
      Output.standard(out)
      return 0
    } catch {
      Output.error(error.description)
      return 2
    }
  }

  private static func languageOption(_ arguments: [String]) throws(UsageError) -> (Language?, [String]) {
    var language: Language?
    var rest: [String] = []
    var index = 0
    while index < arguments.count {
      if arguments[index] == "--lang", index + 1 < arguments.count {
        guard let parsed = Language(rawValue: arguments[index + 1]) else {
          throw UsageError(description: "unknown language '\(arguments[index + 1])' (en, fr)")
        }
        language = parsed
        index += 2
      } else {
        rest.append(arguments[index])
        index += 1
      }
    }
    return (language, rest)
  }
}
