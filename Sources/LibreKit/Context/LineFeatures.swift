/// What the region classifier needs to know of one line, counted in one pass over its bytes.
struct LineFeatures {
  /// The line without its break and without leading and trailing spaces.
  var start = 0
  var end = 0
  var letters = 0
  var upperLetters = 0
  var digits = 0
  /// Printable characters that are neither letters, digits nor spaces.
  var symbols = 0
  var words = 0
  var pipes = 0
  var tabs = 0
  /// Runs of three or more spaces between two non-space characters (aligned columns).
  var wideGaps = 0
  /// Bytes inside `[…]`, `{…}`, `{{…}}` or `<…>` brackets (placeholders, tags).
  var bracketed = 0
  /// Letters outside such brackets.
  var lettersOutsideBrackets = 0
  var last: UInt8 = 0
  var first: UInt8 = 0

  var isBlank: Bool { start >= end }
  var visible: Int { letters + digits + symbols }

  init(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper, LineFeatures.isSpace(text[lower]) { lower += 1 }
    while upper > lower, LineFeatures.isSpace(text[upper - 1]) { upper -= 1 }
    start = lower
    end = upper
    guard lower < upper else { return }
    first = text[lower]
    last = text[upper - 1]
    var inWord = false
    var spaces = 0
    var depth = 0
    var index = lower
    while index < upper {
      let byte = text[index]
      if byte == 0x20 || byte == 0x09 {
        if byte == 0x09 { tabs += 1 }
        spaces += 1
        inWord = false
        index += 1
        continue
      }
      if spaces >= 3 { wideGaps += 1 }
      spaces = 0
      if byte >= 0x80 {
        // A multi-byte scalar: counted as one letter (accented letters, most of them).
        if byte & 0xC0 != 0x80 {
          letters += 1
          if !inWord { words += 1 }
          inWord = true
        }
      } else if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A {
        letters += 1
        if byte < 0x61 { upperLetters += 1 }
        if !inWord { words += 1 }
        inWord = true
      } else if byte >= 0x30 && byte <= 0x39 {
        digits += 1
        inWord = false
      } else {
        // A run of one symbol ("........", "!!!") counts once: it is emphasis, not code.
        if index == lower || text[index - 1] != byte { symbols += 1 }
        // A table's pipe, not a Mailchimp merge tag's (`*|FNAME|*`).
        if byte == UInt8(ascii: "|"), index == lower || text[index - 1] != UInt8(ascii: "*"),
          index + 1 == upper || text[index + 1] != UInt8(ascii: "*")
        {
          pipes += 1
        }
        if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "<") { depth += 1 }
        if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: ">") {
          depth = max(0, depth - 1)
        }
        // An apostrophe or hyphen inside a word keeps the word going.
        inWord = inWord && (byte == 0x27 || byte == UInt8(ascii: "-"))
      }
      if depth > 0 {
        bracketed += 1
      } else if (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || (byte >= 0x80 && byte & 0xC0 != 0x80) {
        lettersOutsideBrackets += 1
      }
      index += 1
    }
  }

  static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0C }

  /// Whether the line ends a sentence or a clause the way prose does.
  var endsLikeProse: Bool {
    last == UInt8(ascii: ".") || last == UInt8(ascii: "?") || last == UInt8(ascii: "!") || last == UInt8(ascii: ",")
      || last == UInt8(ascii: ";") || last == UInt8(ascii: ":") || last == UInt8(ascii: ")") || last == 0x22
      || last == 0x27 || last >= 0x80
  }

  /// Whether the line starts like a list item: `-`, `*`, `•`, `+`, `1.`, `2)`, `a)`.
  func startsLikeListItem(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard end - start >= 2 else { return false }
    let next = text[start + 1]
    if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
      return next == 0x20
    }
    if first == 0xE2, end - start >= 3, text[start + 1] == 0x80, text[start + 2] == 0xA2 { return true }  // •
    var index = start
    while index < end, index - start < 3, text[index] >= 0x30, text[index] <= 0x39 { index += 1 }
    guard index > start, index + 1 < end else { return false }
    return (text[index] == UInt8(ascii: ".") || text[index] == UInt8(ascii: ")")) && text[index + 1] == 0x20
  }
}
