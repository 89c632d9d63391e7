/// Inline suppression comments in a template or an email:
///
///     libre-disable RULE[, RULE…] -- reason        (until libre-enable or the end)
///     libre-disable-next-line RULE -- reason       (the next line only)
///     libre-disable-line RULE -- reason            (its own line, after the text it silences)
///     libre-enable [RULE…]
///
/// in any comment the format has (`<!-- -->`, `{# #}`, `{{!-- --}}`, `{{! }}`) or on a
/// plain line. RULE is an id or a glob (`pressure.urgency.*`); none means every rule. They
/// are read from the original file's lines, so they work whatever the loader stripped.
public struct Suppressions: Sendable {
  /// One directive as written.
  public struct Directive: Sendable, Equatable {
    public enum Kind: String, Sendable {
      case disable = "libre-disable"
      case disableNextLine = "libre-disable-next-line"
      case disableLine = "libre-disable-line"
      case enable = "libre-enable"
    }

    public var kind: Kind
    /// Rule ids or globs; empty means every rule.
    public var rules: [String]
    public var reason: String?
    /// 1-based line of the directive in the original file, and the byte offset of it.
    public var line: Int
    public var offset: Int

    /// Whether it applies to rule `id` (by id, by glob, or as it names no rule).
    func names(_ id: String) -> Bool { rules.isEmpty || rules.contains { Suppressions.matches($0, id) } }
  }

  public private(set) var directives: [Directive] = []

  /// Reads the directives of `original` (UTF-8 or single-byte; the keywords are ASCII).
  public init(original: [UInt8]) {
    directives = original.withUnsafeBufferPointer { Suppressions.directives(in: $0) }
  }

  private static let stem: [UInt8] = Array("libre".utf8)

  /// Every file of a batch is searched and few hold a directive: the search looks for the
  /// keyword's hyphen sixteen bytes at a time (hyphens are rare in prose), and counts lines
  /// only up to a directive it finds.
  private static func directives(in bytes: UnsafeBufferPointer<UInt8>) -> [Directive] {
    guard let base = bytes.baseAddress else { return [] }
    let count = bytes.count
    let stem = Suppressions.stem
    let hyphen = UInt8(ascii: "-")
    var found: [Directive] = []
    var line = 1
    var counted = 0
    var index = stem.count
    let raw = UnsafeRawBufferPointer(bytes)
    while true {
      index = ByteSearch.firstIndex(of: hyphen, in: raw, from: index, to: count)
      guard index < count else { break }
      let start = index - stem.count
      guard base[index] == hyphen, (0..<stem.count).allSatisfy({ base[start + $0] == stem[$0] }),
        start == 0 || !isWordByte(base[start - 1])
      else {
        index += 1
        continue
      }
      for position in counted..<start where base[position] == 0x0A { line += 1 }
      counted = start
      var end = start
      while end < count && base[end] != 0x0A { end += 1 }
      let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
      if let directive = parse(text, line: line, offset: start) { found.append(directive) }
      // The next directive starts on a later line.
      index = end + 1 + stem.count
    }
    return found
  }

  static func isWordByte(_ byte: UInt8) -> Bool {
    byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
      || byte == 0x5F
  }

  /// Comment closers that end a directive's text.
  static let closers = ["--}}", "-->", "#}", "}}", "*/"]

