/// Compiles many patterns into one automaton over tokens.
///
/// Each pattern becomes a small Thompson NFA; the empty moves are then closed over at build
/// time, so at run time every state has only token-consuming transitions and the first
/// tokens of all patterns are indexed by token id. Matching then steps all live states in
/// lockstep, one token at a time, and never backtracks.
///
/// A state's moves are linked lists threaded through flat arrays: an array per state was an
/// allocation for each of some 25,000 states, and as many releases.
package struct AutomatonBuilder {
  private struct State {
    /// The first and last of its consuming moves, and of its empty moves (-1: none).
    var firstMove: Int32 = -1
    var lastMove: Int32 = -1
    var firstEmpty: Int32 = -1
    var lastEmpty: Int32 = -1
    /// The entry it accepts (-1: none).
    var accepting: Int32 = -1
  }

  /// A move to `target`, and the next move of the same state (-1: none).
  private struct Move {
    var test: UInt32
    var target: Int32
    var next: Int32 = -1
  }

  private var states: [State] = []
  private var moves: [Move] = []
  /// Empty moves (their `test` unused).
  private var empties: [Move] = []
  package private(set) var starts: [(state: Int, entry: Int32)] = []
  /// The longest match of each entry, in tokens (not counting negations stepped over),
  /// negated when every match of the entry has that length.
  private var lengths: [Int] = []

  /// Longest match a pattern may describe, in tokens.
  package static let maximumPatternLength = 32
  /// Marks the tokenizer reads as punctuation that still belong in a noun phrase: prices.
  package static let priceMarks = ["$", "€", "£", "%"]
  /// Word tests for `priceMarks`: a step of a noun-phrase slot takes them too.
  private let priceMarkTests: [UInt32]

  /// A builder whose noun-phrase slots also read the words `priceMarks` tests for.
  package init(priceMarks: [UInt32] = []) { priceMarkTests = priceMarks }

  private mutating func newState() -> Int {
    states.append(State())
    return states.count - 1
  }

  private mutating func addMove(from state: Int, test: UInt32, to target: Int) {
    let move = Int32(moves.count)
    moves.append(Move(test: test, target: Int32(target)))
    let last = states[state].lastMove
    if last < 0 { states[state].firstMove = move } else { moves[Int(last)].next = move }
    states[state].lastMove = move
  }

  private mutating func addEmpty(from state: Int, to target: Int) {
    let move = Int32(empties.count)
    empties.append(Move(test: 0, target: Int32(target)))
    let last = states[state].lastEmpty
    if last < 0 { states[state].firstEmpty = move } else { empties[Int(last)].next = move }
    states[state].lastEmpty = move
  }

  /// Adds one resolved pattern, the subtree at `root` of `nodes`, whose length bounds are
  /// `bounds`; `entry` is what a match reports.
  package mutating func add(_ nodes: [PatternNode], root: Int, bounds: (minimum: Int, maximum: Int), entry: Int32) {
    let start = newState()
    let end = nodes.withUnsafeBufferPointer { build($0, root, from: start) }
    states[end].accepting = entry
    starts.append((start, entry))
    // A negative length marks a pattern of fixed length (the start search takes a shortcut).
    lengths.append(bounds.minimum == bounds.maximum ? -bounds.maximum : bounds.maximum)
  }

  /// Builds the subtree at `index` from `state`; returns its end state. The nodes come as
  /// a pointer: an array passed down the recursion was retained at every node.
  private mutating func build(_ nodes: UnsafeBufferPointer<PatternNode>, _ index: Int, from state: Int) -> Int {
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
    case .gap, .slot:
      // The states of steps `low..<high` may leave early: `state`, then the ones made here.
      // A slot is a gap whose steps read only noun-phrase tokens.
      let low = Int(node.first)
      let high = Int(node.second)
      let test = node.kind == .slot ? TokenTest.slot.raw : TokenTest.any.raw
      var current = state
      let firstMade = states.count
      for _ in 0..<high {
        let next = newState()
        addMove(from: current, test: test, to: next)
        if node.kind == .slot {
          for mark in priceMarkTests { addMove(from: current, test: mark, to: next) }
        }
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
  package func finish(prefixes: PrefixTable) -> PatternAutomaton {
    states.withUnsafeBufferPointer { states in
      moves.withUnsafeBufferPointer { moves in
        empties.withUnsafeBufferPointer { empties in
          Layout(states: states, moves: moves, empties: empties).automaton(
            starts: starts, lengths: lengths, prefixes: prefixes)
        }
      }
    }
  }

  /// The builder's tables, read through pointers while the automaton is laid out.
  private struct Layout {
    let states: UnsafeBufferPointer<State>
    let moves: UnsafeBufferPointer<Move>
    let empties: UnsafeBufferPointer<Move>

    func automaton(starts: [(state: Int, entry: Int32)], lengths: [Int], prefixes: PrefixTable) -> PatternAutomaton {
      let count = states.count
      // Keep the states a token can lead to, plus the starts; number them densely (in order).
      var number = [Int32](repeating: -1, count: count)
      for start in starts { number[start.state] = 0 }
      for move in moves { number[Int(move.target)] = 0 }
      var kept: [Int32] = []
      kept.reserveCapacity(count)
      for state in 0..<count where number[state] == 0 {
        number[state] = Int32(kept.count)
        kept.append(Int32(state))
      }
      // Only kept states need their closure, laid end to end: kept state k's is
      // `members[closureStart[k]..<closureStart[k + 1]]`.
      var closureStart = [Int32](repeating: 0, count: kept.count + 1)
      var members: [Int32] = []
      members.reserveCapacity(kept.count + empties.count)
      var seen = [Int32](repeating: -1, count: count)
      var stack: [Int32] = []
      for (index, state) in kept.enumerated() {
        closure(Int(state), into: &members, seen: &seen, stack: &stack)
        closureStart[index + 1] = Int32(members.count)
      }

      // Each kept state has the moves of its closure's members: counted first, so the
      // tests and targets are written in place rather than appended one by one.
      var degree = [Int32](repeating: 0, count: count)
      for state in 0..<count {
        var move = states[state].firstMove
        while move >= 0 {
          degree[state] += 1
          move = moves[Int(move)].next
        }
      }
      var transitionStart = [Int32](repeating: 0, count: kept.count + 1)
      var accept = [Int32](repeating: -1, count: kept.count)
      var total: Int32 = 0
      for index in 0..<kept.count {
        for position in Int(closureStart[index])..<Int(closureStart[index + 1]) {
          let member = members[position]
          total += degree[Int(member)]
          let accepting = states[Int(member)].accepting
          if accepting >= 0 { accept[index] = accepting }
        }
        transitionStart[index + 1] = total
      }
      let tests = [UInt32](unsafeUninitializedCapacity: Int(total)) { buffer, initialized in
        for member in members {
          var move = states[Int(member)].firstMove
          while move >= 0 {
            buffer[initialized] = moves[Int(move)].test
            initialized += 1
            move = moves[Int(move)].next
          }
        }
      }
      let targets = [Int32](unsafeUninitializedCapacity: Int(total)) { buffer, initialized in
        for member in members {
          var move = states[Int(member)].firstMove
          while move >= 0 {
            buffer[initialized] = number[Int(moves[Int(move)].target)]
            initialized += 1
            move = moves[Int(move)].next
          }
        }
      }

      var startIndex = StartIndex(idCount: prefixes.idCount)
      for start in starts {
        let kept = Int(number[start.state])
        for position in Int(closureStart[kept])..<Int(closureStart[kept + 1]) {
          let member = members[position]
          var move = states[Int(member)].firstMove
          while move >= 0 {
            startIndex.add(
              test: TokenTest(raw: moves[Int(move)].test), target: number[Int(moves[Int(move)].target)],
              prefixes: prefixes)
            move = moves[Int(move)].next
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
    /// `seen` (one slot per state, holding the state last closed over) is reused across
    /// calls instead of a set per call.
    private func closure(_ state: Int, into members: inout [Int32], seen: inout [Int32], stack: inout [Int32]) {
      members.append(Int32(state))
      guard states[state].firstEmpty >= 0 else { return }
      let stamp = Int32(state)
      seen[state] = stamp
      stack.append(stamp)
      while let next = stack.popLast() {
        var move = states[Int(next)].firstEmpty
        while move >= 0 {
          let target = empties[Int(move)].target
          if seen[Int(target)] != stamp {
            seen[Int(target)] = stamp
            members.append(target)
            stack.append(target)
          }
          move = empties[Int(move)].next
        }
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

  package init(idCount: Int) { self.idCount = idCount }

  package mutating func add(test: TokenTest, target: Int32, prefixes: PrefixTable) {
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
  package func finish() -> FlatStartIndex {
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
