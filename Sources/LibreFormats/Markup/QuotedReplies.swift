import LibreKit

/// Leaves out of a message what its sender did not write now: quoted replies, forwarded
/// messages and signatures, in English and French.
///
/// The text is *blanked*, not cut: every byte of a left-out line except its `\r` and `\n`
/// becomes a space. The result has the same length, lines and source map as the input, so
/// what is kept keeps its exact position (and `Document` line counts stay those of the
/// text), and the tokenizer sees blank lines where the quote was.
///
/// Left out:
/// - each line starting with `>` (after spaces), alone: the sender's answers between
///   quoted lines stay;
/// - from an attribution line to the end: "On … wrote:", « Le … a écrit : » (either may be
///   wrapped over two lines);
/// - from an Outlook header block to the end: "From: …" followed within a few lines by
///   "Sent: …" or "Date: …", « De : … » with « Envoyé : » or « Date : » (with the
///   `_____` rule above it), once the sender has written something before it;
/// - from a separator line to the end: "-----Original Message-----",
///   « -----Message d'origine----- », forwarded-message markers, and the `-- ` signature
///   separator;
/// - from a mobile signature to the end: "Sent from my iPhone", "Get Outlook for iOS",
///   « Envoyé de mon iPhone », « Envoyé depuis mon … ».
public enum QuotedReplies {
  /// The text without quoted replies and signatures (what the sender did not write now).
  public static func strip(_ input: MappedText) -> MappedText {
    let bytes = input.bytes
    var lines: [Range<Int>] = []
    var start = 0
    while start < bytes.count {
      var end = start
      while end < bytes.count && bytes[end] != 0x0A { end += 1 }
      lines.append(start..<(end > start && bytes[end - 1] == 0x0D ? end - 1 : end))
      start = end + 1
    }
    var output = input
    var wroteSomething = false
    var cut: Int?
    for (index, line) in lines.enumerated() {
      let text = Line(bytes: bytes, range: line)
      if text.isQuoted {
        blank(&output.bytes, line)
        continue
      }
      if text.isSeparator || text.isMobileSignature || text.isAttribution
        || (index + 1 < lines.count && text.startsWrappedAttribution(Line(bytes: bytes, range: lines[index + 1])))
      {
        cut = index
        break
      }
      if wroteSomething, text.startsHeaderBlock(following: lines[(index + 1)...].prefix(6), in: bytes) {
        cut = index
        // The `________________` rule Outlook draws above the block goes with it.
        var previous = index - 1
        while previous >= 0 && Line(bytes: bytes, range: lines[previous]).isBlank { previous -= 1 }
        if previous >= 0 && Line(bytes: bytes, range: lines[previous]).isUnderscoreRule { cut = previous }
        break
      }
      if !text.isBlank { wroteSomething = true }
    }
    if let cut {
      for line in lines[cut...] { blank(&output.bytes, line) }
    }
    return output
  }

  private static func blank(_ bytes: inout [UInt8], _ line: Range<Int>) {
    for index in line where bytes[index] != 0x0D { bytes[index] = 0x20 }
  }
}

/// One line of the message, trimmed, with the tests that recognize quoting.
private struct Line {
  let bytes: [UInt8]
  /// The whole line, without its line break.
  let range: Range<Int>
  /// The line without leading and trailing spaces (tabs, no-break spaces).
  let text: Range<Int>

  init(bytes: [UInt8], range: Range<Int>) {
    self.bytes = bytes
    self.range = range
    var start = range.lowerBound
    var end = range.upperBound
    while start < end, let width = Line.spaceWidth(bytes, at: start, end: end) { start += width }
    while end > start, let width = Line.spaceWidthBefore(bytes, end: end, start: start) { end -= width }
    text = start..<end
  }

  /// The width of a space at `index`: ASCII space or tab, U+00A0, U+202F (French typography).
  static func spaceWidth(_ bytes: [UInt8], at index: Int, end: Int) -> Int? {
    let byte = bytes[index]
    if byte == 0x20 || byte == 0x09 { return 1 }
    if byte == 0xC2 && index + 1 < end && bytes[index + 1] == 0xA0 { return 2 }
    if byte == 0xE2 && index + 2 < end && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xAF { return 3 }
    return nil
  }

