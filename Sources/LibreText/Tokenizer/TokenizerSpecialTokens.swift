/// Tokens that are not words: URLs, e-mail addresses, template placeholders and emoji.
extension TokenScan {
  /// The end of a URL starting at `index` (`http://`, `https://` or `www.`), or nil.
  package func urlEnd(at index: Int) -> Int? {
    let first = base[index] | 0x20
    guard first == UInt8(ascii: "h") || first == UInt8(ascii: "w") else { return nil }
    let prefixLength: Int
    if hasPrefix("https://", at: index) {
      prefixLength = 8
    } else if hasPrefix("http://", at: index) {
      prefixLength = 7
    } else if hasPrefix("www.", at: index) {
      prefixLength = 4
    } else {
      return nil
    }
    var end = index + prefixLength
    while end < count {
      let byte = base[end]
      if byte <= 0x20 || byte >= 0x80 || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
        || byte == UInt8(ascii: "\"")
      {
        break
      }
      end += 1
    }
    while end > index + prefixLength, ".,;:!?)]'".utf8.contains(base[end - 1]) { end -= 1 }
    return end > index + prefixLength ? end : nil
  }

  private func hasPrefix(_ prefix: StaticString, at index: Int) -> Bool {
    let length = prefix.utf8CodeUnitCount
    guard index + length <= count else { return false }
    let bytes = prefix.utf8Start
    for offset in 0..<length where base[index + offset] | (bytes[offset] >= 0x61 ? 0x20 : 0) != bytes[offset] {
      return false
    }
    return true
  }

