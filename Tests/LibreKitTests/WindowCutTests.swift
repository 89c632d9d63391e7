import Testing

@testable import LibreKit

/// The linter reads a long text in windows of about `Linter.windowSize` bytes, cut after a
/// blank line when there is one in the window's second half: LF and CRLF text alike.
struct WindowCutTests {
  static func text(lineEnd: String) -> [UInt8] {
    let size = Linter.windowSize
    var text = [UInt8](repeating: 0x61, count: size * 3 / 4)
    text += Array("\(lineEnd)\(lineEnd)".utf8)
    text += [UInt8](repeating: 0x62, count: 1000)
    text += Array(lineEnd.utf8)
    text += [UInt8](repeating: 0x63, count: size)
    return text
  }

  @Test(arguments: ["\n", "\r\n"])
  func aWindowEndsAfterTheBlankLine(lineEnd: String) {
    let text = Self.text(lineEnd: lineEnd)
    let blankLineEnd = Linter.windowSize * 3 / 4 + 2 * lineEnd.utf8.count
    let end = text.withUnsafeBufferPointer { Linter.windowEnd($0, from: 0) }
    #expect(end == blankLineEnd)
  }

  @Test func withoutABlankLineAWindowEndsAfterTheLastLineBreak() {
    let size = Linter.windowSize
    var text = [UInt8](repeating: 0x61, count: size * 3 / 4)
    text += Array("\r\n".utf8)
    text += [UInt8](repeating: 0x63, count: size)
    let end = text.withUnsafeBufferPointer { Linter.windowEnd($0, from: 0) }
    #expect(end == size * 3 / 4 + 2)
  }
}
