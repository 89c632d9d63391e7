import LibreKit

/// The prose of a Markdown document, as a reader of the rendered page sees it.
///
/// Line by line, keeping every line break so paragraphs and sentence ends stay where they
/// were, and copying kept text with its source map:
/// - skipped: YAML front matter, fenced (```` ``` ````, `~~~`) and indented code blocks,
///   inline code, link destinations and reference definitions, images, autolinks, inline
///   HTML tags, HTML comments (except suppression comments, kept as a line of their own);
/// - kept without their markers: headings, emphasis (`*`, `_`, `~~`), link text, escaped
///   characters; entities are decoded;
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

private struct MarkdownScanner {
  let input: MappedText
  let bytes: [UInt8]
  var output: MappedTextBuilder
  /// The open code fence: its character, length and indentation.
  var fence: (byte: UInt8, length: Int)?
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
      if indent < 4, closesFence(open, first, end) { fence = nil }
      return nil
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

  // MARK: Inline

  /// Emits the prose of `start..<end` and returns where scanning stopped: `end`, or past
  /// the end of a comment that runs onto later lines.
  mutating func inline(_ start: Int, _ end: Int) -> Int {
    var copied = start
    var at = start
    var failedCodeLengths: UInt64 = 0
    // The closing `#`s of an ATX heading are not text.
    let end = trimmedHeadingEnd(start, end)
    while at < end {
      let byte = bytes[at]
      switch byte {
      case UInt8(ascii: "\\"):
        if at + 1 < end, isASCIIPunctuation(bytes[at + 1]) {
          flush(&copied, to: at)
          copied = at + 1
          at += 2
        } else {
          at += 1
        }
      case UInt8(ascii: "`"):
        var run = at
        while run < end && bytes[run] == byte { run += 1 }
        let length = run - at
        let bit: UInt64 = length < 64 ? 1 << UInt64(length) : 0
        if failedCodeLengths & bit == 0, let close = codeSpanEnd(from: run, length: length, end: end) {
          flush(&copied, to: at)
          copied = close
          at = close
        } else {
          failedCodeLengths |= bit
          at = run
        }
      case UInt8(ascii: "!"):
        if at + 1 < end, bytes[at + 1] == UInt8(ascii: "["), let link = link(at + 1, end) {
          // An image: its alt text is not read as part of the message.
          flush(&copied, to: at)
          copied = link.end
          at = link.end
        } else {
          at += 1
        }
      case UInt8(ascii: "["):
        if at + 1 < end, bytes[at + 1] == UInt8(ascii: "["), let close = closer("]]", from: at + 2, end: end) {
          at = close + 2  // A `[[placeholder]]`, kept as written.
        } else if let link = link(at, end) {
          flush(&copied, to: at)
          _ = inline(at + 1, link.textEnd)
          copied = link.end
          at = link.end
        } else {
          at += 1
        }
      case UInt8(ascii: "<"):
        if let resume = angle(at, end, &copied) { return resume }
        at = max(at + 1, copied)
      case UInt8(ascii: "&"):
        if let (scalar, entityEnd) = HTMLEntities.decode(bytes, at: at, limit: end) {
          flush(&copied, to: at)
          output.append(decoded: scalar.utf8, unit: input.originalRange(at..<entityEnd))
          copied = entityEnd
          at = entityEnd
        } else {
          at += 1
        }
      case UInt8(ascii: "{"), UInt8(ascii: "%"):
        at = placeholderEnd(at, end) ?? at + 1
      case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"):
        if byte == UInt8(ascii: "*"), at + 1 < end, bytes[at + 1] == UInt8(ascii: "|"),
          let close = closer("|*", from: at + 2, end: end)
        {
          at = close + 2  // A Mailchimp `*|MERGE|*` tag, kept as written.
          continue
        }
        var run = at
        while run < end && bytes[run] == byte { run += 1 }
        if isEmphasisMarker(at, run, start: start, end: end) {
          flush(&copied, to: at)
          copied = run
        }
        at = run
      case UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "w"), UInt8(ascii: "W"):
        // A bare URL stays whole: its `_` and `*` are not emphasis.
        if at == start || !isWordByte(bytes[at - 1]), let urlEnd = bareURLEnd(at, end) {
          at = urlEnd
        } else {
          at += 1
        }
      default:
        at += 1
      }
    }
    flush(&copied, to: end)
    return end
  }

  mutating func flush(_ copied: inout Int, to end: Int) {
    if copied < end { output.append(copying: input, copied..<end) }
    copied = max(copied, end)
  }

  func trimmedHeadingEnd(_ start: Int, _ end: Int) -> Int {
    guard start > 0, bytes[start - 1] == 0x20 || bytes[start - 1] == 0x09 else { return end }
    // Only for a heading line: the text starts after a `#` run.
    var lineStart = start
    while lineStart > 0 && (bytes[lineStart - 1] == 0x20 || bytes[lineStart - 1] == 0x09) { lineStart -= 1 }
    guard lineStart > 0, bytes[lineStart - 1] == UInt8(ascii: "#") else { return end }
    var trimmed = end
    while trimmed > start && (bytes[trimmed - 1] == 0x20 || bytes[trimmed - 1] == 0x09) { trimmed -= 1 }
    var hashes = trimmed
    while hashes > start && bytes[hashes - 1] == UInt8(ascii: "#") { hashes -= 1 }
    guard hashes < trimmed, hashes == start || bytes[hashes - 1] == 0x20 || bytes[hashes - 1] == 0x09 else {
      return trimmed
    }
    while hashes > start && (bytes[hashes - 1] == 0x20 || bytes[hashes - 1] == 0x09) { hashes -= 1 }
    return hashes
  }

  /// The end of the code span whose opening backtick run of `length` ends at `from`.
  func codeSpanEnd(from start: Int, length: Int, end: Int) -> Int? {
    var at = start
    while at < end {
      guard bytes[at] == UInt8(ascii: "`") else {
        at += 1
        continue
      }
      var run = at
      while run < end && bytes[run] == UInt8(ascii: "`") { run += 1 }
      if run - at == length { return run }
      at = run
    }
    return nil
  }

  /// A link `[text](destination)`, `[text][label]` or `[text][]` opening at `start`: where
  /// its text ends and where it ends. A bare `[text]` is not one (it may be a placeholder).
  mutating func link(_ start: Int, _ end: Int) -> (textEnd: Int, end: Int)? {
    guard let firstClose = nextOccurrence(UInt8(ascii: "]"), from: start, end: end), firstClose - start <= 500 else {
      return nil
    }
    var depth = 0
    var at = start
    let limit = min(end, start + 500)
    var textEnd = -1
    while at < limit {
      let byte = bytes[at]
      if byte == UInt8(ascii: "\\") {
        at += 2
        continue
      }
      if byte == UInt8(ascii: "[") { depth += 1 }
      if byte == UInt8(ascii: "]") {
        depth -= 1
        if depth == 0 {
          textEnd = at
          break
        }
      }
      at += 1
    }
    guard textEnd > start, textEnd + 1 < end else { return nil }
    let opener = bytes[textEnd + 1]
    let closer: UInt8
    if opener == UInt8(ascii: "(") {
      closer = UInt8(ascii: ")")
    } else if opener == UInt8(ascii: "[") {
      closer = UInt8(ascii: "]")
    } else {
      return nil
    }
    depth = 0
    at = textEnd + 1
    while at < min(end, textEnd + 500) {
      let byte = bytes[at]
      if byte == opener { depth += 1 }
      if byte == closer {
        depth -= 1
        if depth == 0 { return (textEnd, at + 1) }
      }
      at += 1
    }
    return nil
  }

  /// Handles `<` at `start`: a comment, an autolink or an inline tag is dropped (a
  /// suppression comment becomes its own line). Returns a position past `end` when a
  /// comment runs onto later lines; otherwise sets `copied` past what it consumed.
  mutating func angle(_ start: Int, _ end: Int, _ copied: inout Int) -> Int? {
    if has("<!--", at: start) {
      guard start < noCommentCloseFrom else { return nil }
      var close = start + 4
      while close + 2 < bytes.count
        && !(bytes[close] == UInt8(ascii: "-") && bytes[close + 1] == UInt8(ascii: "-")
          && bytes[close + 2] == UInt8(ascii: ">"))
      {
        close += 1
      }
      guard close + 2 < bytes.count else {
        noCommentCloseFrom = start  // Never closed: plain text.
        return nil
      }
      flush(&copied, to: start)
      emitDirective(start + 4..<close)
      copied = close + 3
      return close + 3 > end ? close + 3 : nil
    }
    var at = start + 1
    guard at < end else { return nil }
    if bytes[at] == UInt8(ascii: "/") { at += 1 }
    guard at < end, isLetter(bytes[at]) else { return nil }
    // Autolink `<https://…>`, `<mailto:…>`, `<name@host>`, or a tag `<b>`, `</span>`.
    var close = at
    while close < end && bytes[close] != UInt8(ascii: ">") && bytes[close] != UInt8(ascii: "<") { close += 1 }
    guard close < end, bytes[close] == UInt8(ascii: ">") else { return nil }
    flush(&copied, to: start)
    copied = close + 1
    return nil
  }

  /// A comment mentioning `libre-disable` or `libre-enable` becomes a line of its own.
  mutating func emitDirective(_ body: Range<Int>) {
    guard MarkupDirective.mentionsLibre(bytes, body) else { return }
    var start = body.lowerBound
    var end = body.upperBound
    while start < end && HTMLText.isSpace(bytes[start]) { start += 1 }
    while end > start && HTMLText.isSpace(bytes[end - 1]) { end -= 1 }
    if output.count > 0 && output.last != 0x0A && !onlySpacesBeforeOnLine(body.lowerBound - 4) {
      output.append(separator: "\n")
    }
    output.append(copying: input, start..<end)
    var after = body.upperBound + 3
    while after < bytes.count && (bytes[after] == 0x20 || bytes[after] == 0x09) { after += 1 }
    if after < bytes.count && bytes[after] != 0x0A && bytes[after] != 0x0D { output.append(separator: "\n") }
  }

  func onlySpacesBeforeOnLine(_ index: Int) -> Bool {
    var at = index
    while at > 0 && (bytes[at - 1] == 0x20 || bytes[at - 1] == 0x09) { at -= 1 }
    return at == 0 || bytes[at - 1] == 0x0A
  }

  /// A `*`/`_`/`~~` run that marks emphasis: not between two spaces (a bullet, `2 * 3`),
  /// and for `_` not inside a word (`first_name`).
  func isEmphasisMarker(_ run: Int, _ runEnd: Int, start: Int, end: Int) -> Bool {
    if bytes[run] == UInt8(ascii: "~") && runEnd - run < 2 { return false }
    let before: UInt8 = run > start ? bytes[run - 1] : 0x20
    let after: UInt8 = runEnd < end ? bytes[runEnd] : 0x20
    let spaceBefore = before == 0x20 || before == 0x09
    let spaceAfter = after == 0x20 || after == 0x09
    if spaceBefore && spaceAfter { return false }
    if bytes[run] == UInt8(ascii: "_") && isWordByte(before) && isWordByte(after) { return false }
    return true
  }

  /// A `{{…}}`, `{%…%}`, `{#…#}`, `{name}` or `%NAME%` placeholder at `start`, skipped
  /// whole so its `_` and `*` stay.
  mutating func placeholderEnd(_ start: Int, _ end: Int) -> Int? {
    guard start + 1 < end else { return nil }
    let next = bytes[start + 1]
    if bytes[start] == UInt8(ascii: "%") {
      guard next >= 0x41 && next <= 0x5A else { return nil }
      var at = start + 1
      while at < end && at - start < 64 && (isWordByte(bytes[at]) && bytes[at] < 0x80) { at += 1 }
      return at < end && bytes[at] == UInt8(ascii: "%") ? at + 1 : nil
    }
    switch next {
    case UInt8(ascii: "{"): return closer("}}", from: start + 2, end: end).map { $0 + 2 }
    case UInt8(ascii: "%"): return closer("%}", from: start + 2, end: end).map { $0 + 2 }
    case UInt8(ascii: "#"): return closer("#}", from: start + 2, end: end).map { $0 + 2 }
    default:
      guard let close = nextOccurrence(UInt8(ascii: "}"), from: start + 1, end: end), close - start < 64 else {
        return nil
      }
      var at = start + 1
      while at < end && at - start < 64 && bytes[at] != UInt8(ascii: "}") && bytes[at] != UInt8(ascii: "{") {
        at += 1
      }
      return at < end && bytes[at] == UInt8(ascii: "}") ? at + 1 : nil
    }
  }

  /// The end of a bare `http://`, `https://` or `www.` URL at `start`.
  func bareURLEnd(_ start: Int, _ end: Int) -> Int? {
    guard has("http://", at: start) || has("https://", at: start) || has("www.", at: start) else { return nil }
    var at = start
    while at < end && !HTMLText.isSpace(bytes[at]) && bytes[at] != UInt8(ascii: "<")
      && bytes[at] != UInt8(ascii: ")")
    {
      at += 1
    }
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
