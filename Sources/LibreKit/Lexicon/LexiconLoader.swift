/// The rules and language settings read from a set of lexicon files.
public struct LexiconSet: Sendable {
  public var profiles: [Language: LanguageProfile] = [:]
  public var rules: [Rule] = []

  public init(profiles: [Language: LanguageProfile] = [:], rules: [Rule] = []) {
    self.profiles = profiles
    self.rules = rules
  }

  /// Adds another set's rules and profiles; a later profile's lists extend the earlier one's.
  public mutating func merge(_ other: LexiconSet) {
    for (language, profile) in other.profiles {
      guard var existing = profiles[language] else {
        profiles[language] = profile
        continue
      }
      existing.classes.merge(profile.classes) { $0 + $1 }
      existing.classLocations.merge(profile.classLocations) { first, _ in first }
      existing.negators += profile.negators
      existing.restrictiveAfter += profile.restrictiveAfter
      existing.negatorsNeedingParticle += profile.negatorsNeedingParticle
      existing.negationParticles += profile.negationParticles
      existing.scopeBreakers += profile.scopeBreakers
      existing.firstPerson += profile.firstPerson
      existing.secondPerson += profile.secondPerson
      existing.thirdPerson += profile.thirdPerson
      existing.stopwords += profile.stopwords
      existing.categoryTraits.merge(profile.categoryTraits) { $0 + $1 }
      profiles[language] = existing
    }
    rules += other.rules
  }

  /// The rules, each given the traits its language's `categoryTraits` gives its category
  /// (set on the rule itself, a shared instance, before it is compiled).
  public func applyingCategoryTraits() -> [Rule] {
    for rule in rules {
      let given = profiles[rule.language]?.categoryTraits ?? [:]
      let data = given.isEmpty ? RuleTraits.defaultData : given
      rule.traits = RuleTraits(polarity: rule.polarity, category: rule.category, data: data)
    }
    return rules
  }
}

/// Reads lexicon JSON (see `docs/lexicon-format.md`), checking every field and reporting
/// each mistake with its file, line and column.
public struct LexiconLoader {
  private let path: String
  private let lines: LineIndex
  /// The file's bytes, to read a pattern as written (escapes and all) for error columns.
  let source: [UInt8]
  private var errors: [LexiconError] = []
  var errorsSoFar: Int { errors.count }

  /// Loads the given files; throws every mistake found, not just the first.
  public static func load(files: [(path: String, bytes: [UInt8])]) throws(LexiconErrors) -> LexiconSet {
    var set = LexiconSet()
    var errors: [LexiconError] = []
    for file in files {
      var loader = LexiconLoader(
        path: file.path, lines: LineIndex(file.bytes, columnCheckpoints: true), source: file.bytes)
      if let loaded = loader.load(file.bytes) { set.merge(loaded) }
      errors += loader.errors
    }
    var seen: [String: SourceLocation] = [:]
    for rule in set.rules {
      let key = rule.language.rawValue + " " + rule.id
      if let first = seen[key] {
        errors.append(
          LexiconError(location: rule.location, message: "rule '\(rule.id)' is defined twice (first at \(first))"))
      }
      seen[key] = rule.location
    }
    guard errors.isEmpty else { throw LexiconErrors(errors) }
    return set
  }

  private init(path: String, lines: LineIndex, source: [UInt8]) {
    self.path = path
    self.lines = lines
    self.source = source
  }

  /// The text of the JSON string literal starting at `offset` (at its quote), as written,
  /// or "" when it has no escape (then it reads exactly as its value).
  func rawString(at offset: Int) -> String {
    guard offset < source.count, source[offset] == UInt8(ascii: "\"") else { return "" }
    var end = offset + 1
    var escaped = false
    while end < source.count, source[end] != UInt8(ascii: "\"") {
      if source[end] == UInt8(ascii: "\\") {
        escaped = true
        end += 2
      } else {
        end += 1
      }
    }
    guard escaped else { return "" }
    return String(decoding: source[offset + 1..<min(end, source.count)], as: UTF8.self)
  }

  func location(_ offset: Int) -> SourceLocation {
    let (line, column) = lines.location(of: offset)
    return SourceLocation(file: path, line: line, column: column)
  }

  mutating func fail(_ offset: Int, _ message: String) {
    errors.append(LexiconError(location: location(offset), message: message))
  }

