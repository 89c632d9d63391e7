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
public struct PatternParser {
  /// Longest gap allowed by `*{m,n}`.
  public static let maximumGap = 8
  private static let kinds: [String: PatternSyntax] = [
    "num": .kind(.number), "placeholder": .kind(.placeholder), "url": .kind(.url), "email": .kind(.email),
    "emoji": .kind(.emoji), "punct": .kind(.punctuation), "caps": .caps, "shout": .shout,
  ]

  private let scalars: [Unicode.Scalar]
  private var index = 0
  private let words: WordFolder

  /// Parses `pattern` into syntax, tokenizing its literal words with the text tokenizer.
  public static func parse(_ pattern: String) throws(PatternError) -> PatternSyntax {
    try parse(pattern, words: WordFolder())
  }

  /// Parses `pattern`, folding its literals with `words`.
  static func parse(_ pattern: String, words: WordFolder) throws(PatternError) -> PatternSyntax {
    var parser = PatternParser(scalars: Array(pattern.unicodeScalars), words: words)
    let syntax = try parser.alternation(closing: nil)
    guard parser.index == parser.scalars.count else {
      throw PatternError(message: "unexpected '\(parser.scalars[parser.index])'", offset: parser.index)
    }
    return syntax
  }

  private init(scalars: [Unicode.Scalar], words: WordFolder) {
    self.scalars = scalars
    self.words = words
  }

  private mutating func alternation(closing: Unicode.Scalar?) throws(PatternError) -> PatternSyntax {
    let start = index
    var branches: [PatternSyntax] = []
    while true {
      let branchStart = index
      let branch = try sequence()
      if case .sequence(let items) = branch, items.isEmpty {
        throw PatternError(message: "empty alternative", offset: branchStart)
      }
      branches.append(branch)
      guard index < scalars.count else {
        if let closing { throw PatternError(message: "missing '\(closing)'", offset: start - 1) }
        break
      }
      if scalars[index] == "|" {
        index += 1
        continue
      }
      if let closing, scalars[index] == closing { break }
      if closing == nil { throw PatternError(message: "unmatched '\(scalars[index])'", offset: index) }
      throw PatternError(message: "expected '|' or '\(closing!)'", offset: index)
    }
    return branches.count == 1 ? branches[0] : .choice(branches)
  }

  /// A run of literal text inside a sequence, as UTF-8, until a special character ends it.
  private struct Literal {
    var bytes: [UInt8] = []
    var start = 0
    var lastIsSpace = false

    mutating func append(_ scalar: Unicode.Scalar, at offset: Int) {
      if bytes.isEmpty { start = offset }
      if scalar.isASCII {
        bytes.append(UInt8(scalar.value))
        lastIsSpace = scalar == " " || scalar == "\t"
      } else {
        bytes.append(contentsOf: String(scalar).utf8)
        lastIsSpace = scalar.properties.isWhitespace
      }
    }
  }

  /// Folds a pending literal into word items (the last one a prefix, when `prefix`).
  private func flush(_ literal: inout Literal, into items: inout [PatternSyntax], prefix: Bool) throws(PatternError) {
    defer { literal.bytes.removeAll(keepingCapacity: true) }
    guard !literal.bytes.isEmpty else { return }
    var folded = words.fold(bytes: literal.bytes)
    if prefix {
      guard let last = folded.popLast(), last.unicodeScalars.count >= 3 else {
        throw PatternError(message: "a prefix needs at least 3 letters before '*'", offset: literal.start)
      }
      for word in folded { items.append(.word(word)) }
      items.append(.prefix(last))
    } else {
      // One append per word: `+= map` goes through the generic path, costly per literal.
      for word in folded { items.append(.word(word)) }
    }
  }