  static func spaceWidthBefore(_ bytes: [UInt8], end: Int, start: Int) -> Int? {
    let byte = bytes[end - 1]
    if byte == 0x20 || byte == 0x09 { return 1 }
    if byte == 0xA0 && end - 2 >= start && bytes[end - 2] == 0xC2 { return 2 }
    if byte == 0xAF && end - 3 >= start && bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x80 { return 3 }
    return nil
  }

  var isBlank: Bool { text.isEmpty }

  var isQuoted: Bool { !text.isEmpty && bytes[text.lowerBound] == UInt8(ascii: ">") }

  var isUnderscoreRule: Bool { text.count >= 10 && bytes[text].allSatisfy { $0 == UInt8(ascii: "_") } }

  /// `-- ` (the signature separator, its space often lost), "-----Original Message-----",
  /// « -----Message d'origine----- », and forwarded-message markers.
  var isSeparator: Bool {
    let line = bytes[text]
    // The signature separator starts its line.
    if line.elementsEqual("--".utf8) { return text.lowerBound == range.lowerBound }
    if line.first == UInt8(ascii: "-") {
      var core = line.drop { $0 == UInt8(ascii: "-") || $0 == 0x20 }
      while let last = core.last, last == UInt8(ascii: "-") || last == 0x20 { core = core.dropLast() }
      guard core.count < line.count - 3 else { return false }
      return Line.separatorNames.contains { Line.equalsIgnoringCase(core, $0) }
    }
    return Line.forwardIntroductions.contains { Line.startsIgnoringCase(line, $0) }
  }

  static let separatorNames = [
    "original message", "message d'origine", "message d’origine", "forwarded message", "message transféré",
    "mensaje original", "message original",
  ]
  static let forwardIntroductions = [
    "begin forwarded message:", "début du message réexpédié", "debut du message reexpedie",
  ]

  /// "Sent from my iPhone", "Get Outlook for iOS", « Envoyé de mon iPhone »…: short lines
  /// only, so a sentence that starts the same way stays.
  var isMobileSignature: Bool {
    guard text.count <= 80 else { return false }
    return Line.mobileSignatures.contains { Line.startsIgnoringCase(bytes[text], $0) }
  }

  static let mobileSignatures = [
    "sent from my ", "sent from mail for windows", "sent from yahoo mail", "sent from outlook", "sent from gmail",
    "sent via ", "get outlook for ", "envoyé de mon ", "envoyé depuis mon ", "envoyé à partir de ",
    "envoyé depuis outlook", "envoyé avec ", "télécharger outlook pour ", "obtenir outlook pour ",
  ]

  /// "On … wrote:" or « Le … a écrit : » on one line.
  var isAttribution: Bool {
    guard text.count <= 300 else { return false }
    if startsIgnoringCase("on ") { return endsWithVerb(english: true) }
    if startsIgnoringCase("le ") { return endsWithVerb(english: false) }
    return false
  }

  /// An attribution wrapped after its first line: "On Mon, 3 Jun 2024 at 10:00, Sam Smith <"
  /// then "sam@example.com> wrote:".
  func startsWrappedAttribution(_ next: Line) -> Bool {
    guard text.count <= 300, next.text.count <= 200, !next.isQuoted else { return false }
    if startsIgnoringCase("on ") { return next.endsWithVerb(english: true) }
    if startsIgnoringCase("le ") {
      return next.endsWithVerb(english: false) || (endsWith(" a") && next.endsWithVerb(english: false, bare: true))
    }
    return false
  }

  /// Whether the line ends with "wrote:" (English) or "a écrit :" (French; with `bare`,
  /// "écrit :" alone, its "a" ending the line before), whatever spaces separate them.
  func endsWithVerb(english: Bool, bare: Bool = false) -> Bool {
    guard !text.isEmpty, bytes[text.upperBound - 1] == UInt8(ascii: ":") else { return false }
    if english { return endsWithWords(["wrote", ":"]) != nil }
    for verb in ["écrit", "ecrit"] {
      if let start = endsWithWords([verb, ":"]), bare && start == text.lowerBound { return true }
      if let start = endsWithWords(["a", verb, ":"]), start > text.lowerBound { return true }
    }
    return false
  }

