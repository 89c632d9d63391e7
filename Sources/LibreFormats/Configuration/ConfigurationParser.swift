import LibreKit

extension Configuration {
  /// Reads the configuration in `bytes` from `path`; the first mistake throws
  /// `FILE:LINE: what is wrong`.
  public static func parse(_ bytes: [UInt8], path: String) throws(InputError) -> Configuration {
    try ConfigurationReader(bytes: bytes, path: path).read()
  }
}

/// The keys of `.libre.json`, for the parser and its messages.
enum ConfigurationKeys {
  static let top = [
    "$schema", "$comment", "language", "lexicons", "rules", "minScore", "failOn", "ignore", "speakers", "profiles",
  ]
  static let speakers = ["$comment", "rep"]
  static let profile = ["$comment", "files", "rules", "minScore", "failOn"]
  static let comment = "$comment"
}

/// Reads `.libre.json` strictly: every key known, every value checked, each mistake with
/// its line.
struct ConfigurationReader {
  let bytes: [UInt8]
  let path: String
  let lines: LineIndex

  init(bytes: [UInt8], path: String) {
    self.bytes = bytes
    self.path = path
    lines = LineIndex(bytes)
  }

  func fail(_ message: String, at offset: Int) -> InputError {
    InputError(path: path, line: lines.location(of: offset).line, message: message)
  }

  func read() throws(InputError) -> Configuration {
    let root: JSONValue
    do {
      root = try JSONParser.parse(bytes)
    } catch {
      let column = LineIndex(bytes).location(of: error.offset).column
      throw fail(ConfigurationMessages.invalidJSON(error.message, column: column), at: error.offset)
    }
    var configuration = Configuration(path: path)
    for member in try object(root, ConfigurationMessages.notAnObject, known: ConfigurationKeys.top, prefix: "") {
      let value = member.value
      switch member.key {
      case "$schema":
        guard value.string != nil else { throw fail(ConfigurationMessages.schemaNotAString, at: value.offset) }
      case "language": configuration.language = try language(value)
      case "lexicons":
        configuration.lexiconsLine = lines.location(of: member.keyOffset).line
        configuration.lexicons = try strings(value, ConfigurationMessages.lexicons).map {
          $0.hasPrefix("/") ? $0 : configuration.folder + "/" + $0
        }
      case "rules": configuration.rules = try rules(value, prefix: "")
      case "minScore":
        configuration.gate.set(minScore: try minScore(value, key: "minScore"), origin: "\(path) minScore")
      case "failOn": configuration.gate.set(failOn: try failOn(value, key: "failOn"), origin: "\(path) failOn")
      case "ignore": configuration.ignore = try strings(value, ConfigurationMessages.globs("ignore")).map(Glob.init)
      case "speakers": configuration.reps = try speakers(value)
      case "profiles": configuration.profiles = try profiles(value)
      default: break
      }
    }
    return configuration
  }

  /// The members of an object, each key known (`$comment` checked here).
  func object(
    _ value: JSONValue, _ message: String, known: [String], prefix: String
  ) throws(InputError) -> [(key: String, keyOffset: Int, value: JSONValue)] {
    guard let members = value.members else { throw fail(message, at: value.offset) }
    var result: [(key: String, keyOffset: Int, value: JSONValue)] = []
    for member in members {
      guard known.contains(member.key) else {
        let names = known.filter { $0 != ConfigurationKeys.comment }.map { prefix + $0 }
        throw fail(ConfigurationMessages.unknownKey(prefix + member.key, known: names), at: member.keyOffset)
      }
      if member.key == ConfigurationKeys.comment {
        _ = try strings(member.value, ConfigurationMessages.comment(prefix))
        continue
      }
      result.append(member)
    }
    return result
  }

