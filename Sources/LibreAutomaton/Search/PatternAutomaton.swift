/// One match of one pattern entry over a run of tokens.
public struct RawMatch: Sendable, Hashable {
  /// What the pattern was registered as (the compiler maps it back to a rule).
  public var entry: Int32
  /// Index of the first token.
  public var first: Int32
  /// Index of the last token (inclusive).
  public var last: Int32
  /// The match stepped over a negator that is not one of the pattern's own tokens
  /// (`you don't have to` for `@you have to`).
  public var negatedInside: Bool
}

/// All patterns of a language compiled into one automaton over token ids.
///
/// The automaton is a non-deterministic one without empty moves (`AutomatonBuilder`).
/// Matching runs it as a lazily built deterministic automaton: each set of live states is
/// a DFA state, made the first time it is reached and cached, so most tokens cost one
/// table lookup and the time is linear in the number of tokens whatever the patterns.
/// Where a match ends, its start is found by re-running that one pattern over at most
/// its own length. Nothing backtracks, and matches never cross a sentence start.
public struct PatternAutomaton: Sendable {
  package let transitionStart: [Int32]
  package let tests: [UInt32]
  package let targets: [Int32]
  package let accept: [Int32]
  package let startIndex: FlatStartIndex
  package let prefixes: PrefixTable
  /// The start state of each entry, and its longest match in tokens (negative: every match
  /// has that length).
  package let entryStart: [Int32]
  package let entryLength: [Int32]
  /// The number of ids (vocabulary and synthetic, plus 0) the automaton knows.
  package let idCount: Int
  /// Token kinds some test looks at (bit per kind).
  package let usedKinds: UInt8
  /// The symbol's caps (8) and shout (4) bits that tests look at.
  package let emphasisMask: UInt32
  /// Tells the scratch caches of different automata apart.
  package var identity: ObjectIdentifier { ObjectIdentifier(identityToken) }
  /// Per id: bit 0 = some test looks at it, bit 1 = some pattern starts with it. In raw
  /// memory, read once per token on the hot path; shared and never written after init.
  let idInfo: IDInfoTable
  /// Token kinds that start a pattern, and whether caps or shout can.
  let startKinds: UInt8
  let flagsStart: TokenFlags
  /// Per kind and flags (`kind << 4 | flags.symbolIndex`): a token's symbol but for its id.
  package let symbolRests: SymbolRestTable
  /// Where each state's other tests begin: a state's transitions test words first, sorted
  /// by id, then the rest. A state before a word class holds a transition per word, so the
  /// ones a token takes are found by a binary search on its id, not by a test of each.
  package let otherStart: [Int32]

  /// An object only this automaton (and its copies) holds: its identity keys the caches,
  /// with no shared counter to race on when automata are compiled on several threads.
  let identityToken = IdentityToken()

  package init(
    transitionStart: [Int32], tests: [UInt32], targets: [Int32], accept: [Int32], startIndex: FlatStartIndex,
    prefixes: PrefixTable, entryStart: [Int32], entryLength: [Int32]
  ) {
    self.transitionStart = transitionStart
    (self.tests, self.targets, self.otherStart) = PatternAutomaton.wordsFirst(
      transitionStart: transitionStart, tests: tests, targets: targets)
    self.accept = accept
    self.startIndex = startIndex
    self.prefixes = prefixes
    self.entryStart = entryStart
    self.entryLength = entryLength
    var relevant = [Bool](repeating: false, count: prefixes.idCount + 1)
    var kinds: UInt8 = 0
    var caps = false
    var shout = false
    // Each prefix's ids once: listing them scans every id, and a prefix is tested by many
    // transitions.
    var prefixesSeen = Set<UInt32>()
    for raw in tests {
      let test = TokenTest(raw: raw)
      switch test.tag {
      case TokenTest.wordTag: relevant[Int(test.argument)] = true
      case TokenTest.prefixTag:
        guard prefixesSeen.insert(test.argument).inserted else { continue }
        for id in prefixes.ids(satisfying: Int(test.argument)) { relevant[Int(id)] = true }
      case TokenTest.kindTag: kinds |= 1 << UInt8(test.argument)
      case TokenTest.capsTag: caps = true
      case TokenTest.shoutTag: shout = true
      case TokenTest.slotTag: kinds |= TokenTest.kindsOutsideSlots
      default: break
      }
    }
    relevant[0] = false
    idCount = relevant.count
    var info = [UInt8](repeating: 0, count: relevant.count)
    for id in relevant.indices {
      if relevant[id] { info[id] |= 1 }
      if id + 1 < startIndex.idOffsets.count, startIndex.idOffsets[id + 1] > startIndex.idOffsets[id] { info[id] |= 2 }
    }
    idInfo = IDInfoTable(info)
    startKinds = startIndex.kindMask
    var starting: TokenFlags = []
    if !startIndex.caps.isEmpty { starting.insert(.allCaps) }
    if !startIndex.shout.isEmpty { starting.insert(.shout) }
    flagsStart = starting
    usedKinds = kinds
    emphasisMask = (caps ? 8 : 0) | (shout ? 4 : 0)
    var rests = [UInt32](repeating: 0, count: PatternAutomaton.restCount)
    for kind in TokenKind.allCases {
      for index in 0..<TokenFlags.symbolIndexCount {
        let token = Token(start: 0, end: 0, id: 0, kind: kind, flags: TokenFlags(symbolIndex: index))
        rests[Int(kind.rawValue) << 4 | index] = PatternAutomaton.symbol(
          of: token, info: 0, usedKinds: kinds, emphasisMask: emphasisMask)
      }
    }
    symbolRests = SymbolRestTable(rests)
  }

