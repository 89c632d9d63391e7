/// Reads the pattern language of `docs/lexicon-format.md`.
///
/// One parser reads all the patterns of a compile into one flat array of nodes, its folded
/// words into one word table: the patterns cost no allocation each.
public struct PatternParser {
  /// Longest gap allowed by `*{m,n}`, and longest noun-phrase slot.
  public static let maximumGap = 8
  /// The token kind name of a noun-phrase slot, and its bounds when none are written.
  static let slotName = "np"
  static let defaultSlot = (low: 1, high: 4)
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
  package private(set) var nodes: [PatternNode] = []
  /// The folded words and prefixes the patterns spell, by id. These are not the lexicons'
  /// vocabulary ids, which follow the order the resolver meets words in.
  package private(set) var words = WordTable(capacity: 4096)
  /// The class names the patterns use, by index.
  package private(set) var names: [String] = []
  private let folder: WordFolder
  /// The pattern being read, as UTF-8, valid during `add`; error offsets are converted to
  /// scalars when thrown.
  private var source = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
  private var index = 0
  /// Literal text not yet folded into words: where its first scalar starts, and its bytes,
  /// `source[runStart..<runEnd]` until an escape makes it a copy in `escaped`.
  private var hasLiteral = false
  private var literalStart = 0
  private var runStart = 0
  private var runEnd = 0
  private var isEscaped = false
  private var escaped: [UInt8] = []
  private var literalEndsInSpace = false
  /// Literal runs already folded (the same few words recur in many patterns): run id →
  /// its word ids, `literalWords[literalWordStart[id - 1]..<literalWordStart[id]]`.
  private var literals = WordTable(capacity: 8192)
  private var literalWordStart: [Int32] = [0]
  private var literalWords: [Int32] = []
  private var run = FoldedRun()

  package init(folder: WordFolder) { self.folder = folder }

  /// Parses `pattern` into syntax, tokenizing its literal words with the text tokenizer.
  public static func parse(_ pattern: String) throws(PatternError) -> PatternSyntax {
    var parser = PatternParser(folder: WordFolder())
    let root = try parser.add(pattern)
    return parser.syntax(at: root)
  }

  /// Parses one more pattern into `nodes` and returns the index of its root; after an
  /// error, `nodes` is as it was.
  package mutating func add(_ pattern: String) throws(PatternError) -> Int {
    var pattern = pattern
    let result = pattern.withUTF8 { bytes in
      Result { () throws(PatternError) -> Int in try add(bytes) }
    }
    return try result.get()
  }