  /// A string or a list of strings, none empty.
  func strings(_ value: JSONValue, _ message: String) throws(InputError) -> [String] {
    if let single = value.string, !single.isEmpty { return [single] }
    guard let items = value.array else { throw fail(message, at: value.offset) }
    var result: [String] = []
    for item in items {
      guard let text = item.string, !text.isEmpty else { throw fail(message, at: item.offset) }
      result.append(text)
    }
    return result
  }

  func language(_ value: JSONValue) throws(InputError) -> LanguageChoice {
    if value.string == "auto" { return .auto }
    guard let code = value.string, let language = Language(rawValue: code) else {
      throw fail(ConfigurationMessages.language, at: value.offset)
    }
    return .fixed(language)
  }

  func minScore(_ value: JSONValue, key: String) throws(InputError) -> Int {
    guard let number = value.number, number == number.rounded(), (0...100).contains(number) else {
      throw fail(ConfigurationMessages.minScore(key), at: value.offset)
    }
    return Int(number)
  }

  func failOn(_ value: JSONValue, key: String) throws(InputError) -> FailLevel {
    guard let text = value.string, let level = FailLevel(rawValue: text) else {
      throw fail(ConfigurationMessages.failOn(key), at: value.offset)
    }
    return level
  }

  func rules(_ value: JSONValue, prefix: String) throws(InputError) -> RuleSettings {
    guard let members = value.members else { throw fail(ConfigurationMessages.rulesObject(prefix), at: value.offset) }
    var settings = RuleSettings()
    for member in members where member.key != ConfigurationKeys.comment {
      guard ConfigurationReader.isRulePattern(member.key) else {
        throw fail(ConfigurationMessages.rulePattern(member.key), at: member.keyOffset)
      }
      guard let text = member.value.string, let level = RuleSettings.Level(rawValue: text) else {
        throw fail(ConfigurationMessages.ruleLevel(prefix + "rules", member.key), at: member.value.offset)
      }
      settings.entries.append(
        RuleSettings.Entry(pattern: member.key, level: level, line: lines.location(of: member.keyOffset).line))
    }
    return settings
  }

  /// A rule id or glob: lowercase letters, digits, `-`, `.` and `*`.
  static func isRulePattern(_ key: String) -> Bool {
    !key.isEmpty
      && key.unicodeScalars.allSatisfy {
        ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "." || $0 == "*"
      }
  }

  func speakers(_ value: JSONValue) throws(InputError) -> [String] {
    var reps: [String] = []
    for member in try object(
      value, ConfigurationMessages.speakersObject, known: ConfigurationKeys.speakers, prefix: "speakers.")
    {
      if member.value.array?.isEmpty == true { continue }
      reps = try strings(member.value, ConfigurationMessages.speakersRep)
    }
    return reps
  }

  func profiles(_ value: JSONValue) throws(InputError) -> [Profile] {
    let channels = Channel.allCases.map(\.rawValue)
    var result: [Profile] = []
    for member in try object(
      value, ConfigurationMessages.profilesObject, known: [ConfigurationKeys.comment] + channels, prefix: "profiles.")
    {
      let channel = Channel(rawValue: member.key)!
      let prefix = "profiles.\(member.key)."
      var profile = Profile(channel: channel)
      for entry in try object(
        member.value, ConfigurationMessages.profileObject(member.key), known: ConfigurationKeys.profile, prefix: prefix)
      {
        switch entry.key {
        case "files":
          profile.files = try strings(entry.value, ConfigurationMessages.globs(prefix + "files")).map(Glob.init)
        case "rules": profile.rules = try rules(entry.value, prefix: prefix)
        case "minScore":
          profile.gate.set(
            minScore: try minScore(entry.value, key: prefix + "minScore"), origin: "\(path) \(prefix)minScore")
        case "failOn":
          profile.gate.set(failOn: try failOn(entry.value, key: prefix + "failOn"), origin: "\(path) \(prefix)failOn")
        default: break
        }
      }
      result.append(profile)
    }
    return result
  }
}
