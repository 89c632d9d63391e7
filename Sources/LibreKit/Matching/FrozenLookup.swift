/// The vocabulary and the prefix trie, frozen into raw memory once the lexicons are
/// compiled: the tokenizer's sink looks every token up here, so the lookup touches no
/// array header, reference count or closure. Immutable, hence safe to share.
final class FrozenLookup: @unchecked Sendable {
  private let slots: UnsafeMutablePointer<Int32>
  private let hashes: UnsafeMutablePointer<UInt64>
  private let arena: UnsafeMutablePointer<UInt8>
  private let starts: UnsafeMutablePointer<Int32>
  private let mask: Int
  /// Trie: `children[node << 8 | byte]` → child or -1; `terminal[node]` → prefix index or -1.
  private let children: UnsafeMutablePointer<Int32>
  private let terminal: UnsafeMutablePointer<Int32>
  private let hasPrefixes: Bool
  private let firstSyntheticID: Int32

  init(vocabulary: Vocabulary, prefixes: PrefixTable) {
    let table = vocabulary.table
    mask = table.slots.count - 1
    slots = FrozenLookup.copy(table.slots)
    hashes = FrozenLookup.copy(table.hashes)
    arena = FrozenLookup.copy(table.arena.isEmpty ? [0] : table.arena)
    starts = FrozenLookup.copy(table.starts)
    let trie = prefixes.trie
    children = FrozenLookup.copy(trie.children.isEmpty ? [-1] : trie.children)
    terminal = FrozenLookup.copy(trie.terminal.isEmpty ? [-1] : trie.terminal)
    hasPrefixes = !prefixes.prefixes.isEmpty
    firstSyntheticID = prefixes.firstSyntheticID
  }

  deinit {
    slots.deallocate()
    hashes.deallocate()
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

  /// The id of a folded token: its vocabulary id, else (for words) the synthetic id of the
  /// longest pattern prefix it starts with, else 0.
  @inline(__always)
  func id(of bytes: UnsafeBufferPointer<UInt8>, isWord: Bool) -> Int32 {
    let hash = Vocabulary.paddedHash(bytes)
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let id = slots[slot]
      if id == 0 { break }
      if hashes[slot] == hash {
        let start = Int(starts[Int(id) - 1])
        let length = Int(starts[Int(id)]) - start
        if length == bytes.count && memoryEqual(arena + start, bytes.baseAddress!, length) { return id }
      }
      slot = (slot + 1) & mask
    }
    guard isWord && hasPrefixes else { return 0 }
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
