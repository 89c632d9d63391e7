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
    // Header and contact-block names: a message's header block, a forwarded header block
    // or a signature's `Fax: …` line names a field, never a speaker.
    "received", "return-path", "message-id", "reply-to", "sender", "in-reply-to", "references", "mime-version",
    "content-type", "content-transfer-encoding", "content-disposition", "delivered-to", "precedence", "errors-to",
    "user-agent", "importance", "priority", "organization", "sent", "envoyé", "envoyé le", "fax", "télécopie", "cell",
    "pager", "portable", "thread-topic", "thread-index", "status", "list-id", "list-unsubscribe", "list-post",
    "list-help", "list-subscribe", "list-archive", "mailing-list", "x-mailer", "x-originating-ip", "company",
    "société", "position", "poste",
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
    // `X-Anything:` is an extension header field (RFC 6648), never a speaker.
    if range.count > 2, bytes[range.lowerBound] | 0x20 == UInt8(ascii: "x"),
      bytes[range.lowerBound + 1] == UInt8(ascii: "-")
    {
      return false
    }
    return !isLabel(bytes[range])
  }

  /// The longest label in bytes: a longer candidate cannot be one.
  static let longestLabel = labels.map(\.utf8.count).max() ?? 0

  /// The labels as lowercased UTF-8, by length in bytes (up to `longestLabel`). Every label
  /// is ASCII or Latin-1 (checked by a test), whose lowercase forms `latin1Lowercased` gives
  /// byte for byte: such a name is compared with the few labels of its length, without a
  /// string built and hashed for each line of a transcript.
  static let labelBytesByLength: [[[UInt8]]] = {
    var byLength = [[[UInt8]]](repeating: [], count: longestLabel + 1)
    for label in labels { byLength[label.utf8.count].append(Array(label.utf8)) }
    return byLength
  }()

  /// Whether `name` is a label word, compared without case. Asked of every line of a plain
  /// transcript and every cue of a caption file: an ASCII or Latin-1 name (nearly all) is
  /// lowercased byte by byte into a buffer on the stack and compared with the labels of its
  /// length; only other names go through `String`.
  static func isLabel(_ name: ArraySlice<UInt8>) -> Bool {
    let count = name.count
    guard count <= longestLabel else { return false }
    let candidates = labelBytesByLength[count]
    let settled: Bool? = name.withUnsafeBufferPointer { source in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { lowered in
        guard latin1Lowercased(source, into: lowered) else { return nil }
        return candidates.contains { label in label.withUnsafeBufferPointer { $0.elementsEqual(lowered) } }
      }
    }
    if let settled { return settled }
    return labels.contains(String(decoding: name, as: UTF8.self).lowercased())
  }

  /// Writes `name` lowercased into `lowered` (as long as `name`) when every character is
  /// ASCII or Latin-1, where `String.lowercased` maps one scalar to one of the same width
  /// (U+00C0 to U+00DE but ×, 0x20 below their small forms); false for any other text.
  static func latin1Lowercased(
    _ name: UnsafeBufferPointer<UInt8>, into lowered: UnsafeMutableBufferPointer<UInt8>
  ) -> Bool {
    var index = 0
    while index < name.count {
      let byte = name[index]
      if byte < 0x80 {
        lowered[index] = byte | ((byte &- 0x41) < 26 ? 0x20 : 0)
        index += 1
        continue
      }
      guard byte == 0xC2 || byte == 0xC3, index + 1 < name.count else { return false }
      let next = name[index + 1]
      guard next & 0xC0 == 0x80 else { return false }
      lowered[index] = byte
      lowered[index + 1] = byte == 0xC3 && next <= 0x9E && next != 0x97 ? next + 0x20 : next
      index += 2
    }
    return true
  }

  /// Whether a name starts with a capital letter (ASCII, or a Latin-1 capital such as É).
  static func isCapitalized(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first else { return false }
    return first.properties.isUppercase
  }

  /// Finds `Name:` prefixes at the start of cues without a speaker (SRT, WebVTT without
  /// voice spans), moves the cue text past them and sets the speaker; once a file uses such
  /// prefixes, a cue without one continues the last speaker (captions name a speaker only
  /// when the speaker changes).
  static func applyPrefixes(_ cues: inout TranscriptCues) {
    let bytes = cues.text.bytes
    // Each cue's prefix is looked for once, and each distinct name made a `String` once:
    // the second pass reads what the first one found.
    var tally = NameTally()
    var prefixed: [(cue: Int, name: NameTally.Found, textStart: Int)] = []
    for (index, cue) in cues.cues.enumerated() where cue.speaker == nil {
      guard let found = prefix(bytes, cue.range) else { continue }
      prefixed.append((index, tally.add(bytes, found.name), found.textStart))
    }
    let accepted = tally.accepted()
    guard accepted.contains(true) else { return }
    var current: String?
    var voiced = false
    var next = 0
    for index in cues.cues.indices {
      if cues.cues[index].speaker != nil {
        voiced = true
        continue
      }
      while next < prefixed.count && prefixed[next].cue < index { next += 1 }
      if next < prefixed.count && prefixed[next].cue == index && accepted[prefixed[next].name.id] {
        current = prefixed[next].name.spelling
        cues.cues[index].range = prefixed[next].textStart..<cues.cues[index].range.upperBound
        cues.cues[index].speaker = current
        continue
      }
      if !voiced { cues.cues[index].speaker = current }
    }
  }

}
