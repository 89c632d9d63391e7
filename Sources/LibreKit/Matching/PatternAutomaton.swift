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
/// Matching keeps the set of live states (each with the token where its match began) and
/// advances all of them on each token: time is linear in the number of tokens, whatever the
/// patterns, and it never backtracks. Matches never cross a sentence start.
public struct PatternAutomaton: Sendable {
  let transitionStart: [Int32]
  let tests: [UInt32]
  let targets: [Int32]
  let accept: [Int32]
  let startIndex: FlatStartIndex
  let prefixes: PrefixTable

  /// The number of states.
  public var stateCount: Int { accept.count }

  /// Appends every match in `tokens` to `matches`; `scratch` is reused between calls.
  public func match(
    _ tokens: UnsafeBufferPointer<Token>, into matches: inout [RawMatch], scratch: inout MatcherScratch
  ) {
    scratch.prepare(stateCount: stateCount)
    scratch.current.removeAll(keepingCapacity: true)
    let transparent: TokenFlags = [.negator, .negationParticle]
    for position in 0..<tokens.count {
      let token = tokens[position]
      if token.flags.contains(.sentenceStart) { scratch.current.removeAll(keepingCapacity: true) }
      scratch.next.removeAll(keepingCapacity: true)
      scratch.stamp &+= 1
      let here = Int32(position)
      let steppedOver = !token.flags.isDisjoint(with: transparent)
      for thread in scratch.current {
        let low = Int(transitionStart[Int(thread.state)])
        let high = Int(transitionStart[Int(thread.state) + 1])
        var transition = low
        while transition < high {
          if passes(tests[transition], token) {
            advance(to: targets[transition], from: thread.first, negated: thread.negated, at: here, &scratch, &matches)
          }
          transition += 1
        }
        if steppedOver {
          let negated = thread.negated || token.flags.contains(.negator)
          scratch.add(Thread(state: thread.state, first: thread.first, negated: negated))
        }
      }
      let id = Int(token.id)
      if id + 1 < startIndex.idOffsets.count {
        var start = Int(startIndex.idOffsets[id])
        let end = Int(startIndex.idOffsets[id + 1])
        while start < end {
          advance(to: startIndex.targets[start], from: here, negated: false, at: here, &scratch, &matches)
          start += 1
        }
      }
      for target in startIndex.byKind[Int(token.kind.rawValue)] {
        advance(to: target, from: here, negated: false, at: here, &scratch, &matches)
      }
      if token.flags.contains(.allCaps) {
        for target in startIndex.caps { advance(to: target, from: here, negated: false, at: here, &scratch, &matches) }
      }
      if token.flags.contains(.shout) {
        for target in startIndex.shout {
          advance(to: target, from: here, negated: false, at: here, &scratch, &matches)
        }
      }
      swap(&scratch.current, &scratch.next)
    }
  }

  @inline(__always)
  private func advance(
    to state: Int32, from first: Int32, negated: Bool, at position: Int32, _ scratch: inout MatcherScratch,
    _ matches: inout [RawMatch]
  ) {
    guard scratch.add(Thread(state: state, first: first, negated: negated)) else { return }
    let entry = accept[Int(state)]
    if entry >= 0 {
      matches.append(RawMatch(entry: entry, first: first, last: position, negatedInside: negated))
    }
  }

  @inline(__always)
  private func passes(_ raw: UInt32, _ token: Token) -> Bool {
    let argument = raw & 0x0FFF_FFFF
    switch raw >> 28 {
    case TokenTest.wordTag: return token.id == Int32(argument)
    case TokenTest.prefixTag: return prefixes.satisfies(token.id, prefix: argument)
    case TokenTest.kindTag: return token.kind.rawValue == UInt8(argument)
    case TokenTest.capsTag: return token.flags.contains(.allCaps)
    case TokenTest.shoutTag: return token.flags.contains(.shout)
    default: return true
    }
  }
}

/// A live state of the automaton: where it is, and where its match began.
struct Thread: Sendable {
  var state: Int32
  var first: Int32
  var negated: Bool
}

/// Buffers the matcher reuses from one call to the next, so matching allocates nothing.
public struct MatcherScratch: Sendable {
  var current: [Thread] = []
  var next: [Thread] = []
  /// `seen[state * 2 + negated]` = the stamp of the step that last added that thread.
  var seen: [UInt32] = []
  var stamp: UInt32 = 0

  public init() {}

  mutating func prepare(stateCount: Int) {
    if seen.count < stateCount * 2 { seen = [UInt32](repeating: 0, count: stateCount * 2) }
    if stamp > UInt32.max - 1_000_000 {
      stamp = 0
      for index in seen.indices { seen[index] = 0 }
    }
  }

  /// Adds a thread to the next step unless that state (with that negation) is already there;
  /// earlier threads were added first, so the one kept is the leftmost.
  @discardableResult
  @inline(__always)
  mutating func add(_ thread: Thread) -> Bool {
    let slot = Int(thread.state) &* 2 &+ (thread.negated ? 1 : 0)
    if seen[slot] == stamp { return false }
    seen[slot] = stamp
    next.append(thread)
    return true
  }
}
