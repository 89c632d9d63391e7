/// Buffers for re-running one pattern to find where its match starts, reused: two thread
/// lists, current and next, swapped at each token.
package final class AnchorScratch {
  package var current = AnchorThreads()
  package var next = AnchorThreads()

  deinit {
    current.deallocate()
    next.deallocate()
  }
}

/// A list of packed threads (`state << 1 | negated`), each with the token its match began
/// on, in raw memory owned by `AnchorScratch`.
package struct AnchorThreads {
  package var threads = UnsafeMutablePointer<UInt32>.allocate(capacity: 64)
  package var firsts = UnsafeMutablePointer<Int32>.allocate(capacity: 64)
  package var count = 0
  package var capacity = 64

  /// Adds a thread unless its state is there already (the one kept, added first, began
  /// earliest). `partner` (the other list) grows too, so the two can be swapped.
  @inline(__always)
  package mutating func add(_ thread: UInt32, first: Int32, partner: inout AnchorThreads) {
    for index in 0..<count where threads[index] == thread { return }
    if count == capacity {
      grow()
      partner.grow()
    }
    threads[count] = thread
    firsts[count] = first
    count += 1
  }

  mutating func grow() {
    let larger = capacity * 2
    let newThreads = UnsafeMutablePointer<UInt32>.allocate(capacity: larger)
    let newFirsts = UnsafeMutablePointer<Int32>.allocate(capacity: larger)
    newThreads.moveInitialize(from: threads, count: count)
    newFirsts.moveInitialize(from: firsts, count: count)
    deallocate()
    threads = newThreads
    firsts = newFirsts
    capacity = larger
  }

  package func deallocate() {
    threads.deallocate()
    firsts.deallocate()
  }
}

/// A read-only byte per id, in raw memory (no bounds or reference checks per token); ids
/// past the end read as 0.
final class IDInfoTable: @unchecked Sendable {
  private let bytes: UnsafeMutablePointer<UInt8>
  private let count: Int

  package init(_ values: [UInt8]) {
    count = values.count
    bytes = .allocate(capacity: max(1, values.count))
    bytes.initialize(repeating: 0, count: max(1, values.count))
    values.withUnsafeBufferPointer { bytes.update(from: $0.baseAddress!, count: values.count) }
  }

  deinit { bytes.deallocate() }

  @inline(__always)
  package subscript(id: Int32) -> UInt8 {
    UInt32(bitPattern: id) < UInt32(truncatingIfNeeded: count) ? bytes[Int(id)] : 0
  }
}

/// The automaton's symbol parts by kind and flags, in raw memory like `IDInfoTable`: read
/// once per token without a bound check (its index has seven bits, and it holds 128).
package final class SymbolRestTable: @unchecked Sendable {
  package let pointer: UnsafeMutablePointer<UInt32>

  package init(_ values: [UInt32]) {
    precondition(values.count == PatternAutomaton.restCount)
    pointer = .allocate(capacity: values.count)
    values.withUnsafeBufferPointer { pointer.initialize(from: $0.baseAddress!, count: values.count) }
  }

  deinit { pointer.deallocate() }
}

/// Buffers and caches the matcher reuses from one text to the next. One per thread: it is
/// not shared, and its deterministic states stay valid for as long as the automaton lives.
public final class MatcherScratch {
  private var caches: [ObjectIdentifier: DFACache] = [:]
  private let stateLimit: Int

  /// How many deterministic states a cache keeps by default before starting over.
  public static let defaultDFAStateLimit = 20_000

  /// `dfaStateLimit`: how many deterministic states a cache keeps before starting over (at
  /// most `32,000`: a cached transition holds its state in 15 bits).
  public init(dfaStateLimit: Int = MatcherScratch.defaultDFAStateLimit) { stateLimit = dfaStateLimit }

  /// What the benchmark reports of the lazy DFA: the deterministic states built so far by
  /// all the caches, the transitions their hash tables hold (the dense shortcuts from the
  /// empty state and for plain words are not counted), and how often a full cache started
  /// over.
  public var statistics: (statesBuilt: Int, transitions: Int, resets: Int) {
    caches.values.reduce((0, 0, 0)) { ($0.0 + $1.statesBuilt, $0.1 + $1.used, $0.2 + $1.resets) }
  }

  /// The phrase rules' lists of one text, kept for the next: the full lexicons match an
  /// exception in most texts, and growing a new list from empty cost them some 2,300
  /// instructions a text (`PhraseRules.findings` swaps them in and out).
  @exclusivity(unchecked) package var exceptionBuffer: [(rule: Int, match: RawMatch)] = []
  @exclusivity(unchecked) package var candidateBuffer: [(rule: Int, match: RawMatch, from: Int)] = []

  /// The cache last asked for: a batch of one language asks for the same one every text,
  /// and hashing the dictionary's key cost some three hundred instructions a text.
  private var lastCache: DFACache?

  package func cache(for automaton: PatternAutomaton) -> DFACache {
    // The cache holds the token, so an address reused by a later automaton is never mistaken.
    if let cache = lastCache, cache.owner === automaton.identityToken { return cache }
    if let cache = caches[automaton.identity], cache.owner === automaton.identityToken {
      lastCache = cache
      return cache
    }
    let cache = DFACache(owner: automaton.identityToken, idCount: automaton.idCount, stateLimit: stateLimit)
    caches[automaton.identity] = cache
    lastCache = cache
    return cache
  }
}