  /// The end of an e-mail address starting at `start`, checked when a word stops at one of
  /// the characters an address may hold; nil when there is none.
  func emailEnd(from start: Int, trigger: UInt8) -> Int? {
    switch trigger {
    case UInt8(ascii: "@"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "-"),
      UInt8(ascii: "%"):
      break
    default:
      return nil
    }
    let isLocal = { (byte: UInt8) -> Bool in
      switch byte {
      case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "%"), UInt8(ascii: "+"), UInt8(ascii: "-"): return true
      default: return byte < 0x80 && ASCIIClass.table[Int(byte)] >= 0x30
      }
    }
    var at = start
    while at < count, isLocal(base[at]) { at += 1 }
    guard at > start, at < count, base[at] == UInt8(ascii: "@") else { return nil }
    var end = at + 1
    var dots = 0
    while end < count {
      let byte = base[end]
      if byte < 0x80 && ASCIIClass.table[Int(byte)] >= 0x30 || byte == UInt8(ascii: "-") {
        end += 1
      } else if byte == UInt8(ascii: "."), end + 1 < count, base[end + 1] < 0x80,
        ASCIIClass.table[Int(base[end + 1])] >= 0x30
      {
        dots += 1
        end += 1
      } else {
        break
      }
    }
    return dots > 0 && end > at + 1 ? end : nil
  }

  /// The end of a template placeholder starting at `index`: `{{x}}`, `{{{x}}}`, `{{#if x}}`,
  /// `{{ contact.firstname }}`, `{% x %}`, `{# comment #}`, `{x}`, `*|X|*`, `%X%`, `[[x]]`,
  /// `[First Name]`; nil when none starts there. Only runs on `{`, `[`, `%` and `*`.
  package func placeholderEnd(at index: Int) -> Int? {
    let byte = base[index]
    let next = index + 1 < count ? base[index + 1] : 0
    switch (byte, next) {
    case (UInt8(ascii: "{"), UInt8(ascii: "{")):
      guard var end = find("}}", from: index + 2, within: 256) else { return nil }
      while end < count, base[end] == UInt8(ascii: "}") { end += 1 }
      return end
    case (UInt8(ascii: "{"), UInt8(ascii: "%")):
      return find("%}", from: index + 2, within: 256)
    case (UInt8(ascii: "{"), UInt8(ascii: "#")):
      return find("#}", from: index + 2, within: 256)
    case (UInt8(ascii: "{"), _):
      return closed(from: index + 1, by: UInt8(ascii: "}"), within: 64, allowSpaces: true)
    case (UInt8(ascii: "*"), UInt8(ascii: "|")):
      return find("|*", from: index + 2, within: 64)
    case (UInt8(ascii: "%"), _):
      guard next >= 0x41 && next <= 0x5A else { return nil }
      return closed(from: index + 1, by: UInt8(ascii: "%"), within: 64, allowSpaces: false, upperOnly: true)
    case (UInt8(ascii: "["), UInt8(ascii: "[")):
      return find("]]", from: index + 2, within: 64)
    case (UInt8(ascii: "["), _):
      return fieldNameEnd(from: index + 1)
    default:
      return nil
    }
  }

  /// The end of a single-bracket field `[First Name]`, `[FIRST_NAME]`, `[Company]`,
  /// `[Prénom]`, `[first_name]` whose content starts at `start`. Only names: capitalized
  /// words, or one snake or dotted lowercase identifier, at most 40 bytes, no sentence
  /// punctuation, so `[optional text]`, `[sic]` and `[1]` stay words.
  private func fieldNameEnd(from start: Int) -> Int? {
    var end = start
    var wordStart = true
    var allCapitalized = true
    var hasJoiner = false
    var hasSpace = false
    while end < count, end - start <= 40 {
      let byte = base[end]
      if byte == UInt8(ascii: "]") {
        guard end > start, !wordStart else { return nil }
        return allCapitalized || (hasJoiner && !hasSpace) ? end + 1 : nil
      }
      if byte == 0x20 {
        guard !wordStart else { return nil }
        wordStart = true
        hasSpace = true
        end += 1
        continue
      }
      let isUpper = byte >= 0x41 && byte <= 0x5A
      let isLower = byte >= 0x61 && byte <= 0x7A
      let isDigit = byte >= 0x30 && byte <= 0x39
      let isJoiner = byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
      // A capital from Latin-1 (`É` is C3 89): the lead byte C3, then 80–9E but not × (97).
      let isLatinUpper =
        byte == 0xC3 && end + 1 < count && base[end + 1] >= 0x80 && base[end + 1] <= 0x9E
        && base[end + 1] != 0x97
      if wordStart {
        guard isUpper || isLatinUpper || isLower else { return nil }
        if !(isUpper || isLatinUpper) { allCapitalized = false }
        wordStart = false
      } else if !(isUpper || isLower || isDigit || isJoiner || byte >= 0x80) {
        return nil
      }
      if isJoiner { hasJoiner = true }
      end += 1
    }
    return nil
  }

  /// The end of `closer` found after an identifier-like run starting at `start`.
  private func closed(
    from start: Int, by closer: UInt8, within limit: Int, allowSpaces: Bool, upperOnly: Bool = false
  ) -> Int? {
    var end = start
    while end < count, end - start < limit {
      let byte = base[end]
      if byte == closer { return end > start ? end + 1 : nil }
      let isUpper = byte >= 0x41 && byte <= 0x5A
      let isIdentifier =
        isUpper || byte == UInt8(ascii: "_") || (!upperOnly && byte < 0x80 && ASCIIClass.table[Int(byte)] >= 0x30)
        || (!upperOnly && byte == UInt8(ascii: "."))
      guard isIdentifier || (allowSpaces && byte == 0x20 && end > start) else { return nil }
      end += 1
    }
    return nil
  }

  private func find(_ closer: StaticString, from start: Int, within limit: Int) -> Int? {
    let bytes = closer.utf8Start
    var at = start
    while at + 1 < count, at - start < limit {
      if base[at] == bytes[0] && base[at + 1] == bytes[1] { return at + 2 }
      if base[at] == 0x0A { return nil }
      at += 1
    }
    return nil
  }

  /// The end of an emoji sequence: modifiers, variation selectors, joined scalars, flags.
  func emojiEnd(after start: Int, first: UInt32) -> Int {
    var end = start
    let isRegional = { (value: UInt32) in value >= 0x1F1E6 && value <= 0x1F1FF }
    var pairedRegional = !isRegional(first)
    while end < count, base[end] >= 0x80, let (value, width) = decode(at: end) {
      if ScalarRole.continuesEmoji(value) {
        end += width
      } else if value == 0x200D, end + width < count, let (_, nextWidth) = decode(at: end + width) {
        end += width + nextWidth
      } else if !pairedRegional && isRegional(value) {
        pairedRegional = true
        end += width
      } else {
        break
      }
    }
    return end
  }
}
