/// Start and end tags: what each does to the layout, to hidden regions and to quotes.
extension HTMLScanner {
  mutating func startTag(at index: Int) -> Int {
    let name = Self.tagName(in: bytes, from: index + 1)
    var attributes = AttributeFacts()
    guard let end = scanAttributes(from: name.upperBound, into: &attributes) else { return bytes.count }
    let element = HTMLElement(bytes, name)
    let opensContent = !attributes.selfClosing && !element.isVoid

    if element.isRawText {
      // Script, style, title…: their text is not markup and is never shown.
      return rawTextEnd(name: name, from: end)
    }
    if var region = hidden {
      // A hidden `<p>` or `<li>` left open ends where the next block or item starts.
      if region.level == 1 && element.implicitlyCloses(HTMLElement(bytes, region.name)) {
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
    requestSeparator(for: element.kind)
    if element.is("blockquote") && opensContent { blockquoteDepth += 1 }
    if element.is("pre") && opensContent { preDepth += 1 }
    return end
  }

  mutating func endTag(at index: Int) -> Int {
    let name = Self.tagName(in: bytes, from: index + 2)
    var attributes = AttributeFacts()
    guard let end = scanAttributes(from: name.upperBound, into: &attributes) else { return bytes.count }
    let element = HTMLElement(bytes, name)
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
    requestSeparator(for: element.kind)  // `</br>` is a `<br>`.
    return end
  }

  /// The element name starting at `start`: up to a space, `/` or `>`. Static, so that a
  /// call from a mutating method does not copy the scanner (debug builds do, per tag).
  static func tagName(in bytes: [UInt8], from start: Int) -> Range<Int> {
    var at = start
    while at < bytes.count && !HTMLText.isSpace(bytes[at]) && bytes[at] != UInt8(ascii: "/")
      && bytes[at] != UInt8(ascii: ">")
    {
      at += 1
    }
    return start..<at
  }

  /// The break or space a start or end tag of this kind leaves before the next text.
  mutating func requestSeparator(for kind: HTMLElement.Kind) {
    switch kind {
    case .lineBreak:
      // Two `<br>` in a row (or a `<br>` after a block) make a paragraph break.
      requestBreak(pendingBreak > 0 || output.last == 0x0A ? 2 : 1)
    case .block: requestBreak(1)
    case .paragraph: requestBreak(2)
    case .cell: pendingSpace = output.count > 0
    case .inline: break
    }
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
}
