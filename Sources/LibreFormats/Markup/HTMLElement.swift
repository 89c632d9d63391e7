/// What the attributes of a start tag say about the element.
struct AttributeFacts {
  var hidden = false
  var quoteContainer = false
  var selfClosing = false

  mutating func note(_ bytes: [UInt8], name: Range<Int>, value: Range<Int>?) {
    let attribute = HTMLElement(bytes, name)
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
struct HTMLElement {
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
  func implicitlyCloses(_ open: HTMLElement) -> Bool {
    if open.is("p") { return kind == .block || kind == .paragraph }
    return open.isAny(Self.selfEndingNames) && open.sameName(as: self)
  }

  func sameName(as other: HTMLElement) -> Bool {
    guard name.count == other.name.count else { return false }
    for offset in 0..<name.count
    where asciiLower(bytes[name.lowerBound + offset]) != asciiLower(other.bytes[other.name.lowerBound + offset]) {
      return false
    }
    return true
  }
}
