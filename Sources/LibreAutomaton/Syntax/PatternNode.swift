/// One node of a pattern tree laid out flat: nodes sit in prefix order, each followed by its
/// children, and each knows where its subtree ends.
///
/// A compile parses about 1,500 patterns. As an indirect enum every word was a box to
/// allocate and release again; one flat array of plain values for all of them costs
/// neither, and copies as memory.
package struct PatternNode: Sendable {
  package enum Kind: UInt8, Sendable {
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
    /// `<np{first,second}>`: between `first` and `second` tokens of a noun phrase.
    case slot
  }

  package var kind: Kind
  package var first: UInt32 = 0
  package var second: Int32 = 0
  /// The index just past this node's subtree.
  package var end: Int32

  package init(_ kind: Kind, first: UInt32 = 0, second: Int32 = 0, end: Int) {
    self.kind = kind
    self.first = first
    self.second = second
    self.end = Int32(end)
  }
}

/// What the compiler checks of a resolved pattern (nodes of kind test, gap, sequence,
/// choice and optional), measured in one walk of its flat nodes.
package struct ResolvedShape {
  /// The fewest and the most tokens a match can span.
  package var minimum: Int
  package var maximum: Int
  /// Whether it can match without reading a token: then its start reaches its end by empty
  /// moves alone. (A choice of no branch never ends, though its bounds are 0.)
  package var isNullable: Bool
  /// Whether its first or its last position is a gap, a noun-phrase slot or a lone `*`.
  package var startsWithWildcard: Bool
  package var endsWithWildcard: Bool

  /// The shape of the subtree at `index` of `nodes`.
  package init(_ nodes: [PatternNode], at index: Int) {
    self = nodes.withUnsafeBufferPointer { ResolvedShape($0, at: index) }
  }

  /// Read through a pointer: passing the array down the recursion retained it at every node.
  private init(_ nodes: UnsafeBufferPointer<PatternNode>, at index: Int) {
    let node = nodes[index]
    switch node.kind {
    case .gap, .slot:
      self.init(Int(node.first), Int(node.second), node.first == 0, true, true)
    case .optional:
      let inner = ResolvedShape(nodes, at: index + 1)
      self.init(0, inner.maximum, true, inner.startsWithWildcard, inner.endsWithWildcard)
    case .sequence:
      self.init(0, 0, true, false, false)
      var child = index + 1
      while child < Int(node.end) {
        let inner = ResolvedShape(nodes, at: child)
        if child == index + 1 { startsWithWildcard = inner.startsWithWildcard }
        minimum += inner.minimum
        maximum += inner.maximum
        isNullable = isNullable && inner.isNullable
        endsWithWildcard = inner.endsWithWildcard
        child = Int(nodes[child].end)
      }
    case .choice:
      self.init(0, 0, false, false, false)
      var child = index + 1
      while child < Int(node.end) {
        let inner = ResolvedShape(nodes, at: child)
        if child == index + 1 {
          (minimum, maximum) = (inner.minimum, inner.maximum)
        } else {
          (minimum, maximum) = (min(minimum, inner.minimum), max(maximum, inner.maximum))
        }
        isNullable = isNullable || inner.isNullable
        startsWithWildcard = startsWithWildcard || inner.startsWithWildcard
        endsWithWildcard = endsWithWildcard || inner.endsWithWildcard
        child = Int(nodes[child].end)
      }
    default:
      let isAny = node.first == TokenTest.any.raw
      self.init(1, 1, false, isAny, isAny)
    }
  }

  private init(_ minimum: Int, _ maximum: Int, _ isNullable: Bool, _ starts: Bool, _ ends: Bool) {
    self.minimum = minimum
    self.maximum = maximum
    self.isNullable = isNullable
    startsWithWildcard = starts
    endsWithWildcard = ends
  }
}