  private mutating func load(_ bytes: [UInt8]) -> LexiconSet? {
    let root: JSONValue
    do {
      root = try JSONParser.parse(bytes)
    } catch {
      fail(error.offset, "invalid JSON: \(error.message)")
      return nil
    }
    guard root.members != nil else {
      fail(root.offset, "a lexicon file holds an object, not \(root.typeName)")
      return nil
    }
    guard let languageValue = root["language"] else {
      fail(root.offset, "missing \"language\" (\"en\" or \"fr\")")
      return nil
    }
    guard let code = languageValue.string, let language = Language(rawValue: code) else {
      fail(languageValue.offset, "\"language\" must be \"en\" or \"fr\"")
      return nil
    }
    var set = LexiconSet()
    if let rules = root["rules"] {
      checkKeys(root, allowed: ["language", "rules", "$schema", "description"])
      guard let list = rules.array else {
        fail(rules.offset, "\"rules\" must be an array")
        return nil
      }
      for value in list {
        if let rule = readRule(value, language: language) { set.rules.append(rule) }
      }
    } else {
      set.profiles[language] = readProfile(root, language: language)
    }
    return set
  }

  mutating func checkKeys(_ object: JSONValue, allowed: Set<String>, context: String = "") {
    for member in object.members ?? [] where !allowed.contains(member.key) {
      let known = allowed.filter { !$0.hasPrefix("$") }.sorted().joined(separator: ", ")
      fail(member.keyOffset, "unknown key \"\(member.key)\"\(context) (known keys: \(known))")
    }
  }

  mutating func strings(_ value: JSONValue?, field: String, context: String) -> [String] {
    guard let value else { return [] }
    guard let list = value.array else {
      fail(value.offset, "\"\(field)\"\(context) must be an array of strings")
      return []
    }
    var result: [String] = []
    for item in list {
      guard let text = item.string else {
        fail(item.offset, "\"\(field)\"\(context) must hold strings, not \(item.typeName)")
        continue
      }
      result.append(text)
    }
    return result
  }

  private mutating func readProfile(_ root: JSONValue, language: Language) -> LanguageProfile {
    checkKeys(
      root,
      allowed: [
        "language", "classes", "negators", "restrictiveAfter", "negatorsNeedingParticle", "negationParticles",
        "scopeBreakers", "pronouns", "stopwords", "categoryTraits", "$schema", "description",
      ])
    var profile = LanguageProfile(language: language)
    if let classes = root["classes"] {
      if let members = classes.members {
        for member in members {
          let list = strings(member.value, field: member.key, context: " in \"classes\"")
          if list.isEmpty { fail(member.value.offset, "class '@\(member.key)' has no members") }
          profile.classes[member.key] = list
          profile.classLocations[member.key] = location(member.value.offset)
        }
      } else {
        fail(classes.offset, "\"classes\" must be an object of name → list of patterns")
      }
    }
    profile.negators = strings(root["negators"], field: "negators", context: "")
    profile.restrictiveAfter = strings(root["restrictiveAfter"], field: "restrictiveAfter", context: "")
    profile.negatorsNeedingParticle = strings(
      root["negatorsNeedingParticle"], field: "negatorsNeedingParticle", context: "")
    profile.negationParticles = strings(root["negationParticles"], field: "negationParticles", context: "")
    profile.scopeBreakers = strings(root["scopeBreakers"], field: "scopeBreakers", context: "")
    profile.stopwords = strings(root["stopwords"], field: "stopwords", context: "")
    if let traits = root["categoryTraits"] {
      checkKeys(traits, allowed: Set(RuleTraits.dataNames.keys), context: " in \"categoryTraits\"")
      for name in RuleTraits.dataNames.keys.sorted() where traits[name] != nil {
        profile.categoryTraits[name] = strings(traits[name], field: name, context: " in \"categoryTraits\"")
      }
    }
    if let pronouns = root["pronouns"] {
      checkKeys(pronouns, allowed: ["first", "second", "third"], context: " in \"pronouns\"")
      profile.firstPerson = strings(pronouns["first"], field: "first", context: " in \"pronouns\"")
      profile.secondPerson = strings(pronouns["second"], field: "second", context: " in \"pronouns\"")
      profile.thirdPerson = strings(pronouns["third"], field: "third", context: " in \"pronouns\"")
    }
    return profile
  }
}
