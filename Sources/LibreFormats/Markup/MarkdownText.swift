import LibreKit

/// The prose of a Markdown document, as a reader of the rendered page sees it.
///
/// Line by line, keeping every line break so paragraphs and sentence ends stay where they
/// were, and copying kept text with its source map:
/// - skipped: YAML front matter, fenced (```` ``` ````, `~~~`) code blocks tagged with a
///   programming language, indented code blocks,
///   inline code, link destinations and reference definitions, images, autolinks, inline
///   HTML tags, HTML comments (except suppression comments, kept as a line of their own);
/// - kept without their markers: headings, emphasis (`*`, `_`, `~~`), link text, escaped
///   characters; entities are decoded;
/// - kept as prose: fenced blocks with no info string or tagged `text`, `txt`, `email`,
///   `markdown` and the like (`MarkdownScanner.proseFenceTags`): template libraries keep
///   their emails in such fences;
/// - kept as written: template placeholders (`{{first_name}}`, `*|FNAME|*`, `[First Name]`,
///   `%FIRSTNAME%`…), bare URLs, list markers and `>` quotes (quoted replies are
///   `QuotedReplies`' business).
public enum MarkdownText {
  /// The prose of a Markdown document (see the type's documentation).
  public static func extract(_ input: MappedText) -> MappedText {
    var scanner = MarkdownScanner(input: input)
    scanner.run()
    return scanner.output.build()
  }
}

/// The state of one extraction. Lines and blocks are read here; the prose inside a line in
/// `MarkdownInline.swift`.
struct MarkdownScanner {
  let input: MappedText
  let bytes: [UInt8]
  var output: MappedTextBuilder
  /// The open code fence: its character, length and indentation.
  var fence: (byte: UInt8, length: Int)?
  /// The open fence holds prose (no info string, or a prose tag), not code.
  var fenceIsProse = false
  var inIndentedCode = false
  var inList = false
  var previousBlank = true
  /// Where no `-->` follows any more, once a search found none: later searches would scan
  /// the same tail again.
  var noCommentCloseFrom = Int.max
  /// The next `]`, `}` and `|` found by `nextOccurrence(_:from:end:)`, so that runs of openers
  /// without closers (`[[[[…`, `{{{{…`) stay linear.
  var nextCloser: [UInt8: (from: Int, found: Int, end: Int)] = [:]

  init(input: MappedText) {
    self.input = input
    self.bytes = input.bytes
    self.output = MappedTextBuilder(reservingCapacity: input.bytes.count)
  }

  /// The line starting at `start`: where its content ends (before `\r\n` or `\n`) and
  /// where the next line starts.
  func line(at start: Int) -> (contentEnd: Int, next: Int) {
    var end = start
    while end < bytes.count && bytes[end] != 0x0A { end += 1 }
    let next = min(end + 1, bytes.count)
    if end > start && bytes[end - 1] == 0x0D { end -= 1 }
    return (end, next)
  }

  mutating func run() {
    var position = frontMatterEnd()
    while position < bytes.count {
      var (contentEnd, next) = line(at: position)
      if let textStart = block(position, contentEnd) {
        var resume = inline(textStart, contentEnd)
        // A comment running over several lines resumes inline text on a later line.
        while resume > contentEnd {
          (contentEnd, next) = line(at: resume)
          resume = resume >= contentEnd ? contentEnd : inline(resume, contentEnd)
        }
      }
      output.append(copying: input, contentEnd..<next)
      position = next
    }
  }

  /// Past YAML front matter (`---` on the first line, closed by `---` or `...`), or 0.
  func frontMatterEnd() -> Int {
    var start = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
    let first = line(at: start)
    guard isOnly(start, first.contentEnd, "---"), first.next < bytes.count else { return 0 }
    // YAML starts with a key (`title: …`); a rule followed by prose is not front matter.
    let second = line(at: first.next)
    guard bytes[first.next..<second.contentEnd].contains(UInt8(ascii: ":")) else { return 0 }
    var position = first.next
    while position < bytes.count {
      let current = line(at: position)
      if isOnly(position, current.contentEnd, "---") || isOnly(position, current.contentEnd, "...") {
        return current.next
      }
      position = current.next
    }
    return 0
  }

  /// Whether the line `start..<end` is `literal`, trailing spaces aside.
  func isOnly(_ start: Int, _ end: Int, _ literal: StaticString) -> Bool {
    var end = end
    while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
    let length = literal.utf8CodeUnitCount
    guard end - start == length else { return false }
    for offset in 0..<length where bytes[start + offset] != literal.utf8Start[offset] { return false }
    return true
  }

