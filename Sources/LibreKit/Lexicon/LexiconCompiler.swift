/// What a pattern entry of the automaton stands for.
struct PatternEntry: Sendable {
  /// Index into `CompiledLexicons.rules`.
  var rule: Int
  /// An `unless` pattern of that rule rather than one of its patterns.
  var isException: Bool
}

/// The roles a word can play for the context pass, by vocabulary id.
struct WordRole: OptionSet, Sendable {
  let rawValue: UInt16
  static let negator = WordRole(rawValue: 1 << 0)
  static let particle = WordRole(rawValue: 1 << 1)
  static let scopeBreaker = WordRole(rawValue: 1 << 2)
  static let needsParticle = WordRole(rawValue: 1 << 3)
  static let restrictiveAfter = WordRole(rawValue: 1 << 4)
  static let firstPerson = WordRole(rawValue: 1 << 5)
  static let secondPerson = WordRole(rawValue: 1 << 6)
  static let thirdPerson = WordRole(rawValue: 1 << 7)
  static let stopword = WordRole(rawValue: 1 << 8)
}

/// The compiled form of one language's lexicons. A class: every document's passes take the
/// tables, and copying a struct of a dozen arrays retained each of them every time.
final class LanguageTables: Sendable {
  let profile: LanguageProfile
  let automaton: PatternAutomaton
  let entries: [PatternEntry]
  /// `roles[id]`: what the word with that id does for negation, subjects and detection.
  let roles: [WordRole]

  /// Per entry: it is an `unless` exception (whose matches get their start only on demand).
  let exceptionEntries: [Bool]

  init(profile: LanguageProfile, automaton: PatternAutomaton, entries: [PatternEntry], roles: [WordRole]) {
    self.profile = profile
    self.automaton = automaton
    self.entries = entries
    self.roles = roles
    exceptionEntries = entries.map(\.isException)
  }

  @inline(__always)
  func role(_ id: Int32) -> WordRole {
    Int(id) < roles.count ? roles[Int(id)] : []
  }
}

/// All loaded lexicons, compiled once: one vocabulary shared by the languages, and one
/// automaton per language holding every pattern of every rule.
public struct CompiledLexicons: Sendable {
  public let rules: [Rule]
  let vocabulary: Vocabulary
  let prefixes: PrefixTable
  let languages: [Language: LanguageTables]
  let lookup: FrozenLookup
  /// Per rule, the index of the rule a negated match of it becomes (`whenNegated`), or -1.
  let negationTargets: [Int]

  /// The languages that have rules.
  public var availableLanguages: [Language] { languages.keys.sorted() }

  /// The size of a language's automaton: states and transitions.
  public func automatonSize(_ language: Language) -> (states: Int, transitions: Int) {
    guard let automaton = languages[language]?.automaton else { return (0, 0) }
    return (automaton.stateCount, automaton.tests.count)
  }

  /// The number of patterns (not counting exceptions) per language.
  public func patternCount(_ language: Language) -> Int {
    rules.filter { $0.language == language }.reduce(0) { $0 + $1.patterns.count }
  }

  /// The rule with this id in this language.
  public func rule(_ id: String, language: Language) -> Rule? {
    rules.first { $0.id == id && $0.language == language }
  }

  /// Compiles a lexicon set; throws every pattern mistake, each with its file:line:col.
  public static func compile(_ set: LexiconSet) throws(LexiconErrors) -> CompiledLexicons {
    var compiler = LexiconCompiler(set: set)
    return try compiler.compile()
  }

  init(rules: [Rule], vocabulary: Vocabulary, prefixes: PrefixTable, languages: [Language: LanguageTables]) {
    self.rules = rules
    self.vocabulary = vocabulary
    self.prefixes = prefixes
    self.languages = languages
    lookup = FrozenLookup(vocabulary: vocabulary, prefixes: prefixes)
    var index: [String: Int] = [:]
    for (number, rule) in rules.enumerated() where index[rule.language.rawValue + " " + rule.id] == nil {
      index[rule.language.rawValue + " " + rule.id] = number
    }
    negationTargets = rules.map { rule in
      guard case .becomes(let target) = rule.whenNegated else { return -1 }
      return index[rule.language.rawValue + " " + target] ?? -1
    }
  }
}

/// Turns parsed lexicons into automata.
struct LexiconCompiler {
  let set: LexiconSet
  var vocabulary = Vocabulary()
  var prefixes = PrefixTable()
  var errors: [LexiconError] = []
  /// Folds every literal of this compile with one tokenizer.
  let words: WordFolder
  /// Every pattern and class member, parsed into one flat array.
  var parser: PatternParser
  /// The vocabulary id of each of the parser's words, once the resolver has met it (else 0).
  var vocabularyIDs: [Int32] = []
  /// The parsed classes of the language being resolved, and those already resolved.
  var languageClasses: [String: [Int]] = [:]
  var resolvedClasses: [String: [PatternNode]] = [:]
  /// The pattern being resolved, for error messages: kept here rather than passed down the
  /// recursion, where its strings were retained at every node.
  var resolving = (
    location: SourceLocation(file: "", line: 1, column: 1), context: PatternContext(rule: "", pattern: "")
  )

