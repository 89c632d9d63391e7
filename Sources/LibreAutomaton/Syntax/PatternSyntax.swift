/// A parsed pattern, before its words are given vocabulary ids.
public indirect enum PatternSyntax: Sendable, Equatable {
  /// One token whose folded form is this word.
  case word(String)
  /// One word token starting with these folded letters (`oblig*`).
  case prefix(String)
  /// One token of this kind (`<num>`).
  case kind(TokenKind)
  /// One word in capitals (`<caps>`).
  case caps
  /// One run of two or more `!` (`<shout>`).
  case shout
  /// Any one token (`*`).
  case any
  /// Between `min` and `max` tokens of anything (`*{0,3}`).
  case gap(min: Int, max: Int)
  /// Between `min` and `max` tokens of a noun phrase (`<np{1,4}>`): words, numbers,
  /// placeholders or emoji, never punctuation.
  case slot(min: Int, max: Int)
  /// These parts one after the other (`you must`).
  case sequence([PatternSyntax])
  /// Any one of these alternatives (`(must | have to)`).
  case choice([PatternSyntax])
  /// This part or nothing (`[today]`).
  case optional(PatternSyntax)
  /// A word class of the language (`@you`).
  case classReference(String)
}

/// A mistake in a pattern, at a character offset inside it.
public struct PatternError: Error, Sendable, Equatable {
  /// What is wrong, in one sentence.
  public var message: String
  /// 0-based offset in Unicode scalars from the start of the pattern.
  public var offset: Int

  package init(message: String, offset: Int) {
    self.message = message
    self.offset = offset
  }
}

extension PatternParser {
  /// The parsed pattern at `index` as a syntax tree.
  package func syntax(at index: Int) -> PatternSyntax {
    let node = nodes[index]
    switch node.kind {
    case .word: return .word(words.word(Int32(node.first)))
    case .prefix: return .prefix(words.word(Int32(node.first)))
    case .tokenKind: return .kind(TokenKind(rawValue: UInt8(node.first)) ?? .word)
    case .caps: return .caps
    case .shout: return .shout
    case .any, .test: return .any
    case .gap: return .gap(min: Int(node.first), max: Int(node.second))
    case .slot: return .slot(min: Int(node.first), max: Int(node.second))
    case .group: return syntax(at: index + 1)
    case .optional: return .optional(syntax(at: index + 1))
    case .classReference: return .classReference(names[Int(node.first)])
    case .sequence, .choice:
      var items: [PatternSyntax] = []
      var child = index + 1
      while child < Int(node.end) {
        items.append(syntax(at: child))
        child = Int(nodes[child].end)
      }
      return node.kind == .sequence ? .sequence(items) : .choice(items)
    }
  }
}
