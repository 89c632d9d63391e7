/// The deterministic states built so far for one automaton, and the transitions between
/// them: a cache, filled as texts need it and emptied if it grows past its limit (which
/// keeps memory bounded and the time still linear).
final class DFACache {
  /// Past this many states the cache starts over.
  static let stateLimit = 20_000

  let identity: Int
  /// Each state's sorted threads and sorted accepted entries (both packed with negation).
  private var threads: [[UInt32]] = [[]]
  private var acceptLists: [[UInt32]] = [[]]
  private var index: [DFAStateKey: Int32] = [DFAStateKey(threads: [], accepts: []): 0]
  /// Open addressing: key `state << 32 | symbol` (+1, so 0 means empty) → next state.
  private var keys: [UInt64]
  private var values: [Int32]
  private var used = 0
  private var next: [UInt32] = []
  private var accepted: [UInt32] = []

  init(identity: Int) {
    self.identity = identity
    keys = [UInt64](repeating: 0, count: 1 << 12)
    values = [Int32](repeating: 0, count: 1 << 12)
  }

  @inline(__always)
  func hasAccepts(_ state: Int32) -> Bool { !acceptLists[Int(state)].isEmpty }

  func accepts(of state: Int32) -> [UInt32] { acceptLists[Int(state)] }

  /// The state reached from `state` on a token with this symbol (`token` is one such token).
  @inline(__always)
  func next(from state: Int32, symbol: UInt32, token: Token, automaton: PatternAutomaton) -> Int32 {
    let key = (UInt64(UInt32(bitPattern: state)) << 32 | UInt64(symbol)) &+ 1
    let mask = keys.count - 1
    var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    while true {
      let found = keys[slot]
      if found == key { return values[slot] }
      if found == 0 { break }
      slot = (slot + 1) & mask
    }
    return build(from: state, symbol: symbol, token: token, automaton: automaton)
  }

  private func build(from state: Int32, symbol: UInt32, token: Token, automaton: PatternAutomaton) -> Int32 {
    if threads.count >= DFACache.stateLimit { reset() }
    next.removeAll(keepingCapacity: true)
    accepted.removeAll(keepingCapacity: true)
    let source = Int(state) < threads.count ? threads[Int(state)] : []
    automaton.step(source, over: token, starting: true, into: &next, accepts: &accepted)
    let key = DFAStateKey(threads: Array(Set(next)).sorted(), accepts: Array(Set(accepted)).sorted())
    let target: Int32
    if let known = index[key] {
      target = known
    } else {
      target = Int32(threads.count)
      threads.append(key.threads)
      acceptLists.append(key.accepts)
      index[key] = target
    }
    if Int(state) < threads.count { insert(from: state, symbol: symbol, target: target) }
    return target
  }

  private func insert(from state: Int32, symbol: UInt32, target: Int32) {
    if (used + 1) * 2 > keys.count { grow() }
    let key = (UInt64(UInt32(bitPattern: state)) << 32 | UInt64(symbol)) &+ 1
    let mask = keys.count - 1
    var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    while keys[slot] != 0 { slot = (slot + 1) & mask }
    keys[slot] = key
    values[slot] = target
    used += 1
  }

  private func grow() {
    let oldKeys = keys
    let oldValues = values
    keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
    values = [Int32](repeating: 0, count: oldKeys.count * 2)
    used = 0
    let mask = keys.count - 1
    for (slot, key) in oldKeys.enumerated() where key != 0 {
      var target = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
      while keys[target] != 0 { target = (target + 1) & mask }
      keys[target] = key
      values[target] = oldValues[slot]
      used += 1
    }
  }

  /// Forgets every state but the empty one.
  private func reset() {
    threads = [[]]
    acceptLists = [[]]
    index = [DFAStateKey(threads: [], accepts: []): 0]
    keys = [UInt64](repeating: 0, count: 1 << 12)
    values = [Int32](repeating: 0, count: 1 << 12)
    used = 0
  }
}

struct DFAStateKey: Hashable {
  var threads: [UInt32]
  var accepts: [UInt32]
}
