/// Tells which language a text is in, among the two Libre lints (English, French) and the
/// ones it meets in real mail and must not lint (Portuguese, Spanish, Italian, German,
/// Dutch), from the function words of its first bytes.
///
/// Words that do not speak for a language do not vote: words in capitals ("ET&S", "DE"),
/// words joined to `&`, `@`, `/`, `_`, digits or a dot inside an address, and "et" of
/// "et al.". A word that is a function word of several languages votes for each.
public enum LanguageIdentifier {
  /// What a text is written in.
  public enum Verdict: Equatable, Sendable {
    case supported(Language)
    /// A language Libre has no lexicons for (its ISO 639-1 code).
    case unsupported(String)
    /// Too few function words to tell.
    case unknown
  }

  /// How many bytes are read: plenty for a verdict on mail, and bounded.
  public static let sampleBytes = 16_384
  /// Votes an unsupported language needs, and its lead over English and French, before a
  /// text is called that language rather than linted.
  static let unsupportedMinimumVotes = 6
  static let unsupportedLead = 1.5
  /// Votes a verdict needs at all.
  static let minimumVotes = 3

  /// The function words of each language (most frequent words, Leipzig-style lists).
  static let profiles: [(code: String, words: Set<String>)] = [
    (
      "en",
      [
        "the", "and", "of", "to", "is", "that", "for", "you", "with", "this", "are", "have", "not", "be", "on", "will",
        "your", "we", "it", "at", "from", "our", "would", "can", "please", "thanks", "was", "if", "or", "but", "they",
        "there", "what", "which", "about", "been", "has", "an", "by", "my", "all", "any", "do", "should",
      ]
    ),
    (
      "fr",
      [
        "le", "la", "les", "des", "du", "et", "est", "une", "un", "pour", "que", "qui", "dans", "pas", "vous", "nous",
        "sur", "avec", "ce", "cette", "au", "aux", "sont", "mais", "ou", "votre", "vos", "je", "merci", "bonjour",
        "être", "avez", "êtes", "nos", "notre", "très", "fait", "peut", "ces", "leur",
      ]
    ),
    (
      "pt",
      [
        "o", "os", "as", "do", "da", "dos", "das", "não", "para", "com", "uma", "que", "em", "no", "na", "você",
        "é", "se", "por", "mais", "seu", "sua", "como", "são", "está", "também", "ao", "pelo", "pela", "obrigado",
        "muito", "nos", "nas", "ou", "um", "seus", "suas", "já", "aqui",
      ]
    ),
    (
      "es",
      [
        "el", "los", "las", "del", "y", "es", "una", "para", "con", "por", "que", "en", "no", "su", "al", "lo",
        "como", "más", "pero", "sus", "usted", "este", "esta", "está", "son", "también", "gracias", "un", "muy",
        "ya", "hay", "le", "se",
      ]
    ),
    (
      "it",
      [
        "il", "gli", "della", "delle", "di", "e", "è", "per", "con", "una", "che", "non", "sono", "del", "alla",
        "questo", "questa", "anche", "come", "più", "ma", "nel", "ci", "ha", "si", "grazie", "un", "lo", "dei",
      ]
    ),
    (
      "de",
      [
        "der", "die", "das", "und", "ist", "nicht", "mit", "sie", "ich", "den", "dem", "ein", "eine", "zu", "auf",
        "für", "von", "sich", "auch", "es", "wir", "ihr", "wird", "sind", "oder", "bitte", "danke", "ihre", "ihnen",
        "werden", "bei", "nach", "noch", "wie",
      ]
    ),
    (
      "nl",
      [
        "de", "het", "een", "en", "van", "is", "niet", "met", "op", "voor", "zijn", "dat", "die", "ik", "je", "u",
        "wij", "ook", "maar", "naar", "aan", "bij", "om", "deze", "wordt", "dank", "uw", "kunt", "heeft",
      ]
    ),
  ]