  init(set: LexiconSet) {
    self.set = set
    words = WordFolder()
    parser = PatternParser(folder: words)
  }

  /// One pattern or exception, parsed.
  private struct ParsedPattern {
    var rule: Int
    var number: Int
    var isException: Bool
    /// Where it is written (its rule's place when the reader kept none).
    var location: SourceLocation
    /// Index of its root in `parser.nodes`.
    var root: Int
    /// The pattern as its rule gives it, for error messages (a precompiled rule would make
    /// its whole list again for each look-up).
    var text: String
  }

  mutating func compile() throws(LexiconErrors) -> CompiledLexicons {
    let rules = set.applyingCategoryTraits().sorted { ($0.language, $0.id) < ($1.language, $1.id) }
    let languages = Set(rules.map(\.language)).union(set.profiles.keys)
    // Parse everything first, so every word is in the vocabulary before ids are final.
    // Sentence marks always get ids, so metrics can count them without building strings.
    for mark in ["?", "!", "."] { _ = vocabulary.intern(mark) }
    // A price is part of a noun phrase (`claim your $1,500 now`): its marks pass a slot.
    let priceMarks = AutomatonBuilder.priceMarks.flatMap { words.fold($0) }.map {
      TokenTest.word(vocabulary.intern($0)).raw
    }
    var classes: [Language: [String: [Int]]] = [:]
    for language in languages.sorted() {
      let profile = set.profiles[language] ?? LanguageProfile(language: language)
      classes[language] = parseClasses(profile)
      for word in profileWords(profile) {
        for folded in words.fold(word) { _ = vocabulary.intern(folded) }
      }
    }
    var parsed: [ParsedPattern] = []
    parsed.reserveCapacity(rules.reduce(0) { $0 + $1.patterns.count + $1.exceptions.count })
    for (index, rule) in rules.enumerated() {
      let (patterns, exceptions) = (rule.patterns, rule.exceptions)
      for (number, pattern) in patterns.enumerated() {
        let location = number < rule.patternLocations.count ? rule.patternLocations[number] : rule.location
        let written = number < rule.patternsAsWritten.count ? rule.patternsAsWritten[number] : ""
        if let root = parse(pattern, written: written, rule: rule, at: location) {
          parsed.append(
            ParsedPattern(
              rule: index, number: number, isException: false, location: location, root: root, text: pattern))
        }
      }
      for (number, pattern) in exceptions.enumerated() {
        let location = number < rule.exceptionLocations.count ? rule.exceptionLocations[number] : rule.location
        let written = number < rule.exceptionsAsWritten.count ? rule.exceptionsAsWritten[number] : ""
        if let root = parse(pattern, written: written, rule: rule, at: location) {
          parsed.append(
            ParsedPattern(
              rule: index, number: number, isException: true, location: location, root: root, text: pattern))
        }
      }
      checkNegationTarget(rule, in: rules)
    }

    // Rules are sorted by language: each language's patterns come in one run, built by one builder.
    var builders: [Language: (builder: AutomatonBuilder, entries: [PatternEntry])] = [:]
    var language: Language?
    var builder = AutomatonBuilder(priceMarks: priceMarks)
    var entries: [PatternEntry] = []
    var resolved: [PatternNode] = []
    for item in parsed {
      let rule = rules[item.rule]
      if language != rule.language {
        if let language { builders[language] = (builder, entries) }
        language = rule.language
        builder = AutomatonBuilder(priceMarks: priceMarks)
        entries = []
        languageClasses = classes[rule.language] ?? [:]
        resolvedClasses = [:]
      }
      let location = item.location
      let context = PatternContext(rule: rule.id, pattern: item.text)
      resolved.removeAll(keepingCapacity: true)
      resolving = (location, context)
      guard resolve(item.root, into: &resolved) else {
        continue
      }
      let shape = ResolvedShape(resolved, at: 0)
      if shape.startsWithWildcard || shape.endsWithWildcard {
        fail(location, "\(context): a pattern cannot start or end with '*', a gap or a noun-phrase slot")
        continue
      }
      if shape.maximum > AutomatonBuilder.maximumPatternLength {
        fail(location, "\(context): longer than \(AutomatonBuilder.maximumPatternLength) tokens")
        continue
      }
      let entry = Int32(entries.count)
      entries.append(PatternEntry(rule: item.rule, isException: item.isException))
      builder.add(resolved, root: 0, bounds: (shape.minimum, shape.maximum), entry: entry)
      if shape.isNullable {
        fail(location, "\(context): every part is optional, so it would match nothing")
      }
    }
    if let language { builders[language] = (builder, entries) }
    for language in languages where builders[language] == nil { builders[language] = (AutomatonBuilder(), []) }
    guard errors.isEmpty else { throw LexiconErrors(errors) }
    // Every word is in the vocabulary now (resolving interned them): ids are final.
    prefixes.finish(vocabulary: vocabulary)

    var tables: [Language: LanguageTables] = [:]
    for (language, slot) in builders {
      let profile = set.profiles[language] ?? LanguageProfile(language: language)
      tables[language] = LanguageTables(
        profile: profile, automaton: slot.builder.finish(prefixes: prefixes), entries: slot.entries,
        roles: roles(for: profile))
    }
    return CompiledLexicons(rules: rules, vocabulary: vocabulary, prefixes: prefixes, languages: tables)
  }

