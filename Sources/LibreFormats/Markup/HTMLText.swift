import LibreKit

/// The visible text of HTML mail bodies and `.html` templates.
///
/// One forward pass over the bytes, linear whatever the input (unclosed tags, `<` in text,
/// `>` inside quoted attributes, CDATA, broken comments): every construct is consumed once
/// and an unterminated one runs to the end of the input, as in a browser.
///
/// - Text kept as written is copied with its source map, entities are decoded units, and
///   the line breaks and spaces the layout implies are separators: every finding maps back
///   to the original file.
/// - Dropped: tags, comments, `<script>`, `<style>`, `<title>` and the other raw-text
///   elements, and hidden elements with all they contain (preheaders: `display:none`,
///   `visibility:hidden`, `max-height:0`, `font-size:0`, `opacity:0`, `mso-hide:all`, the
///   `hidden` attribute, a `preheader` class).
/// - Kept on a line of their own: comments holding `libre-disable` or `libre-enable`, so
///   the suppression pass finds them in the text like a plain-text directive.
/// - Quoted replies (`<blockquote>`, Gmail's `gmail_quote` and Yahoo's `yahoo_quoted`
///   containers) are kept, each of their lines starting with a synthetic `> `: the text
///   then says what is quoted the way plain-text mail does, so `QuotedReplies.strip` (or
///   `--include-quoted`, which skips it) decides for every format in one place.
public enum HTMLText {
  /// Whether bytes look like HTML: a doctype or one of the elements mail bodies and
  /// fragments start with (`<html`, `<head`, `<body`, `<div`, `<p`, `<table`, `<br`, …)
  /// within the first kilobyte.
  public static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
    let end = min(bytes.count, 1024)
    let markers: [StaticString] = [
      "!doctype html", "html", "head", "body", "div", "p", "table", "br", "span", "meta", "style",
    ]
    var index = 0
    while index < end {
      defer { index += 1 }
      guard bytes[index] == UInt8(ascii: "<") else { continue }
      for marker in markers {
        let length = marker.utf8CodeUnitCount
        guard index + 1 + length < bytes.count else { continue }
        var matches = true
        for offset in 0..<length where asciiLower(bytes[index + 1 + offset]) != marker.utf8Start[offset] {
          matches = false
          break
        }
        guard matches else { continue }
        let after = bytes[index + 1 + length]
        // An element name must end there (`<p>`, not `<pizza>`).
        if marker.utf8Start[0] == UInt8(ascii: "!") || after == UInt8(ascii: ">") || after == UInt8(ascii: "/")
          || isSpace(after)
        {
          return true
        }
      }
    }
    return false
  }

  /// The visible text of an HTML document or fragment (see the type's documentation).
  public static func extract(_ input: MappedText) -> MappedText {
    var scanner = HTMLScanner(input: input)
    scanner.run()
    return scanner.output.build()
  }

  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
  }
}

/// The state of one extraction. The main loop, text and entities are here; tags and their
/// attributes in `HTMLTags.swift`.
struct HTMLScanner {
  /// An element whose end matters (a hidden element, a quote container): its name in the
  /// input and how many elements of that name are open inside it.
  struct OpenRegion {
    var name: Range<Int>
    var level: Int
  }

  let input: MappedText
  let bytes: [UInt8]
  var output: MappedTextBuilder
  /// The break the layout asks for before the next text: 0 none, 1 a line, 2 a paragraph.
  var pendingBreak = 0
  var pendingSpace = false
  var preDepth = 0
  var blockquoteDepth = 0
  var hidden: OpenRegion?
  var quoteContainer: OpenRegion?

  init(input: MappedText) {
    self.input = input
    self.bytes = input.bytes
    self.output = MappedTextBuilder(reservingCapacity: input.bytes.count / 2)
  }

  var quoted: Bool { blockquoteDepth > 0 || quoteContainer != nil }

