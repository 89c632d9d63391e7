package struct FlatStartIndex: Sendable {
  package let idOffsets: [Int32]
  package let targets: [Int32]
  package let byKind: [[Int32]]
  package let caps: [Int32]
  package let shout: [Int32]
  /// Bit k set when some pattern starts with `<kind k>`.
  let kindMask: UInt8

  package init(idOffsets: [Int32], targets: [Int32], byKind: [[Int32]], caps: [Int32], shout: [Int32]) {
    self.idOffsets = idOffsets
    self.targets = targets
    self.byKind = byKind
    self.caps = caps
    self.shout = shout
    var mask: UInt8 = 0
    for (kind, list) in byKind.enumerated() where !list.isEmpty { mask |= 1 << UInt8(kind) }
    kindMask = mask
  }
}
