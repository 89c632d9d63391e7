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
  case sequence([PatternSyntax])
  case choice([PatternSyntax])
  case optional(PatternSyntax)
  /// A word class of the language (`@you`).
  case classReference(String)
}

/// A mistake in a pattern, at a character offset inside it.
public struct PatternError: Error, Sendable, Equatable {
  public var message: String
  /// 0-based offset in Unicode scalars from the start of the pattern.
  public var offset: Int
}

/// Reads the pattern language of `docs/lexicon-format.md`.
///
/// One parser reads all the patterns of a compile into one flat array of nodes, its folded
/// words into one word table: the patterns cost no allocation each.
public struct PatternParser {
  /// Longest gap allowed by `*{m,n}`.
  public static let maximumGap = 8
  private static let kinds: [String: PatternNode] = [
    "num": node(.tokenKind, TokenKind.number), "placeholder": node(.tokenKind, TokenKind.placeholder),
    "url": node(.tokenKind, TokenKind.url), "email": node(.tokenKind, TokenKind.email),
    "emoji": node(.tokenKind, TokenKind.emoji), "punct": node(.tokenKind, TokenKind.punctuation),
    "caps": PatternNode(.caps, end: 0), "shout": PatternNode(.shout, end: 0),
  ]

  private static func node(_ kind: PatternNode.Kind, _ token: TokenKind) -> PatternNode {
    PatternNode(kind, first: UInt32(token.rawValue), end: 0)
  }

  /// Every pattern parsed so far, flat.
  private(set) var nodes: [PatternNode] = []
  /// The folded words and prefixes the patterns spell, by id. These are not the lexicons'
  /// vocabulary ids, which follow the order the resolver meets words in.
  private(set) var words = Vocabulary(capacity: 4096)
  /// The class names the patterns use, by index.
  private(set) var names: [String] = []
  private let folder: WordFolder
  /// The pattern being read, as UTF-8; error offsets are converted to scalars when thrown.
  private var source: [UInt8] = []
  private var index = 0
  /// Literal text not yet folded into words, with where it started and whether it ends in a space.
  private var literal: [UInt8] = []
  private var literalStart = 0
  private var literalEndsInSpace = false
  private var run = FoldedRun()

  init(folder: WordFolder) { self.folder = folder }

  /// Parses `pattern` into syntax, tokenizing its literal words with the text tokenizer.
  public static func parse(_ pattern: String) throws(PatternError) -> PatternSyntax {
    var parser = PatternParser(folder: WordFolder())
    let root = try parser.add(pattern)
    return parser.syntax(at: root)
  }

  /// Parses one more pattern into `nodes` and returns the index of its root; after an
  /// error, `nodes` is as it was.
  mutating func add(_ pattern: String) throws(PatternError) -> Int {
    source.removeAll(keepingCapacity: true)
    source.append(contentsOf: pattern.utf8)
    index = 0
    let root = nodes.count
    do throws(PatternError) {
      try alternation(closing: nil)
      guard index == source.count else { throw error("unexpected '\(scalar(at: index).scalar)'", at: index) }
    } catch {
      nodes.removeSubrange(root...)
      literal.removeAll(keepingCapacity: true)
      throw error
    }
    return root
  }

  /// The parsed pattern at `index` as a syntax tree.
  func syntax(at index: Int) -> PatternSyntax {
    let node = nodes[index]
    switch node.kind {
    case .word: return .word(words.word(Int32(node.first)))
    case .prefix: return .prefix(words.word(Int32(node.first)))
    case .tokenKind: return .kind(TokenKind(rawValue: UInt8(node.first)) ?? .word)
    case .caps: return .caps
    case .shout: return .shout
    case .any, .test: return .any
    case .gap: return .gap(min: Int(node.first), max: Int(node.second))
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

  /// An error at byte `offset` of the pattern, reported in Unicode scalars.
  private func error(_ message: String, at offset: Int) -> PatternError {
    PatternError(message: message, offset: source[..<offset].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) })
  }

  /// The scalar starting at byte `offset`, and its length in bytes.
  private func scalar(at offset: Int) -> (scalar: Unicode.Scalar, length: Int) {
    let lead = source[offset]
    if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
    let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    let text = String(decoding: source[offset..<min(source.count, offset + length)], as: UTF8.self)
    return (text.unicodeScalars.first ?? "\u{FFFD}", length)
  }

  /// Closes the node opened at `header`: its subtree ends here.
  private mutating func close(_ header: Int) { nodes[header].end = Int32(nodes.count) }

  private mutating func alternation(closing: UInt8?) throws(PatternError) {
    let start = index
    let header = nodes.count
    nodes.append(PatternNode(.choice, end: header + 1))
    var branches = 0
    while true {
      let branchStart = index
      let branch = nodes.count
      try sequence()
      if nodes[branch].end == Int32(branch + 1) { throw error("empty alternative", at: branchStart) }
      branches += 1
      guard index < source.count else {
        if let closing { throw error("missing '\(Unicode.Scalar(closing))'", at: start - 1) }
        break
      }
      if source[index] == UInt8(ascii: "|") {
        index += 1
        continue
      }
      if let closing, source[index] == closing { break }
      guard let closing else { throw error("unmatched '\(scalar(at: index).scalar)'", at: index) }
      throw error("expected '|' or '\(Unicode.Scalar(closing))'", at: index)
    }
    if branches == 1 { nodes[header].kind = .group }
    close(header)
  }