  /// Each state's transitions with its word tests first, sorted by id (a word test's raw
  /// value is its id, below every other tag), and where its other tests begin. The builder's
  /// order and a precompiled image's pass through unchanged but for states not yet in order.
  private static func wordsFirst(
    transitionStart: [Int32], tests: [UInt32], targets: [Int32]
  ) -> (tests: [UInt32], targets: [Int32], otherStart: [Int32]) {
    var tests = tests
    var targets = targets
    var otherStart = [Int32](repeating: 0, count: max(0, transitionStart.count - 1))
    for state in otherStart.indices {
      let range = Int(transitionStart[state])..<Int(transitionStart[state + 1])
      var inOrder = true
      var transition = range.lowerBound + 1
      while transition < range.upperBound && inOrder {
        inOrder = tests[transition - 1] <= tests[transition]
        transition += 1
      }
      if !inOrder {
        let sorted = range.map { (tests[$0], targets[$0]) }.sorted { $0.0 < $1.0 }
        for (offset, transition) in sorted.enumerated() {
          tests[range.lowerBound + offset] = transition.0
          targets[range.lowerBound + offset] = transition.1
        }
      }
      var other = range.lowerBound
      while other < range.upperBound && tests[other] >> 28 == TokenTest.wordTag { other += 1 }
      otherStart[state] = Int32(other)
    }
    return (tests, targets, otherStart)
  }

  /// Calls `body` with each transition of `state` that `token` passes: its word tests by a
  /// binary search on the id, then its other tests one by one.
  @inline(__always)
  func forEachPassing(_ state: Int, _ token: Token, _ body: (Int) -> Void) {
    let wordsEnd = Int(otherStart[state])
    var transition = firstWord(token.id, from: Int(transitionStart[state]), to: wordsEnd)
    while transition < wordsEnd && tests[transition] == UInt32(bitPattern: token.id) {
      body(transition)
      transition += 1
    }
    for other in wordsEnd..<Int(transitionStart[state + 1]) where passes(tests[other], token) { body(other) }
  }

  /// The first word transition in `lower..<upper` (sorted by id) that tests `id` or a larger one.
  @inline(__always)
  func firstWord(_ id: Int32, from lower: Int, to upper: Int) -> Int {
    var lower = lower
    var upper = upper
    let wanted = UInt32(bitPattern: id)
    while lower < upper {
      let middle = (lower + upper) >> 1
      if tests[middle] < wanted { lower = middle + 1 } else { upper = middle }
    }
    return lower
  }

  /// The number of states.
  public var stateCount: Int { accept.count }

