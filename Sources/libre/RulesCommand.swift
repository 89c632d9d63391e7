import LibreFormats
import LibreKit

/// The options of `libre rules` and `libre explain`.
struct RulesOptions {
  var language: Language?
  var operands: [String] = []

  static let table: [OptionSpec<RulesOptions>] = [
    OptionSpec(["--lang"], "en|fr", "only the rules of this language") { options, text throws(UsageError) in
      options.language = try OptionValues.choice(text, flag: "--lang", as: Language.self)
    }
  ]

  static func parse(_ arguments: [String], command: String) throws(UsageError) -> RulesOptions {
    var options = RulesOptions()
    options.operands = try OptionParser.parse(arguments, table: table, command: command, into: &options)
    return options
  }
}

/// `libre rules` and `libre explain ID`.
enum RulesCommand {
  static func list(_ arguments: [String]) -> Int32 {
    do throws(UsageError) {
      let options = try RulesOptions.parse(arguments, command: "rules")
      let language = options.language
      if let extra = options.operands.first {
        throw UsageError(description: CLIMessages.unexpectedOperand("rules", extra))
      }
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
      let options = try RulesOptions.parse(arguments, command: "explain")
      let language = options.language
      let rest = options.operands
      guard rest.count == 1 else {
        throw UsageError(description: "explain takes one rule id (see libre explain --help)")
      }
      let lexicons = try Lexicons.compile(extra: [])
      let rules = (lexicons.rules + BuiltInRules.all).filter {
        $0.id == rest[0] && (language == nil || $0.language == language)
      }
      guard !rules.isEmpty else {
        let ids = (lexicons.rules + BuiltInRules.all).map(\.id)
        throw UsageError(
          description: "no rule '\(rest[0])'\(Suggestion.hint(for: rest[0], among: ids)) (see libre rules)")
      }
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
}