  // MARK: Blocks

  /// Decides what the line `start..<end` is; returns where its inline text starts, or nil
  /// when the line shows no prose (code, a rule, a definition, a blank line).
  mutating func block(_ start: Int, _ end: Int) -> Int? {
    var first = start
    var indent = 0
    while first < end && (bytes[first] == 0x20 || bytes[first] == 0x09) {
      indent += bytes[first] == 0x09 ? 4 - indent % 4 : 1
      first += 1
    }
    let blank = first == end
    defer { previousBlank = blank }
    if let open = fence {
      if indent < 4, closesFence(open, first, end) {
        fence = nil
        return nil
      }
      return fenceIsProse && !blank ? first : nil
    }
    if blank { return nil }
    if inIndentedCode && indent >= 4 { return nil }
    inIndentedCode = false
    if indent >= 4 && previousBlank && !inList {
      inIndentedCode = true
      return nil
    }
    guard indent < 4 else { return first }
    if let opened = opensFence(first, end) {
      fence = opened
      fenceIsProse = isProseFence(first + opened.length, end)
      return nil
    }
    if isListItem(first, end) {
      inList = true
    } else if indent == 0 && previousBlank {
      inList = false
    }
    if isRule(first, end) || isReferenceDefinition(first, end) { return nil }
    if bytes[first] == UInt8(ascii: "#"), let text = headingText(first, end) { return text }
    return first
  }

  func opensFence(_ start: Int, _ end: Int) -> (byte: UInt8, length: Int)? {
    let byte = bytes[start]
    guard byte == UInt8(ascii: "`") || byte == UInt8(ascii: "~") else { return nil }
    var at = start
    while at < end && bytes[at] == byte { at += 1 }
    guard at - start >= 3 else { return nil }
    // A backtick fence's info string holds no backtick (otherwise it is inline code).
    if byte == UInt8(ascii: "`") && bytes[at..<end].contains(byte) { return nil }
    return (byte, at - start)
  }

  /// Info strings of fenced blocks that hold prose (an email, a template), not code.
  static let proseFenceTags: Set<String> = [
    "text", "txt", "plain", "plaintext", "email", "eml", "mail", "message", "markdown", "md", "template", "prose",
  ]

  /// Whether a fence whose info string is `start..<end` holds prose: no info string, or a
  /// prose tag as its first word.
  func isProseFence(_ start: Int, _ end: Int) -> Bool {
    var at = start
    while at < end && (bytes[at] == 0x20 || bytes[at] == 0x09) { at += 1 }
    var wordEnd = at
    while wordEnd < end && bytes[wordEnd] != 0x20 && bytes[wordEnd] != 0x09 && bytes[wordEnd] != UInt8(ascii: "{") {
      wordEnd += 1
    }
    if at == wordEnd { return true }
    let tag = String(decoding: bytes[at..<wordEnd], as: UTF8.self).lowercased()
    return MarkdownScanner.proseFenceTags.contains(tag)
  }

  func closesFence(_ open: (byte: UInt8, length: Int), _ start: Int, _ end: Int) -> Bool {
    var at = start
    while at < end && bytes[at] == open.byte { at += 1 }
    guard at - start >= open.length else { return false }
    while at < end && (bytes[at] == 0x20 || bytes[at] == 0x09) { at += 1 }
    return at == end
  }

