/// The vocabulary and the prefix trie, frozen into raw memory once the lexicons are
/// compiled: the tokenizer's sink looks every token up here, so the lookup touches no
/// array header, reference count or closure. Immutable, hence safe to share.
///
/// The table is its own, built at load time from the vocabulary's words (the vocabulary's
/// table is part of the precompiled format): each slot holds a word's first 16 bytes
/// inline, so a lookup hashes two loads of the token and, on a hit, compares two integers
/// in the slot it lands on instead of following the id to the word's bytes.
package final class FrozenLookup: @unchecked Sendable {
  /// A word in the table: its first 16 folded bytes, zero past its end, its length and its
  /// id (0 for an empty slot: ids start at 1).
  package struct Entry {
    var low: UInt64
    var high: UInt64
    var length: UInt32
    var id: Int32
  }

  private let entries: UnsafeMutablePointer<Entry>
  /// `64 - log2(slot count)`: the slot is the top bits of the multiplied key.
  private let shift: UInt64
  private let slotMask: Int
  /// Bytes 16 and beyond of the words longer than 16, for the rare long token.
  private let arena: UnsafeMutablePointer<UInt8>
  private let starts: UnsafeMutablePointer<Int32>
  /// Trie: `children[node << 8 | byte]` → child or -1; `terminal[node]` → prefix index or -1.
  private let children: UnsafeMutablePointer<Int32>
  private let terminal: UnsafeMutablePointer<Int32>
  private let hasPrefixes: Bool
  private let firstSyntheticID: Int32

  package init(vocabulary: Vocabulary, prefixes: PrefixTable) {
    let table = vocabulary.table
    var size = 16
    var bits: UInt64 = 4
    while size < table.starts.count * 2 {
      size <<= 1
      bits += 1
    }
    shift = 64 - bits
    slotMask = size - 1
    entries = .allocate(capacity: size)
    entries.initialize(repeating: Entry(low: 0, high: 0, length: 0, id: 0), count: size)
    // A key reads up to seven bytes past a word's end, as in the tokenizer's folded forms:
    // sixteen bytes of slack cover the last word.
    let padded = UnsafeMutablePointer<UInt8>.allocate(capacity: table.arena.count + 16)
    _ = UnsafeMutableBufferPointer(start: padded, count: table.arena.count).initialize(from: table.arena)
    (padded + table.arena.count).initialize(repeating: 0, count: 16)
    arena = padded
    starts = FrozenLookup.copy(table.starts)
    for id in 1..<max(1, table.starts.count) {
      let start = Int(starts[id - 1])
      let length = Int(starts[id]) - start
      let key = FrozenLookup.key(arena + start, length: length)
      var slot = FrozenLookup.slot(of: key, shift: shift)
      while entries[slot].id != 0 { slot = (slot + 1) & slotMask }
      entries[slot] = Entry(low: key.low, high: key.high, length: UInt32(length), id: Int32(id))
    }
    let trie = prefixes.trie
    children = FrozenLookup.copy(trie.children.isEmpty ? [-1] : trie.children)
    terminal = FrozenLookup.copy(trie.terminal.isEmpty ? [-1] : trie.terminal)
    hasPrefixes = !prefixes.prefixes.isEmpty
    firstSyntheticID = prefixes.firstSyntheticID
  }

  deinit {
    entries.deallocate()
    arena.deallocate()
    starts.deallocate()
    children.deallocate()
    terminal.deallocate()
  }

  private static func copy<Element>(_ array: [Element]) -> UnsafeMutablePointer<Element> {
    let memory = UnsafeMutablePointer<Element>.allocate(capacity: max(array.count, 1))
    array.withUnsafeBufferPointer { memory.initialize(from: $0.baseAddress!, count: array.count) }
    return memory
  }

  /// The first 16 bytes of a word as two little-endian integers, zero past its end; reads
  /// up to 8 bytes past the end of a word shorter than 16.
  @inline(__always)
  private static func key(_ bytes: UnsafePointer<UInt8>, length: Int) -> (low: UInt64, high: UInt64) {
    let raw = UnsafeRawPointer(bytes)
    guard length > 0 else { return (0, 0) }
    let low = raw.loadUnaligned(as: UInt64.self) & keep(min(length, 8))
    guard length > 8 else { return (low, 0) }
    let high = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self) & keep(min(length - 8, 8))
    return (low, high)
  }

  /// A mask of the first `count` bytes (1 to 8) of a little-endian load.
  @inline(__always)
  private static func keep(_ count: Int) -> UInt64 {
    ~UInt64(0) &>> UInt64(truncatingIfNeeded: 64 - 8 * count)
  }

  /// The home slot of a key: the top bits of a product, which depend on every bit of the key.
  /// Words longer than 16 that share their first 16 bytes share a slot; the table is built
  /// from the lexicons, so no text can make a probe longer.
  @inline(__always)
  private static func slot(of key: (low: UInt64, high: UInt64), shift: UInt64) -> Int {
    Int(truncatingIfNeeded: ((key.low ^ (key.high &* 0xC2B2_AE3D_27D4_EB4F)) &* FibonacciHash.multiplier) >> shift)
  }

  /// The id of a folded token: its vocabulary id, else (for words) the synthetic id of the
  /// longest pattern prefix it starts with, else 0. At least 8 bytes past the token must be
  /// readable (the tokenizer's padding).
  @inline(__always)
  package func id(of bytes: UnsafeBufferPointer<UInt8>, isWord: Bool) -> Int32 {
    let length = bytes.count
    guard let base = bytes.baseAddress else { return 0 }
    let key = FrozenLookup.key(base, length: length)
    var slot = FrozenLookup.slot(of: key, shift: shift)
    let wanted = UInt32(truncatingIfNeeded: length)
    while true {
      let entry = entries[slot]
      if entry.id == 0 { break }
      if entry.low == key.low && entry.high == key.high && entry.length == wanted {
        if length <= 16 || memoryEqual(arena + Int(starts[Int(entry.id) - 1]) + 16, base + 16, length - 16) {
          return entry.id
        }
      }
      slot = (slot + 1) & slotMask
    }
    guard isWord && hasPrefixes else { return 0 }
    return prefixID(bytes)
  }

  /// The synthetic id of the longest pattern prefix `bytes` starts with, or 0.
  @inline(__always)
  private func prefixID(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
    var node = 0
    var best: Int32 = -1
    for byte in bytes {
      let child = children[node << 8 | Int(byte)]
      if child < 0 { break }
      node = Int(child)
      if terminal[node] >= 0 { best = terminal[node] }
    }
    return best < 0 ? 0 : firstSyntheticID + best
  }
}
