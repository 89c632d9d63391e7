/// Byte strings by id (from 1), for the parser's literal runs and folded words.
///
/// A parse interns some 25,000 times: here a hit costs one hash, one probe and one compare,
/// where `Vocabulary` (built for lookups while linting) spent about 300 instructions.
package struct WordTable {
  private var arena: [UInt8] = []
  /// Word `id`'s bytes are `arena[ends[id - 1]..<ends[id]]`.
  private var ends: [Int32] = [0]
  /// Per id, its hash (index 0 unused).
  private var hashes: [UInt64] = [0]
  /// Open addressing: 0 is an empty slot, else an id.
  private var slots: [Int32]
  private var mask: Int

  package var count: Int { ends.count - 1 }

  package init(capacity: Int) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = [Int32](repeating: 0, count: size)
    mask = size - 1
  }

  /// The id of `bytes`, adding them if they are new.
  package mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
    let hash = WordTable.hash(bytes)
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let id = slots[slot]
      if id == 0 { break }
      if hashes[Int(id)] == hash && equals(id, bytes) { return id }
      slot = (slot + 1) & mask
    }
    arena.append(contentsOf: bytes)
    ends.append(Int32(arena.count))
    hashes.append(hash)
    let id = Int32(count)
    slots[slot] = id
    if count * 2 > slots.count { grow() }
    return id
  }

  /// FNV-1a: the strings are short (a word, a few words), where a byte loop beats
  /// `Vocabulary.hash`'s eight-byte steps and tail. Never stored, so free to differ.
  private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    return hash
  }

  /// Word `id`.
  package func word(_ id: Int32) -> String {
    String(decoding: arena[Int(ends[Int(id) - 1])..<Int(ends[Int(id)])], as: UTF8.self)
  }

  private func equals(_ id: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = Int(ends[Int(id) - 1])
    guard Int(ends[Int(id)]) - start == bytes.count else { return false }
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return true }
    return arena.withUnsafeBufferPointer { memoryEqual($0.baseAddress! + start, base, bytes.count) }
  }

  private mutating func grow() {
    let size = slots.count * 2
    slots = [Int32](repeating: 0, count: size)
    mask = size - 1
    for id in 1..<hashes.count {
      var slot = Int(truncatingIfNeeded: hashes[id]) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(id)
    }
  }
}
