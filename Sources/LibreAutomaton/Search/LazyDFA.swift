/// The deterministic states built so far for one automaton, and the transitions between
/// them: a cache, filled as texts need it and emptied if it grows past its limit (which
/// keeps memory bounded and the time still linear). One per thread, never shared, so its
/// properties skip the runtime's exclusivity checks (a measurable cost per token).
package final class DFACache {
  package let stateLimit: Int

  /// The automaton this cache belongs to.
  let owner: IdentityToken
  /// Each state's sorted threads and sorted accepted entries (both packed with negation).
  @exclusivity(unchecked) private var threads: [[UInt32]] = [[]]
  @exclusivity(unchecked) private var acceptLists: [[UInt32]] = [[]]
  /// The states by content: open addressing over state numbers (+1, so 0 means empty),
  /// keyed by `stateHashes` and checked against `threads` and `acceptLists`. Finding a
  /// state hashes two sorted arrays of integers once, and allocates nothing unless it is new.
  @exclusivity(unchecked) private var stateSlots = [Int32](repeating: 0, count: 1 << 10)
  @exclusivity(unchecked) private var stateHashes: [UInt64] = []
  /// Open addressing over `Slot`s (0 = empty): a lookup touches one cache line.
  @exclusivity(unchecked) private var slots: [Slot]
  @exclusivity(unchecked) package private(set) var used = 0
  /// How many times the cache started over, and how many states it built in all.
  @exclusivity(unchecked) package private(set) var resets = 0
  @exclusivity(unchecked) package private(set) var statesBuilt = 0
  /// From the empty state, on a plain word (no kind, emphasis or negation bits): indexed by
  /// id, dense and small, since most lookups start there. -1 = not built yet.
  @exclusivity(unchecked) private var fromEmpty: [Int32]

  /// Per state, one cache line of eight words:
  /// - words 0–3: a filter of the ids its transitions name (bit `id & 255`), all bits when
  ///   one tests a prefix. An id outside it moves the threads as a word without an id does,
  ///   so the transition needs no id in its key;
  /// - word 4: the state a plain word reaches when no thread and no pattern start look at
  ///   its id (the common case, inside a gap), as an `Int32`; -1 = not built yet;
  /// - word 5: 1 when a word it does not name leaves every thread behind (its transitions
  ///   all test words), so the next state is the one that word reaches from the empty state.
  /// Three arrays cost up to three cache misses for a token inside a gap; one line costs one.
  @exclusivity(unchecked) private var lines: UnsafeMutablePointer<UInt64>
  @exclusivity(unchecked) private var lineCapacity = 1024
  static let lineWords = 8
  static let plainNextWord = 4
  static let dropsUnnamedWord = 5

  /// A transition in one word: the key (`state + 1` above the symbol) in the low 48 bits,
  /// the target (15-bit state, accept flag at bit 15) in the high 16. Eight bytes, so the
  /// table is half the size it would be with a struct and stays in cache longer.
  package typealias Slot = UInt64
  /// The transitions used last, direct-mapped by the same hash: words come in a Zipf-like
  /// way, so most lookups find their transition in this table (128 KB, in the second-level
  /// cache) instead of in the large one. 4,096 entries fitted the first-level cache but
  /// missed a quarter of the full lexicons' lookups; 16,384 miss 12 %.
  @exclusivity(unchecked) private var recent = [Slot](repeating: 0, count: DFACache.recentCount)
  static let recentCount = 16384
  static let keyMask: UInt64 = 0xFFFF_FFFF_FFFF
  /// States are numbered in 15 bits in a slot.
  static let maximumStateLimit = 32_000

  @exclusivity(unchecked) private var next: [UInt32] = []
  @exclusivity(unchecked) private var accepted: [UInt32] = []
  /// Buffers of the start search (`PatternAutomaton.leftmostStart`).
  package let anchor = AnchorScratch()

  package init(owner: IdentityToken, idCount: Int, stateLimit: Int = MatcherScratch.defaultDFAStateLimit) {
    self.owner = owner
    self.stateLimit = min(max(2, stateLimit), DFACache.maximumStateLimit)
    slots = [Slot](repeating: 0, count: 1 << 12)
    fromEmpty = [Int32](repeating: -1, count: idCount + 1)
    lines = DFACache.allocateLines(lineCapacity)
    setLine(0, filter: SIMD4(repeating: 0), dropsUnnamed: true)
    addState(0, hash: DFACache.hash([], []))
  }

  deinit { lines.deallocate() }

  private static func allocateLines(_ count: Int) -> UnsafeMutablePointer<UInt64> {
    UnsafeMutableRawPointer.allocate(byteCount: count * lineWords * 8, alignment: 64)
      .bindMemory(to: UInt64.self, capacity: count * lineWords)
  }

  /// Writes state `state`'s line, growing the lines as needed.
  private func setLine(_ state: Int, filter: SIMD4<UInt64>, dropsUnnamed: Bool) {
    // States are numbered one after another: one doubling always makes room.
    precondition(state <= lineCapacity, "DFA states are numbered in order")
    if state == lineCapacity {
      let larger = DFACache.allocateLines(lineCapacity * 2)
      larger.initialize(from: lines, count: lineCapacity * DFACache.lineWords)
      lines.deallocate()
      lines = larger
      lineCapacity *= 2
    }
    let line = lines + state * DFACache.lineWords
    for word in 0..<4 { line[word] = filter[word] }
    line[DFACache.plainNextWord] = UInt64(bitPattern: -1)
    line[DFACache.dropsUnnamedWord] = dropsUnnamed ? 1 : 0
    line[6] = 0
    line[7] = 0
  }

  /// Set on a state id whose state accepts: the matcher tests the id, not a table.
  static let acceptFlag: Int32 = 1 << 30

  @inline(__always)
  func hasAccepts(_ state: Int32) -> Bool { state & DFACache.acceptFlag != 0 }

  package func accepts(of state: Int32) -> [UInt32] { acceptLists[Int(state & ~DFACache.acceptFlag)] }

  /// The state reached from `state` on a token with this symbol (`token` is one such token).
  @inline(__always)
  package func next(from flagged: Int32, symbol: UInt32, token: Token, automaton: PatternAutomaton) -> Int32 {
    var state = flagged & ~DFACache.acceptFlag
    // The lines outlive a reset (their capacity never shrinks): a stale state number would
    // read an old line where the arrays used to trap.
    assert(Int(state) < threads.count, "a state from before a reset")
    if state != 0 && symbol & 0xFF == 0 {
      let id = symbol >> 8
      let line = lines + Int(state) * DFACache.lineWords
      if !DFACache.filter(line, mayName: id) {
        if id == 0 || !automaton.startsPattern(Int32(bitPattern: id)) {
          let known = Int32(truncatingIfNeeded: line[DFACache.plainNextWord])
          return known >= 0 ? known : buildPlain(from: state, token: token, automaton: automaton)
        }
        // The state leads where the empty state does: go on from there (falling through;
        // a call of `next` itself kept it from being inlined into the match loop).
        if line[DFACache.dropsUnnamedWord] != 0 { state = 0 }
      }
    }
    if state == 0 && symbol & 0xFF == 0 {
      let id = Int(symbol >> 8)
      if id < fromEmpty.count {
        let known = fromEmpty[id]
        if known >= 0 { return known }
        let built = build(from: 0, symbol: symbol, token: token, automaton: automaton)
        fromEmpty[id] = built
        return built
      }
    }
    return cached(from: state, symbol: symbol, token: token, automaton: automaton)
  }

  /// The transition from the hash table, or built and added to it.
  @inline(__always)
  private func cached(from state: Int32, symbol: UInt32, token: Token, automaton: PatternAutomaton) -> Int32 {
    let key = DFACache.key(state, symbol)
    let home = DFACache.home(key)
    let recentSlot = home & (DFACache.recentCount - 1)
    let hot = recent[recentSlot]
    if hot & DFACache.keyMask == key { return DFACache.target(of: hot) }
    let mask = slots.count - 1
    var slot = home & mask
    while true {
      let found = slots[slot]
      if found & DFACache.keyMask == key {
        recent[recentSlot] = found
        return DFACache.target(of: found)
      }
      if found == 0 { break }
      slot = (slot + 1) & mask
    }
    return miss(from: state, symbol: symbol, token: token, automaton: automaton)
  }

  @inline(__always)
  package static func key(_ state: Int32, _ symbol: UInt32) -> UInt64 {
    UInt64(UInt32(bitPattern: state) + 1) << 32 | UInt64(symbol)
  }

  @inline(__always)
  package static func home(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* FibonacciHash.multiplier) >> 40) }

  @inline(__always)
  package static func target(of slot: Slot) -> Int32 {
    let packed = Int32(truncatingIfNeeded: slot >> 48)
    return packed & 0x7FFF | (packed & 0x8000 != 0 ? DFACache.acceptFlag : 0)
  }

  /// The transition of `state` on a word whose id no thread and no pattern start look at.
  private func buildPlain(from state: Int32, token: Token, automaton: PatternAutomaton) -> Int32 {
    var plain = token
    plain.id = 0
    let generation = resets
    let target = cached(from: state, symbol: 0, token: plain, automaton: automaton)
    // A reset while building renumbered the states: `state` means nothing any more.
    if resets == generation {
      lines[Int(state) * DFACache.lineWords + DFACache.plainNextWord] = UInt64(UInt32(bitPattern: target))
    }
    return target
  }

  /// A transition not cached yet. When no thread of the state tests the token's id, the
  /// token moves the threads exactly as one without an id does: that transition is shared
  /// by every such id and usually known already, so a long tail of words behind a gap or a
  /// kind test costs a lookup, not a build. If the id starts patterns too, their threads
  /// are those of the empty state on this token: the target is the union of two known
  /// states, merged instead of stepped over every thread again.
  private func miss(from state: Int32, symbol: UInt32, token: Token, automaton: PatternAutomaton) -> Int32 {
    guard symbol >> 8 != 0, !named(token.id, by: state, automaton) else {
      return build(from: state, symbol: symbol, token: token, automaton: automaton)
    }
    var plain = token
    plain.id = 0
    let starts = automaton.startsPattern(token.id)
    // Up to three states may be made below: with room for them, no reset renumbers `state`.
    if starts && (state == 0 || threads.count + 3 >= stateLimit) {
      return build(from: state, symbol: symbol, token: token, automaton: automaton)
    }
    let generation = resets
    var target = next(from: state, symbol: symbol & 0xFF, token: plain, automaton: automaton)
    if starts {
      let started = next(from: 0, symbol: symbol, token: token, automaton: automaton)
      target = union(target & ~DFACache.acceptFlag, started & ~DFACache.acceptFlag, automaton)
    }
    // A reset while building renumbered the states: `state` means nothing any more.
    if resets == generation { insert(from: state, symbol: symbol, target: target) }
    return target
  }

  /// Whether a thread of `state` tests for `id`: its line's filter rules most ids out
  /// before its threads are read.
  @inline(__always)
  private func named(_ id: Int32, by state: Int32, _ automaton: PatternAutomaton) -> Bool {
    DFACache.filter(lines + Int(state) * DFACache.lineWords, mayName: UInt32(bitPattern: id))
      && automaton.threadsTest(id, threads[Int(state)])
  }

  /// Where an id's bit is in a state's filter (words 0–3 of its line): bit `id & 255`.
  @inline(__always)
  static func filterBit(of id: UInt32) -> (word: Int, mask: UInt64) {
    (Int(id & 255) >> 6, 1 << UInt64(id & 63))
  }

  /// Whether the filter at the start of `line` has the bit of `id` (the state may name it).
  @inline(__always)
  package static func filter(_ line: UnsafeMutablePointer<UInt64>, mayName id: UInt32) -> Bool {
    let bit = filterBit(of: id)
    return line[bit.word] & bit.mask != 0
  }

  /// The state whose threads and accepts are those of `left` and `right` together. Many
  /// states share a successor on a plain word, so the union of a pair is cached too: in
  /// the transition table, under `left` and a symbol no token has (bit 31 and `right`).
  private func union(_ left: Int32, _ right: Int32, _ automaton: PatternAutomaton) -> Int32 {
    let pairSymbol = DFACache.unionMark | UInt32(right)
    let key = DFACache.key(left, pairSymbol)
    let cachesUnion = automaton.idCount < Int(DFACache.unionMark >> 8)
    let mask = slots.count - 1
    var slot = DFACache.home(key) & mask
    while cachesUnion {
      let found = slots[slot]
      if found & DFACache.keyMask == key { return DFACache.target(of: found) }
      if found == 0 { break }
      slot = (slot + 1) & mask
    }
    DFACache.mergeUnique(threads[Int(left)], threads[Int(right)], into: &next)
    DFACache.mergeUnique(acceptLists[Int(left)], acceptLists[Int(right)], into: &accepted)
    let target = stateOfNextAndAccepted(automaton)
    if cachesUnion { insert(from: left, symbol: pairSymbol, target: target) }
    return target
  }

  /// Marks the symbol under which the union of two states is cached: token symbols hold
  /// their id above 8 low bits, so they never reach bit 31 while ids stay below 2^23
  /// (the built-in lexicons hold some 10,000 words).
  static let unionMark: UInt32 = 1 << 31

  private func build(from state: Int32, symbol: UInt32, token: Token, automaton: PatternAutomaton) -> Int32 {
    // The source threads are read before a reset, which renumbers every state.
    let source = threads[Int(state)]
    let wasReset = threads.count >= stateLimit
    if wasReset { reset() }
    next.removeAll(keepingCapacity: true)
    accepted.removeAll(keepingCapacity: true)
    automaton.step(source, over: token, starting: true, into: &next, accepts: &accepted)
    DFACache.sortUnique(&next)
    DFACache.sortUnique(&accepted)
    let target = stateOfNextAndAccepted(automaton)
    if !wasReset { insert(from: state, symbol: symbol, target: target) }
    return target
  }

  /// The state made of `next` and `accepted` (sorted, no repeats), found or made; its
  /// number carries the accept flag.
  private func stateOfNextAndAccepted(_ automaton: PatternAutomaton) -> Int32 {
    let hash = DFACache.hash(next, accepted)
    if let known = findState(hash: hash) {
      return known | (acceptLists[Int(known)].isEmpty ? 0 : DFACache.acceptFlag)
    }
    let number = Int32(threads.count)
    statesBuilt += 1
    // Copies of exact size: `next` and `accepted` are buffers reused by the next build.
    threads.append(next.withUnsafeBufferPointer { Array($0) })
    acceptLists.append(accepted.withUnsafeBufferPointer { Array($0) })
    let filter = automaton.namedIDs(of: next)
    setLine(Int(number), filter: filter.ids, dropsUnnamed: filter.dropsUnnamed)
    addState(number, hash: hash)
    return number | (accepted.isEmpty ? 0 : DFACache.acceptFlag)
  }

  /// Merges two sorted lists without repeats into `merged`, sorted, without repeats.
  package static func mergeUnique(_ left: [UInt32], _ right: [UInt32], into merged: inout [UInt32]) {
    merged.removeAll(keepingCapacity: true)
    merged.reserveCapacity(left.count + right.count)
    left.withUnsafeBufferPointer { left in
      right.withUnsafeBufferPointer { right in
        var leftIndex = 0
        var rightIndex = 0
        while leftIndex < left.count && rightIndex < right.count {
          let leftValue = left[leftIndex]
          let rightValue = right[rightIndex]
          merged.append(min(leftValue, rightValue))
          if leftValue <= rightValue { leftIndex += 1 }
          if rightValue <= leftValue { rightIndex += 1 }
        }
        merged.append(contentsOf: left[leftIndex...])
        merged.append(contentsOf: right[rightIndex...])
      }
    }
  }

  private func insert(from state: Int32, symbol: UInt32, target: Int32) {
    assert(state & ~DFACache.acceptFlag < 0x8000 && target & ~DFACache.acceptFlag < 0x8000, "state past 15 bits")
    // Three quarters full at most: at 145,000 transitions (the full lexicons on 100 MB) the
    // table stays at 2 MB, within the second-level cache, where half full needed 4 MB.
    if (used + 1) * 4 > slots.count * 3 { grow() }
    let packedTarget = UInt64(target & 0x7FFF) | (target & DFACache.acceptFlag != 0 ? 0x8000 : 0)
    place(DFACache.key(state, symbol) | packedTarget << 48)
    used += 1
  }

  private func place(_ entry: Slot) {
    let mask = slots.count - 1
    var slot = DFACache.home(entry & DFACache.keyMask) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = entry
  }

  private func grow() {
    let old = slots
    slots = [Slot](repeating: 0, count: old.count * 2)
    for entry in old where entry != 0 { place(entry) }
  }

  /// Sorts `values` and drops repeats, in place.
  package static func sortUnique(_ values: inout [UInt32]) {
    guard values.count > 1 else { return }
    let kept = values.withUnsafeMutableBufferPointer { buffer in
      if buffer.count <= DFACache.insertionSortLimit {
        // Thread lists are short: an insertion sort that drops repeats as it goes costs
        // less than the general sort's set-up.
        var count = 1
        for index in 1..<buffer.count {
          let value = buffer[index]
          var position = count
          while position > 0 && buffer[position - 1] > value { position -= 1 }
          if position > 0 && buffer[position - 1] == value { continue }
          var move = count
          while move > position {
            buffer[move] = buffer[move - 1]
            move -= 1
          }
          buffer[position] = value
          count += 1
        }
        return count
      }
      buffer.sort()
      var count = 1
      for index in 1..<buffer.count where buffer[index] != buffer[count - 1] {
        buffer[count] = buffer[index]
        count += 1
      }
      return count
    }
    values.removeLast(values.count - kept)
  }

  /// Up to this many values, `sortUnique` sorts by insertion.
  package static let insertionSortLimit = 32

  /// A hash of a state's content (sorted threads, then sorted accepts).
  package static func hash(_ threads: [UInt32], _ accepts: [UInt32]) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for value in threads { hash = (hash ^ UInt64(value)) &* 0x100_0000_01B3 }
    hash = (hash ^ 0xFFFF_FFFF_FFFF) &* 0x100_0000_01B3
    for value in accepts { hash = (hash ^ UInt64(value)) &* 0x100_0000_01B3 }
    return hash ^ hash >> 29
  }

  /// The number of the state made of `next` and `accepted`, if there is one.
  private func findState(hash: UInt64) -> Int32? {
    let mask = stateSlots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let found = stateSlots[slot]
      if found == 0 { return nil }
      let number = Int(found - 1)
      if stateHashes[number] == hash && threads[number] == next && acceptLists[number] == accepted {
        return Int32(number)
      }
      slot = (slot + 1) & mask
    }
  }

  /// Indexes state `number` (just appended to `threads`) under `hash`.
  private func addState(_ number: Int32, hash: UInt64) {
    stateHashes.append(hash)
    if stateHashes.count * 2 > stateSlots.count {
      // Grow and re-place every state.
      stateSlots = [Int32](repeating: 0, count: stateSlots.count * 2)
      for (known, knownHash) in stateHashes.enumerated() { placeState(Int32(known), hash: knownHash) }
    } else {
      placeState(number, hash: hash)
    }
  }

  private func placeState(_ number: Int32, hash: UInt64) {
    let mask = stateSlots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while stateSlots[slot] != 0 { slot = (slot + 1) & mask }
    stateSlots[slot] = number + 1
  }

  /// Forgets every state but the empty one.
  private func reset() {
    resets += 1
    threads = [[]]
    acceptLists = [[]]
    setLine(0, filter: SIMD4(repeating: 0), dropsUnnamed: true)
    stateSlots = [Int32](repeating: 0, count: 1 << 10)
    stateHashes = []
    addState(0, hash: DFACache.hash([], []))
    slots = [Slot](repeating: 0, count: 1 << 12)
    for index in recent.indices { recent[index] = 0 }
    used = 0
    for id in fromEmpty.indices { fromEmpty[id] = -1 }
  }
}