  static func parse(_ text: String, line: Int, offset: Int) -> Directive? {
    var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
    guard let first = words.first else { return nil }
    var head = first
    var closerGlued = ""
    for closer in closers where head.hasSuffix(closer) && head.count > closer.count {
      head.removeLast(closer.count)
      closerGlued = closer
    }
    guard let kind = Directive.Kind(rawValue: head) else { return nil }
    words.removeFirst()
    if !closerGlued.isEmpty { words = [] }
    var rules: [String] = []
    var reasonWords: [String] = []
    var inReason = false
    for word in words {
      if closers.contains(word) { break }
      if !inReason && word == "--" {
        inReason = true
        continue
      }
      if inReason {
        reasonWords.append(word)
      } else {
        rules += word.split(separator: ",").map(String.init).filter { !$0.isEmpty }
      }
    }
    var reason = reasonWords.joined(separator: " ")
    for closer in closers where reason.hasSuffix(closer) { reason.removeLast(closer.count) }
    reason = String(reason.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    return Directive(kind: kind, rules: rules, reason: reason.isEmpty ? nil : reason, line: line, offset: offset)
  }

  /// Whether `pattern` (an id or a glob with `*`) names `id`.
  public static func matches(_ pattern: String, _ id: String) -> Bool {
    guard pattern.contains("*") else { return pattern == id }
    return GlobPattern(pattern, syntax: .ruleID).matches(id)
  }

  /// The directive that silences rule `id` on line `line`, if any (its index).
  func silencer(of id: String, line: Int) -> Int? {
    silencer(line: line, naming: directives.map { $0.names(id) })
  }

  /// The directive that silences a rule on line `line`, given which directives name it.
  func silencer(line: Int, naming: [Bool]) -> Int? {
    var active: Int?
    for (index, directive) in directives.enumerated() where directive.line <= line {
      let names = naming[index]
      switch directive.kind {
      case .disable where names: active = index
      case .enable where names: active = nil
      case .disableNextLine where names && directive.line == line - 1: return index
      case .disableLine where names && directive.line == line: return index
      default: break
      }
    }
    return active
  }
}

/// Applies the directives of one document to its findings, remembering which directives
/// were used, so the notices can tell about unused ones at the end.
final class SuppressionPass {
  let suppressions: Suppressions
  let document: Document
  let lines: LineIndex
  let directiveLines: Set<Int>
  private(set) var used: [Bool]
  private(set) var suppressed = 0
  /// Which directives name each rule id met so far: each glob is matched once per rule, not
  /// once per finding.
  private var naming: [String: [Bool]] = [:]

  init(_ suppressions: Suppressions, document: Document) {
    self.suppressions = suppressions
    self.document = document
    lines = LineIndex(document.original, singleByte: document.originalEncoding == .singleByte)
    directiveLines = Set(suppressions.directives.map(\.line))
    used = [Bool](repeating: false, count: suppressions.directives.count)
  }

  /// Removes the findings the directives silence, and any finding on a directive's own
  /// line (its words are an instruction, not the message).
  func filter(_ findings: inout [Finding]) {
    let before = findings.count
    findings.removeAll { finding in
      let line = lines.location(of: document.sourceMap.originalOffset(finding.start)).line
      if directiveLines.contains(line) { return true }
      let id = finding.rule.id
      let names = naming[id] ?? suppressions.directives.map { $0.names(id) }
      naming[id] = names
      guard let index = suppressions.silencer(line: line, naming: names) else { return false }
      used[index] = true
      return true
    }
    suppressed += before - findings.count
  }

  /// Directives without a reason, and directives that silenced nothing.
  func notices(_ language: Language) -> [SuppressionNotice] {
    var notices: [SuppressionNotice] = []
    for (index, directive) in suppressions.directives.enumerated() where directive.kind != .enable {
      let names = directive.rules.isEmpty ? "every rule" : directive.rules.joined(separator: ", ")
      if directive.reason == nil {
        notices.append(
          SuppressionNotice(originalOffset: directive.offset, message: Suppressions.noReason(names, language)))
      }
      if !used[index] {
        notices.append(
          SuppressionNotice(originalOffset: directive.offset, message: Suppressions.unused(names, language)))
      }
    }
    return notices
  }
}

extension Suppressions {
  static func noReason(_ names: String, _ language: Language) -> String {
    switch language {
    case .english: return "suppression of \(names) without a reason: add one after `--`"
    case .french: return "suppression de \(names) sans raison : ajoutez-la après `--`"
    }
  }

  static func unused(_ names: String, _ language: Language) -> String {
    switch language {
    case .english: return "unused suppression: \(names) found nothing to silence here"
    case .french: return "suppression inutile : \(names) n'a rien trouvé à taire ici"
    }
  }
}

/// Something to tell about a suppression comment (no reason, never used).
public struct SuppressionNotice: Sendable, Equatable {
  /// Byte offset of the directive in the original file.
  public var originalOffset: Int
  public var message: String
}
