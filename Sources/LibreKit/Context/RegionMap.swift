/// The region of every line of a text (see `TextRegions`), found from the lines' shapes
/// and a few marker words (`RegionWords`). One pass over the lines, then one over the
/// paragraphs; built only for texts that have findings to judge.
public struct RegionMap: Sendable {
  /// Where each line starts (ascending) and its region.
  public private(set) var lineStarts: [Int] = []
  public private(set) var regions: [TextRegions] = []

  /// Classifies the lines of `text`; with `only`, just the paragraphs holding those byte
  /// offsets (the findings to judge): the rest is never asked about, and classifying every
  /// paragraph of every message cost a tenth of a batch's time.
  public init(_ text: UnsafeBufferPointer<UInt8>, only offsets: [Int]? = nil) {
    var blank: [Bool] = []
    var position = 0
    while position < text.count {
      let lineStart = position
      var isBlank = true
      while position < text.count, text[position] != 0x0A {
        if isBlank, !LineFeatures.isSpace(text[position]) { isBlank = false }
        position += 1
      }
      lineStarts.append(lineStart)
      blank.append(isBlank)
      position += 1
    }
    regions = [TextRegions](repeating: .prose, count: lineStarts.count)
    // Paragraphs: runs of lines that are not blank.
    var paragraphs: [Range<Int>] = []
    var line = 0
    while line < blank.count {
      if blank[line] {
        line += 1
        continue
      }
      var end = line
      while end < blank.count, !blank[end] { end += 1 }
      paragraphs.append(line..<end)
      line = end
    }
    var wanted = [Bool](repeating: offsets == nil, count: paragraphs.count)
    if let offsets {
      for offset in offsets {
        let line = lineIndex(of: offset)
        if let paragraph = RegionMap.paragraph(holding: line, in: paragraphs) { wanted[paragraph] = true }
      }
    }
    func featuresOf(_ line: Int) -> LineFeatures {
      let end = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : text.count
      return LineFeatures(text, lineStarts[line]..<max(lineStarts[line], end))
    }
    // One paragraph's features at a time (the line after it, blank or absent, apart): a
    // table of every line's, beside a copy per paragraph, grew with the text.
    for (index, paragraph) in paragraphs.enumerated() where wanted[index] {
      let block = paragraph.map(featuresOf)
      for (offset, line) in paragraph.enumerated() {
        let next =
          offset + 1 < block.count ? block[offset + 1] : line + 1 < lineStarts.count ? featuresOf(line + 1) : nil
        regions[line] = RegionMap.lineRegion(text, block[offset], next: next)
      }
      classifyBlock(text, block, paragraph)
    }
    // `-- ` opens a signature that runs to the end of the message.
    if let from = lineStarts.indices.first(where: { RegionMap.isSignatureMarker(text, lineStarts[$0], blank[$0]) }) {
      for line in from..<lineStarts.count where !blank[line] && regions[line] != .footer { regions[line] = .signature }
    }
    // A footer ends a message: a text that is nothing but "footer" is the message itself
    // (a one-line draft saying how to unsubscribe).
    let written = lineStarts.indices.filter { !blank[$0] }
    if wanted.allSatisfy({ $0 }) && !written.isEmpty && written.allSatisfy({ regions[$0] == .footer }) {
      for line in written { regions[line] = .prose }
    }
  }

  static func paragraph(holding line: Int, in paragraphs: [Range<Int>]) -> Int? {
    var low = 0
    var high = paragraphs.count - 1
    while low <= high {
      let middle = (low + high) / 2
      if paragraphs[middle].upperBound <= line {
        low = middle + 1
      } else if paragraphs[middle].lowerBound > line {
        high = middle - 1
      } else {
        return middle
      }
    }
    return nil
  }

  /// The text as an array, for tests and tools.
  public init(_ text: [UInt8]) {
    self = text.withUnsafeBufferPointer { RegionMap($0) }
  }

  /// The region of the line holding byte `offset`.
  public func region(at offset: Int) -> TextRegions {
    guard !lineStarts.isEmpty else { return .prose }
    return regions[lineIndex(of: offset)]
  }

  /// The index of the line holding byte `offset`.
  func lineIndex(of offset: Int) -> Int {
    var low = 0
    var high = max(0, lineStarts.count - 1)
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    return low
  }

  // MARK: lines

