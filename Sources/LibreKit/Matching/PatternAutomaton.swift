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
    _ tokens: UnsafeBufferPointer<Token>, into matches: inout [RawMatch], scratch: MatcherScratch
  ) {
    scratch.prepare(stateCount: stateCount)
    let transparent: TokenFlags = [.negator, .negationParticle]
    let startFlags: TokenFlags = [.allCaps, .shout]
    transitionStart.withUnsafeBufferPointer { transitionStart in
      tests.withUnsafeBufferPointer { tests in
        targets.withUnsafeBufferPointer { targets in
          startIndex.idOffsets.withUnsafeBufferPointer { idOffsets in
            startIndex.targets.withUnsafeBufferPointer { startTargets in
              var live = 0
              for position in 0..<tokens.count {
                let token = tokens[position]
                if token.flags.contains(.sentenceStart) { live = 0 }
                let id = Int(token.id)
                let starts = id + 1 < idOffsets.count ? Int(idOffsets[id + 1] - idOffsets[id]) : 0
                // Most tokens start nothing and continue nothing: one test each.
                if live == 0 && starts == 0 && !startIndex.kindStarts(token.kind)
                  && token.flags.isDisjoint(with: startFlags)
                {
                  continue
                }
                scratch.beginStep()
                let here = Int32(position)
                let steppedOver = !token.flags.isDisjoint(with: transparent)
                for index in 0..<live {
                  let thread = scratch.current[index]
                  var transition = Int(transitionStart[Int(thread.state)])
                  let high = Int(transitionStart[Int(thread.state) + 1])
                  while transition < high {
                    if passes(tests[transition], token) {
                      advance(to: targets[transition], from: thread.first, negated: thread.negated, at: here, scratch, &matches)
                    }
                    transition += 1
                  }
                  if steppedOver {
                    let negated = thread.negated || token.flags.contains(.negator)
                    scratch.add(Thread(state: thread.state, first: thread.first, negated: negated))
                  }
                }
                if starts > 0 {
                  for start in Int(idOffsets[id])..<Int(idOffsets[id + 1]) {
                    advance(to: startTargets[start], from: here, negated: false, at: here, scratch, &matches)
                  }
                }
                if startIndex.kindStarts(token.kind) {
                  for target in startIndex.byKind[Int(token.kind.rawValue)] {
                    advance(to: target, from: here, negated: false, at: here, scratch, &matches)
                  }
                }
                if token.flags.contains(.allCaps) {
                  for target in startIndex.caps { advance(to: target, from: here, negated: false, at: here, scratch, &matches) }
                }
                if token.flags.contains(.shout) {
                  for target in startIndex.shout {
                    advance(to: target, from: here, negated: false, at: here, scratch, &matches)
                  }
                }
                live = scratch.endStep()
              }
            }
          }
        }
      }
    }
  }

  @inline(__always)
  private func advance(
    to state: Int32, from first: Int32, negated: Bool, at position: Int32, _ scratch: MatcherScratch,
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
/// One per thread: it is not shared.
public final class MatcherScratch {
  /// Threads of the current step, and those being built for the next.
  fileprivate(set) var current: UnsafeMutablePointer<Thread>
  private var next: UnsafeMutablePointer<Thread>
  private var nextCount = 0
  private var capacity = 0
  /// `seen[state * 2 + negated]` = the stamp of the step that last added that thread.
  private var seen: UnsafeMutablePointer<UInt32>
  private var stamp: UInt32 = 0

  public init() {
    current = .allocate(capacity: 1)
    next = .allocate(capacity: 1)
    seen = .allocate(capacity: 1)
  }

  deinit {
    current.deallocate()
    next.deallocate()
    seen.deallocate()
  }

  func prepare(stateCount: Int) {
    if capacity < stateCount * 2 {
      current.deallocate()
      next.deallocate()
      seen.deallocate()
      capacity = stateCount * 2
      current = .allocate(capacity: capacity)
      next = .allocate(capacity: capacity)
      seen = .allocate(capacity: capacity)
      seen.initialize(repeating: 0, count: capacity)
      stamp = 0
    }
  }

  @inline(__always)
  func beginStep() {
    nextCount = 0
    stamp &+= 1
    if stamp == 0 {
      seen.update(repeating: 0, count: capacity)
      stamp = 1
    }
  }

  /// Makes the threads built in this step current; returns how many there are.
  @inline(__always)
  func endStep() -> Int {
    swap(&current, &next)
    return nextCount
  }

  /// Adds a thread to the next step unless that state (with that negation) is already there;
  /// earlier threads were added first, so the one kept is the leftmost.
  @discardableResult
  @inline(__always)
  func add(_ thread: Thread) -> Bool {
    let slot = Int(thread.state) &* 2 &+ (thread.negated ? 1 : 0)
    if seen[slot] == stamp { return false }
    seen[slot] = stamp
    next[nextCount] = thread
    nextCount &+= 1
    return true
  }
}