  private mutating func sequence() throws(PatternError) -> PatternSyntax {
    var items: [PatternSyntax] = []
    var literal = Literal()
    func flushLiteral(prefix: Bool) throws(PatternError) {
      try flush(&literal, into: &items, prefix: prefix)
    }
    while index < scalars.count {
      let scalar = scalars[index]
      switch scalar {
      case "|", ")", "]":
        try flushLiteral(prefix: false)
        return .sequence(items)
      case "(", "[":
        try flushLiteral(prefix: false)
        index += 1
        let inner = try alternation(closing: scalar == "(" ? ")" : "]")
        index += 1
        items.append(scalar == "(" ? inner : .optional(inner))
      case "*":
        let attached = !literal.bytes.isEmpty && !literal.lastIsSpace
        if attached {
          try flushLiteral(prefix: true)
          index += 1
        } else {
          try flushLiteral(prefix: false)
          items.append(try gap())
        }
      case "@":
        try flushLiteral(prefix: false)
        let start = index
        index += 1
        let name = name()
        guard !name.isEmpty else { throw PatternError(message: "'@' must be followed by a class name", offset: start) }
        items.append(.classReference(name))
      case "<":
        try flushLiteral(prefix: false)
        let start = index
        index += 1
        let name = name()
        guard index < scalars.count, scalars[index] == ">" else {
          throw PatternError(message: "expected '>' after '<\(name)'", offset: start)
        }
        index += 1
        guard let kind = PatternParser.kinds[name] else {
          let known = PatternParser.kinds.keys.sorted().map { "<\($0)>" }.joined(separator: ", ")
          throw PatternError(message: "unknown token kind '<\(name)>' (known: \(known))", offset: start)
        }
        items.append(kind)
      case "\\":
        guard index + 1 < scalars.count else { throw PatternError(message: "'\\' at the end", offset: index) }
        literal.append(scalars[index + 1], at: index)
        index += 2
      default:
        literal.append(scalar, at: index)
        index += 1
      }
    }
    try flushLiteral(prefix: false)
    return .sequence(items)
  }

  /// `*` or `*{min,max}`.
  private mutating func gap() throws(PatternError) -> PatternSyntax {
    let start = index
    index += 1
    guard index < scalars.count, scalars[index] == "{" else { return .any }
    index += 1
    var text = ""
    while index < scalars.count, scalars[index] != "}" {
      text.unicodeScalars.append(scalars[index])
      index += 1
    }
    guard index < scalars.count else { throw PatternError(message: "missing '}' after '*{'", offset: start) }
    index += 1
    let bounds = text.split(separator: ",", omittingEmptySubsequences: false).map {
      Int($0.trimmingSpaces())
    }
    guard bounds.count == 2, let low = bounds[0], let high = bounds[1], low >= 0, low <= high else {
      throw PatternError(message: "a gap is written *{min,max} with 0 <= min <= max", offset: start)
    }
    guard high <= PatternParser.maximumGap else {
      throw PatternError(message: "a gap may span at most \(PatternParser.maximumGap) tokens", offset: start)
    }
    return .gap(min: low, max: high)
  }

  private mutating func name() -> String {
    var name = ""
    while index < scalars.count,
      scalars[index].properties.isAlphabetic || ("0"..."9").contains(scalars[index]) || scalars[index] == "-"
        || scalars[index] == "_"
    {
      name.unicodeScalars.append(scalars[index])
      index += 1
    }
    return name
  }

  /// The folded tokens of a literal run, as the text tokenizer sees them.
  static func foldedWords(_ text: String, with words: WordFolder = WordFolder()) -> [String] {
    words.fold(text)
  }
}

/// A tokenizer kept for folding the many literals of one compile, instead of one per literal.
/// Not shared between threads: each compile makes its own.
final class WordFolder {
  private let tokenizer = Tokenizer()

  func fold(_ text: String) -> [String] {
    var text = text
    return text.withUTF8 { fold(buffer: $0) }
  }

  func fold(bytes: [UInt8]) -> [String] {
    bytes.withUnsafeBufferPointer { fold(buffer: $0) }
  }

  private func fold(buffer: UnsafeBufferPointer<UInt8>) -> [String] {
    var collector = FoldedWordList()
    tokenizer.tokenize(buffer, into: &collector)
    return collector.words
  }
}

/// A sink that keeps only the folded forms, as strings.
struct FoldedWordList: TokenSink {
  var words: [String] = []

  mutating func token(
    start: Int, end: Int, kind: TokenKind, flags: TokenFlags, folded: UnsafeBufferPointer<UInt8>
  ) {
    words.append(String(decoding: folded, as: UTF8.self))
  }
}

/// A sink that keeps each token's folded form as a `String` (for patterns and tests, not the hot path).
public struct FoldedWordCollector: TokenSink {
  public var tokens: [(start: Int, end: Int, kind: TokenKind, flags: TokenFlags, folded: String)] = []
  /// The folded forms alone.
  public var words: [String] { tokens.map(\.folded) }

  public init() {}

  public mutating func token(
    start: Int, end: Int, kind: TokenKind, flags: TokenFlags, folded: UnsafeBufferPointer<UInt8>
  ) {
    tokens.append((start, end, kind, flags, String(decoding: folded, as: UTF8.self)))
  }
}

extension StringProtocol {
  func trimmingSpaces() -> String {
    var scalars = Substring(self).unicodeScalars[...]
    while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
    return String(String.UnicodeScalarView(scalars))
  }
}
