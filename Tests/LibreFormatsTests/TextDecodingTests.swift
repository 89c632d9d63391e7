import Testing

@testable import LibreFormats

/// `TextDecoding.isValidUTF8` skips ASCII a word at a time and jumps to the first other
/// byte of a word: it must judge every text as the byte-by-byte validator of emails does.
@Suite struct TranscriptUTF8ValidationTests {
  @Test func agreesWithTheEmailValidator() {
    let pieces: [[UInt8]] = [
      Array("plain ascii".utf8), Array("é".utf8), Array("’".utf8), Array("🎉".utf8), [0xC3], [0x80], [0xE2, 0x80],
      [0xF0, 0x9F, 0x8E], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0],
    ]
    var texts: [[UInt8]] = [[]]
    for first in pieces {
      for second in pieces {
        for offset in 0..<10 {
          texts.append(
            Array(repeating: 0x61, count: offset) + first + Array(repeating: 0x62, count: 9 - offset) + second)
        }
      }
    }
    for text in texts {
      #expect(TextDecoding.isValidUTF8(text) == EmailBytes.isValidUTF8(text), "\(text)")
    }
  }
}