  /// Adds one scalar (at byte `offset`, `length` bytes) to the pending literal.
  private mutating func appendLiteral(at offset: Int, length: Int, startingAt start: Int) {
    if literal.isEmpty { literalStart = start }
    let lead = source[offset]
    if lead < 0x80 {
      literal.append(lead)
      literalEndsInSpace = lead == UInt8(ascii: " ") || lead == UInt8(ascii: "\t")
    } else {
      literal.append(contentsOf: source[offset..<offset + length])
      literalEndsInSpace = scalar(at: offset).scalar.properties.isWhitespace
    }
  }

  /// Folds the pending literal into word nodes (the last one a prefix, when `prefix`).
  private mutating func flush(prefix: Bool) throws(PatternError) {
    guard !literal.isEmpty else { return }
    folder.fold(literal, into: &run)
    literal.removeAll(keepingCapacity: true)
    if prefix {
      let start = run.ends.count > 1 ? run.ends[run.ends.count - 2] : 0
      let letters = run.bytes[start..<(run.ends.last ?? 0)].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
      guard letters >= 3 else { throw error("a prefix needs at least 3 letters before '*'", at: literalStart) }
    }
    var start = 0
    for (number, end) in run.ends.enumerated() {
      let kind = prefix && number == run.ends.count - 1 ? PatternNode.Kind.prefix : .word
      let id = run.bytes.withUnsafeBufferPointer { words.intern(UnsafeBufferPointer(rebasing: $0[start..<end])) }
      nodes.append(PatternNode(kind, first: UInt32(id), end: nodes.count + 1))
      start = end
    }
  }

  private mutating func sequence() throws(PatternError) {
    let header = nodes.count
    nodes.append(PatternNode(.sequence, end: header + 1))
    while index < source.count {
      let byte = source[index]
      switch byte {
      case UInt8(ascii: "|"), UInt8(ascii: ")"), UInt8(ascii: "]"):
        try flush(prefix: false)
        close(header)
        return
      case UInt8(ascii: "("), UInt8(ascii: "["):
        try flush(prefix: false)
        index += 1
        if byte == UInt8(ascii: "(") {
          try alternation(closing: UInt8(ascii: ")"))
        } else {
          let optional = nodes.count
          nodes.append(PatternNode(.optional, end: optional + 1))
          try alternation(closing: UInt8(ascii: "]"))
          close(optional)
        }
        index += 1
      case UInt8(ascii: "*"):
        if !literal.isEmpty && !literalEndsInSpace {
          try flush(prefix: true)
          index += 1
        } else {
          try flush(prefix: false)
          try gap()
        }
      case UInt8(ascii: "@"):
        try flush(prefix: false)
        let start = index
        index += 1
        let name = name()
        guard !name.isEmpty else { throw error("'@' must be followed by a class name", at: start) }
        nodes.append(PatternNode(.classReference, first: UInt32(names.count), end: nodes.count + 1))
        names.append(name)
      case UInt8(ascii: "<"):
        try flush(prefix: false)
        let start = index
        index += 1
        let name = name()
        guard index < source.count, source[index] == UInt8(ascii: ">") else {
          throw error("expected '>' after '<\(name)'", at: start)
        }
        index += 1
        guard var kind = PatternParser.kinds[name] else {
          let known = PatternParser.kinds.keys.sorted().map { "<\($0)>" }.joined(separator: ", ")
          throw error("unknown token kind '<\(name)>' (known: \(known))", at: start)
        }
        kind.end = Int32(nodes.count + 1)
        nodes.append(kind)
      case UInt8(ascii: "\\"):
        guard index + 1 < source.count else { throw error("'\\' at the end", at: index) }
        let length = scalar(at: index + 1).length
        appendLiteral(at: index + 1, length: length, startingAt: index)
        index += 1 + length
      default:
        let length = byte < 0x80 ? 1 : scalar(at: index).length
        appendLiteral(at: index, length: length, startingAt: index)
        index += length
      }
    }
    try flush(prefix: false)
    close(header)
  }

  /// `*` or `*{min,max}`.
  private mutating func gap() throws(PatternError) {
    let start = index
    index += 1
    guard index < source.count, source[index] == UInt8(ascii: "{") else {
      nodes.append(PatternNode(.any, end: nodes.count + 1))
      return
    }
    index += 1
    let textStart = index
    while index < source.count, source[index] != UInt8(ascii: "}") { index += 1 }
    guard index < source.count else { throw error("missing '}' after '*{'", at: start) }
    let text = String(decoding: source[textStart..<index], as: UTF8.self)
    index += 1
    let bounds = text.split(separator: ",", omittingEmptySubsequences: false).map {
      Int($0.trimmingSpaces())
    }
    guard bounds.count == 2, let low = bounds[0], let high = bounds[1], low >= 0, low <= high else {
      throw error("a gap is written *{min,max} with 0 <= min <= max", at: start)
    }
    guard high <= PatternParser.maximumGap else {
      throw error("a gap may span at most \(PatternParser.maximumGap) tokens", at: start)
    }
    nodes.append(PatternNode(.gap, first: UInt32(low), second: Int32(high), end: nodes.count + 1))
  }

  private mutating func name() -> String {
    let start = index
    while index < source.count {
      let (scalar, length) = scalar(at: index)
      guard scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" else {
        break
      }
      index += length
    }
    return String(decoding: source[start..<index], as: UTF8.self)
  }

  /// The folded tokens of a literal run, as the text tokenizer sees them.
  static func foldedWords(_ text: String, with words: WordFolder = WordFolder()) -> [String] {
    words.fold(text)
  }
}