  /// What an automaton with these `usedKinds` and `emphasisMask` can tell apart about a
  /// token whose `idInfo` is `info`, packed: the id if a test looks at it, the kind if a
  /// test looks at kinds, caps and shout if tests look at them, and whether it is a
  /// negator (2) or a negation particle (1). Tokens with the same symbol take the same
  /// transitions. In arithmetic rather than branches (the flags of tokens come at random);
  /// the matcher reads all but the id's part from `symbolRests`, built from this.
  package static func symbol(of token: Token, info: UInt8, usedKinds: UInt8, emphasisMask: UInt32) -> UInt32 {
    let kind = UInt32(token.kind.rawValue)
    let flags = UInt32(token.flags.rawValue)
    // All ones where the part counts, else zero.
    let idPart = UInt32(bitPattern: token.id) << 8 & (0 &- UInt32(info & 1))
    let kindPart = (kind &+ 1) << 4 & (0 &- (UInt32(usedKinds) >> kind & 1))
    let negator = flags >> PatternAutomaton.negatorBit & 1
    let particle = flags >> PatternAutomaton.particleBit & 1 & ~negator
    let caps = flags >> PatternAutomaton.allCapsBit & 1
    let shout = flags >> PatternAutomaton.shoutBit & 1
    return idPart | kindPart | (caps << 3 | shout << 2) & emphasisMask | negator << 1 | particle
  }

  /// A token's symbol through `symbolRests`: the id's part, and the rest by kind and the
  /// four flags it reads, in one load where the arithmetic took some twenty instructions.
  @inline(__always)
  package func symbol(of token: Token, info: UInt8, rests: UnsafePointer<UInt32>) -> UInt32 {
    let idPart = UInt32(bitPattern: token.id) << 8 & (0 &- UInt32(info & 1))
    return idPart | rests[Int(token.kind.rawValue) << 4 | token.flags.symbolIndex]
  }

  /// Entries of `symbolRests`: 16 per kind, for the eight kinds a kind's three bits allow.
  static let restCount = 8 << 4

  /// Where the flags a symbol reads sit in `TokenFlags`.
  static let negatorBit = UInt32(TokenFlags.negator.rawValue.trailingZeroBitCount)
  static let particleBit = UInt32(TokenFlags.negationParticle.rawValue.trailingZeroBitCount)
  static let allCapsBit = UInt32(TokenFlags.allCaps.rawValue.trailingZeroBitCount)
  static let shoutBit = UInt32(TokenFlags.shout.rawValue.trailingZeroBitCount)

  /// Appends every match in `tokens` to `matches`; `scratch` is reused between calls.
  public func match(
    _ tokens: UnsafeBufferPointer<Token>, into matches: inout [RawMatch], scratch: MatcherScratch
  ) {
    match(tokens, into: &matches, scratch: scratch, deferring: [])
  }

  /// As `match`, but a match of an entry `deferring` marks gets no start: its `first` is
  /// `-(first token of its sentence) - 1`, for `start(of:)` to fill in if it is ever needed
  /// (an `unless` exception's start matters only next to a match of its rule).
  package func match(
    _ tokens: UnsafeBufferPointer<Token>, into matches: inout [RawMatch], scratch: MatcherScratch,
    deferring: [Bool]
  ) {
    let cache = scratch.cache(for: self)
    let rests = symbolRests.pointer
    var state: Int32 = 0
    var sentenceFirst = 0
    for position in 0..<tokens.count {
      let token = tokens[position]
      if token.flags.contains(.sentenceStart) {
        state = 0
        sentenceFirst = position
      }
      // From no live state, a token no pattern starts with leads nowhere: no lookup.
      let info = idInfo[token.id]
      if state == 0 && info & 2 == 0 && startKinds & (1 << token.kind.rawValue) == 0
        && token.flags.isDisjoint(with: flagsStart)
      {
        continue
      }
      let symbol = symbol(of: token, info: info, rests: rests)
      state = cache.next(from: state, symbol: symbol, token: token, automaton: self)
      guard cache.hasAccepts(state) else { continue }
      for accepted in cache.accepts(of: state) {
        let entry = Int32(accepted >> 1)
        let negated = accepted & 1 == 1
        if Int(entry) < deferring.count && deferring[Int(entry)] {
          matches.append(
            RawMatch(entry: entry, first: -Int32(sentenceFirst) - 1, last: Int32(position), negatedInside: negated))
          continue
        }
        let first = leftmostStart(
          entry: entry, negated: negated, end: position, floor: sentenceFirst, tokens, scratch: cache.anchor)
        matches.append(RawMatch(entry: entry, first: Int32(first), last: Int32(position), negatedInside: negated))
      }
    }
  }

