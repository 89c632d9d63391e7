/// Recognises speaker names written at the start of a line or cue (`Sam: …`,
/// `Jean-Pierre Dubois: …`), the way call transcripts and captions label who speaks.
///
/// A candidate is 1–4 words and at most 40 characters, starts with a letter, holds letters,
/// digits, spaces and `.-'’_` only and does not end with `.`; it counts as a speaker when it
/// recurs in the file or is capitalized, and is not a label word such as `Note`, `Subject`
/// or `Price` (see `labels`).
enum SpeakerNames {
  /// Words that commonly start a line with a colon without naming a speaker (English and French).
  static let labels: Set<String> = [
    "note", "notes", "nb", "n.b", "ps", "p.s", "pps", "subject", "objet", "re", "fwd", "tr", "from", "de", "to", "à",
    "a", "cc", "bcc", "cci", "date", "time", "heure", "summary", "résumé", "agenda", "ordre du jour", "price", "prix",
    "total", "cost", "coût", "email", "e-mail", "mail", "courriel", "phone", "tel", "tél", "téléphone", "mobile",
    "address", "adresse", "website", "site", "url", "link", "lien", "step", "étape", "warning", "attention",
    "important", "update", "edit", "tip", "astuce", "example", "exemple", "pros", "cons", "result", "résultat",
    "http", "https", "mailto", "ftp", "www", "action items", "next steps", "prochaines étapes", "title", "titre",
    "language", "kind", "style", "region", "location", "lieu", "attendees", "participants", "duration", "durée",
  ]

  /// A candidate name at the start of `range` ending at a `:` followed by a space or the end:
  /// the name's byte range and where the text after it starts.
  static func prefix(_ bytes: [UInt8], _ range: Range<Int>) -> (name: Range<Int>, textStart: Int)? {
    var index = range.lowerBound
    while index < range.upperBound, TextLines.isSpace(bytes[index]) { index += 1 }
    let nameStart = index
    guard index < range.upperBound, TextLines.isLetterStart(bytes[index]) else { return nil }
    let limit = min(range.upperBound, nameStart + 80)
    while index < limit, bytes[index] != UInt8(ascii: ":") {
      let byte = bytes[index]
      if byte == 0x0A || byte == 0x0D { return nil }
      index += 1
    }
    guard index < limit else { return nil }
    // French typography puts a space before the colon: `Commercial : Bonjour`.
    let nameRange = TextLines.trimmed(bytes, nameStart..<index)
    let after = index + 1
    guard after == range.upperBound || TextLines.isSpace(bytes[after]) || bytes[after] == 0x0A || bytes[after] == 0x0D
    else { return nil }
    guard isName(bytes, nameRange) else { return nil }
    var textStart = after
    while textStart < range.upperBound, TextLines.isSpace(bytes[textStart]) { textStart += 1 }
    return (nameRange, textStart)
  }

