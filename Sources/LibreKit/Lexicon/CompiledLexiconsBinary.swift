/// Compiled lexicons as bytes: the tables, and the rules' texts as netstrings.
public struct LexiconImage: Sendable, Equatable {
  /// Numbers: automata, vocabulary, rule weights and locations (packed for embedding).
  public var tables: [UInt8]
  /// Valid UTF-8 (every string in it came from a `String`), embedded as a string literal.
  public var texts: [UInt8]

  public init(tables: [UInt8], texts: [UInt8]) {
    self.tables = tables
    self.texts = texts
  }
}

/// Compiled lexicons as bytes, so the built-in ones are compiled once at build time and
/// the `libre` binary starts without parsing JSON or building automata.
extension CompiledLexicons {
  /// Bumped whenever the layout changes; an image of another version is refused.
  static let binaryVersion = 4

  /// The compiled lexicons as bytes (see `init(binary:)`).
  public func binary() -> LexiconImage {
    var writer = BinaryWriter()
    var texts = NetstringWriter()
    writer.int(CompiledLexicons.binaryVersion)
    writer.int(rules.count)
    for rule in rules { write(rule, to: &writer, texts: &texts) }
    let table = vocabulary.table
    writer.array(table.arena)
    writer.array(table.starts)
    writer.array(table.slots)
    writer.array(table.hashes)
    writer.int(prefixes.prefixes.count)
    for prefix in prefixes.prefixes { writer.array(prefix) }
    let parts = prefixes.parts
    // The trie's child table is dense (256 slots a node) but nearly empty: only its edges
    // are written, as node << 8 | byte → child, and the table is rebuilt on load.
    let edges = parts.children.indices.filter { parts.children[$0] >= 0 }
    writer.array(edges.map { Int32($0) })
    writer.array(edges.map { parts.children[$0] })
    writer.array(parts.terminal)
    writer.array(parts.satisfied)
    writer.int(parts.words)
    writer.int(Int(prefixes.firstSyntheticID))
    writer.int(languages.count)
    for language in languages.keys.sorted() {
      let tables = languages[language]!
      writer.string(language.rawValue)
      writer.strings(tables.profile.stopwords)
      writer.array(tables.entries.map { Int32($0.rule) })
      writer.array(tables.entries.map { UInt8($0.isException ? 1 : 0) })
      writer.array(tables.roles.map(\.rawValue))
      let automaton = tables.automaton
      writer.array(automaton.transitionStart)
      writer.array(automaton.tests)
      writer.array(automaton.targets)
      writer.array(automaton.accept)
      writer.array(automaton.entryStart)
      writer.array(automaton.entryLength)
      let starts = automaton.startIndex
      writer.array(starts.idOffsets)
      writer.array(starts.targets)
      writer.int(starts.byKind.count)
      for list in starts.byKind { writer.array(list) }
      writer.array(starts.caps)
      writer.array(starts.shout)
    }
    return LexiconImage(tables: writer.bytes, texts: texts.bytes)
  }

