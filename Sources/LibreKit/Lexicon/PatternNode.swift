/// One node of a pattern tree laid out flat: nodes sit in prefix order, each followed by its
/// children, and each knows where its subtree ends.
///
/// A compile parses about 1,500 patterns. As an indirect enum every word was a box to
/// allocate and release again; one flat array of plain values for all of them costs
/// neither, and copies as memory.
struct PatternNode: Sendable {
  enum Kind: UInt8, Sendable {
    /// A folded word; `first` is its id in the parser's word table.
    case word
    /// A word prefix (`oblig*`); `first` is its id in the parser's word table.
    case prefix
    /// A token kind (`<num>`); `first` is the kind's raw value.
    case tokenKind
    case caps
    case shout
    case any
    /// `*{first,second}`.
    case gap
    case sequence
    case choice
    /// A parenthesized alternation with a single branch: stands for its one child.
    case group
    case optional
    /// `@name`; `first` indexes the parser's class names.
    case classReference
    /// A resolved test; `first` is the `TokenTest`'s raw value.
    case test
  }

  var kind: Kind
  var first: UInt32 = 0
  var second: Int32 = 0
  /// The index just past this node's subtree.
  var end: Int32

  init(_ kind: Kind, first: UInt32 = 0, second: Int32 = 0, end: Int) {
    self.kind = kind
    self.first = first
    self.second = second
    self.end = Int32(end)
  }
}

/// Questions about a resolved pattern (nodes of kind test, gap, sequence, choice and
/// optional), answered by walking its flat nodes.
struct ResolvedShape {
  let nodes: [PatternNode]

  /// The fewest and the most tokens a match can span.
  func lengthBounds(_ index: Int) -> (minimum: Int, maximum: Int) {
    let node = nodes[index]
    switch node.kind {
    case .gap: return (Int(node.first), Int(node.second))
    case .optional: return (0, lengthBounds(index + 1).maximum)
    case .sequence:
      var bounds = (minimum: 0, maximum: 0)
      var child = index + 1
      while child < Int(node.end) {
        let inner = lengthBounds(child)
        bounds = (bounds.minimum + inner.minimum, bounds.maximum + inner.maximum)
        child = Int(nodes[child].end)
      }
      return bounds
    case .choice:
      guard index + 1 < Int(node.end) else { return (0, 0) }
      var bounds = lengthBounds(index + 1)
      var child = Int(nodes[index + 1].end)
      while child < Int(node.end) {
        let inner = lengthBounds(child)
        bounds = (min(bounds.minimum, inner.minimum), max(bounds.maximum, inner.maximum))
        child = Int(nodes[child].end)
      }
      return bounds
    default: return (1, 1)
    }
  }

  /// Whether the pattern can match without reading a token: then its start reaches its end
  /// by empty moves alone. (A choice of no branch never ends, though its bounds are 0.)
  func isNullable(_ index: Int) -> Bool {
    let node = nodes[index]
    switch node.kind {
    case .gap: return node.first == 0
    case .optional: return true
    case .sequence, .choice:
      let all = node.kind == .sequence
      var child = index + 1
      while child < Int(node.end) {
        if isNullable(child) != all { return !all }
        child = Int(nodes[child].end)
      }
      return all
    default: return false
    }
  }

  /// Whether the first position is a gap or a lone `*`.
  func startsWithWildcard(_ index: Int) -> Bool {
    let node = nodes[index]
    switch node.kind {
    case .test: return node.first == TokenTest.any.raw
    case .gap: return true
    case .optional: return startsWithWildcard(index + 1)
    case .sequence: return index + 1 < Int(node.end) && startsWithWildcard(index + 1)
    case .choice:
      var child = index + 1
      while child < Int(node.end) {
        if startsWithWildcard(child) { return true }
        child = Int(nodes[child].end)
      }
      return false
    default: return false
    }
  }

  /// Whether the last position is a gap or a lone `*`.
  func endsWithWildcard(_ index: Int) -> Bool {
    let node = nodes[index]
    switch node.kind {
    case .test: return node.first == TokenTest.any.raw
    case .gap: return true
    case .optional: return endsWithWildcard(index + 1)
    case .sequence, .choice:
      var child = index + 1
      var last = -1
      while child < Int(node.end) {
        if node.kind == .choice, endsWithWildcard(child) { return true }
        last = child
        child = Int(nodes[child].end)
      }
      return node.kind == .sequence && last >= 0 && endsWithWildcard(last)
    default: return false
    }
  }
}
