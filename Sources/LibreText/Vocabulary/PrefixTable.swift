/// The prefixes used by patterns (`oblig*`), and which token ids satisfy each.
///
/// A word no pattern spells out still gets an id when it starts with a pattern prefix: the
/// id of its longest such prefix, above the vocabulary's own ids. Since every prefix a word
/// satisfies is a prefix of that longest one, the id says everything the matcher needs.
package struct PrefixTable: Sendable {
  package private(set) var prefixes: [[UInt8]] = []
  /// Trie over prefix bytes: `children[node][byte]` packed as `node << 8 | byte` → child.
  private var children: [Int32] = []
  private var terminal: [Int32] = []
  /// Bit `p` of row `id` (width `words`): id satisfies prefix `p`.
  private var satisfied: [UInt64] = []
  private var words = 1
  package private(set) var firstSyntheticID: Int32 = 0

  package init() {}

  /// Rebuilds a finished table from its raw parts (precompiled lexicons).
  package init(
    prefixes: [[UInt8]], children: [Int32], terminal: [Int32], satisfied: [UInt64], words: Int,
    firstSyntheticID: Int32
  ) {
    self.prefixes = prefixes
    self.children = children
    self.terminal = terminal
    self.satisfied = satisfied
    self.words = words
    self.firstSyntheticID = firstSyntheticID
  }

  /// All raw parts, for the precompiled lexicons.
  package var parts: (children: [Int32], terminal: [Int32], satisfied: [UInt64], words: Int) {
    (children, terminal, satisfied, words)
  }

  /// The trie's raw tables, for `FrozenLookup`.
  var trie: (children: [Int32], terminal: [Int32]) { (children, terminal) }

  /// Registers a prefix; returns its index.
  package mutating func add(_ prefix: String) -> Int {
    let bytes = Array(prefix.utf8)
    if let index = prefixes.firstIndex(of: bytes) { return index }
    prefixes.append(bytes)
    return prefixes.count - 1
  }

  /// Builds the trie and the satisfaction table once the vocabulary is complete.
  package mutating func finish(vocabulary: Vocabulary) {
    firstSyntheticID = Int32(vocabulary.count + 1)
    children = [Int32](repeating: -1, count: 256)
    terminal = [-1]
    for (index, prefix) in prefixes.enumerated() {
      var node = 0
      for byte in prefix {
        let slot = node << 8 | Int(byte)
        if children[slot] < 0 {
          children[slot] = Int32(terminal.count)
          terminal.append(-1)
          children += [Int32](repeating: -1, count: 256)
        }
        node = Int(children[slot])
      }
      terminal[node] = Int32(index)
    }
    words = max(1, (prefixes.count + 63) / 64)
    let rows = vocabulary.count + 1 + prefixes.count
    satisfied = [UInt64](repeating: 0, count: rows * words)
    for id in 1...max(1, vocabulary.count) where vocabulary.count > 0 {
      mark(row: id, bytes: Array(vocabulary.word(Int32(id)).utf8))
    }
    for (index, prefix) in prefixes.enumerated() {
      mark(row: Int(firstSyntheticID) + index, bytes: prefix)
    }
  }

  private mutating func mark(row: Int, bytes: [UInt8]) {
    for (index, prefix) in prefixes.enumerated() where bytes.starts(with: prefix) {
      satisfied[row * words + index >> 6] |= 1 << UInt64(index & 63)
    }
  }

  @inline(__always)
  package func satisfies(_ id: Int32, prefix index: UInt32) -> Bool {
    guard id > 0, Int(id) * words < satisfied.count else { return false }
    return satisfied[Int(id) * words + Int(index >> 6)] & (1 << UInt64(index & 63)) != 0
  }

  /// Every id (vocabulary or synthetic) that satisfies prefix `index`.
  package func ids(satisfying index: Int) -> [Int32] {
    let rows = satisfied.count / words
    return (1..<max(1, rows)).compactMap { satisfies(Int32($0), prefix: UInt32(index)) ? Int32($0) : nil }
  }

  /// The number of ids, vocabulary and synthetic, plus one for id 0.
  package var idCount: Int { satisfied.count / words }
}
