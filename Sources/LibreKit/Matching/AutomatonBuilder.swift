/// Compiles many patterns into one automaton over tokens.
///
/// Each pattern becomes a small Thompson NFA; the empty moves are then closed over at build
/// time, so at run time every state has only token-consuming transitions and the first
/// tokens of all patterns are indexed by token id. Matching then steps all live states in
/// lockstep, one token at a time, and never backtracks.
///
/// A state's moves are linked lists threaded through flat arrays: an array per state was an
/// allocation for each of some 25,000 states, and as many releases.
struct AutomatonBuilder {
  /// Per state: its first and last consuming move (-1: none), and its accepted entry.
  private var firstMove: [Int32] = []
  private var lastMove: [Int32] = []
  private var accepting: [Int32] = []
  /// Consuming moves: test, target state, next move of the same state (-1: last).
  private var moveTest: [UInt32] = []
  private var moveTarget: [Int32] = []
  private var moveNext: [Int32] = []
  /// Per state: its first and last empty move; then each empty move's target and next.
  private var firstEmpty: [Int32] = []
  private var lastEmpty: [Int32] = []
  private var emptyTarget: [Int32] = []
  private var emptyNext: [Int32] = []
  private(set) var starts: [(state: Int, entry: Int32)] = []
  private(set) var maximumLength = 0
  /// The longest match of each entry, in tokens (not counting negations stepped over),
  /// negated when every match of the entry has that length.
  private var lengths: [Int] = []

  /// Longest match a pattern may describe, in tokens.
  static let maximumPatternLength = 32

  private var stateCount: Int { accepting.count }

  private mutating func newState() -> Int {
    firstMove.append(-1)
    lastMove.append(-1)
    accepting.append(-1)
    firstEmpty.append(-1)
    lastEmpty.append(-1)
    return accepting.count - 1
  }

  private mutating func addMove(from state: Int, test: UInt32, to target: Int) {
    let move = Int32(moveTest.count)
    moveTest.append(test)
    moveTarget.append(Int32(target))
    moveNext.append(-1)
    if lastMove[state] < 0 { firstMove[state] = move } else { moveNext[Int(lastMove[state])] = move }
    lastMove[state] = move
  }

  private mutating func addEmpty(from state: Int, to target: Int) {
    let move = Int32(emptyTarget.count)
    emptyTarget.append(Int32(target))
    emptyNext.append(-1)
    if lastEmpty[state] < 0 { firstEmpty[state] = move } else { emptyNext[Int(lastEmpty[state])] = move }
    lastEmpty[state] = move
  }

  /// Adds one resolved pattern, the subtree at `root` of `nodes`, whose length bounds are
  /// `bounds`; `entry` is what a match reports.
  mutating func add(_ nodes: [PatternNode], root: Int, bounds: (minimum: Int, maximum: Int), entry: Int32) {
    let start = newState()
    let end = build(nodes, root, from: start)
    accepting[end] = entry
    starts.append((start, entry))
    // A negative length marks a pattern of fixed length (the start search takes a shortcut).
    lengths.append(bounds.minimum == bounds.maximum ? -bounds.maximum : bounds.maximum)
    maximumLength = max(maximumLength, bounds.maximum)
  }

  private mutating func build(_ nodes: [PatternNode], _ index: Int, from state: Int) -> Int {
    let node = nodes[index]
    switch node.kind {
    case .sequence:
      var current = state
      var child = index + 1
      while child < Int(node.end) {
        current = build(nodes, child, from: current)
        child = Int(nodes[child].end)
      }
      return current
    case .choice:
      let end = newState()
      var child = index + 1
      while child < Int(node.end) {
        addEmpty(from: build(nodes, child, from: state), to: end)
        child = Int(nodes[child].end)
      }
      return end
    case .optional:
      let end = build(nodes, index + 1, from: state)
      addEmpty(from: state, to: end)
      return end
    case .gap:
      // The states of steps `low..<high` may leave early: `state`, then the ones made here.
      let low = Int(node.first)
      let high = Int(node.second)
      var current = state
      let firstMade = stateCount
      for _ in 0..<high {
        let next = newState()
        addMove(from: current, test: TokenTest.any.raw, to: next)
        current = next
      }
      for step in low..<max(low, high) { addEmpty(from: step == 0 ? state : firstMade + step - 1, to: current) }
      return current
    default:
      let target = newState()
      addMove(from: state, test: node.first, to: target)
      return target
    }
  }