  static func lineRegion(_ text: UnsafeBufferPointer<UInt8>, _ line: LineFeatures, next: LineFeatures?) -> TextRegions {
    let visible = line.visible
    if RegionMap.containsAny(text, line, RegionMap.forwardNeedles) && line.words <= 12 { return .forwarded }
    // Rules drawn with symbols, ASCII art: hardly a letter.
    if visible >= 3 && (line.letters + line.digits) * 4 <= visible { return .art }
    if isMachine(text, line) { return .machine }
    if line.pipes >= 2 || line.tabs >= 2 || line.wideGaps >= 2 { return .table }
    // `[First name] [Company]`: placeholders with hardly a word of text between them.
    if line.bracketed > 0 && line.lettersOutsideBrackets < RegionMap.placeholderLineLetters { return .placeholders }
    if line.first == UInt8(ascii: "#") { return .heading }
    if let next, !next.isBlank, next.visible >= 3, next.letters == 0, next.digits == 0,
      text[next.start] == UInt8(ascii: "=") || text[next.start] == UInt8(ascii: "-")
    {
      return .heading
    }
    if line.startsLikeListItem(text) { return .listItem }
    return .prose
  }

  /// Log lines, paths, machine messages: few letters for their length, a path, an arrow,
  /// a clock time with seconds, a run of `!` or `*` opening the line.
  static func isMachine(_ text: UnsafeBufferPointer<UInt8>, _ line: LineFeatures) -> Bool {
    let visible = line.visible
    if visible >= 8 && line.letters * 100 < visible * 55 { return true }
    var index = line.start
    var colons = 0
    while index < line.end {
      let byte = text[index]
      // `O:\Portland`, `\\server`, `-->`, `->>`, `<--`.
      if byte == UInt8(ascii: "\\"), index > line.start,
        text[index - 1] == UInt8(ascii: ":") || text[index - 1] == UInt8(ascii: "\\")
      {
        return true
      }
      if byte == UInt8(ascii: "-"), index + 2 < line.end,
        text[index + 1] == UInt8(ascii: "-") || text[index + 1] == UInt8(ascii: ">"),
        text[index + 2] == UInt8(ascii: ">")
      {
        return true
      }
      if byte == UInt8(ascii: ":"), index > line.start, index + 1 < line.end, isDigit(text[index - 1]),
        isDigit(text[index + 1])
      {
        colons += 1
      }
      index += 1
    }
    if colons >= 2 { return true }  // 10:42:07
    // "!!!Unknown database.", "***ERROR": machine messages open with a run of symbols.
    if line.end - line.start >= 3, line.first == UInt8(ascii: "!") || line.first == UInt8(ascii: "*"),
      text[line.start + 1] == line.first, text[line.start + 2] == line.first, line.words >= 1
    {
      return true
    }
    return false
  }

  /// Letters outside brackets under which a line is a list of placeholders.
  static let placeholderLineLetters = 4

  // MARK: paragraphs

  /// The longest paragraph a footer word makes a footer as a whole.
  static let footerParagraphLines = 6

  /// Classifies the paragraph `block` (line indices) whose lines' features are `blockLines`.
  private mutating func classifyBlock(
    _ text: UnsafeBufferPointer<UInt8>, _ blockLines: [LineFeatures], _ block: Range<Int>
  ) {
    let base = block.lowerBound
    func lines(_ line: Int) -> LineFeatures { blockLines[line - base] }
    // A footer keyword makes a short paragraph a footer; in a long one (an HTML body
    // often has no blank line at all) only its line and the next are.
    let footerLines = block.filter { RegionMap.containsAny(text, lines($0), RegionMap.footerNeedles) }
    if !footerLines.isEmpty {
      if block.count <= RegionMap.footerParagraphLines {
        for line in block { regions[line] = .footer }
        return
      }
      for line in footerLines {
        regions[line] = .footer
        if line + 1 < block.upperBound { regions[line + 1] = .footer }
      }
    }
    // A forwarded header block: a marker line, or two or more header lines.
    // Each line's `Key:` once; most lines have none, and those cost one short scan.
    var keys: [(line: Int, key: Range<Int>)] = []
    for line in block { if let key = RegionMap.keyValueKey(text, lines(line)) { keys.append((line, key)) } }
    let headerLines = keys.filter { RegionMap.headerKeys.contains(RegionMap.loweredKey(text, $0.key)) }.map(\.line)
    if headerLines.count >= 2 || block.contains(where: { regions[$0] == .forwarded }) {
      for line in block { regions[line] = .forwarded }
      return
    }
    // `Key: value` lines, two or more in a paragraph, or one contact line.
    let keyLines = keys.map(\.line)
    if keyLines.count >= 2 && keyLines.count * 2 >= block.count {
      for line in keyLines { regions[line] = .keyValue }
    }
    for (line, key) in keys where RegionMap.contactKeys.contains(RegionMap.loweredKey(text, key)) {
      regions[line] = .signature
    }
    // A sign-off line: the short lines after it are the signature.
    if let signOff = block.first(where: { RegionMap.isSignOff(text, lines($0)) }) {
      let rest = (signOff + 1)..<block.upperBound
      if rest.count <= 8 && rest.allSatisfy({ lines($0).words <= 8 }) {
        for line in rest { regions[line] = .signature }
      }
    }
    // A lone short line without sentence punctuation, between blank lines: a heading.
    if block.count == 1, let line = block.first, regions[line] == .prose {
      let features = lines(line)
      if features.words >= 1 && features.words <= 8 && !features.endsLikeProse && !RegionMap.isSignOff(text, features) {
        regions[line] = .heading
      }
    }
  }