  // MARK: Stepping sets of states

  /// Advances the packed threads (`state << 1 | negated`) over `token`: transitions that
  /// pass, negators and particles stepped over (accepting nothing), and (with `starting`)
  /// the patterns the token can start. Accepting transitions go to `accepts` as
  /// `entry << 1 | negated`.
  package func step(
    _ threads: [UInt32], over token: Token, starting: Bool, into next: inout [UInt32], accepts: inout [UInt32]
  ) {
    let carries = !token.flags.isDisjoint(with: [.negator, .negationParticle])
    let carriedNegation: UInt32 = token.flags.contains(.negator) ? 1 : 0
    for thread in threads {
      let state = Int(thread >> 1)
      let negated = thread & 1
      forEachPassing(state, token) { transition in
        let target = UInt32(targets[transition])
        next.append(target << 1 | negated)
        let entry = accept[Int(target)]
        if entry >= 0 { accepts.append(UInt32(entry) << 1 | negated) }
      }
      if carries { next.append(UInt32(state) << 1 | (carriedNegation | negated)) }
    }
    guard starting else { return }
    let id = Int(token.id)
    if id + 1 < startIndex.idOffsets.count {
      start(startIndex.targets[Int(startIndex.idOffsets[id])..<Int(startIndex.idOffsets[id + 1])], &next, &accepts)
    }
    start(startIndex.byKind[Int(token.kind.rawValue)][...], &next, &accepts)
    if token.flags.contains(.allCaps) { start(startIndex.caps[...], &next, &accepts) }
    if token.flags.contains(.shout) { start(startIndex.shout[...], &next, &accepts) }
  }

  /// Adds the threads of patterns starting at `targets` (not negated).
  @inline(__always)
  private func start(_ targets: ArraySlice<Int32>, _ next: inout [UInt32], _ accepts: inout [UInt32]) {
    for target in targets {
      next.append(UInt32(target) << 1)
      let entry = accept[Int(target)]
      if entry >= 0 { accepts.append(UInt32(entry) << 1) }
    }
  }

  /// Whether a transition of one of `threads` tests for this id (as a word or a prefix).
  func threadsTest(_ id: Int32, _ threads: [UInt32]) -> Bool {
    for thread in threads {
      let state = Int(thread >> 1)
      let wordsEnd = Int(otherStart[state])
      let word = firstWord(id, from: Int(transitionStart[state]), to: wordsEnd)
      if word < wordsEnd && tests[word] == UInt32(bitPattern: id) { return true }
      for other in wordsEnd..<Int(transitionStart[state + 1]) {
        let test = TokenTest(raw: tests[other])
        if test.tag == TokenTest.prefixTag && prefixes.satisfies(id, prefix: test.argument) { return true }
      }
    }
    return false
  }

  /// Whether some pattern starts with a word of this id.
  @inline(__always)
  func startsPattern(_ id: Int32) -> Bool { idInfo[id] & 2 != 0 }

  /// The ids `threads` name (see `DFACache`): bit `id & 255` (over four words) per word a
  /// transition tests, every bit when one tests a prefix; and whether a word they do not
  /// name leaves them all behind (every transition tests a word).
  func namedIDs(of threads: [UInt32]) -> (ids: SIMD4<UInt64>, dropsUnnamed: Bool) {
    // Four words in registers: an array here was an allocation per DFA state built.
    var filter = SIMD4<UInt64>(repeating: 0)
    var drops = true
    for thread in threads {
      let state = Int(thread >> 1)
      for transition in Int(transitionStart[state])..<Int(transitionStart[state + 1]) {
        let test = TokenTest(raw: tests[transition])
        switch test.tag {
        case TokenTest.wordTag:
          let bit = DFACache.filterBit(of: test.argument)
          filter[bit.word] |= bit.mask
        case TokenTest.prefixTag:
          filter = SIMD4(repeating: ~0)
          drops = false
        default:
          drops = false
        }
      }
    }
    return (filter, drops)
  }