  /// Reads compiled lexicons written by `binary()`; nil when the bytes are not such an image.
  public init?(binary image: LexiconImage) {
    var reader = BinaryReader(image.tables)
    var texts = NetstringReader(image.texts)
    do {
      guard try reader.int() == CompiledLexicons.binaryVersion else { return nil }
      var rules: [Rule] = []
      for _ in 0..<(try reader.int()) { rules.append(try CompiledLexicons.readRule(&reader, texts: &texts)) }
      guard texts.isAtEnd else { return nil }
      let vocabulary = Vocabulary(
        arena: try reader.array(), starts: try reader.array(), slots: try reader.array(), hashes: try reader.array())
      var prefixList: [[UInt8]] = []
      for _ in 0..<(try reader.int()) { prefixList.append(try reader.array()) }
      let edgeSlots: [Int32] = try reader.array()
      let edgeTargets: [Int32] = try reader.array()
      let terminal: [Int32] = try reader.array()
      guard edgeSlots.count == edgeTargets.count else { return nil }
      var children = [Int32](repeating: -1, count: max(1, terminal.count) * 256)
      for (slot, target) in zip(edgeSlots, edgeTargets) {
        guard slot >= 0, Int(slot) < children.count, target >= 0, Int(target) < terminal.count else { return nil }
        children[Int(slot)] = target
      }
      let prefixes = PrefixTable(
        prefixes: prefixList, children: terminal.isEmpty ? [] : children, terminal: terminal,
        satisfied: try reader.array(), words: try reader.int(), firstSyntheticID: Int32(try reader.int()))
      var languages: [Language: LanguageTables] = [:]
      for _ in 0..<(try reader.int()) {
        guard let language = Language(rawValue: try reader.string()) else { return nil }
        let profile = LanguageProfile(language: language, stopwords: try reader.strings())
        let ruleIndexes: [Int32] = try reader.array()
        let exceptionFlags: [UInt8] = try reader.array()
        guard ruleIndexes.count == exceptionFlags.count, ruleIndexes.allSatisfy({ Int($0) < rules.count }) else {
          return nil
        }
        let entries = zip(ruleIndexes, exceptionFlags).map { PatternEntry(rule: Int($0), isException: $1 != 0) }
        let roles = (try reader.array(of: UInt16.self)).map(WordRole.init(rawValue:))
        let transitionStart: [Int32] = try reader.array()
        let tests: [UInt32] = try reader.array()
        let targets: [Int32] = try reader.array()
        let accept: [Int32] = try reader.array()
        let entryStart: [Int32] = try reader.array()
        let entryLength: [Int32] = try reader.array()
        let idOffsets: [Int32] = try reader.array()
        let startTargets: [Int32] = try reader.array()
        var byKind: [[Int32]] = []
        for _ in 0..<(try reader.int()) { byKind.append(try reader.array()) }
        let startIndex = FlatStartIndex(
          idOffsets: idOffsets, targets: startTargets, byKind: byKind, caps: try reader.array(),
          shout: try reader.array())
        let automaton = PatternAutomaton(
          transitionStart: transitionStart, tests: tests, targets: targets, accept: accept, startIndex: startIndex,
          prefixes: prefixes, entryStart: entryStart, entryLength: entryLength)
        languages[language] = LanguageTables(profile: profile, automaton: automaton, entries: entries, roles: roles)
      }
      guard reader.isAtEnd else { return nil }
      self.init(rules: rules, vocabulary: vocabulary, prefixes: prefixes, languages: languages)
    } catch {
      return nil
    }
  }

  private func write(_ rule: Rule, to writer: inout BinaryWriter, texts: inout NetstringWriter) {
    for text in [rule.id, rule.language.rawValue, rule.polarity.rawValue, rule.category, rule.severity.rawValue] {
      texts.string(text)
    }
    writer.double(rule.weight)
    writer.bool(rule.boilerplate)
    writer.bool(rule.requiresAddressee)
    writer.int(Int(rule.regions.rawValue))
    writer.int(Int(rule.traits.rawValue))
    for text in [rule.message, rule.suggestion, rule.source] { texts.string(text) }
    switch rule.whenNegated {
    case .drop: texts.string("drop")
    case .keep: texts.string("keep")
    case .becomes(let target): texts.string(target)
    }
    for list in [rule.patterns, rule.exceptions, rule.matchingExamples, rule.nonMatchingExamples] { texts.list(list) }
    texts.string(rule.location.file)
    writer.int(rule.location.line)
    writer.int(rule.location.column)
  }

  /// A rule of `binary()`. Each failure path throws its reader's error, both mapped to nil
  /// by the caller; the lists stay unread in the text until asked for.
  private static func readRule(_ reader: inout BinaryReader, texts: inout NetstringReader) throws -> Rule {
    let id = try texts.string()
    guard let language = Language(rawValue: try texts.string()),
      let polarity = Polarity(rawValue: try texts.string())
    else { throw BinaryReader.Malformed() }
    let category = try texts.string()
    guard let severity = Severity(rawValue: try texts.string()) else { throw BinaryReader.Malformed() }
    let weight = try reader.double()
    let boilerplate = try reader.bool()
    let requiresAddressee = try reader.bool()
    let regions = TextRegions(rawValue: UInt16(truncatingIfNeeded: try reader.int()))
    let traits = RuleTraits(rawValue: UInt8(truncatingIfNeeded: try reader.int()))
    let message = try texts.string()
    let suggestion = try texts.string()
    let source = try texts.string()
    let negation = try texts.string()
    let whenNegated: NegationPolicy = negation == "drop" ? .drop : negation == "keep" ? .keep : .becomes(negation)
    let lists = RuleLists(
      patterns: .stored(try texts.list()), exceptions: .stored(try texts.list()),
      matchingExamples: .stored(try texts.list()), nonMatchingExamples: .stored(try texts.list()))
    let location = SourceLocation(file: try texts.string(), line: try reader.int(), column: try reader.int())
    return Rule(
      id: id, language: language, polarity: polarity, category: category, severity: severity, weight: weight,
      boilerplate: boilerplate, message: message, suggestion: suggestion, source: source, lists: lists,
      whenNegated: whenNegated, requiresAddressee: requiresAddressee, regions: regions, location: location,
      traits: traits)
  }
}
