/// Syllables as vowel groups, the estimate readability formulas are usually run with,
/// counted in one byte loop over a whole segment rather than word by word.
enum Syllables {
  /// Per byte: 1 vowel (ASCII a e i o u y, and the second byte of a Latin-1 accented vowel
  /// or œ), 2 another letter or digit or apostrophe (inside a word), 3 a UTF-8 lead byte of
  /// a two-byte letter (transparent), 0 a word boundary.
  static let byteClass: [UInt8] = (0..<256).map { value in
    let byte = UInt8(value)
    switch byte {
    case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
      UInt8(ascii: "y"), UInt8(ascii: "A"), UInt8(ascii: "E"), UInt8(ascii: "I"), UInt8(ascii: "O"),
      UInt8(ascii: "U"), UInt8(ascii: "Y"):
      return 1
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"),
      UInt8(ascii: "'"):
      return 2
    case 0xC3, 0xC5: return 3
    // After 0xC3: à…ï (A0–AF) and ò…ÿ (B2–BF) less ç (A7), ñ (B1), ÷ (B7); capitals 80–9F likewise.
    case 0x80...0x86, 0x88...0x8F, 0x92...0x96, 0x98...0x9F, 0xA0...0xA6, 0xA8...0xAF, 0xB2...0xB6, 0xB8...0xBF:
      return 1
    case 0x87, 0x91, 0xA7, 0xB1: return 2
    default: return 0
    }
  }

  /// The states of the count, one per situation that decides what a word adds when it
  /// ends: outside a word; in a word with no vowel group yet; after one group or two or
  /// more, in a consonant, in a vowel group, or in a group that is a lone `e` so far.
  private enum State: Int {
    case outside, noGroup, oneConsonant, oneVowel, oneLoneE, manyConsonant, manyVowel, manyLoneE
  }

  /// Per state and byte (`state << 8 | byte`): the next state in the high byte, and in the
  /// low byte what the count gains (as an `Int8`): 1 when a vowel group starts; when a word
  /// ends, 1 for a word without one and -1 for a final lone `e` after another group. The
  /// sum over a word is `max(1, groups - silent e)`, so the loop is one load and an add
  /// per byte.
  static let transitions: [UInt16] = {
    var table = [UInt16](repeating: 0, count: 8 << 8)
    for state in 0..<8 {
      for byte in 0..<256 {
        let current = State(rawValue: state)!
        var next = current
        var gain = 0
        let groups: Int
        switch current {
        case .outside, .noGroup: groups = 0
        case .oneConsonant, .oneVowel, .oneLoneE: groups = 1
        case .manyConsonant, .manyVowel, .manyLoneE: groups = 2
        }
        let inVowel = current == .oneVowel || current == .oneLoneE || current == .manyVowel || current == .manyLoneE
        switch byteClass[byte] {
        case 1:
          if inVowel {
            next = groups == 1 ? .oneVowel : .manyVowel
          } else {
            gain = 1
            let isE = UInt8(byte) | 0x20 == UInt8(ascii: "e")
            if groups == 0 {
              next = isE ? .oneLoneE : .oneVowel
            } else {
              next = isE ? .manyLoneE : .manyVowel
            }
          }
        case 2:
          next = groups == 0 ? .noGroup : groups == 1 ? .oneConsonant : .manyConsonant
        case 3:
          break
        default:
          next = .outside
          gain = wordEnd(current)
        }
        table[state << 8 | byte] = UInt16(next.rawValue) << 8 | UInt16(UInt8(bitPattern: Int8(gain)))
      }
    }
    return table
  }()

  /// What the count gains when a word ends in `state`.
  private static func wordEnd(_ state: State) -> Int {
    switch state {
    case .noGroup: return 1
    case .manyLoneE: return -1
    default: return 0
    }
  }

  /// Per byte, its class for the four-byte step: 0 a boundary, 1 a vowel other than `e`, 2
  /// `e` or `E`, 3 another letter, digit or apostrophe, 4 a transparent lead byte. Bytes of
  /// a class take the same transitions (a test checks it), so four bytes make one of 625
  /// class quadruples.
  static let quadClass: [UInt8] = (0..<256).map { value in
    switch byteClass[value] {
    case 1: return UInt8(value) | 0x20 == UInt8(ascii: "e") ? 2 : 1
    case 2: return 3
    case 3: return 4
    default: return 0
    }
  }

