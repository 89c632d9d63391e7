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

/// An element whose end matters (a hidden element, a quote container): its name in the
/// input and how many elements of that name are open inside it.
private struct OpenRegion {
  var name: Range<Int>
  var level: Int
}

/// The state of one extraction.
private struct HTMLScanner {
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
    var start = body.lowerBound
    var end = body.upperBound
    while start < end && HTMLText.isSpace(bytes[start]) { start += 1 }
    while end > start && HTMLText.isSpace(bytes[end - 1]) { end -= 1 }
    requestBreak(1)
    emitText(start..<end)
    requestBreak(1)
  }

  mutating func startTag(at index: Int) -> Int {
    let count = bytes.count
    var at = index + 1
    while at < count && !HTMLText.isSpace(bytes[at]) && bytes[at] != UInt8(ascii: "/")
      && bytes[at] != UInt8(ascii: ">")
    {
      at += 1
    }
    let name = index + 1..<at
    var attributes = AttributeFacts()
    guard let end = scanAttributes(from: at, into: &attributes) else { return count }
    let element = Element(bytes, name)
    let opensContent = !attributes.selfClosing && !element.isVoid

    if element.isRawText {
      // Script, style, title…: their text is not markup and is never shown.
      return rawTextEnd(name: name, from: end)
    }
    if var region = hidden {
      // A hidden `<p>` or `<li>` left open ends where the next block or item starts.
      if region.level == 1 && element.implicitlyCloses(Element(bytes, region.name)) {
        hidden = nil
      } else {
        if opensContent && sameName(region.name, name) {
          region.level += 1
          hidden = region
        }
        return end
      }
    }
    if opensContent && attributes.hidden {
      hidden = OpenRegion(name: name, level: 1)
      return end
    }
    if var region = quoteContainer, opensContent, sameName(region.name, name) {
      region.level += 1
      quoteContainer = region
    } else if quoteContainer == nil, opensContent, attributes.quoteContainer {
      quoteContainer = OpenRegion(name: name, level: 1)
      requestBreak(1)
    }
    switch element.kind {
    case .lineBreak:
      // Two `<br>` in a row (or a `<br>` after a block) make a paragraph break.
      requestBreak(pendingBreak > 0 || output.last == 0x0A ? 2 : 1)
    case .block: requestBreak(1)
    case .paragraph: requestBreak(2)
    case .cell: pendingSpace = output.count > 0
    case .inline: break
    }
    if element.is("blockquote") && opensContent { blockquoteDepth += 1 }
    if element.is("pre") && opensContent { preDepth += 1 }
    return end
  }

  mutating func endTag(at index: Int) -> Int {
    let count = bytes.count
    var at = index + 2
    while at < count && !HTMLText.isSpace(bytes[at]) && bytes[at] != UInt8(ascii: "/")
      && bytes[at] != UInt8(ascii: ">")
    {
      at += 1
    }
    let name = index + 2..<at
    var attributes = AttributeFacts()
    guard let end = scanAttributes(from: at, into: &attributes) else { return count }
    let element = Element(bytes, name)
    if var region = hidden {
      if sameName(region.name, name) { region.level -= 1 }
      // A hidden element left open does not hide the rest of the document.
      hidden = region.level > 0 && !element.is("body") && !element.is("html") ? region : nil
      return end
    }
    if var region = quoteContainer, sameName(region.name, name) {
      region.level -= 1
      quoteContainer = region.level > 0 ? region : nil
      requestBreak(1)
    }
    if element.is("blockquote") { blockquoteDepth = max(0, blockquoteDepth - 1) }
    if element.is("pre") { preDepth = max(0, preDepth - 1) }
    switch element.kind {
    case .lineBreak: requestBreak(pendingBreak > 0 || output.last == 0x0A ? 2 : 1)  // `</br>` is a `<br>`.
    case .block: requestBreak(1)
    case .paragraph: requestBreak(2)
    case .cell: pendingSpace = output.count > 0
    case .inline: break
    }
    return end
  }

  /// Reads attributes up to the tag's `>`; nil when the input ends first (the tag is then
  /// dropped with the rest, as a browser does).
  func scanAttributes(from start: Int, into facts: inout AttributeFacts) -> Int? {
    let count = bytes.count
    var at = start
    while true {
      while at < count && (HTMLText.isSpace(bytes[at]) || bytes[at] == UInt8(ascii: "/")) {
        if bytes[at] == UInt8(ascii: "/") && at + 1 < count && bytes[at + 1] == UInt8(ascii: ">") {
          facts.selfClosing = true
        }
        at += 1
      }
      guard at < count else { return nil }
      if bytes[at] == UInt8(ascii: ">") { return at + 1 }
      let nameStart = at
      at += 1  // A first `=` belongs to the name.
      while at < count, !HTMLText.isSpace(bytes[at]), bytes[at] != UInt8(ascii: "/"), bytes[at] != UInt8(ascii: ">"),
        bytes[at] != UInt8(ascii: "=")
      {
        at += 1
      }
      let name = nameStart..<at
      while at < count && HTMLText.isSpace(bytes[at]) { at += 1 }
      var value: Range<Int>?
      if at < count && bytes[at] == UInt8(ascii: "=") {
        at += 1
        while at < count && HTMLText.isSpace(bytes[at]) { at += 1 }
        guard at < count else { return nil }
        let quote = bytes[at]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
          var close = at + 1
          while close < count && bytes[close] != quote { close += 1 }
          guard close < count else { return nil }
          value = at + 1..<close
          at = close + 1
        } else {
          let valueStart = at
          while at < count && !HTMLText.isSpace(bytes[at]) && bytes[at] != UInt8(ascii: ">") { at += 1 }
          value = valueStart..<at
        }
      }
      facts.note(bytes, name: name, value: value)
    }
  }

  /// Past the end tag of a raw-text element opened before `start`, or the input's end.
  func rawTextEnd(name: Range<Int>, from start: Int) -> Int {
    let count = bytes.count
    var at = start
    while at + 1 < count {
      if bytes[at] == UInt8(ascii: "<") && bytes[at + 1] == UInt8(ascii: "/") {
        let nameStart = at + 2
        let nameEnd = nameStart + name.count
        if nameEnd <= count && sameName(name, nameStart..<nameEnd)
          && (nameEnd == count || HTMLText.isSpace(bytes[nameEnd]) || bytes[nameEnd] == UInt8(ascii: ">")
            || bytes[nameEnd] == UInt8(ascii: "/"))
        {
          return skipPast(UInt8(ascii: ">"), from: nameEnd)
        }
      }
      at += 1
    }
    return count
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

/// What the attributes of a start tag say about the element.
private struct AttributeFacts {
  var hidden = false
  var quoteContainer = false
  var selfClosing = false

  mutating func note(_ bytes: [UInt8], name: Range<Int>, value: Range<Int>?) {
    let attribute = Element(bytes, name)
    if attribute.is("hidden") {
      hidden = true
    } else if attribute.is("style"), let value {
      if Self.styleHides(bytes[value]) { hidden = true }
    } else if attribute.is("class"), let value {
      let classes = bytes[value]
      if Self.contains(classes, "preheader") { hidden = true }
      if Self.contains(classes, "gmail_quote") || Self.contains(classes, "yahoo_quoted") { quoteContainer = true }
    }
  }

  /// Whether inline CSS hides the element: `display:none`, `visibility:hidden`,
  /// `max-height:0`, `font-size:0`, `opacity:0` or `mso-hide:all` (any case and spacing,
  /// `!important` or not).
  static func styleHides(_ style: ArraySlice<UInt8>) -> Bool {
    var compact: [UInt8] = []
    compact.reserveCapacity(style.count)
    for byte in style where !HTMLText.isSpace(byte) {
      compact.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
    }
    var start = 0
    while start < compact.count {
      var end = start
      while end < compact.count && compact[end] != UInt8(ascii: ";") { end += 1 }
      if let colon = compact[start..<end].firstIndex(of: UInt8(ascii: ":")) {
        let property = compact[start..<colon]
        var value = compact[(colon + 1)..<end]
        if let bang = value.firstIndex(of: UInt8(ascii: "!")) { value = value[..<bang] }
        if declarationHides(property, value) { return true }
      }
      start = end + 1
    }
    return false
  }

  private static func declarationHides(_ property: ArraySlice<UInt8>, _ value: ArraySlice<UInt8>) -> Bool {
    func equals(_ slice: ArraySlice<UInt8>, _ literal: String) -> Bool { slice.elementsEqual(literal.utf8) }
    if equals(property, "display") { return equals(value, "none") }
    if equals(property, "visibility") { return equals(value, "hidden") }
    if equals(property, "mso-hide") { return equals(value, "all") }
    if equals(property, "max-height") || equals(property, "font-size") || equals(property, "opacity") {
      return isZero(value)
    }
    return false
  }

  /// `0`, `0px`, `0.0em`, `0%`: a number that is zero, with any unit.
  private static func isZero(_ value: ArraySlice<UInt8>) -> Bool {
    var sawZero = false
    for byte in value {
      if byte == UInt8(ascii: "0") {
        sawZero = true
      } else if byte == UInt8(ascii: ".") {
        continue
      } else if (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "%") {
        return sawZero
      } else {
        return false
      }
    }
    return sawZero
  }

  /// Whether a class list holds a class containing `word` (`preheader`, `email-preheader`).
  private static func contains(_ classes: ArraySlice<UInt8>, _ word: StaticString) -> Bool {
    let length = word.utf8CodeUnitCount
    guard classes.count >= length else { return false }
    var start = classes.startIndex
    while start + length <= classes.endIndex {
      var matches = true
      for offset in 0..<length where asciiLower(classes[start + offset]) != word.utf8Start[offset] {
        matches = false
        break
      }
      if matches { return true }
      start += 1
    }
    return false
  }
}

/// An element (or attribute) name and what it does to the layout.
private struct Element {
  enum Kind { case inline, lineBreak, block, paragraph, cell }

  let bytes: [UInt8]
  let name: Range<Int>

  init(_ bytes: [UInt8], _ name: Range<Int>) {
    self.bytes = bytes
    self.name = name
  }

  func `is`(_ literal: StaticString) -> Bool {
    guard name.count == literal.utf8CodeUnitCount else { return false }
    for offset in 0..<name.count where asciiLower(bytes[name.lowerBound + offset]) != literal.utf8Start[offset] {
      return false
    }
    return true
  }

  func isAny(_ names: [StaticString]) -> Bool { names.contains { self.is($0) } }

  /// Elements that never have content.
  static let voidNames: [StaticString] = [
    "br", "img", "hr", "meta", "link", "input", "wbr", "col", "area", "base", "embed", "param", "source", "track",
  ]
  /// Elements whose content is not markup and is never shown as text.
  static let rawTextNames: [StaticString] = [
    "script", "style", "title", "textarea", "xmp", "noembed", "noframes", "iframe", "template", "svg",
  ]
  /// Blocks set off by a blank line, so the tokenizer ends the sentence there.
  static let paragraphNames: [StaticString] = [
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "table", "blockquote", "ul", "ol", "pre", "dl",
  ]
  static let blockNames: [StaticString] = [
    "div", "li", "tr", "dt", "dd", "section", "article", "header", "footer", "aside", "nav", "main", "address",
    "figure", "figcaption", "center", "tbody", "thead", "tfoot", "caption", "body", "html", "form", "fieldset",
    "legend", "details", "summary", "option",
  ]
  /// Elements a new sibling of the same name closes without an end tag.
  static let selfEndingNames: [StaticString] = ["li", "dt", "dd", "tr", "td", "th", "option"]

  var isVoid: Bool { isAny(Self.voidNames) }
  var isRawText: Bool { isAny(Self.rawTextNames) }

  var kind: Kind {
    guard name.count <= 10 else { return .inline }
    if self.is("br") { return .lineBreak }
    if isAny(Self.paragraphNames) { return .paragraph }
    if isAny(Self.blockNames) { return .block }
    if self.is("td") || self.is("th") { return .cell }
    return .inline
  }

  /// Whether this start tag ends an open element `open` that has no end tag yet: a block
  /// ends a paragraph, a list item the previous one.
  func implicitlyCloses(_ open: Element) -> Bool {
    if open.is("p") { return kind == .block || kind == .paragraph }
    return open.isAny(Self.selfEndingNames) && open.sameName(as: self)
  }

  func sameName(as other: Element) -> Bool {
    guard name.count == other.name.count else { return false }
    for offset in 0..<name.count
    where asciiLower(bytes[name.lowerBound + offset]) != asciiLower(other.bytes[other.name.lowerBound + offset]) {
      return false
    }
    return true
  }
}

/// ASCII lowercase of a byte (other bytes unchanged).
func asciiLower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

/// Inline suppression directives, found by the rules stage in the text.
enum MarkupDirective {
  /// Whether `range` of `bytes` mentions `libre-disable` or `libre-enable`.
  static func mentionsLibre(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    let prefix: [UInt8] = Array("libre-".utf8)
    var at = range.lowerBound
    while at + prefix.count + 6 <= range.upperBound {
      if bytes[at] | 0x20 == prefix[0] && bytes[at..<at + prefix.count].elementsEqual(prefix) {
        let rest = bytes[(at + prefix.count)..<min(range.upperBound, at + prefix.count + 7)]
        if rest.starts(with: "disable".utf8) || rest.starts(with: "enable".utf8) { return true }
      }
      at += 1
    }
    return false
  }
}