  /// Where the line's last words start when they are `words` (separated by any spaces, the
  /// first one preceded by a space or the line start); nil when they are not.
  func endsWithWords(_ words: [String]) -> Int? {
    var end = text.upperBound
    for (index, word) in words.enumerated().reversed() {
      if index < words.count - 1 {
        while end > text.lowerBound, let width = Line.spaceWidthBefore(bytes, end: end, start: text.lowerBound) {
          end -= width
        }
      }
      let length = word.utf8.count
      guard end - length >= text.lowerBound,
        Line.equalsIgnoringCase(bytes[(end - length)..<end], word)
      else { return nil }
      end -= length
    }
    guard end == text.lowerBound || Line.spaceWidthBefore(bytes, end: end, start: text.lowerBound) != nil else {
      return nil
    }
    return end
  }

  /// "From:"/« De : » opening a header block that has "Sent:", "Date:" or « Envoyé : »
  /// with a date (a digit) on the same line (flattened HTML) or within the next lines.
  func startsHeaderBlock(following: ArraySlice<Range<Int>>, in bytes: [UInt8]) -> Bool {
    guard let name = fieldName, name == "from" || name == "de" else { return false }
    let partners: Set<String> = ["sent", "date", "envoyé", "envoye"]
    let hasDigit = bytes[text].contains { $0 >= 0x30 && $0 <= 0x39 }
    if hasDigit, partners.contains(where: { containsIgnoringCase(" \($0):") || containsIgnoringCase(" \($0) :") }) {
      return true
    }
    for range in following {
      let line = Line(bytes: bytes, range: range)
      if let field = line.fieldName, partners.contains(field),
        bytes[line.text].contains(where: { $0 >= 0x30 && $0 <= 0x39 })
      {
        return true
      }
    }
    return false
  }

  /// The lowercased name of a header-like field opening the line (`From:`, `*De :*`), or nil.
  var fieldName: String? {
    var at = text.lowerBound
    while at < text.upperBound && bytes[at] == UInt8(ascii: "*") { at += 1 }
    let start = at
    while at < text.upperBound && at - start <= 12 && Line.spaceWidth(bytes, at: at, end: text.upperBound) == nil
      && (bytes[at] >= 0x80 || (asciiLower(bytes[at]) >= 0x61 && asciiLower(bytes[at]) <= 0x7A))
    {
      at += 1
    }
    guard at > start, at - start <= 12 else { return nil }
    let nameEnd = at
    while at < text.upperBound, let width = Line.spaceWidth(bytes, at: at, end: text.upperBound) { at += width }
    while at < text.upperBound && bytes[at] == UInt8(ascii: "*") { at += 1 }
    guard at < text.upperBound, bytes[at] == UInt8(ascii: ":") else { return nil }
    return String(decoding: bytes[start..<nameEnd].map(asciiLower), as: UTF8.self).lowercased()
  }

  // MARK: Comparisons (ASCII case folded; the French accents are written lowercase)

  func startsIgnoringCase(_ prefix: String) -> Bool { Line.startsIgnoringCase(bytes[text], prefix) }

  func endsWith(_ suffix: String) -> Bool {
    let length = suffix.utf8.count
    guard text.count >= length else { return false }
    return Line.equalsIgnoringCase(bytes[(text.upperBound - length)..<text.upperBound], suffix)
  }

  func equals(_ other: String) -> Bool { Line.equalsIgnoringCase(bytes[text], other) }

  func containsIgnoringCase(_ needle: String) -> Bool {
    let length = needle.utf8.count
    guard text.count >= length else { return false }
    var at = text.lowerBound
    while at + length <= text.upperBound {
      if Line.equalsIgnoringCase(bytes[at..<(at + length)], needle) { return true }
      at += 1
    }
    return false
  }

  static func startsIgnoringCase(_ line: ArraySlice<UInt8>, _ prefix: String) -> Bool {
    let length = prefix.utf8.count
    guard line.count >= length else { return false }
    return equalsIgnoringCase(line.prefix(length), prefix)
  }

  static func equalsIgnoringCase(_ slice: ArraySlice<UInt8>, _ other: String) -> Bool {
    slice.lazy.map(asciiLower).elementsEqual(other.utf8.lazy.map(asciiLower))
  }
}
