import Testing

@testable import LibreKit

/// The word-at-a-time search must find exactly what a byte loop finds, wherever the byte
/// sits in a word, whatever surrounds it (high bytes and NULs included: the "has a zero
/// byte" test can flag a neighbour of a real match, never miss one).
struct ByteSearchTests {
  static func naive(_ bytes: [UInt8], _ first: UInt8, _ second: UInt8, from: Int, to: Int) -> Int {
    (from..<max(from, to)).first { bytes[$0] == first || bytes[$0] == second } ?? to
  }

  @Test(arguments: [UInt8(0x00), 0x0A, 0x2D, 0x3E, 0x80, 0xFF])
  func findsTheFirstOccurrenceAtEveryPosition(_ target: UInt8) {
    let fillers: [UInt8] = [0x41, 0xFF, 0x01, 0x80, target &+ 1, target &- 1]
    for filler in fillers where filler != target {
      for length in 0..<40 {
        for position in 0...length {
          var bytes = [UInt8](repeating: filler, count: length)
          if position < length { bytes[position] = target }
          // A second occurrence later must not be reported first.
          if position + 3 < length { bytes[position + 3] = target }
          for start in [0, 1, 5].filter({ $0 <= length }) {
            let found = bytes.withUnsafeBytes {
              ByteSearch.firstIndex(of: target, in: $0, from: start, to: length)
            }
            #expect(found == Self.naive(bytes, target, target, from: start, to: length))
          }
        }
      }
    }
  }

  /// Three bytes or a NUL (the cue text parsers' search), every one of them at every
  /// position, among fillers that each sit next to one of them in value.
  @Test func findsTheFirstOfThreeBytesOrANULAtEveryPosition() {
    let targets: [UInt8] = [UInt8(ascii: "&"), UInt8(ascii: "<"), 0x0D, 0]
    for wanted in targets {
      for filler: UInt8 in [0x41, 0xFF, 0x01, 0x80, UInt8(ascii: "'"), UInt8(ascii: "="), 0x0C] {
        for length in 0..<24 {
          for position in 0...length {
            var bytes = [UInt8](repeating: filler, count: length)
            if position < length { bytes[position] = wanted }
            for start in [0, 1, 9].filter({ $0 <= length }) {
              let found = bytes.withUnsafeBytes {
                ByteSearch.firstIndex(of: targets[0], targets[1], targets[2], orNULIn: $0, from: start, to: length)
              }
              let expected = (start..<length).first { targets.contains(bytes[$0]) } ?? length
              #expect(found == expected)
            }
          }
        }
      }
    }
  }

  /// Every byte value at every lane of a word, among fillers on both sides of the limit.
  @Test(arguments: [UInt8(0x01), 0x20, 0x80])
  func findsAByteBelowALimitInEveryLane(_ limit: UInt8) {
    for filler in [limit, 0x7F, 0xFF] as [UInt8] {
      for lane in 0..<8 {
        for value in 0...255 {
          var word = UInt64(filler) &* 0x0101_0101_0101_0101
          word &= ~(UInt64(0xFF) << (8 * lane))
          word |= UInt64(value) << (8 * lane)
          #expect(
            ByteSearch.containsByte(word, below: limit) == (UInt8(value) < limit || filler < limit),
            "lane \(lane), byte \(value), filler \(filler)")
        }
      }
    }
  }

  /// Every offset a search finds in `text`, each search starting just past the last find.
  static func everyOffset(in text: [UInt8], _ search: (UnsafeRawBufferPointer, Int) -> Int) -> [Int] {
    text.withUnsafeBytes { raw in
      var found: [Int] = []
      var index = search(raw, 0)
      while index < raw.count {
        found.append(index)
        index = search(raw, index + 1)
      }
      return found
    }
  }

  @Test func findsEitherOfTwoBytes() {
    let text = Array("no break here, then\r\nCRLF and\nLF".utf8)
    let found = Self.everyOffset(in: text) { ByteSearch.firstIndex(of: 0x0A, or: 0x0D, in: $0, from: $1, to: $0.count) }
    #expect(found == [19, 20, 29])
  }

  /// The line-break search passes over the other control bytes its word test also flags.
  @Test func findsEachLineBreakPastOtherControlBytes() {
    let text = Array("tab\there\u{0B}\u{0C}\u{01}, then\r\nCRLF\u{0E}and\nLF\t\t\t\t\t\t\t\t\r".utf8)
    let found = Self.everyOffset(in: text) { ByteSearch.firstLineBreak(in: $0, from: $1, to: $0.count) }
    #expect(found == text.indices.filter { text[$0] == 0x0A || text[$0] == 0x0D })
    #expect(found.count == 4)
  }

  @Test func wordTestSeesEachLane() {
    let letters: UInt64 = 0x4141_4141_4141_4141
    #expect(!ByteSearch.contains(letters, 0x2D))
    for lane in 0..<8 {
      let shift = UInt64(lane * 8)
      let word = letters & ~(0xFF << shift) | 0x2D << shift
      #expect(ByteSearch.contains(word, 0x2D))
    }
  }
}
