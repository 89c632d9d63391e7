extension LexiconLoader {
  static let ruleKeys: Set<String> = [
    "id", "polarity", "category", "severity", "weight", "boilerplate", "message", "suggestion", "source",
    "patterns", "unless", "whenNegated", "subject", "regions", "examples", "description",
  ]

  /// Reads one rule object, reporting each missing or malformed field.
  mutating func readRule(_ value: JSONValue, language: Language) -> Rule? {
    guard value.members != nil else {
      fail(value.offset, "each rule is an object, not \(value.typeName)")
      return nil
    }
    let errorsBefore = errorCount
    checkKeys(value, allowed: LexiconLoader.ruleKeys, context: " in a rule")
    let id = requiredString(value, "id", rule: nil) ?? ""
    let name = id.isEmpty ? "a rule" : "rule '\(id)'"
    let polarityText = requiredString(value, "polarity", rule: name)
    let polarity = polarityText.flatMap(Polarity.init(rawValue:))
    if let polarityText, polarity == nil, let field = value["polarity"] {
      fail(
        field.offset, "\(name): unknown polarity '\(polarityText)' (freedom, pressure, engagement, hesitation, request)"
      )
    }
    let category = requiredString(value, "category", rule: name) ?? ""
    checkID(id, polarity: polarity, category: category, at: value["id"]?.offset ?? value.offset)
    let severityText = requiredString(value, "severity", rule: name)
    let severity = severityText.flatMap(Severity.init(rawValue:))
    if let severityText, severity == nil, let field = value["severity"] {
      fail(field.offset, "\(name): unknown severity '\(severityText)' (info, warning, error)")
    }
    var weight = 0.0
    if let field = value["weight"] {
      if let number = field.number, number >= 0, number <= 20 {
        weight = number
      } else {
        fail(field.offset, "\(name): \"weight\" must be a number from 0 to 20")
      }
    } else {
      fail(value.offset, "\(name): missing \"weight\"")
    }
    var boilerplate = false
    if let field = value["boilerplate"] {
      if let flag = field.bool {
        boilerplate = flag
      } else {
        fail(field.offset, "\(name): \"boilerplate\" must be true or false")
      }
    }
    let message = requiredString(value, "message", rule: name) ?? ""
    let suggestion = requiredString(value, "suggestion", rule: name) ?? ""
    let source = requiredString(value, "source", rule: name) ?? ""
    let patterns = strings(value["patterns"], field: "patterns", context: " of \(name)")
    if patterns.isEmpty { fail(value["patterns"]?.offset ?? value.offset, "\(name): needs at least one pattern") }
    let exceptions = strings(value["unless"], field: "unless", context: " of \(name)")
    let whenNegated = readNegationPolicy(value["whenNegated"], rule: name)
    var requiresAddressee = false
    if let field = value["subject"] {
      if field.string == "addressee" {
        requiresAddressee = true
      } else {
        fail(field.offset, "\(name): \"subject\" can only be \"addressee\"")
      }
    }
    var regions: TextRegions?
    if let field = value["regions"] {
      var set: TextRegions = []
      for regionName in strings(field, field: "regions", context: " of \(name)") {
        if let region = TextRegions.named(regionName) {
          set.insert(region)
        } else {
          let known = TextRegions.names.map(\.name).joined(separator: ", ")
          fail(field.offset, "\(name): unknown region '\(regionName)' (\(known))")
        }
      }
      regions = set
    }
    let (matching, nonMatching) = readExamples(value["examples"], rule: name, at: value.offset)
    guard errorCount == errorsBefore, let polarity, let severity else { return nil }
    let rule = Rule(
      id: id, language: language, polarity: polarity, category: category, severity: severity, weight: weight,
      boilerplate: boilerplate, message: message, suggestion: suggestion, source: source, patterns: patterns,
      exceptions: exceptions, whenNegated: whenNegated, requiresAddressee: requiresAddressee, regions: regions,
      matchingExamples: matching, nonMatchingExamples: nonMatching, location: location(value.offset))
    rule.patternLocations = (value["patterns"]?.array ?? []).map { location($0.offset + 1) }
    rule.exceptionLocations = (value["unless"]?.array ?? []).map { location($0.offset + 1) }
    rule.patternsAsWritten = (value["patterns"]?.array ?? []).map { rawString(at: $0.offset) }
    rule.exceptionsAsWritten = (value["unless"]?.array ?? []).map { rawString(at: $0.offset) }
    return rule
  }

  private var errorCount: Int { errorsSoFar }

  private mutating func requiredString(_ object: JSONValue, _ key: String, rule: String?) -> String? {
    guard let field = object[key] else {
      fail(object.offset, "\(rule.map { $0 + ": " } ?? "")missing \"\(key)\"")
      return nil
    }
    guard let text = field.string, text.utf8.contains(where: { $0 > 0x20 }) else {
      fail(field.offset, "\(rule.map { $0 + ": " } ?? "")\"\(key)\" must be a non-empty string")
      return nil
    }
    return text
  }

  private mutating func checkID(_ id: String, polarity: Polarity?, category: String, at offset: Int) {
    guard !id.isEmpty else { return }
    let parts = id.split(separator: ".", omittingEmptySubsequences: false)
    let wellFormed =
      parts.count == 3
      && parts.allSatisfy { part in
        !part.isEmpty
          && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
      }
    guard wellFormed else {
      fail(offset, "rule id '\(id)' must be polarity.category.name in lowercase letters, digits and '-'")
      return
    }
    if let polarity, parts[0] != polarity.rawValue {
      fail(offset, "rule '\(id)': the id starts with '\(parts[0])' but the polarity is '\(polarity.rawValue)'")
    }
    if !category.isEmpty, parts[1] != category {
      fail(offset, "rule '\(id)': the id's category is '\(parts[1])' but \"category\" is '\(category)'")
    }
  }

  private mutating func readNegationPolicy(_ value: JSONValue?, rule: String) -> NegationPolicy {
    guard let value else { return .drop }
    guard let text = value.string else {
      fail(value.offset, "\(rule): \"whenNegated\" must be \"drop\", \"keep\" or a rule id")
      return .drop
    }
    switch text {
    case "drop": return .drop
    case "keep": return .keep
    default:
      if text.split(separator: ".").count != 3 {
        fail(value.offset, "\(rule): \"whenNegated\" must be \"drop\", \"keep\" or a rule id, not '\(text)'")
      }
      return .becomes(text)
    }
  }

  private mutating func readExamples(_ value: JSONValue?, rule: String, at offset: Int) -> ([String], [String]) {
    guard let value, value.members != nil else {
      fail(value?.offset ?? offset, "\(rule): needs \"examples\" with \"match\" and \"noMatch\" lists")
      return ([], [])
    }
    checkKeys(value, allowed: ["match", "noMatch"], context: " in \"examples\"")
    let matching = strings(value["match"], field: "match", context: " of \(rule)")
    let nonMatching = strings(value["noMatch"], field: "noMatch", context: " of \(rule)")
    if matching.count < 2 { fail(value.offset, "\(rule): needs at least 2 \"match\" examples") }
    if nonMatching.isEmpty { fail(value.offset, "\(rule): needs at least 1 \"noMatch\" example") }
    return (matching, nonMatching)
  }
}