  /// Which language `text` is written in.
  public static func identify(_ text: UnsafeBufferPointer<UInt8>) -> Verdict {
    let votes = count(text)
    let english = votes[0]
    let french = votes[1]
    var best = 0
    for index in votes.indices where votes[index] > votes[best] { best = index }
    guard votes[best] >= minimumVotes else { return .unknown }
    if best >= 2 {
      let lead = Double(votes[best]) >= Double(max(english, french)) * unsupportedLead
      if votes[best] >= unsupportedMinimumVotes && lead { return .unsupported(profiles[best].code) }
      // Not clearly another language: English or French, whichever has more.
      if english == 0 && french == 0 { return .unknown }
      return .supported(french > english ? .french : .english)
    }
    if english == french { return .unknown }
    return .supported(best == 1 ? .french : .english)
  }

  /// Votes a text needs before the rest of its sample stops mattering.
  static let enoughVotes = 150

  /// Each function word as its bytes packed into a `UInt64` (all are at most 8 bytes),
  /// mapped to the profiles it belongs to (bit `i` for `profiles[i]`): one hash of an integer
  /// per word of the sample, no string made.
  static let packedWords: [UInt64: UInt8] = {
    var table: [UInt64: UInt8] = [:]
    for (index, profile) in profiles.enumerated() {
      for word in profile.words {
        let bytes = Array(word.utf8)
        precondition(bytes.count <= 8, "function words are at most 8 bytes: \(word)")
        table[pack(bytes[...]), default: 0] |= 1 << UInt8(index)
      }
    }
    return table
  }()

  static func pack(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    var key: UInt64 = 0
    for byte in bytes { key = key << 8 | UInt64(byte) }
    return key
  }

  /// Votes per profile (in `profiles` order) over the first `sampleBytes` of `text`.
  static func count(_ text: UnsafeBufferPointer<UInt8>) -> [Int] {
    var votes = [Int](repeating: 0, count: profiles.count)
    var total = 0
    let end = min(text.count, sampleBytes)
    var index = 0
    while index < end && total < enoughVotes {
      guard isLetter(text[index]) else {
        index += 1
        continue
      }
      let start = index
      var capitals = 0
      var key: UInt64 = 0
      var length = 0
      while index < end, isLetter(text[index]) {
        var byte = text[index]
        if byte >= 0x41 && byte <= 0x5A {
          capitals += 1
          byte |= 0x20
        } else if byte == 0xC3, index + 1 < end, text[index + 1] >= 0x80, text[index + 1] <= 0x9E {
          // A Latin-1 capital (É): lowered by its second byte.
          capitals += 1
          key = key << 8 | UInt64(byte)
          length += 1
          index += 1
          byte = text[index] + 0x20
        }
        key = key << 8 | UInt64(byte)
        length += 1
        index += 1
      }
      guard length <= 8, let members = packedWords[key] else { continue }
      guard mayVote(start: start, end: index, capitals: capitals, wordBytes: length, in: text) else { continue }
      for profile in 0..<profiles.count where members & (1 << UInt8(profile)) != 0 {
        votes[profile] += 1
        total += 1
      }
    }
    return votes
  }

  /// Whether the word at `start..<end` may vote.
  private static func mayVote(start: Int, end: Int, capitals: Int, wordBytes: Int, in text: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    // Capitals: acronyms, codes, names in a recipient list ("ET&S", "LAMAS VIEIRA PINTO").
    if capitals >= 2 || (capitals == 1 && wordBytes == 1) { return false }
    let before: UInt8 = start > 0 ? text[start - 1] : 0x20
    let after: UInt8 = end < text.count ? text[end] : 0x20
    for byte in [before, after] where isJoiner(byte) { return false }
    // A dot inside an address or a file name ("www.exemplo.com.br"): not a word of prose.
    if after == UInt8(ascii: "."), end + 1 < text.count, isLetter(text[end + 1]) { return false }
    if before == UInt8(ascii: "."), start >= 2, isLetter(text[start - 2]) { return false }
    // "et al." in English citations.
    if end - start == 2, text[start] | 0x20 == UInt8(ascii: "e"), text[start + 1] | 0x20 == UInt8(ascii: "t"),
      end + 3 <= text.count, text[end] == 0x20, text[end + 1] == UInt8(ascii: "a"), text[end + 2] == UInt8(ascii: "l")
    {
      return false
    }
    return true
  }

  private static func isJoiner(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "&") || byte == UInt8(ascii: "@") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "_")
      || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "\\") || (byte >= 0x30 && byte <= 0x39)
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || (byte >= 0x80 && byte != 0xE2 && byte != 0xC2)
  }
}
