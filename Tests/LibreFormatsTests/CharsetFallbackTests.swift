import LibreKit
import Testing

@testable import LibreFormats

/// The text of `input` decoded from `charset` by `CharsetFallback`, nil when it declined.
private func decoded(_ input: [UInt8], _ charset: String) -> MappedText? {
  CharsetFallback.decode(MappedText(original: input), charset: charset)
}

private func string(_ text: MappedText?) -> String? { text.map { String(decoding: $0.bytes, as: UTF8.self) } }

/// "テスト" (test) in Shift_JIS.
private let shiftJISTest: [UInt8] = [0x83, 0x65, 0x83, 0x58, 0x83, 0x67]
/// "привет" (hello) in KOI8-R.
private let koi8Hello: [UInt8] = [0xD0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]

@Suite struct CharsetFallbackTests {
  @Test func shiftJISDecodesAsWindowsWritesIt() {
    // Backslash and tilde stay ASCII (glibc's strict SHIFT_JIS would give ¥ and ‾), and the
    // NEC circled one (0x8740) decodes, as Foundation decoded them before iconv.
    let line = shiftJISTest + Array(" \\~ ".utf8) + [0x87, 0x40] + Array("\r\n".utf8)
    for name in ["shift_jis", "x-sjis", "sjis", "windows-31j", "cp932"] {
      #expect(string(decoded(line, name)) == "テスト \\~ ①\r\n", "\(name)")
    }
  }

  @Test func iso2022JPDecodesItsEscapesEvenOnASCIILines() throws {
    // ESC $ B テスト ESC ( B: every byte is ASCII, but the line is not.
    let japanese: [UInt8] = [0x1B, 0x24, 0x42, 0x25, 0x46, 0x25, 0x39, 0x25, 0x48, 0x1B, 0x28, 0x42]
    let input = Array("Hello\r\n".utf8) + japanese + Array("\r\n".utf8)
    let text = try #require(decoded(input, "iso-2022-jp"))
    #expect(string(text) == "Hello\r\nテスト\r\n")
    // Each decoded line maps to its whole original line, escapes included: the ASCII one
    // too, since it went through the decoder.
    #expect(text.originalRange(7..<16) == 7..<21)
    #expect(text.originalRange(0..<5) == 0..<7)
  }

  @Test func iso2022JPDecodesHalfWidthKatakana() {
    // ESC ( I 1 ESC ( B: "ｱ" in JIS X 0201 katakana, as Windows writes ISO-2022-JP.
    #expect(string(decoded([0x1B, 0x28, 0x49, 0x31, 0x1B, 0x28, 0x42], "iso-2022-jp")) == "ｱ")
  }

  @Test func utf16WithoutAMarkIsBigEndian() {
    let bigEndian: [UInt8] = [0x00, 0x68, 0x00, 0x69, 0x00, 0x0D, 0x00, 0x0A, 0x04, 0x3F]
    #expect(string(decoded(bigEndian, "utf-16")) == "hi\r\nп")
    #expect(string(decoded(bigEndian, "utf-16be")) == "hi\r\nп")
    #expect(string(decoded(bigEndian, "ucs-2")) == "hi\r\nп")
  }

  /// Names iconv reads as wide forms though they do not say UTF-16 or UTF-32: cut at the
  /// byte 0x0A, every line after the first would start on the wrong byte.
  @Test func otherWideNamesDecodeWhole() throws {
    let littleEndian: [UInt8] = [0x68, 0x00, 0x69, 0x00, 0x0A, 0x00, 0x3F, 0x04, 0x0A, 0x00, 0x21, 0x00]
    let text = try #require(decoded(littleEndian, "unicodelittle"))
    #expect(string(text) == "hi\nп\n!")
    #expect(text.originalRange(0..<text.bytes.count) == 0..<littleEndian.count)
    let bigEndian: [UInt8] = [0x00, 0x68, 0x00, 0x0A, 0x04, 0x3F]
    #expect(string(decoded(bigEndian, "unicodebig")) == "h\nп")
  }

  @Test func utf16MarkGivesTheByteOrderAndIsDropped() throws {
    let littleEndian: [UInt8] = [0xFF, 0xFE, 0x68, 0x00, 0x69, 0x00, 0x3D, 0xD8, 0x01, 0xDE]
    let text = try #require(decoded(littleEndian, "utf-16"))
    #expect(string(text) == "hi😁")
    // One unit: the whole part, mark included, maps to every decoded byte.
    #expect(text.originalRange(0..<text.bytes.count) == 0..<littleEndian.count)
    #expect(string(decoded([0xFE, 0xFF, 0x00, 0x68], "utf-16")) == "h")
    // An explicit byte order keeps a leading U+FEFF as text.
    #expect(string(decoded([0xFF, 0xFE, 0x68, 0x00], "utf-16le")) == "\u{FEFF}h")
  }

