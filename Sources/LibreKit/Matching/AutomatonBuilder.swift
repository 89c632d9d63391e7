/// Compiles many patterns into one automaton over tokens.
///
/// Each pattern becomes a small Thompson NFA; the empty moves are then closed over at build
/// time, so at run time every state has only token-consuming transitions and the first
/// tokens of all patterns are indexed by token id. Matching then steps all live states in
/// lockstep, one token at a time, and never backtracks.
struct AutomatonBuilder {
  private var consuming: [[(test: TokenTest, target: Int)]] = []
  private var empty: [[Int]] = []
  private var accepting: [Int32] = []
  private(set) var starts: [(state: Int, entry: Int32)] = []
  private(set) var maximumLength = 0
  /// The longest match of each entry, in tokens (not counting negations stepped over),
  /// negated when every match of the entry has that length.
  private var lengths: [Int] = []

  /// Longest match a pattern may describe, in tokens.
  static let maximumPatternLength = 32

  private mutating func newState() -> Int {
    consuming.append([])
    empty.append([])
    accepting.append(-1)
    return consuming.count - 1
  }

  /// Adds one pattern, already resolved to tests; `entry` is what a match reports.
  mutating func add(_ node: ResolvedPattern, entry: Int32) {
    let start = newState()
    let end = build(node, from: start)
    accepting[end] = entry
    starts.append((start, entry))
    // A negative length marks a pattern of fixed length (the start search takes a shortcut).
    let bounds = node.lengthBounds
    lengths.append(bounds.minimum == bounds.maximum ? -bounds.maximum : bounds.maximum)
    maximumLength = max(maximumLength, bounds.maximum)
  }

  private mutating func build(_ node: ResolvedPattern, from state: Int) -> Int {
    switch node {
    case .test(let test):
      let target = newState()
      consuming[state].append((test, target))
      return target
    case .sequence(let items):
      var current = state
      for item in items { current = build(item, from: current) }
      return current
    case .choice(let branches):
      let end = newState()
      for branch in branches { empty[build(branch, from: state)].append(end) }
      return end
    case .optional(let inner):
      let end = build(inner, from: state)
      empty[state].append(end)
      return end
    case .gap(let low, let high):
      var current = state
      var exits: [Int] = []
      for step in 0..<high {
        if step >= low { exits.append(current) }
        let next = newState()
        consuming[current].append((.any, next))
        current = next
      }
      for exit in exits { empty[exit].append(current) }
      return current
    }
  }

  /// Closes over the empty moves and lays the automaton out in flat arrays.
  func finish(prefixes: PrefixTable) -> PatternAutomaton {
    var seen = [Int](repeating: -1, count: consuming.count)
    // Keep the states a token can lead to, plus the starts; number them densely (in order).
    var isKept = [Bool](repeating: false, count: consuming.count)
    for start in starts { isKept[start.state] = true }
    for transitions in consuming { for transition in transitions { isKept[transition.target] = true } }
    let kept = isKept.indices.filter { isKept[$0] }
    var number = [Int](repeating: -1, count: consuming.count)
    for (index, state) in kept.enumerated() { number[state] = index }
    // Only kept states need their closure.
    var closures = [[Int]](repeating: [], count: consuming.count)
    for state in kept { closures[state] = closure(state, seen: &seen) }

    var transitionStart: [Int32] = [0]
    var tests: [UInt32] = []
    var targets: [Int32] = []
    var accept = [Int32](repeating: -1, count: kept.count)
    for (index, state) in kept.enumerated() {
      for member in closures[state] {
        for transition in consuming[member] {
          tests.append(transition.test.raw)
          targets.append(Int32(number[transition.target]))
        }
        if accepting[member] >= 0 { accept[index] = accepting[member] }
      }
      transitionStart.append(Int32(tests.count))
    }
    var startIndex = StartIndex(idCount: prefixes.idCount)
    for start in starts {
      for member in closures[start.state] {
        for transition in consuming[member] {
          startIndex.add(test: transition.test, target: Int32(number[transition.target]), prefixes: prefixes)
        }
      }
    }
    var entryStart = [Int32](repeating: 0, count: starts.count)
    var entryLength = [Int32](repeating: 0, count: starts.count)
    for start in starts {
      entryStart[Int(start.entry)] = Int32(number[start.state])
      entryLength[Int(start.entry)] = Int32(lengths[Int(start.entry)])
    }
    return PatternAutomaton(
      transitionStart: transitionStart, tests: tests, targets: targets, accept: accept,
      startIndex: startIndex.finish(), prefixes: prefixes, entryStart: entryStart, entryLength: entryLength)
  }