  /// Closes over the empty moves and lays the automaton out in flat arrays.
  func finish(prefixes: PrefixTable) -> PatternAutomaton {
    let count = stateCount
    // Keep the states a token can lead to, plus the starts; number them densely (in order).
    var number = [Int32](repeating: -1, count: count)
    for start in starts { number[start.state] = 0 }
    for target in moveTarget { number[Int(target)] = 0 }
    var keptCount: Int32 = 0
    for state in 0..<count where number[state] == 0 {
      number[state] = keptCount
      keptCount += 1
    }
    // Only kept states need their closure, laid end to end: kept state k's is
    // `closureMembers[closureStart[k]..<closureStart[k + 1]]`.
    var closureStart: [Int32] = [0]
    closureStart.reserveCapacity(Int(keptCount) + 1)
    var closureMembers: [Int32] = []
    closureMembers.reserveCapacity(Int(keptCount) * 2)
    var seen = [Int32](repeating: -1, count: count)
    var stack: [Int32] = []
    for state in 0..<count where number[state] >= 0 {
      closure(state, into: &closureMembers, seen: &seen, stack: &stack)
      closureStart.append(Int32(closureMembers.count))
    }

    var transitionStart: [Int32] = [0]
    transitionStart.reserveCapacity(Int(keptCount) + 1)
    var tests: [UInt32] = []
    var targets: [Int32] = []
    tests.reserveCapacity(moveTest.count * 2)
    targets.reserveCapacity(moveTest.count * 2)
    var accept = [Int32](repeating: -1, count: Int(keptCount))
    for index in 0..<Int(keptCount) {
      for member in closureMembers[Int(closureStart[index])..<Int(closureStart[index + 1])] {
        var move = firstMove[Int(member)]
        while move >= 0 {
          tests.append(moveTest[Int(move)])
          targets.append(number[Int(moveTarget[Int(move)])])
          move = moveNext[Int(move)]
        }
        if accepting[Int(member)] >= 0 { accept[index] = accepting[Int(member)] }
      }
      transitionStart.append(Int32(tests.count))
    }
    var startIndex = StartIndex(idCount: prefixes.idCount)
    for start in starts {
      let kept = Int(number[start.state])
      for member in closureMembers[Int(closureStart[kept])..<Int(closureStart[kept + 1])] {
        var move = firstMove[Int(member)]
        while move >= 0 {
          startIndex.add(
            test: TokenTest(raw: moveTest[Int(move)]), target: number[Int(moveTarget[Int(move)])], prefixes: prefixes)
          move = moveNext[Int(move)]
        }
      }
    }
    var entryStart = [Int32](repeating: 0, count: starts.count)
    var entryLength = [Int32](repeating: 0, count: starts.count)
    for start in starts {
      entryStart[Int(start.entry)] = number[start.state]
      entryLength[Int(start.entry)] = Int32(lengths[Int(start.entry)])
    }
    return PatternAutomaton(
      transitionStart: transitionStart, tests: tests, targets: targets, accept: accept,
      startIndex: startIndex.finish(), prefixes: prefixes, entryStart: entryStart, entryLength: entryLength)
  }

  /// Appends the states reachable from `state` by empty moves, `state` first, depth first;
  /// `seen` (one slot per state, holding the state last closed over) is reused across calls
  /// instead of a set per call.
  private func closure(_ state: Int, into members: inout [Int32], seen: inout [Int32], stack: inout [Int32]) {
    members.append(Int32(state))
    guard firstEmpty[state] >= 0 else { return }
    let stamp = Int32(state)
    seen[state] = stamp
    stack.append(stamp)
    while let next = stack.popLast() {
      var move = firstEmpty[Int(next)]
      while move >= 0 {
        let target = emptyTarget[Int(move)]
        if seen[Int(target)] != stamp {
          seen[Int(target)] = stamp
          members.append(target)
          stack.append(target)
        }
        move = emptyNext[Int(move)]
      }
    }
  }
}

/// The first transitions of all patterns, indexed by what can start them.
struct StartIndex: Sendable {
  private let idCount: Int
  /// (id, target) in the order added; grouped by id, stably, when finished.
  private var idStarts: [(id: Int32, target: Int32)] = []
  private var byKind: [[Int32]] = Array(repeating: [], count: TokenKind.allCases.count)
  private var caps: [Int32] = []
  private var shout: [Int32] = []
  /// The ids satisfying each prefix met so far.
  private var prefixIDs: [Int: [Int32]] = [:]

  init(idCount: Int) { self.idCount = idCount }

  mutating func add(test: TokenTest, target: Int32, prefixes: PrefixTable) {
    switch test.tag {
    case TokenTest.wordTag: idStarts.append((Int32(test.argument), target))
    case TokenTest.prefixTag:
      let prefix = Int(test.argument)
      if prefixIDs[prefix] == nil { prefixIDs[prefix] = prefixes.ids(satisfying: prefix) }
      for id in prefixIDs[prefix] ?? [] { idStarts.append((id, target)) }
    case TokenTest.kindTag: byKind[Int(test.argument)].append(target)
    case TokenTest.capsTag: caps.append(target)
    case TokenTest.shoutTag: shout.append(target)
    default: break
    }
  }

  /// Flattens the lists into one array with offsets per id and per kind.
  func finish() -> FlatStartIndex {
    var offsets = [Int32](repeating: 0, count: idCount + 1)
    for start in idStarts { offsets[Int(start.id) + 1] += 1 }
    for id in 0..<idCount { offsets[id + 1] += offsets[id] }
    var next = offsets
    var targets = [Int32](repeating: 0, count: idStarts.count)
    for start in idStarts {
      targets[Int(next[Int(start.id)])] = start.target
      next[Int(start.id)] += 1
    }
    return FlatStartIndex(idOffsets: offsets, targets: targets, byKind: byKind, caps: caps, shout: shout)
  }
}

struct FlatStartIndex: Sendable {
  let idOffsets: [Int32]
  let targets: [Int32]
  let byKind: [[Int32]]
  let caps: [Int32]
  let shout: [Int32]
  /// Bit k set when some pattern starts with `<kind k>`.
  let kindMask: UInt8

  init(idOffsets: [Int32], targets: [Int32], byKind: [[Int32]], caps: [Int32], shout: [Int32]) {
    self.idOffsets = idOffsets
    self.targets = targets
    self.byKind = byKind
    self.caps = caps
    self.shout = shout
    var mask: UInt8 = 0
    for (kind, list) in byKind.enumerated() where !list.isEmpty { mask |= 1 << UInt8(kind) }
    kindMask = mask
  }

  @inline(__always)
  func kindStarts(_ kind: TokenKind) -> Bool { kindMask & (1 << kind.rawValue) != 0 }
}
