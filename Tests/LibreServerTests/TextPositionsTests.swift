import Testing

@testable import LibreServer

/// Byte offsets to UTF-16 offsets and LSP positions, and back, on accents, emoji and CRLF.
@Suite struct TextPositionsTests {
  @Test func accentsCountOneUnitEmojiTwo() {
    let text = Array("é😀a".utf8)  // 2 + 4 + 1 bytes
    let positions = TextPositions(text)
    #expect(positions.utf16Offset(ofByte: 2) == 1)
    #expect(positions.utf16Offset(ofByte: 6) == 3)
    #expect(positions.utf16Offset(ofByte: 7) == 4)
    #expect(positions.byteOffset(ofUTF16: 3) == 6)
    #expect(positions.byteOffset(ofUTF16: 1) == 2)
  }

  @Test func crlfIsOneLineBreak() {
    let text = Array("ligne à\r\nsuite 😀 ici\rfin\nlast".utf8)
    let positions = TextPositions(text)
    #expect(positions.lineStarts.count == 4)
    let ici = text.count - "ici\rfin\nlast".utf8.count
    #expect(positions.position(ofByte: ici) == (1, 9))
    #expect(positions.byteOffset(line: 1, character: 9) == ici)
    // Past the end of a line: the end of that line, before its CRLF.
    #expect(positions.byteOffset(line: 0, character: 99) == "ligne à".utf8.count)
    #expect(positions.lineContent(2) == (text.count - "fin\nlast".utf8.count)..<(text.count - "\nlast".utf8.count))
    #expect(positions.byteOffset(line: 9, character: 0) == text.count)
  }

  @Test func positionInsideASurrogatePairMovesPastTheCharacter() {
    let positions = TextPositions(Array("a😀b".utf8))
    // Character 2 falls between the surrogates of the emoji: the offset lands after it.
    #expect(positions.byteOffset(line: 0, character: 2) == 5)
    #expect(positions.byteOffset(line: 0, character: 3) == 5)
  }
}