  /// The states reachable from `state` by empty moves; `seen` (one slot per state, holding
  /// the state last closed over) is reused across calls instead of a set per call.
  private func closure(_ state: Int, seen: inout [Int]) -> [Int] {
    if empty[state].isEmpty { return [state] }
    seen[state] = state
    var order = [state]
    var stack = [state]
    while let next = stack.popLast() {
      for target in empty[next] where seen[target] != state {
        seen[target] = state
        order.append(target)
        stack.append(target)
      }
    }
    return order
  }

  /// The same, for one state: a set sized to what it reaches, not to the automaton.
  private func closure(_ state: Int) -> [Int] {
    var seen: Set<Int> = [state]
    var order = [state]
    var stack = [state]
    while let next = stack.popLast() {
      for target in empty[next] where seen.insert(target).inserted {
        order.append(target)
        stack.append(target)
      }
    }
    return order
  }

  /// Whether a pattern's start can accept without reading a token (it would match nothing).
  func acceptsEmpty(entry: Int32) -> Bool {
    guard let start = starts.last(where: { $0.entry == entry }) else { return false }
    return closure(start.state).contains { accepting[$0] == entry }
  }
}

/// The first transitions of all patterns, indexed by what can start them.
struct StartIndex: Sendable {
  private var byID: [[Int32]]
  private var byKind: [[Int32]] = Array(repeating: [], count: TokenKind.allCases.count)
  private var caps: [Int32] = []
  private var shout: [Int32] = []

  init(idCount: Int) { byID = Array(repeating: [], count: idCount) }

  mutating func add(test: TokenTest, target: Int32, prefixes: PrefixTable) {
    switch test.tag {
    case TokenTest.wordTag: byID[Int(test.argument)].append(target)
    case TokenTest.prefixTag:
      for id in prefixes.ids(satisfying: Int(test.argument)) { byID[Int(id)].append(target) }
    case TokenTest.kindTag: byKind[Int(test.argument)].append(target)
    case TokenTest.capsTag: caps.append(target)
    case TokenTest.shoutTag: shout.append(target)
    default: break
    }
  }

  /// Flattens the lists into one array with offsets per id and per kind.
  func finish() -> FlatStartIndex {
    var offsets: [Int32] = [0]
    var targets: [Int32] = []
    for list in byID {
      targets += list
      offsets.append(Int32(targets.count))
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

/// A pattern whose words, prefixes and classes are resolved to token tests.
indirect enum ResolvedPattern: Sendable {
  case test(TokenTest)
  case sequence([ResolvedPattern])
  case choice([ResolvedPattern])
  case optional(ResolvedPattern)
  case gap(Int, Int)

  /// The fewest and the most tokens a match can span, in one walk (a class is a choice of
  /// all its members, and every pattern using it walks them: no arrays on the way).
  var lengthBounds: (minimum: Int, maximum: Int) {
    switch self {
    case .test: return (1, 1)
    case .sequence(let items):
      var bounds = (minimum: 0, maximum: 0)
      for item in items {
        let inner = item.lengthBounds
        bounds = (bounds.minimum + inner.minimum, bounds.maximum + inner.maximum)
      }
      return bounds
    case .choice(let branches):
      guard let first = branches.first else { return (0, 0) }
      var bounds = first.lengthBounds
      for branch in branches.dropFirst() {
        let inner = branch.lengthBounds
        bounds = (min(bounds.minimum, inner.minimum), max(bounds.maximum, inner.maximum))
      }
      return bounds
    case .optional(let inner): return (0, inner.lengthBounds.maximum)
    case .gap(let low, let high): return (low, high)
    }
  }

  /// The most tokens a match can span.
  var maximumLength: Int { lengthBounds.maximum }

  /// Whether the pattern's first or last position is a gap or a lone `*`.
  var edgeIsWildcard: (first: Bool, last: Bool) {
    switch self {
    case .test(let test): return (test == .any, test == .any)
    case .gap: return (true, true)
    case .sequence(let items):
      guard let first = items.first, let last = items.last else { return (false, false) }
      return (first.edgeIsWildcard.first, last.edgeIsWildcard.last)
    case .choice(let branches):
      return (
        branches.contains { $0.edgeIsWildcard.first }, branches.contains { $0.edgeIsWildcard.last }
      )
    case .optional(let inner):
      return inner.edgeIsWildcard
    }
  }
}
