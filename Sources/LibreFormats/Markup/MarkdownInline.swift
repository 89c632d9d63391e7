/// Inline prose: code spans, links and images, inline HTML and comments, emphasis
/// markers, placeholders and bare URLs.
extension MarkdownScanner {

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
    if output.count > 0 && output.last != 0x0A && !onlySpacesBeforeOnLine(body.lowerBound - 4) {
      output.append(separator: "\n")
    }
    output.append(copying: input, MarkupDirective.trimmedBody(bytes, body))
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
}