  @Test func utf32FollowsTheSameRules() {
    #expect(string(decoded([0, 0, 0, 0x68, 0, 0x01, 0xF6, 0x01], "utf-32")) == "h😁")
    #expect(string(decoded([0xFF, 0xFE, 0, 0, 0x68, 0, 0, 0], "utf-32")) == "h")
  }

  @Test func wideCharsetWithABrokenSequenceDeclines() {
    // A lone high surrogate at the end: the part is one unit, so nothing decodes.
    #expect(decoded([0x00, 0x68, 0xD8, 0x00], "utf-16") == nil)
    // An odd number of bytes ends inside a code unit.
    #expect(decoded([0x00, 0x68, 0x00], "utf-16") == nil)
  }

  @Test func aLineThatFailsStaysAsItIsAndTheRestDecodes() throws {
    let first = shiftJISTest + Array("\r\n".utf8)
    // 0x83 0xFF is no Shift_JIS character: iconv reports EILSEQ.
    let broken: [UInt8] = [0x41, 0x83, 0xFF, 0x0D, 0x0A]
    // A lead byte at the end of the line: iconv reports EINVAL (incomplete).
    let cut: [UInt8] = [0x83, 0x65, 0x83]
    let input = first + broken + shiftJISTest + Array("\n".utf8) + cut
    let text = try #require(decoded(input, "shift_jis"))
    let expected = Array("テスト\r\n".utf8) + broken + Array("テスト\n".utf8) + cut
    #expect(text.bytes == expected)
    // The kept line maps byte for byte to its original bytes, the next one to its line.
    let brokenStart = Array("テスト\r\n".utf8).count
    #expect(text.originalRange(brokenStart..<(brokenStart + 5)) == first.count..<(first.count + 5))
    let thirdStart = brokenStart + 5
    #expect(text.originalRange(thirdStart..<(thirdStart + 10)) == (first.count + 5)..<(first.count + 12))
  }

  @Test func aPartWhereEveryLineFailsDeclines() {
    #expect(decoded([0x83, 0xFF, 0x0A, 0x83], "shift_jis") == nil)
  }

  @Test func asciiLinesAreCopiedInEightBitCharsets() throws {
    let input = Array("Hi\n".utf8) + koi8Hello
    let text = try #require(decoded(input, "koi8-r"))
    #expect(string(text) == "Hi\nпривет")
    #expect(text.originalRange(0..<2) == 0..<2)
    #expect(text.originalRange(3..<text.bytes.count) == 3..<input.count)
  }

  @Test func namesIconvDoesNotKnowOrThatCarryOptionsDecline() {
    #expect(decoded(koi8Hello, "x-nonsense") == nil)
    #expect(decoded(koi8Hello, "koi8-r//ignore") == nil)
    #expect(decoded(koi8Hello, "koi8-r//translit") == nil)
    #expect(decoded(koi8Hello, "") == nil)
  }

  @Test func aliasesReachCharsetsIconvNamesOtherwise() {
    #expect(string(decoded([0x8E], "x-mac-roman")) == "é")
    #expect(string(decoded([0xC7, 0xD1, 0x81, 0x41], "ks_c_5601-1987")) == "한갂")
    #expect(string(decoded([0xC7, 0xD1, 0x81, 0x41], "euc-kr")) == "한갂")
    #expect(string(decoded([0xD6, 0xD0, 0x81, 0x40], "gb2312")) == "中丂")
    #expect(string(decoded([0x2B, 0x4A, 0x6A, 0x6F, 0x2D], "unicode-1-1-utf-7")) == "☺")
    #expect(string(decoded([0xE0], "iso-8859-8-i")) == "א")
  }

  @Test func outputLargerThanTheFirstGuessGrows() throws {
    // KOI8-R doubles in UTF-8: a long line overflows the first buffer (input and a half).
    let long = Array(repeating: koi8Hello, count: 100).flatMap { $0 }
    let text = try #require(decoded(long, "koi8-r"))
    #expect(string(text) == String(repeating: "привет", count: 100))
    // And the decoder itself, from a one-byte buffer.
    // `#require` takes no noncopyable value.
    guard let decoder = IconvDecoder(charset: "KOI8-R") else {
      Issue.record("iconv does not know KOI8-R")
      return
    }
    #expect(decoder.decode(koi8Hello[...], initialCapacity: 1) == Array("привет".utf8))
  }

  @Test func theDecoderStartsEachUnitInTheInitialState() {
    // `#require` takes no noncopyable value.
    guard let decoder = IconvDecoder(charset: "ISO-2022-JP") else {
      Issue.record("iconv does not know ISO-2022-JP")
      return
    }
    // The first unit ends in the JIS X 0208 state; the second must read as ASCII.
    #expect(decoder.decode([0x1B, 0x24, 0x42, 0x25, 0x46][...]) == Array("テ".utf8))
    #expect(decoder.decode([0x25, 0x46][...]) == Array("%F".utf8))
    #expect(decoder.decode(ArraySlice<UInt8>()) == [])
  }
}