  /// Whether `bytes[range]` (trimmed) can be a name: the shape rules above, label words aside.
  static func isName(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    let range = TextLines.trimmed(bytes, range)
    guard !range.isEmpty, TextLines.isLetterStart(bytes[range.lowerBound]) else { return false }
    var words = 1
    var characters = 0
    var previousSpace = false
    for index in range {
      let byte = bytes[index]
      if byte & 0xC0 != 0x80 { characters += 1 }
      if byte == 0x20 {
        if previousSpace { return false }
        words += 1
        previousSpace = true
        continue
      }
      previousSpace = false
      let allowed =
        TextLines.isLetterStart(byte) || TextLines.isDigit(byte) || byte >= 0x80 || byte == UInt8(ascii: ".")
        || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "_")
      if !allowed { return false }
    }
    guard words <= 4, characters <= 40, bytes[range.upperBound - 1] != UInt8(ascii: ".") else { return false }
    return !isLabel(bytes[range])
  }

  /// The longest label in bytes: a longer candidate cannot be one.
  static let longestLabel = labels.map(\.utf8.count).max() ?? 0

  /// For each length up to `longestLabel`, the initials (`a` to `z`, as bits) of the ASCII
  /// labels of that length.
  static let asciiLabelInitials: [UInt32] = {
    var initials = [UInt32](repeating: 0, count: longestLabel + 1)
    for label in labels where label.utf8.allSatisfy({ $0 < 0x80 }) {
      let first = label.utf8.first!
      // A label with another initial would need every name of its length checked.
      initials[label.utf8.count] |= (first &- 0x61) < 26 ? 1 << UInt32(first - 0x61) : .max
    }
    return initials
  }()

  /// Whether `name` is a label word, compared without case. Asked of every line of a plain
  /// transcript: ASCII is lowercased byte by byte, and only other names go through `String`.
  static func isLabel(_ name: ArraySlice<UInt8>) -> Bool {
    guard name.count <= longestLabel else { return false }
    // An ASCII name is lowercased byte by byte, so no label can match one whose length
    // and lowercased initial no ASCII label has: most names are settled here, before a
    // string is built and hashed.
    if let first = name.first, name.allSatisfy({ $0 < 0x80 }) {
      let initial = first | ((first &- 0x41) < 26 ? 0x20 : 0)
      if (initial &- 0x61) < 26 && asciiLabelInitials[name.count] & (1 << UInt32(initial - 0x61)) == 0 {
        return false
      }
    }
    var ascii = true
    let lowered = String(unsafeUninitializedCapacity: name.count) { buffer in
      for (offset, byte) in name.enumerated() {
        ascii = ascii && byte < 0x80
        buffer[offset] = byte | ((byte &- 0x41) < 26 ? 0x20 : 0)
      }
      return name.count
    }
    return labels.contains(ascii ? lowered : String(decoding: name, as: UTF8.self).lowercased())
  }

  /// Whether a name starts with a capital letter (ASCII, or a Latin-1 capital such as É).
  static func isCapitalized(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first else { return false }
    return first.properties.isUppercase
  }

  /// The names of `counts` that count as speakers: recurring or capitalized.
  static func accepted(_ counts: [String: Int]) -> Set<String> {
    Set(counts.filter { $0.value >= 2 || isCapitalized($0.key) }.keys)
  }

  /// Finds `Name:` prefixes at the start of cues without a speaker (SRT, WebVTT without
  /// voice spans), moves the cue text past them and sets the speaker; once a file uses such
  /// prefixes, a cue without one continues the last speaker (captions name a speaker only
  /// when the speaker changes).
  static func applyPrefixes(_ cues: inout TranscriptCues) {
    let bytes = cues.text.bytes
    // Each cue's prefix is looked for, and made a `String`, once: the second pass reads
    // what the first one found.
    var counts: [String: Int] = [:]
    var prefixed: [(cue: Int, name: String, textStart: Int)] = []
    for (index, cue) in cues.cues.enumerated() where cue.speaker == nil {
      guard let found = prefix(bytes, cue.range) else { continue }
      let name = String(decoding: bytes[found.name], as: UTF8.self)
      counts[name, default: 0] += 1
      prefixed.append((index, name, found.textStart))
    }
    guard !counts.isEmpty else { return }
    let names = accepted(counts)
    guard !names.isEmpty else { return }
    var current: String?
    var voiced = false
    var next = 0
    for index in cues.cues.indices {
      if cues.cues[index].speaker != nil {
        voiced = true
        continue
      }
      while next < prefixed.count && prefixed[next].cue < index { next += 1 }
      if next < prefixed.count && prefixed[next].cue == index && names.contains(prefixed[next].name) {
        current = prefixed[next].name
        cues.cues[index].range = prefixed[next].textStart..<cues.cues[index].range.upperBound
        cues.cues[index].speaker = current
        continue
      }
      if !voiced { cues.cues[index].speaker = current }
    }
  }

}
