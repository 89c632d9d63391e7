/// What one pattern position asks of a token, packed in 32 bits: the kind of test in the
/// top 4 bits, its argument (a vocabulary id, a prefix index, a token kind) below.
struct TokenTest: Hashable, Sendable {
  let raw: UInt32

  static let wordTag: UInt32 = 0
  static let prefixTag: UInt32 = 1
  static let kindTag: UInt32 = 2
  static let capsTag: UInt32 = 3
  static let shoutTag: UInt32 = 4
  static let anyTag: UInt32 = 5
  /// A token that can sit in a noun phrase (`<np>`): a word, number, placeholder or emoji.
  static let slotTag: UInt32 = 6

  static func word(_ id: Int32) -> TokenTest { TokenTest(raw: UInt32(id)) }
  static func prefix(_ index: Int) -> TokenTest { TokenTest(raw: prefixTag << 28 | UInt32(index)) }
  static func kind(_ kind: TokenKind) -> TokenTest { TokenTest(raw: kindTag << 28 | UInt32(kind.rawValue)) }
  static let caps = TokenTest(raw: capsTag << 28)
  static let shout = TokenTest(raw: shoutTag << 28)
  static let any = TokenTest(raw: anyTag << 28)
  static let slot = TokenTest(raw: slotTag << 28)

  /// The token kinds a slot step refuses. Tests see them as kinds, so tokens of these kinds
  /// never share a symbol (a lazy automaton's cache key) with the words a slot reads.
  static let kindsOutsideSlots: UInt8 =
    1 << TokenKind.punctuation.rawValue | 1 << TokenKind.url.rawValue | 1 << TokenKind.email.rawValue

  var tag: UInt32 { raw >> 28 }
  var argument: UInt32 { raw & 0x0FFF_FFFF }
}

/// The prefixes used by patterns (`oblig*`), and which token ids satisfy each.
///
/// A word no pattern spells out still gets an id when it starts with a pattern prefix: the
/// id of its longest such prefix, above the vocabulary's own ids. Since every prefix a word
/// satisfies is a prefix of that longest one, the id says everything the matcher needs.
struct PrefixTable: Sendable {
  private(set) var prefixes: [[UInt8]] = []
  /// Trie over prefix bytes: `children[node][byte]` packed as `node << 8 | byte` → child.
  private var children: [Int32] = []
  private var terminal: [Int32] = []
  /// Bit `p` of row `id` (width `words`): id satisfies prefix `p`.
  private var satisfied: [UInt64] = []
  private var words = 1
  private(set) var firstSyntheticID: Int32 = 0

  init() {}

  /// Rebuilds a finished table from its raw parts (precompiled lexicons).
  init(
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
  var parts: (children: [Int32], terminal: [Int32], satisfied: [UInt64], words: Int) {
    (children, terminal, satisfied, words)
  }

  /// The trie's raw tables, for `FrozenLookup`.
  var trie: (children: [Int32], terminal: [Int32]) { (children, terminal) }

  /// Registers a prefix; returns its index.
  mutating func add(_ prefix: String) -> Int {
    let bytes = Array(prefix.utf8)
    if let index = prefixes.firstIndex(of: bytes) { return index }
    prefixes.append(bytes)
    return prefixes.count - 1
  }

  /// Builds the trie and the satisfaction table once the vocabulary is complete.
  mutating func finish(vocabulary: Vocabulary) {
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
  func satisfies(_ id: Int32, prefix index: UInt32) -> Bool {
    guard id > 0, Int(id) * words < satisfied.count else { return false }
    return satisfied[Int(id) * words + Int(index >> 6)] & (1 << UInt64(index & 63)) != 0
  }

  /// Every id (vocabulary or synthetic) that satisfies prefix `index`.
  func ids(satisfying index: Int) -> [Int32] {
    let rows = satisfied.count / words
    return (1..<max(1, rows)).compactMap { satisfies(Int32($0), prefix: UInt32(index)) ? Int32($0) : nil }
  }

  /// The number of ids, vocabulary and synthetic, plus one for id 0.
  var idCount: Int { satisfied.count / words }
}
