/// What `.libre.json` mistakes say (after `FILE:LINE: `).
enum ConfigurationMessages {
  static func invalidJSON(_ detail: String, column: Int) -> String { "invalid JSON at column \(column): \(detail)" }
  static let notAnObject = "the configuration must be a JSON object"
  static let schemaNotAString = "\"$schema\" must be a string (a path or URL of the schema)"
  static func unknownKey(_ key: String, known: [String]) -> String {
    let near = Suggestion.closest(to: key, among: known).map { "did you mean \"\($0)\"? " } ?? ""
    return "unknown key \"\(key)\" (\(near)known: \(known.joined(separator: ", ")))"
  }
  static func comment(_ prefix: String) -> String {
    "\"\(prefix)$comment\" must be a string or a list of strings"
  }
  static let language = "\"language\" must be \"auto\", \"en\" or \"fr\""
  static let lexicons = "\"lexicons\" must be a path or a list of paths (lexicon files or folders)"
  static func globs(_ key: String) -> String { "\"\(key)\" must be a glob or a list of globs such as \"drafts/**\"" }
  static func minScore(_ key: String) -> String { "\"\(key)\" must be a whole number from 0 to 100" }
  static func failOn(_ key: String) -> String { "\"\(key)\" must be \"info\", \"warning\", \"error\" or \"none\"" }
  static func rulesObject(_ prefix: String) -> String {
    "\"\(prefix)rules\" must be an object such as {\"pressure.urgency.*\": \"warning\"}"
  }
  static func rulePattern(_ key: String) -> String {
    "\"\(key)\" is not a rule id or glob (lowercase letters, digits, '-', '.' and '*', as pressure.urgency.*)"
  }
  static func ruleLevel(_ key: String, _ rule: String) -> String {
    "\"\(key)\" value for \"\(rule)\" must be \"off\", \"info\", \"warning\" or \"error\""
  }
  static func noSuchRule(_ pattern: String) -> String {
    "\"\(pattern)\" matches no rule (libre rules lists them)"
  }
  static let speakersObject = "\"speakers\" must be an object such as {\"rep\": [\"Sam\"]}"
  static let speakersRep = "\"speakers.rep\" must be a name or a list of names"
  static let profilesObject = "\"profiles\" must be an object such as {\"followUp\": {\"minScore\": 70}}"
  static func profileObject(_ name: String) -> String {
    "\"profiles.\(name)\" must be an object with files, rules, minScore or failOn"
  }
}
