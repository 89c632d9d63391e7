import LibreFormats
import LibreKit
import Testing

@Suite struct SRTParserTests {
  static let sample = """
    1
    00:00:01,000 --> 00:00:03,500
    Sam: <i>Thanks</i> for joining.
    <font color="#ffffff">Shall we look at pricing?</font>

    2
    00:00:03,500 --> 00:00:05,000
    {\\an8}It only takes a minute.

    3
    00:00:05.250 --> 00:00:07.000 X1:10 X2:20 Y1:5 Y2:9
    Alex: - I'm not sure.
    - That's fine.

    """

  @Test func readsIndicesTimingsTagsAndSpeakerPrefixes() throws {
    let document = try loadTranscript(Self.sample, .srt)
    #expect(document.format == "srt")
    #expect(document.turns.map(\.speaker) == ["Sam", "Alex"])
    #expect(
      document.turns.map(\.text) == [
        "Thanks for joining.\nShall we look at pricing?\nIt only takes a minute.", "- I'm not sure.\n- That's fine.",
      ])
    #expect(document.segments[0].startTime == 1 && document.segments[0].endTime == 5)
    #expect(document.segments[0].cueStarts.map(\.time) == [1, 3.5])
    #expect(document.segments[1].startTime == 5.25)
    #expect(document.location(of: "pricing")! == (4, 40))
    #expect(document.location(of: "minute")! == (8, 23))
    #expect(document.warnings.isEmpty)
  }

  @Test func readsMissingIndicesBlankLinesInsideCuesAndHoursLeftOut() throws {
    let srt = "00:01,000 --> 00:02,000\nFirst line\n\nstill the first cue\n\n00:02,000 --> 00:03,000\nSecond\n"
    let document = try loadTranscript(srt, .srt)
    #expect(document.turns.map(\.text) == ["First line\nstill the first cue\nSecond"])
    #expect(document.segments[0].cueStarts.map(\.time) == [1, 2])
  }

  @Test func warnsAboutACueNumberWithoutTiming() throws {
    let srt = "1\n00:00:01,000 --> 00:00:02,000\nOne\n\n2\nTwo\n\n3\n00:00:03,000 --> 00:00:04,000\nThree\n"
    let document = try loadTranscript(srt, .srt)
    #expect(document.turns.map(\.text) == ["One\nTwo\nThree"])
    #expect(document.warnings.map(\.message) == ["line 5: cue number without a timing line"])
  }

  @Test func failsWithoutAnyTimingLine() throws {
    #expect {
      _ = try loadTranscript("1\nsome text\n", .srt)
    } throws: { error in
      (error as? InputError)?.message.hasPrefix("not SRT: no cue timing line") == true
    }
  }

  @Test func readsBOMAndUTF16LittleAndBigEndian() throws {
    let text = "1\r\n00:00:01,000 --> 00:00:02,000\r\nJosé: C'est vous qui décidez.\r\n"
    let units = Array(text.utf16)
    let littleEndian: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let bigEndian: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    let bomless: [UInt8] = units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    for bytes in [littleEndian, bigEndian, bomless, utf8BOM] {
      let document = try loadTranscript(bytes: bytes, .srt)
      #expect(document.turns.map(\.speaker) == ["José"])
      #expect(document.turns.map(\.text) == ["C'est vous qui décidez."])
      #expect(document.location(of: "décidez")! == (3, 22))
      #expect(document.originalEncoding == .utf8)
    }
    #expect(
      try loadTranscript(bytes: bomless, .srt).warnings.map(\.message) == ["read as UTF-16LE without a byte order mark"]
    )
  }

  @Test func readsUTF32WithAByteOrderMark() throws {
    // UTF-32 LE's mark starts like UTF-16 LE's: it must not be read as UTF-16.
    let text = "1\n00:00:01,000 --> 00:00:02,000\nJosé: C'est vous qui décidez 😀.\n"
    let scalars = text.unicodeScalars.map(\.value)
    let littleEndian: [UInt8] =
      [0xFF, 0xFE, 0, 0] + scalars.flatMap { value in (0..<4).map { UInt8(value >> (8 * $0) & 0xFF) } }
    let bigEndian: [UInt8] =
      [0, 0, 0xFE, 0xFF] + scalars.flatMap { value in (0..<4).reversed().map { UInt8(value >> (8 * $0) & 0xFF) } }
    for bytes in [littleEndian, bigEndian] {
      let document = try loadTranscript(bytes: bytes, .srt)
      #expect(document.turns.map(\.text) == ["C'est vous qui décidez 😀."])
      #expect(document.location(of: "décidez")! == (3, 22))
      #expect(document.warnings.isEmpty)
    }
    // A cut last scalar is shown as U+FFFD, not dropped unseen.
    let cut = try loadTranscript(bytes: littleEndian.dropLast(6) + [0x2E, 0], .srt)
    #expect(cut.turns.map(\.text) == ["C'est vous qui décidez 😀\u{FFFD}"])
  }

  @Test func aUTF8MarkWithAWindows1252ByteKeepsTheUTF8() throws {
    // The mark says UTF-8: « é » stays one character, the stray 0x92 reads as ’.
    let bytes =
      [0xEF, 0xBB, 0xBF] + Array("1\n00:00:01,000 --> 00:00:02,000\nSam: It".utf8) + [0x92]
      + Array("s your décision.\n".utf8)
    let document = try loadTranscript(bytes: bytes, .srt)
    #expect(document.turns.map(\.text) == ["It\u{2019}s your décision."])
    #expect(document.location(of: "décision")! == (3, 16))
    #expect(
      document.warnings.map(\.message) == [
        "not valid UTF-8 after its UTF-8 byte order mark; the invalid bytes read as Windows-1252"
      ])
  }

  @Test func readsWindows1252() throws {
    // "Sam: It’s your décision, café included." in Windows-1252: 0x92 is ’, 0xE9 is é.
    var bytes = Array("1\n00:00:01,000 --> 00:00:02,000\nSam: It".utf8)
    bytes += [0x92] + Array("s your d".utf8) + [0xE9] + Array("cision, caf".utf8) + [0xE9]
    bytes += Array(" included.\n".utf8)
    let document = try loadTranscript(bytes: bytes, .srt)
    #expect(document.turns.map(\.text) == ["It\u{2019}s your d\u{E9}cision, caf\u{E9} included."])
    #expect(document.warnings.map(\.message) == ["not valid UTF-8; read as Windows-1252"])
    #expect(document.location(of: "décision")! == (3, 16))
    #expect(document.location(of: "included")! == (3, 31))
    let range = document.text.indices.first { document.text[$0...].starts(with: Array("caf".utf8)) }!
    let original = document.sourceMap.originalRange(range..<range + 5)
    #expect(String(decoding: document.original[original], as: UTF8.self) == "café")
  }

  @Test func recognisesSRTByContent() {
    #expect(TranscriptLoader.sniff(path: "call.txt", bytes: Array(Self.sample.utf8)) == .srt)
    #expect(TranscriptLoader.sniff(path: "call.srt", bytes: []) == .srt)
  }
}