  /// The first token of a match `match(deferring:)` left without one.
  package func start(of match: RawMatch, _ tokens: UnsafeBufferPointer<Token>, scratch: MatcherScratch) -> Int32 {
    guard match.first < 0 else { return match.first }
    let floor = Int(-match.first - 1)
    return Int32(
      leftmostStart(
        entry: match.entry, negated: match.negatedInside, end: Int(match.last), floor: floor, tokens,
        scratch: scratch.cache(for: self).anchor))
  }

  /// The first token of the leftmost match of `entry` ending at `end` with this negation:
  /// the pattern alone is re-run from each candidate start, at most its length back.
  private func leftmostStart(
    entry: Int32, negated: Bool, end: Int, floor: Int, _ tokens: UnsafeBufferPointer<Token>,
    scratch: AnchorScratch
  ) -> Int {
    let transparent: TokenFlags = [.negator, .negationParticle]
    let length = Int(entryLength[Int(entry)])
    if length < 0 && !negated && end + length + 1 >= floor {
      // A fixed-length pattern with no negation stepped over starts exactly `length` back.
      let first = end + length + 1
      if (first...end).allSatisfy({ tokens[$0].flags.isDisjoint(with: transparent) }) { return first }
    }
    var low = end
    var counted = tokens[end].flags.isDisjoint(with: transparent) ? 1 : 0
    while low > floor && counted < abs(length) {
      low -= 1
      if tokens[low].flags.isDisjoint(with: transparent) { counted += 1 }
    }
    // One pass over the window, as a Pike machine for this pattern alone: each live state
    // keeps the earliest token its match began on, so the first accept is the leftmost.
    // The thread lists are raw buffers in locals (no closure, no uniqueness check per add).
    let wanted = UInt32(entry) << 1 | (negated ? 1 : 0)
    let startState = Int(entryStart[Int(entry)])
    var current = scratch.current
    var next = scratch.next
    defer {
      scratch.current = current
      scratch.next = next
    }
    current.count = 0
    for position in low...end {
      next.count = 0
      let token = tokens[position]
      let isLast = position == end
      var acceptedFirst: Int32 = -1
      let carries = !token.flags.isDisjoint(with: transparent)
      let carriedNegation: UInt32 = token.flags.contains(.negator) ? 1 : 0
      for index in 0..<current.count {
        let thread = current.threads[index]
        let first = current.firsts[index]
        let state = Int(thread >> 1)
        let negation = thread & 1
        forEachPassing(state, token) { transition in
          let target = UInt32(targets[transition])
          next.add(target << 1 | negation, first: first, partner: &current)
          if isLast && acceptedFirst < 0 {
            let accepted = accept[Int(target)]
            if accepted >= 0 && UInt32(accepted) << 1 | negation == wanted { acceptedFirst = first }
          }
        }
        // A negator or particle is stepped over (accepting nothing).
        if carries { next.add(UInt32(state) << 1 | (carriedNegation | negation), first: first, partner: &current) }
      }
      // A new match may begin here (on a token it reads, never on a skipped negator).
      forEachPassing(startState, token) { transition in
        let target = UInt32(targets[transition])
        next.add(target << 1, first: Int32(position), partner: &current)
        if isLast, acceptedFirst < 0, accept[Int(target)] >= 0, UInt32(accept[Int(target)]) << 1 == wanted {
          acceptedFirst = Int32(position)
        }
      }
      if isLast && acceptedFirst >= 0 { return Int(acceptedFirst) }
      swap(&current, &next)
    }
    return end
  }

  @inline(__always)
  package func passes(_ raw: UInt32, _ token: Token) -> Bool {
    let argument = raw & 0x0FFF_FFFF
    switch raw >> 28 {
    case TokenTest.wordTag: return token.id == Int32(argument)
    case TokenTest.prefixTag: return prefixes.satisfies(token.id, prefix: argument)
    case TokenTest.kindTag: return token.kind.rawValue == UInt8(argument)
    case TokenTest.capsTag: return token.flags.contains(.allCaps)
    case TokenTest.shoutTag: return token.flags.contains(.shout)
    case TokenTest.slotTag: return TokenTest.kindsOutsideSlots >> token.kind.rawValue & 1 == 0
    default: return true
    }
  }
}

/// Marks one automaton; see `PatternAutomaton.identityToken`.
package final class IdentityToken: Sendable {}
