/// Turns raw automaton matches into findings: exceptions, negation, the subject check,
/// then one finding per rule where matches of it overlap.
struct PhraseRules {
  /// How many tokens before a match a negator still negates it (in the same clause).
  static let negationReach = 4
  /// How many tokens before a match the subject check looks for a pronoun.
  static let subjectReach = 5

  /// The compiled rules, and per rule the rule a negated match becomes (or -1): the two
  /// parts of `CompiledLexicons` read here, held apart so that a text does not copy the
  /// whole (ten references to retain and release).
  let rules: [Rule]
  let negationTargets: [Int]
  let tables: LanguageTables

  /// `matches` may leave the starts of exceptions unknown (`PatternAutomaton.match(deferring:)`):
  /// they are found with `scratch` when a match of their rule ends near them.
  func findings(
    tokens: UnsafeBufferPointer<Token>, matches: [RawMatch], sentences: SentenceStarts, scratch: MatcherScratch
  ) -> [Finding] {
    // Exceptions sorted by rule: a flat list searched by rule costs less than a dictionary
    // of lists (the full lexicons match an exception every few lines).
    var exceptions: [(rule: Int, match: RawMatch)] = []
    var candidates: [(rule: Int, match: RawMatch, from: Int)] = []
    swap(&exceptions, &scratch.exceptionBuffer)
    swap(&candidates, &scratch.candidateBuffer)
    defer {
      exceptions.removeAll(keepingCapacity: true)
      candidates.removeAll(keepingCapacity: true)
      swap(&exceptions, &scratch.exceptionBuffer)
      swap(&candidates, &scratch.candidateBuffer)
    }
    for match in matches where tables.entries[Int(match.entry)].isException {
      exceptions.append((tables.entries[Int(match.entry)].rule, match))
    }
    exceptions.sort { $0.rule < $1.rule }
    // `from`: the rule a negated match came from, or -1 (an index keeps the sort free of
    // reference counting).
    for match in matches {
      let entry = tables.entries[Int(match.entry)]
      if entry.isException { continue }
      if !exceptions.isEmpty && excepted(match, rule: entry.rule, by: &exceptions, tokens, scratch) { continue }
      let rule = rules[entry.rule]
      if rule.requiresAddressee && !addressesReader(before: Int(match.first), tokens: tokens) { continue }
      guard negated(match, tokens: tokens) else {
        candidates.append((entry.rule, match, -1))
        continue
      }
      switch rule.whenNegated {
      case .drop: continue
      case .keep: candidates.append((entry.rule, match, -1))
      case .becomes:
        let target = negationTargets[entry.rule]
        if target >= 0 { candidates.append((target, match, entry.rule)) }
      }
    }
    // One finding per rule per overlapping run: the earliest start, then the longest.
    candidates.sort { ($0.rule, $0.match.first, -$0.match.last) < ($1.rule, $1.match.first, -$1.match.last) }
    // Counted before they are made: overlapping runs leave a fraction of the candidates,
    // and an array sized for all of them held several times the findings' memory.
    var lastRule = -1
    var lastEnd: Int32 = -1
    var kept = 0
    for candidate in candidates where !(candidate.rule == lastRule && candidate.match.first <= lastEnd) {
      lastRule = candidate.rule
      lastEnd = candidate.match.last
      kept += 1
    }
    var findings: [Finding] = []
    findings.reserveCapacity(kept)
    lastRule = -1
    lastEnd = -1
    for candidate in candidates {
      if candidate.rule == lastRule && candidate.match.first <= lastEnd { continue }
      lastRule = candidate.rule
      lastEnd = candidate.match.last
      let first = tokens[Int(candidate.match.first)]
      let last = tokens[Int(candidate.match.last)]
      findings.append(
        Finding(
          rule: rules[candidate.rule], start: Int(first.start), end: Int(last.end),
          sentence: sentences.sentence(of: candidate.match.first),
          negatedFrom: candidate.from >= 0 ? rules[candidate.from].id : nil))
    }
    Finding.sortForReport(&findings)
    return findings
  }

  /// Whether an exception of `rule` overlaps `match` (`exceptions` sorted by rule). An
  /// exception's start is found only once it ends inside or after `match`, and kept.
  private func excepted(
    _ match: RawMatch, rule: Int, by exceptions: inout [(rule: Int, match: RawMatch)],
    _ tokens: UnsafeBufferPointer<Token>, _ scratch: MatcherScratch
  ) -> Bool {
    var lower = 0
    var upper = exceptions.count
    while lower < upper {
      let middle = (lower + upper) >> 1
      if exceptions[middle].rule < rule { lower = middle + 1 } else { upper = middle }
    }
    while lower < exceptions.count && exceptions[lower].rule == rule {
      let exception = exceptions[lower].match
      if match.first <= exception.last {
        let first = tables.automaton.start(of: exception, tokens, scratch: scratch)
        exceptions[lower].match.first = first
        if first <= match.last { return true }
      }
      lower += 1
    }
    return false
  }

  /// A negator stepped over inside the match, one shortly before it in the same clause, or
  /// one right after it (`you need not`, `vous ne devez rien`: with a particle, two tokens on).
  private func negated(_ match: RawMatch, tokens: UnsafeBufferPointer<Token>) -> Bool {
    if match.negatedInside { return true }
    let particleFrom = max(0, Int(match.first) - 1)
    let hasParticle = tokens[particleFrom...Int(match.last)].contains { $0.flags.contains(.negationParticle) }
    var after = Int(match.last) + 1
    while after < tokens.count && after <= Int(match.last) + (hasParticle ? 2 : 1) {
      let token = tokens[after]
      if token.flags.contains(.clauseStart) || token.kind == .punctuation || token.flags.contains(.scopeBreaker) {
        break
      }
      if token.flags.contains(.negator) { return true }
      after += 1
    }
    var index = Int(match.first)
    var steps = 0
    while index > 0 && steps < PhraseRules.negationReach {
      if tokens[index].flags.contains(.clauseStart) { return false }
      index -= 1
      steps += 1
      let token = tokens[index]
      if token.flags.contains(.scopeBreaker) || token.kind == .punctuation { return false }
      if token.flags.contains(.negator) { return true }
    }
    return false
  }

  /// The nearest subject pronoun at or before `first`, in its clause, is second person (or
  /// there is none: an imperative addresses the reader too).
  private func addressesReader(before first: Int, tokens: UnsafeBufferPointer<Token>) -> Bool {
    var index = first
    var steps = 0
    while index >= 0 && steps <= PhraseRules.subjectReach {
      let role = tables.role(tokens[index].id)
      if role.contains(.secondPerson) { return true }
      if role.contains(.firstPerson) || role.contains(.thirdPerson) { return false }
      if tokens[index].flags.contains(.clauseStart) { break }
      index -= 1
      steps += 1
    }
    return true
  }
}
