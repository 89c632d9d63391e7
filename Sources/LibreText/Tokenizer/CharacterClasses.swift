/// Classes of ASCII bytes for the tokenizer's fast path. Values `>= 0x30` are the
/// folded byte of a letter or digit; the others name what the byte does.
enum ASCIIClass {
  package static let apostrophe: UInt8 = 1
  static let sentenceEnd: UInt8 = 2
  static let clausePunctuation: UInt8 = 3
  package static let space: UInt8 = 4
  package static let newline: UInt8 = 5
  package static let hyphen: UInt8 = 6
  package static let symbol: UInt8 = 7

  /// The table as a pointer that lives as long as the process: no bounds checks or
  /// reference counting in the hot loop.
  nonisolated(unsafe) static let pointer: UnsafePointer<UInt8> = {
    let memory = UnsafeMutablePointer<UInt8>.allocate(capacity: 128)
    memory.initialize(from: table, count: 128)
    return UnsafePointer(memory)
  }()

  package static let table: [UInt8] = {
    var table = [UInt8](repeating: symbol, count: 128)
    for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)] = byte }
    for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(byte)] = byte }
    for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)] = byte | 0x20 }
    for byte in [0x09, 0x0B, 0x0C, 0x0D, 0x20] { table[byte] = space }
    table[0x0A] = newline
    table[Int(UInt8(ascii: "'"))] = apostrophe
    for byte in ".!?" { table[Int(byte.asciiValue!)] = sentenceEnd }
    for byte in ",;:()[]" { table[Int(byte.asciiValue!)] = clausePunctuation }
    table[Int(UInt8(ascii: "-"))] = hyphen
    for byte in 0..<0x09 { table[byte] = space }
    for byte in 0x0E..<0x20 { table[byte] = space }
    table[0x7F] = space
    return table
  }()
}

/// What a non-ASCII scalar does in the text.
enum ScalarRole {
  case letter
  case apostrophe
  case space
  case ignorable
  case ellipsis
  case clausePunctuation
  case punctuation
  case emoji
}

extension ScalarRole {
  /// The role of a scalar at or above U+0080 (other than the Latin letters of the fold table).
  package static func of(_ value: UInt32) -> ScalarRole {
    switch value {
    case 0x2019, 0x2018, 0x02BC: return .apostrophe
    case 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return .space
    case 0x200C, 0x200D, 0xFEFF, 0xAD, 0xFE00...0xFE0F: return .ignorable
    case 0x2026: return .ellipsis
    case 0x2013, 0x2014, 0x2015, 0x2022, 0x00B7: return .clausePunctuation
    case 0x80...0xBF, 0xD7, 0xF7, 0x2010...0x2012, 0x2016...0x201F, 0x2020, 0x2021, 0x2023...0x2025,
      0x2027, 0x2030...0x205E, 0x20A0...0x20CF, 0x2100...0x2121, 0x2123...0x2138, 0x2190...0x2193:
      return .punctuation
    case 0x203C, 0x2049, 0x2122, 0x2139, 0x2194...0x2199, 0x21A9, 0x21AA, 0x231A, 0x231B, 0x2328,
      0x23CF, 0x23E9...0x23FA, 0x24C2, 0x25AA, 0x25AB, 0x25B6, 0x25C0, 0x25FB...0x25FE,
      0x2600...0x27BF, 0x2934, 0x2935, 0x2B05...0x2B07, 0x2B1B, 0x2B1C, 0x2B50, 0x2B55, 0x3030,
      0x303D, 0x3297, 0x3299, 0x1F000...0x1FAFF:
      return .emoji
    default:
      guard let scalar = Unicode.Scalar(value) else { return .punctuation }
      return scalar.properties.isAlphabetic ? .letter : .punctuation
    }
  }

  /// Scalars that continue an emoji: variation selectors, joiners, skin tones, keycaps, tags.
  static func continuesEmoji(_ value: UInt32) -> Bool {
    switch value {
    case 0xFE0E, 0xFE0F, 0x20E3, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F: return true
    default: return false
    }
  }
}

/// Abbreviations whose final period does not end a sentence.
enum Abbreviations {
  /// Never end a sentence: titles, and words that introduce what follows.
  static let neverFinal = KeySet([
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "messrs", "mme", "mmes", "mlle", "mlles",
    "m", "mm", "me", "vs", "cf", "p", "pp", "no", "fig", "ex", "env", "tel", "ca", "ref", "att",
    "e.g", "i.e", "p.ex", "a.m", "p.m", "n.b",
  ])
  /// End a sentence only when a capital letter or a line break follows (`etc. Then`).
  static let finalBeforeCapital = KeySet([
    "etc", "inc", "ltd", "co", "corp", "approx", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "janv", "fevr", "avr", "juil",
  ])

  /// Packs a folded word of at most 8 bytes into one integer, so a lookup builds no `String`.
  @inline(__always)
  package static func key(_ bytes: UnsafePointer<UInt8>, count: Int) -> UInt64? {
    guard count > 0, count <= 8 else { return nil }
    var key: UInt64 = 0
    for index in 0..<count { key = key << 8 | UInt64(bytes[index]) }
    return key
  }

}

/// A small set of packed words (`Abbreviations.key`) in an open-addressing table of raw
/// memory: one multiply and a load or two on the path of every sentence end, where a
/// bisection of an array cost some ninety instructions.
struct KeySet: @unchecked Sendable {
  /// Keys, 0 for an empty slot (a key is never 0: it packs at least one non-zero byte).
  private let slots: UnsafeMutablePointer<UInt64>
  private let mask: Int
  private let shift: UInt64

  package init(_ words: [String]) {
    let keys = Set(
      words.compactMap { word in
        var utf8 = Array(word.utf8)
        return utf8.withUnsafeMutableBufferPointer { Abbreviations.key($0.baseAddress!, count: $0.count) }
      })
    var bits: UInt64 = 3
    while (1 << bits) < keys.count * 4 { bits += 1 }
    let size = 1 << Int(bits)
    mask = size - 1
    shift = 64 - bits
    // Never freed: the sets are static and live as long as the process.
    slots = .allocate(capacity: size)
    slots.initialize(repeating: 0, count: size)
    for key in keys where key != 0 {
      var slot = KeySet.slot(of: key, shift: shift)
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = key
    }
  }

  @inline(__always)
  private static func slot(of key: UInt64, shift: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* FibonacciHash.multiplier) >> shift)
  }

  package func contains(_ key: UInt64) -> Bool {
    var slot = KeySet.slot(of: key, shift: shift)
    while true {
      let stored = slots[slot]
      if stored == key { return key != 0 }
      if stored == 0 { return false }
      slot = (slot + 1) & mask
    }
  }
}