  /// The column offset, in the JSON as written, of scalar `offset` of the decoded string:
  /// an escape (`\\`, `\"`, `\u00e9`) is several characters in the file but one in the pattern.
  static func writtenOffset(of offset: Int, in written: String) -> Int {
    let scalars = Array(written.unicodeScalars)
    var decoded = 0
    var column = 0
    while decoded < offset && column < scalars.count {
      if scalars[column] == "\\" && column + 1 < scalars.count {
        if scalars[column + 1] == "u" {
          column += 6
          // A surrogate pair is two escapes for one scalar.
          if column + 1 < scalars.count, scalars[column] == "\\", scalars[column + 1] == "u",
            let high = UInt32(String(String.UnicodeScalarView(scalars[(column - 4)..<column])), radix: 16),
            (0xD800..<0xDC00).contains(high)
          {
            column += 6
          }
        } else {
          column += 2
        }
      } else {
        column += 1
      }
      decoded += 1
    }
    return column + (offset - decoded)
  }

  mutating func fail(_ location: SourceLocation, _ message: String) {
    errors.append(LexiconError(location: location, message: message))
  }

  /// Parses one pattern; returns its root in `parser.nodes`, or nil after reporting the error.
  private mutating func parse(_ pattern: String, written: String, rule: Rule, at location: SourceLocation) -> Int? {
    do throws(PatternError) {
      return try parser.add(pattern)
    } catch {
      var at = location
      at.column += written.isEmpty ? error.offset : LexiconCompiler.writtenOffset(of: error.offset, in: written)
      fail(at, "rule '\(rule.id)', pattern '\(pattern)': \(error.message)")
      return nil
    }
  }

  /// Each class's members, parsed: their roots in `parser.nodes`.
  private mutating func parseClasses(_ profile: LanguageProfile) -> [String: [Int]] {
    var result: [String: [Int]] = [:]
    for (name, members) in profile.classes.sorted(by: { $0.key < $1.key }) {
      let location = profile.classLocations[name] ?? SourceLocation(file: "language.json", line: 1, column: 1)
      var parsed: [Int] = []
      for member in members {
        do throws(PatternError) {
          parsed.append(try parser.add(member))
        } catch {
          fail(location, "class '@\(name)', member '\(member)': \(error.message)")
        }
      }
      result[name] = parsed
    }
    return result
  }

  private mutating func checkNegationTarget(_ rule: Rule, in rules: [Rule]) {
    guard case .becomes(let target) = rule.whenNegated else { return }
    if !rules.contains(where: { $0.id == target && $0.language == rule.language }) {
      fail(
        rule.location,
        "rule '\(rule.id)': \"whenNegated\" names '\(target)', which is not a rule of the \(rule.language.rawValue) lexicons"
      )
    }
  }

  private func profileWords(_ profile: LanguageProfile) -> [String] {
    profile.negators + profile.restrictiveAfter + profile.negatorsNeedingParticle + profile.negationParticles
      + profile.scopeBreakers + profile.firstPerson + profile.secondPerson + profile.thirdPerson + profile.stopwords
  }

  private func roles(for profile: LanguageProfile) -> [WordRole] {
    var roles = [WordRole](repeating: [], count: vocabulary.count + 1)
    func mark(_ list: [String], _ role: WordRole) {
      for word in list {
        for folded in words.fold(word) {
          let id = vocabulary.lookup(folded)
          if id > 0 { roles[Int(id)].insert(role) }
        }
      }
    }
    mark(profile.negators, .negator)
    mark(profile.negatorsNeedingParticle, [.negator, .needsParticle])
    mark(profile.negationParticles, .particle)
    mark(profile.scopeBreakers, .scopeBreaker)
    mark(profile.restrictiveAfter, .restrictiveAfter)
    mark(profile.firstPerson, .firstPerson)
    mark(profile.secondPerson, .secondPerson)
    mark(profile.thirdPerson, .thirdPerson)
    mark(profile.stopwords, .stopword)
    return roles
  }
}