  /// `--` or `-- ` alone on the line starting at `start`.
  static func isSignatureMarker(_ text: UnsafeBufferPointer<UInt8>, _ lineStart: Int, _ blank: Bool) -> Bool {
    var start = lineStart
    while start < text.count, text[start] == 0x20 || text[start] == 0x09 { start += 1 }
    guard !blank, start + 1 < text.count, text[start] == UInt8(ascii: "-"), text[start + 1] == UInt8(ascii: "-")
    else { return false }
    var end = start + 2
    while end < text.count, text[end] == 0x20 || text[end] == 0x0D { end += 1 }
    return end == text.count || text[end] == 0x0A
  }

  /// Whether the line is a sign-off alone ("Regards,", "Thanks!", « Cordialement, »).
  static func isSignOff(_ text: UnsafeBufferPointer<UInt8>, _ line: LineFeatures) -> Bool {
    guard line.words <= 3 else { return false }
    var end = line.end
    while end > line.start,
      text[end - 1] == UInt8(ascii: ",") || text[end - 1] == UInt8(ascii: "!")
        || text[end - 1] == UInt8(ascii: ".")
    {
      end -= 1
    }
    return RegionWords.signOffs.contains { equalsIgnoringASCIICase(text, line.start..<end, $0) }
  }

  /// The key of a `Key: value` line: 1–3 words before a colon followed by a space.
  static func keyValueKey(_ text: UnsafeBufferPointer<UInt8>, _ line: LineFeatures) -> Range<Int>? {
    var index = line.start
    var spaces = 0
    while index < line.end, index - line.start < 32 {
      let byte = text[index]
      if byte == UInt8(ascii: ":") {
        guard index > line.start else { return nil }
        var keyEnd = index
        while keyEnd > line.start, text[keyEnd - 1] == 0x20 { keyEnd -= 1 }
        let after = index + 1
        guard after == line.end || text[after] == 0x20 || text[after] == 0x09 else { return nil }
        return line.start..<keyEnd
      }
      if byte == 0x20 {
        spaces += 1
        if spaces > 3 { return nil }
      } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!") {
        return nil
      }
      index += 1
    }
    return nil
  }

  static let headerKeys = Set(RegionWords.headerNames.map { Array($0.utf8) })
  static let contactKeys = Set(RegionWords.contactKeys.map { Array($0.utf8) })

  /// A key's bytes with ASCII letters lowered, for the key sets.
  static func loweredKey(_ text: UnsafeBufferPointer<UInt8>, _ key: Range<Int>) -> [UInt8] {
    key.map { lowered(text[$0]) }
  }

  static func containsAny(_ text: UnsafeBufferPointer<UInt8>, _ line: LineFeatures, _ needles: NeedleSet) -> Bool {
    needles.occurs(in: text, line.start..<line.end)
  }

  static let footerNeedles = NeedleSet(RegionWords.footer)
  static let forwardNeedles = NeedleSet(RegionWords.forwardMarkers)

  static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  static func equalsIgnoringASCIICase(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ word: String) -> Bool {
    var index = range.lowerBound
    for byte in word.utf8 {
      guard index < range.upperBound, lowered(text[index]) == byte else { return false }
      index += 1
    }
    return index == range.upperBound
  }

  @inline(__always)
  static func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}
