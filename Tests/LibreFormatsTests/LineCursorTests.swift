import LibreKit
import Testing

@testable import LibreFormats

/// `LineCursor` walks forward to each offset: it must place every offset, and give every
/// line's range, as `LineIndex` does, in file order or not.
@Suite struct LineCursorTests {
  static let texts: [[UInt8]] = [
    [], Array("one".utf8), Array("one\n".utf8), Array("a\r\nb\rc\n\r\n\rd".utf8), Array("\r".utf8),
    Array("\r\n".utf8), Array("x\r\r\n\n\ry".utf8),
    Array("Zo\u{EB} \u{2615}\u{FE0F} \u{1F389} — you must reply.\r\nNothing here.\n\nPlease sign\nthe form".utf8),
    Array((String(repeating: "long line of é and ’ text ", count: 9) + "\n").utf8) + Array("tail\r\n".utf8),
    [0x61, 0xE9, 0x0D, 0x62, 0xFF, 0x0A, 0x63],
  ]

  @Test(arguments: [false, true])
  func ascendingOffsetsAsTheIndexPlacesThem(singleByte: Bool) {
    for text in LineCursorTests.texts {
      let index = LineIndex(text, singleByte: singleByte)
      var cursor = LineCursor(text, singleByte: singleByte)
      for offset in 0...(text.count + 2) {
        let placed = cursor.location(of: offset)
        let expected = index.location(of: offset)
        #expect(placed == expected, "\(text) at \(offset)")
        #expect(cursor.lineRange(placed.line) == index.lineRange(placed.line), "\(text) line \(placed.line)")
      }
    }
  }

  @Test func offsetsOutOfOrderFallBackToTheIndex() {
    for text in LineCursorTests.texts where !text.isEmpty {
      let index = LineIndex(text)
      var cursor = LineCursor(text)
      let offsets = [text.count / 2, text.count, 0, 1, text.count / 3, text.count + 5]
      for offset in offsets {
        let placed = cursor.location(of: offset)
        #expect(placed == index.location(of: offset), "\(text) at \(offset)")
        #expect(cursor.lineRange(placed.line) == index.lineRange(placed.line))
      }
      var skipping = LineCursor(text)
      let last = skipping.location(of: text.count)
      for line in 1...last.line { #expect(skipping.lineRange(line) == index.lineRange(line), "\(text) line \(line)") }
    }
  }
}