  private mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) throws(PatternError) -> Int {
    source = bytes
    defer { source = UnsafeBufferPointer(start: nil, count: 0) }
    index = 0
    hasLiteral = false
    let root = nodes.count
    do throws(PatternError) {
      try alternation(closing: nil)
      guard index == source.count else { throw error("unexpected '\(scalar(at: index).scalar)'", at: index) }
    } catch {
      nodes.removeSubrange(root...)
      throw error
    }
    return root
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

  /// Whether `byte` ends a run of literal text.
  @inline(__always)
  private static func isSpecial(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "|"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"),
      UInt8(ascii: "*"), UInt8(ascii: "@"), UInt8(ascii: "<"), UInt8(ascii: "\\"):
      return true
    default: return false
    }
  }

  /// Whether the scalar ending at byte `end` is a space (a tab, or any whitespace beyond ASCII).
  private func endsInSpace(_ end: Int) -> Bool {
    let last = source[end - 1]
    if last < 0x80 { return last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") }
    var start = end - 1
    while start > 0 && source[start] & 0xC0 == 0x80 { start -= 1 }
    return scalar(at: start).scalar.properties.isWhitespace
  }

  /// Reads literal text up to the next special character.
  private mutating func readRun() {
    let start = index
    while index < source.count && !PatternParser.isSpecial(source[index]) { index += 1 }
    if !hasLiteral {
      hasLiteral = true
      isEscaped = false
      literalStart = start
      runStart = start
    }
    if isEscaped { escaped.append(contentsOf: source[start..<index]) } else { runEnd = index }
    literalEndsInSpace = endsInSpace(index)
  }

  /// Reads `\x`: the scalar after the backslash, as literal text.
  private mutating func readEscape() throws(PatternError) {
    guard index + 1 < source.count else { throw error("'\\' at the end", at: index) }
    let length = scalar(at: index + 1).length
    if !hasLiteral {
      hasLiteral = true
      literalStart = index
      escaped.removeAll(keepingCapacity: true)
    } else if !isEscaped {
      escaped.removeAll(keepingCapacity: true)
      escaped.append(contentsOf: source[runStart..<runEnd])
    }
    isEscaped = true
    escaped.append(contentsOf: source[index + 1..<index + 1 + length])
    literalEndsInSpace = endsInSpace(index + 1 + length)
    index += 1 + length
  }

  /// Folds the pending literal into word nodes (the last one a prefix, when `prefix`).
  private mutating func flush(prefix: Bool) throws(PatternError) {
    guard hasLiteral else { return }
    hasLiteral = false
    let id: Int
    if isEscaped {
      let bytes = escaped
      id = bytes.withUnsafeBufferPointer { foldLiteral($0) }
    } else {
      id = foldLiteral(UnsafeBufferPointer(rebasing: source[runStart..<runEnd]))
    }
    let first = Int(literalWordStart[id - 1])
    let end = Int(literalWordStart[id])
    if prefix {
      guard first < end, words.word(literalWords[end - 1]).unicodeScalars.count >= 3 else {
        throw error("a prefix needs at least 3 letters before '*'", at: literalStart)
      }
    }
    for position in first..<end {
      let kind = prefix && position == end - 1 ? PatternNode.Kind.prefix : .word
      nodes.append(PatternNode(kind, first: UInt32(literalWords[position]), end: nodes.count + 1))
    }
  }

  /// The id of a literal run, folding it into words the first time it is met. Spaces at
  /// either end fold to nothing, so runs that differ only there share one id.
  private mutating func foldLiteral(_ untrimmed: UnsafeBufferPointer<UInt8>) -> Int {
    var first = 0
    var last = untrimmed.count
    while first < last && untrimmed[first] == UInt8(ascii: " ") { first += 1 }
    while last > first && untrimmed[last - 1] == UInt8(ascii: " ") { last -= 1 }
    let bytes = UnsafeBufferPointer(rebasing: untrimmed[first..<last])
    let id = Int(literals.intern(bytes))
    guard id == literalWordStart.count else { return id }
    folder.fold(bytes, into: &run)
    var start = 0
    for end in run.ends {
      literalWords.append(
        run.bytes.withUnsafeBufferPointer { words.intern(UnsafeBufferPointer(rebasing: $0[start..<end])) })
      start = end
    }
    literalWordStart.append(Int32(literalWords.count))
    return id
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
        if hasLiteral && !literalEndsInSpace {
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
        if name == PatternParser.slotName {
          try slot(from: start)
          continue
        }
        guard index < source.count, source[index] == UInt8(ascii: ">") else {
          throw error("expected '>' after '<\(name)'", at: start)
        }
        index += 1
        guard var kind = PatternParser.kinds[name] else {
          let known = (PatternParser.kinds.keys + [PatternParser.slotName]).sorted().map { "<\($0)>" }.joined(
            separator: ", ")
          throw error("unknown token kind '<\(name)>' (known: \(known))", at: start)
        }
        kind.end = Int32(nodes.count + 1)
        nodes.append(kind)
      case UInt8(ascii: "\\"): try readEscape()
      default: readRun()
      }
    }
    try flush(prefix: false)
    close(header)
  }

  /// The rest of `<np>` or `<np{min,max}>`, whose `<` is at `start`.
  private mutating func slot(from start: Int) throws(PatternError) {
    var bounds = PatternParser.defaultSlot
    if index < source.count, source[index] == UInt8(ascii: "{") {
      guard let read = try braces(from: start, opener: "<np{"), read.high >= 1 else {
        throw error("a noun-phrase slot is written <np{min,max}> with 0 <= min <= max and max >= 1", at: start)
      }
      bounds = read
    }
    guard index < source.count, source[index] == UInt8(ascii: ">") else {
      throw error("expected '>' after '<\(PatternParser.slotName)'", at: start)
    }
    index += 1
    guard bounds.high <= PatternParser.maximumGap else {
      throw error("a noun-phrase slot may span at most \(PatternParser.maximumGap) tokens", at: start)
    }
    nodes.append(PatternNode(.slot, first: UInt32(bounds.low), second: Int32(bounds.high), end: nodes.count + 1))
  }

  /// `{min,max}` from `index` (at its `{`): the bounds, or nil when they are not two
  /// numbers with 0 <= min <= max. `start` is where the construct began, for errors.
  private mutating func braces(from start: Int, opener: String) throws(PatternError) -> (low: Int, high: Int)? {
    index += 1
    let textStart = index
    while index < source.count, source[index] != UInt8(ascii: "}") { index += 1 }
    guard index < source.count else { throw error("missing '}' after '\(opener)'", at: start) }
    let text = String(decoding: source[textStart..<index], as: UTF8.self)
    index += 1
    let bounds = text.split(separator: ",", omittingEmptySubsequences: false).map {
      Int($0.trimmingSpaces())
    }
    guard bounds.count == 2, let low = bounds[0], let high = bounds[1], low >= 0, low <= high else { return nil }
    return (low, high)
  }

  /// `*` or `*{min,max}`.
  private mutating func gap() throws(PatternError) {
    let start = index
    index += 1
    guard index < source.count, source[index] == UInt8(ascii: "{") else {
      nodes.append(PatternNode(.any, end: nodes.count + 1))
      return
    }
    guard let (low, high) = try braces(from: start, opener: "*{") else {
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
      let byte = source[index]
      if byte < 0x80 {
        // In ASCII only letters are alphabetic: no need to ask the Unicode tables.
        let letter = byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")
        let digit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
        guard letter || digit || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") else { break }
        index += 1
        continue
      }
      let (scalar, length) = scalar(at: index)
      guard scalar.properties.isAlphabetic else { break }
      index += length
    }
    return String(decoding: source[start..<index], as: UTF8.self)
  }
}
