/// The words the patterns use, each with an integer id (ids start at 1; 0 means "not a
/// pattern word"). Lookups hash the folded bytes eight at a time in an open-addressing
/// table, so the hot path builds no `String` and allocates nothing.
public struct Vocabulary: Sendable {
  private var arena: [UInt8] = []
  private var starts: [Int32] = [0]
  private var slots: [Int32]
  private var hashes: [UInt64]
  private var mask: Int

  public init(capacity: Int = 1024) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = [Int32](repeating: 0, count: size)
    hashes = [UInt64](repeating: 0, count: size)
    mask = size - 1
  }

  /// Rebuilds a vocabulary from its raw tables (precompiled lexicons).
  package init(arena: [UInt8], starts: [Int32], slots: [Int32], hashes: [UInt64]) {
    self.arena = arena
    self.starts = starts
    self.slots = slots
    self.hashes = hashes
    mask = slots.count - 1
  }

  /// The raw tables, for `FrozenLookup`.
  package var table: (slots: [Int32], hashes: [UInt64], arena: [UInt8], starts: [Int32]) {
    (slots, hashes, arena, starts)
  }

  /// The number of words, which is also the largest id.
  public var count: Int { starts.count - 1 }

  /// The folded bytes of word `id` (1-based).
  public func word(_ id: Int32) -> String {
    guard id > 0, Int(id) <= count else { return "" }
    return String(decoding: arena[Int(starts[Int(id) - 1])..<Int(starts[Int(id)])], as: UTF8.self)
  }

  /// The id of `bytes`, adding the word if it is new.
  public mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
    let existing = lookup(bytes)
    if existing != 0 { return existing }
    if (count + 1) * 2 > slots.count { grow() }
    arena.append(contentsOf: bytes)
    starts.append(Int32(arena.count))
    let id = Int32(count)
    insert(id: id, hash: Vocabulary.hash(bytes))
    return id
  }

  /// The id of `word`, adding it if it is new.
  public mutating func intern(_ word: String) -> Int32 {
    var word = word
    return word.withUTF8 { intern($0) }
  }

  /// The id of `bytes`, or 0 when no pattern uses that word.
  @inline(__always)
  public func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
    let hash = Vocabulary.hash(bytes)
    var slot = Int(truncatingIfNeeded: hash) & mask
    return slots.withUnsafeBufferPointer { slots in
      hashes.withUnsafeBufferPointer { hashes in
        arena.withUnsafeBufferPointer { arena in
          while true {
            let id = slots[slot]
            if id == 0 { return 0 }
            if hashes[slot] == hash {
              let start = Int(starts[Int(id) - 1])
              let end = Int(starts[Int(id)])
              if end - start == bytes.count
                && (bytes.count == 0 || memoryEqual(arena.baseAddress! + start, bytes.baseAddress!, bytes.count))
              {
                return id
              }
            }
            slot = (slot + 1) & mask
          }
        }
      }
    }
  }

  /// The id of `word`, or 0.
  public func lookup(_ word: String) -> Int32 {
    var word = word
    return word.withUTF8 { lookup($0) }
  }

  private mutating func insert(id: Int32, hash: UInt64) {
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = id
    hashes[slot] = hash
  }

  private mutating func grow() {
    let size = slots.count * 2
    slots = [Int32](repeating: 0, count: size)
    hashes = [UInt64](repeating: 0, count: size)
    mask = size - 1
    for id in 1...max(1, count) where count > 0 {
      let start = Int(starts[id - 1])
      let end = Int(starts[id])
      let hash = arena[start..<end].withUnsafeBufferPointer { Vocabulary.hash($0) }
      insert(id: Int32(id), hash: hash)
    }
  }

  /// A multiply-xorshift hash over eight bytes at a time. Part of the precompiled format
  /// (the table stores it); `FrozenLookup` hashes with its own at load time.
  @inline(__always)
  package static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    hash(bytes) { raw, offset, remaining in
      var tail: UInt64 = 0
      for index in 0..<remaining {
        tail |= UInt64(raw.load(fromByteOffset: offset + index, as: UInt8.self)) << (8 * index)
      }
      return tail
    }
  }

  /// The hash, with the last 1–7 bytes read (little-endian) by `tail(raw, offset, count)`.
  @inline(__always)
  private static func hash(
    _ bytes: UnsafeBufferPointer<UInt8>, tail: (UnsafeRawPointer, Int, Int) -> UInt64
  ) -> UInt64 {
    var hash: UInt64 = FibonacciHash.multiplier ^ UInt64(bytes.count)
    guard let base = bytes.baseAddress else { return hash }
    let raw = UnsafeRawPointer(base)
    var offset = 0
    while offset + 8 <= bytes.count {
      hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
      hash ^= hash >> 29
      offset += 8
    }
    let remaining = bytes.count - offset
    if remaining > 0 {
      hash = (hash ^ tail(raw, offset, remaining)) &* 0xC4CE_B9FE_1A85_EC53
      hash ^= hash >> 29
    }
    return hash
  }
}

@inline(__always)
package func memoryEqual(_ left: UnsafePointer<UInt8>, _ right: UnsafePointer<UInt8>, _ count: Int) -> Bool {
  var index = 0
  while index < count {
    if left[index] != right[index] { return false }
    index += 1
  }
  return true
}