  /// A byte of each class, to run the byte table with.
  static let classExemplars: [UInt8] = [0x20, UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "b"), 0xC3]

  /// Per place in a group of four (`place << 8 | byte`): the byte's class times 125, 25, 5
  /// or 1, so a group's quadruple is four loads and three adds, none waiting on the state.
  static let quadDigits: [UInt16] = (0..<1024).map { index in
    let weights: [UInt16] = [125, 25, 5, 1]
    return UInt16(quadClass[index & 0xFF]) * weights[index >> 8]
  }

  /// Per state and quadruple (`state << 10 | quadruple`): the state after the four bytes in
  /// the high four bits, and what the count gains over them plus four in the low four.
  static let quadTransitions: [UInt8] = {
    var table = [UInt8](repeating: 0, count: 8 << 10)
    for state in 0..<8 {
      for quadruple in 0..<625 {
        var current = state << 8
        var gain = 0
        for digit in [quadruple / 125, quadruple / 25 % 5, quadruple / 5 % 5, quadruple % 5] {
          let entry = transitions[current | Int(classExemplars[digit])]
          current = Int(entry & 0xFF00)
          gain += Int(Int8(truncatingIfNeeded: entry))
        }
        table[state << 10 | quadruple] = UInt8((current >> 8) << 4 | (gain + 4))
      }
    }
    return table
  }()

  /// Below this many bytes a range is counted in one chain.
  static let interleavedMinimum = 64

  /// Syllables of the words in `range` of `text`: vowel groups per word, less a final
  /// silent `e` ("make") in words of two groups or more, at least one per word.
  ///
  /// Each step waits for the previous one (the state is the next load's index), so a single
  /// chain runs at the latency of a load per step. The range is cut into four parts just
  /// after word boundaries, where the state is always `outside`, and the four chains run
  /// side by side, each four bytes a step: their classes are looked up apart from the
  /// chain, and one load of the four-byte table moves the state over all four.
  static func count(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
    transitions.withUnsafeBufferPointer { table in
      guard range.count >= interleavedMinimum else { return rest(text, range, from: 0, table) }
      let quarter = range.count / 4
      let cut1 = boundary(text, after: range.lowerBound + quarter, before: range.upperBound)
      let cut2 = boundary(text, after: max(cut1, range.lowerBound + 2 * quarter), before: range.upperBound)
      let cut3 = boundary(text, after: max(cut2, range.lowerBound + 3 * quarter), before: range.upperBound)
      var (at0, at1, at2, at3) = (range.lowerBound, cut1, cut2, cut3)
      var (state0, state1, state2, state3) = (0, 0, 0, 0)
      let steps = min(cut1 - at0, cut2 - at1, cut3 - at2, range.upperBound - at3) / 4
      let biased = quadDigits.withUnsafeBufferPointer { digits in
        quadTransitions.withUnsafeBufferPointer { quads in
          @inline(__always) func quadruple(_ at: Int) -> Int {
            Int(digits[Int(text[at])]) &+ Int(digits[256 | Int(text[at &+ 1])])
              &+ Int(digits[512 | Int(text[at &+ 2])]) &+ Int(digits[768 | Int(text[at &+ 3])])
          }
          var total = 0
          for _ in 0..<steps {
            let entry0 = quads[state0 | quadruple(at0)]
            let entry1 = quads[state1 | quadruple(at1)]
            let entry2 = quads[state2 | quadruple(at2)]
            let entry3 = quads[state3 | quadruple(at3)]
            state0 = Int(entry0 >> 4) << 10
            state1 = Int(entry1 >> 4) << 10
            state2 = Int(entry2 >> 4) << 10
            state3 = Int(entry3 >> 4) << 10
            total &+= Int(entry0 & 15) &+ Int(entry1 & 15) &+ Int(entry2 & 15) &+ Int(entry3 & 15)
            at0 &+= 4
            at1 &+= 4
            at2 &+= 4
            at3 &+= 4
          }
          return total
        }
      }
      // Each step's gain was stored plus four; the byte table numbers states `state << 8`.
      var total = biased - 16 * steps
      total += rest(text, at0..<cut1, from: state0 >> 2, table)
      total += rest(text, at1..<cut2, from: state1 >> 2, table)
      total += rest(text, at2..<cut3, from: state2 >> 2, table)
      return total + rest(text, at3..<range.upperBound, from: state3 >> 2, table)
    }
  }

  /// What a chain in `state` adds over `range`, its last word included.
  private static func rest(
    _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, from start: Int, _ table: UnsafeBufferPointer<UInt16>
  ) -> Int {
    var total = 0
    var state = start
    for index in range {
      let entry = table[state | Int(text[index])]
      state = Int(entry & 0xFF00)
      total &+= Int(Int8(truncatingIfNeeded: entry))
    }
    return total + wordEnd(State(rawValue: state >> 8)!)
  }

  /// The first index at or after `start` that follows a word boundary byte (the state
  /// there is `outside`), or `end`.
  private static func boundary(_ text: UnsafeBufferPointer<UInt8>, after start: Int, before end: Int) -> Int {
    var index = start
    while index < end {
      if byteClass[Int(text[index])] == 0 { return index + 1 }
      index += 1
    }
    return end
  }
}