  func isListItem(_ start: Int, _ end: Int) -> Bool {
    let byte = bytes[start]
    if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") {
      return start + 1 == end || bytes[start + 1] == 0x20 || bytes[start + 1] == 0x09
    }
    var at = start
    while at < end && at - start < 9 && bytes[at] >= 0x30 && bytes[at] <= 0x39 { at += 1 }
    guard at > start, at < end, bytes[at] == UInt8(ascii: ".") || bytes[at] == UInt8(ascii: ")") else { return false }
    return at + 1 == end || bytes[at + 1] == 0x20 || bytes[at + 1] == 0x09
  }

  /// A thematic break (`***`, `- - -`, `___`) or a setext underline (`===`, `---`); `--`
  /// stays, as it may be a signature separator.
  func isRule(_ start: Int, _ end: Int) -> Bool {
    let byte = bytes[start]
    guard
      byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "_")
        || byte == UInt8(ascii: "=")
    else { return false }
    var marks = 0
    for at in start..<end {
      if bytes[at] == byte {
        marks += 1
      } else if bytes[at] != 0x20 && bytes[at] != 0x09 {
        return false
      }
    }
    return marks >= 3
  }

  /// `[label]: destination "title"`, a link reference definition (not a footnote `[^1]:`,
  /// nor `[First Name]: …`, whose "destination" is not a URL).
  func isReferenceDefinition(_ start: Int, _ end: Int) -> Bool {
    guard bytes[start] == UInt8(ascii: "["), start + 1 < end, bytes[start + 1] != UInt8(ascii: "^") else {
      return false
    }
    var at = start + 1
    while at < end && bytes[at] != UInt8(ascii: "]") && bytes[at] != UInt8(ascii: "[") { at += 1 }
    guard at < end, at > start + 1, bytes[at] == UInt8(ascii: "]"), at + 1 < end,
      bytes[at + 1] == UInt8(ascii: ":")
    else { return false }
    at += 2
    while at < end && (bytes[at] == 0x20 || bytes[at] == 0x09) { at += 1 }
    let destination = at
    var looksLikeURL = at < end && (bytes[at] == UInt8(ascii: "<") || bytes[at] == UInt8(ascii: "#"))
    while at < end && bytes[at] != 0x20 && bytes[at] != 0x09 {
      if bytes[at] == UInt8(ascii: "/") || bytes[at] == UInt8(ascii: ".") || bytes[at] == UInt8(ascii: ":") {
        looksLikeURL = true
      }
      at += 1
    }
    guard at > destination, looksLikeURL else { return false }
    while at < end && (bytes[at] == 0x20 || bytes[at] == 0x09) { at += 1 }
    let titleOpeners: [UInt8] = [UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "(")]
    return at == end || titleOpeners.contains(bytes[at])
  }

  /// The text of an ATX heading (`## Title ##`) without its markers; nil when the `#` run
  /// is not one (`#hashtag`, seven or more `#`).
  mutating func headingText(_ start: Int, _ end: Int) -> Int? {
    var at = start
    while at < end && bytes[at] == UInt8(ascii: "#") { at += 1 }
    guard at - start <= 6, at == end || bytes[at] == 0x20 || bytes[at] == 0x09 else { return nil }
    while at < end && (bytes[at] == 0x20 || bytes[at] == 0x09) { at += 1 }
    return at
  }

  // MARK: Byte helpers

  /// The first `byte` at or after `start` before `end`, from the cache when an earlier
  /// search already covered `start`.
  mutating func nextOccurrence(_ byte: UInt8, from start: Int, end: Int) -> Int? {
    if let cached = nextCloser[byte], cached.end == end, cached.from <= start, start <= cached.found {
      return cached.found < end ? cached.found : nil
    }
    var at = start
    while at < end && bytes[at] != byte { at += 1 }
    nextCloser[byte] = (start, at, end)
    return at < end ? at : nil
  }

  /// The two-byte closer `literal` (`]]`, `}}`, `%}`, `#}`, `|*`) of a placeholder, within
  /// 256 bytes, skipped at once when its last byte does not follow.
  mutating func closer(_ literal: StaticString, from start: Int, end: Int) -> Int? {
    let last = literal.utf8Start[1]
    guard let first = nextOccurrence(last, from: start, end: end), first - start <= 256 else { return nil }
    return find(literal, from: start, end: end)
  }

  /// The offset of the two-byte `literal` within `within` bytes of `start` (placeholders
  /// are short: the bound keeps `{{{{…` linear).
  func find(_ literal: StaticString, from start: Int, end: Int, within: Int = 256) -> Int? {
    let first = literal.utf8Start[0]
    let second = literal.utf8Start[1]
    var at = start
    let end = min(end, start + within)
    while at + 1 < end {
      if bytes[at] == first && bytes[at + 1] == second { return at }
      at += 1
    }
    return nil
  }

  func has(_ literal: StaticString, at index: Int) -> Bool {
    let length = literal.utf8CodeUnitCount
    guard index + length <= bytes.count else { return false }
    for offset in 0..<length where asciiLower(bytes[index + offset]) != literal.utf8Start[offset] { return false }
    return true
  }

  func isLetter(_ byte: UInt8) -> Bool { asciiLower(byte) >= 0x61 && asciiLower(byte) <= 0x7A }

  /// A letter, a digit, or a byte of a non-ASCII character.
  func isWordByte(_ byte: UInt8) -> Bool {
    byte >= 0x80 || isLetter(byte) || (byte >= 0x30 && byte <= 0x39)
  }

  func isASCIIPunctuation(_ byte: UInt8) -> Bool {
    (byte >= 0x21 && byte <= 0x2F) || (byte >= 0x3A && byte <= 0x40) || (byte >= 0x5B && byte <= 0x60)
      || (byte >= 0x7B && byte <= 0x7E)
  }
}