  mutating func run() {
    let count = bytes.count
    var index = 0
    while index < count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "<"), let next = markup(at: index) {
        index = next
        continue
      }
      if hidden != nil {
        index += 1
        while index < count && bytes[index] != UInt8(ascii: "<") { index += 1 }
        continue
      }
      if byte == UInt8(ascii: "&") {
        index = entity(at: index)
        continue
      }
      if preDepth == 0 && HTMLText.isSpace(byte) {
        if output.count > 0 { pendingSpace = true }
        index += 1
        while index < count && HTMLText.isSpace(bytes[index]) { index += 1 }
        continue
      }
      // A run of text: up to the next markup, entity, or (outside `<pre>`) space; inside
      // `<pre>`, up to and including a line break, so the next line gets its quote prefix.
      var end = index + 1
      while end < count {
        let next = bytes[end]
        if next == UInt8(ascii: "<") || next == UInt8(ascii: "&") { break }
        if preDepth == 0 ? HTMLText.isSpace(next) : bytes[end - 1] == 0x0A { break }
        end += 1
      }
      emitText(index..<end)
      index = end
    }
    if output.count > 0 && output.last != 0x0A { output.append(separator: "\n") }
  }

  // MARK: Output

  /// Emits the break or space the layout left pending, and the quote prefix at the start of
  /// a quoted line.
  mutating func flushPending() {
    if output.count > 0 {
      if pendingBreak > 0 {
        if output.last != 0x0A { output.append(separator: "\n") }
        if pendingBreak == 2 && !endsWithBlankLine { output.append(separator: "\n") }
      } else if pendingSpace && output.last != 0x0A && output.last != 0x20 {
        output.append(separator: " ")
      }
    }
    pendingBreak = 0
    pendingSpace = false
    if quoted && (output.count == 0 || output.last == 0x0A) { output.append(separator: "> ") }
  }

  var endsWithBlankLine: Bool {
    let text = output.bytes
    return text.count < 2 || (text[text.count - 1] == 0x0A && text[text.count - 2] == 0x0A)
  }

  mutating func emitText(_ range: Range<Int>) {
    flushPending()
    output.append(copying: input, range)
  }

  mutating func requestBreak(_ level: Int) {
    pendingBreak = max(pendingBreak, level)
  }

  // MARK: Entities

  mutating func entity(at index: Int) -> Int {
    guard let (scalar, end) = HTMLEntities.decode(bytes, at: index, limit: bytes.count) else {
      emitText(index..<index + 1)
      return index + 1
    }
    let value = scalar.value
    if preDepth == 0 && value < 0x80 && HTMLText.isSpace(UInt8(value)) {
      if output.count > 0 { pendingSpace = true }
      return end
    }
    flushPending()
    output.append(decoded: scalar.utf8, unit: input.originalRange(index..<end))
    return end
  }

  // MARK: Markup

  /// Consumes the markup starting with `<` at `index` and returns where text resumes, or
  /// nil when the `<` is plain text (`a < b`, `<3`).
  mutating func markup(at index: Int) -> Int? {
    let count = bytes.count
    guard index + 1 < count else { return nil }
    let next = bytes[index + 1]
    if next == UInt8(ascii: "!") {
      if has("<!--", at: index) { return comment(at: index) }
      if has("<![CDATA[", at: index) {
        // Outside SVG and MathML a browser shows nothing of it.
        return find("]]>", from: index + 9).map { $0 + 3 } ?? count
      }
      return skipPast(UInt8(ascii: ">"), from: index + 2)
    }
    if next == UInt8(ascii: "?") { return skipPast(UInt8(ascii: ">"), from: index + 2) }
    if next == UInt8(ascii: "/") {
      guard index + 2 < count else { return nil }
      if isLetter(bytes[index + 2]) { return endTag(at: index) }
      // `</>` is ignored and `</ …>` is a bogus comment, as in a browser.
      return skipPast(UInt8(ascii: ">"), from: index + 2)
    }
    guard isLetter(next) else { return nil }
    return startTag(at: index)
  }

  mutating func comment(at index: Int) -> Int {
    let count = bytes.count
    let bodyStart = index + 4
    // `<!-->` and `<!--->` are complete (empty) comments in HTML.
    if has(">", at: bodyStart) { return bodyStart + 1 }
    if has("->", at: bodyStart) { return bodyStart + 2 }
    var bodyEnd = count
    var resume = count
    var at = bodyStart
    while at + 2 < count {
      if bytes[at] == UInt8(ascii: "-") && bytes[at + 1] == UInt8(ascii: "-") {
        if bytes[at + 2] == UInt8(ascii: ">") {
          bodyEnd = at
          resume = at + 3
          break
        }
        if bytes[at + 2] == UInt8(ascii: "!") && at + 3 < count && bytes[at + 3] == UInt8(ascii: ">") {
          bodyEnd = at
          resume = at + 4
          break
        }
      }
      at += 1
    }
    emitDirective(bodyStart..<bodyEnd)
    return resume
  }

  /// A comment holding a suppression directive becomes a line of text of its own.
  mutating func emitDirective(_ body: Range<Int>) {
    guard MarkupDirective.mentionsLibre(bytes, body) else { return }
    requestBreak(1)
    emitText(MarkupDirective.trimmedBody(bytes, body))
    requestBreak(1)
  }

  // MARK: Byte helpers

  func has(_ literal: StaticString, at index: Int) -> Bool {
    let length = literal.utf8CodeUnitCount
    guard index + length <= bytes.count else { return false }
    for offset in 0..<length where asciiLower(bytes[index + offset]) != asciiLower(literal.utf8Start[offset]) {
      return false
    }
    return true
  }

  func find(_ literal: StaticString, from start: Int) -> Int? {
    var at = start
    let first = literal.utf8Start[0]
    while at < bytes.count {
      if bytes[at] == first && has(literal, at: at) { return at }
      at += 1
    }
    return nil
  }

  func skipPast(_ byte: UInt8, from start: Int) -> Int {
    var at = start
    while at < bytes.count && bytes[at] != byte { at += 1 }
    return min(at + 1, bytes.count)
  }

  func sameName(_ first: Range<Int>, _ second: Range<Int>) -> Bool {
    guard first.count == second.count else { return false }
    for offset in 0..<first.count
    where asciiLower(bytes[first.lowerBound + offset]) != asciiLower(bytes[second.lowerBound + offset]) {
      return false
    }
    return true
  }

  func isLetter(_ byte: UInt8) -> Bool {
    byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")
  }
}

/// ASCII lowercase of a byte (other bytes unchanged).
func asciiLower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
