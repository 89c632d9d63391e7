extension LexiconCompiler {
  /// Appends the parsed pattern at `index` to `resolved`, its words replaced by vocabulary
  /// ids (interning them), prefixes by prefix indexes and classes (of `languageClasses`) by
  /// their members; false once an error is reported, at `resolving`'s location.
  mutating func resolve(_ index: Int, into resolved: inout [PatternNode], insideClass: Bool = false) -> Bool {
    let node = parser.nodes[index]
    switch node.kind {
    case .word:
      resolved.append(PatternNode(.test, first: TokenTest.word(vocabularyID(node.first)).raw, end: resolved.count + 1))
    case .prefix:
      resolved.append(PatternNode(.test, first: TokenTest.prefix(prefixIndex(node.first)).raw, end: resolved.count + 1))
    case .tokenKind:
      let kind = TokenKind(rawValue: UInt8(node.first)) ?? .word
      if kind == .number {
        // Templates write the figure as a placeholder (`only {{seats}} left`, « plus que
        // [X] heures »): a number slot takes either.
        let header = resolved.count
        resolved.append(PatternNode(.choice, end: header + 3))
        resolved.append(PatternNode(.test, first: TokenTest.kind(.number).raw, end: header + 2))
        resolved.append(PatternNode(.test, first: TokenTest.kind(.placeholder).raw, end: header + 3))
      } else {
        resolved.append(PatternNode(.test, first: TokenTest.kind(kind).raw, end: resolved.count + 1))
      }
    case .caps: resolved.append(PatternNode(.test, first: TokenTest.caps.raw, end: resolved.count + 1))
    case .shout: resolved.append(PatternNode(.test, first: TokenTest.shout.raw, end: resolved.count + 1))
    case .any, .test: resolved.append(PatternNode(.test, first: TokenTest.any.raw, end: resolved.count + 1))
    case .gap, .slot:
      resolved.append(PatternNode(node.kind, first: node.first, second: node.second, end: resolved.count + 1))
    case .group:
      return resolve(index + 1, into: &resolved, insideClass: insideClass)
    case .optional, .sequence, .choice:
      // A one-item sequence stays a sequence here: it builds, measures and bounds exactly as its item.
      let header = resolved.count
      resolved.append(PatternNode(node.kind, end: header + 1))
      var child = index + 1
      while child < Int(node.end) {
        guard resolve(child, into: &resolved, insideClass: insideClass) else { return false }
        child = Int(parser.nodes[child].end)
      }
      resolved[header].end = Int32(resolved.count)
    case .classReference:
      let name = parser.names[Int(node.first)]
      guard !insideClass else {
        fail(resolving.location, "\(resolving.context): class members cannot use other classes ('@\(name)')")
        return false
      }
      if resolvedClasses[name] == nil {
        guard let members = languageClasses[name] else {
          let known = languageClasses.keys.sorted().map { "@" + $0 }.joined(separator: ", ")
          fail(
            resolving.location,
            "\(resolving.context): unknown class '@\(name)' (known: \(known.isEmpty ? "none" : known))")
          return false
        }
        // A class resolves the same way everywhere in its language: once is enough.
        var nodes: [PatternNode] = []
        if members.count != 1 { nodes.append(PatternNode(.choice, end: 1)) }
        for member in members {
          guard resolve(member, into: &nodes, insideClass: true) else { return false }
        }
        if members.count != 1 { nodes[0].end = Int32(nodes.count) }
        resolvedClasses[name] = nodes
      }
      // Cached with ends counted from the class's first node; shifted to where it lands.
      let base = Int32(resolved.count)
      for var member in resolvedClasses[name] ?? [] {
        member.end += base
        resolved.append(member)
      }
    }
    return true
  }

  /// The vocabulary id of the parser's word `local`, interned the first time it is met.
  private mutating func vocabularyID(_ local: UInt32) -> Int32 {
    let local = Int(local)
    if local >= vocabularyIDs.count {
      vocabularyIDs += [Int32](repeating: 0, count: max(local + 1, parser.words.count + 1) - vocabularyIDs.count)
    }
    if vocabularyIDs[local] == 0 { vocabularyIDs[local] = vocabulary.intern(parser.words.word(Int32(local))) }
    return vocabularyIDs[local]
  }

  /// The prefix index of the parser's word `local`, added the first time it is met.
  private mutating func prefixIndex(_ local: UInt32) -> Int {
    prefixes.add(parser.words.word(Int32(local)))
  }
}

/// Which pattern of which rule is being compiled, for error messages; made into text only
/// when there is an error (most compiles have none, and every pattern has a context).
struct PatternContext: CustomStringConvertible {
  let rule: String
  let pattern: String

  var description: String { "rule '\(rule)', pattern '\(pattern)'" }
}
