import LibreFormats
import LibreKit
import Testing

/// Loads `text` as `format` and returns the document.
func loadTranscript(_ text: String, _ format: TranscriptFormat, path: String = "call") throws -> Document {
  try TranscriptLoader.load(path: path + "." + format.rawValue, bytes: Array(text.utf8), format: format)
}

func loadTranscript(bytes: [UInt8], _ format: TranscriptFormat, path: String = "call") throws -> Document {
  try TranscriptLoader.load(path: path + "." + format.rawValue, bytes: bytes, format: format)
}

extension Document {
  /// The text of each turn, with its speaker.
  var turns: [(speaker: String?, text: String)] {
    segments.map { ($0.speaker, String(decoding: text[$0.range], as: UTF8.self)) }
  }

  /// The original line and column where `needle` of the text starts.
  func location(of needle: String) -> (line: Int, column: Int)? {
    let pattern = Array(needle.utf8)
    guard pattern.count <= text.count else { return nil }
    for start in 0...(text.count - pattern.count) where text[start..<start + pattern.count].elementsEqual(pattern) {
      let range = sourceMap.originalRange(start..<start + pattern.count)
      return LineIndex(original).location(of: range.lowerBound)
    }
    return nil
  }
}

@Suite struct WebVTTParserTests {
  @Test func readsHeaderBlocksIdsSettingsAndVoices() throws {
    let vtt = """
      WEBVTT - a call with Acme
      Kind: captions

      STYLE
      ::cue { color: white }

      REGION
      id:left width:40%

      NOTE this block is a comment
      that spans two lines

      intro-1
      00:00:01.000 --> 00:00:04.500 align:start position:10%
      <v Sam>Thanks for taking the call.</v>

      00:04.500 --> 00:07.000
      <v.rep Sam>You are free to say no.

      00:01:07.250 --> 00:01:09.000 line:0
      <v Alex Martin>I need to <i>think</i> about it &amp; <b>check</b> &lt;the budget&gt;.
      """
    let document = try loadTranscript(vtt, .vtt)
    #expect(document.format == "vtt")
    #expect(document.turns.map(\.speaker) == ["Sam", "Alex Martin"])
    #expect(
      document.turns.map(\.text) == [
        "Thanks for taking the call.\nYou are free to say no.", "I need to think about it & check <the budget>.",
      ])
    let sam = document.segments[0]
    #expect(sam.part == .turn && sam.role == nil)
    #expect(sam.startTime == 1 && sam.endTime == 7)
    #expect(sam.cueStarts == [CueStart(textOffset: 0, time: 1), CueStart(textOffset: 28, time: 4.5)])
    #expect(document.segments[1].startTime == 67.25)
    #expect(document.location(of: "free to say no")?.line == 18)
    #expect(document.location(of: "think")! == (21, 29))
    #expect(document.location(of: "check")! == (21, 57))
    // A decoded reference maps to the whole reference.
    let amp = document.text.firstIndex(of: UInt8(ascii: "&"))!
    #expect(document.sourceMap.originalRange(amp..<amp + 1).count == 5)
    #expect(document.warnings.isEmpty)
  }

  @Test func stripsTagsAndDecodesReferences() throws {
    let vtt = """
      WEBVTT

      00:00.000 --> 00:02.000
      <c.yellow>We</c> <u>can</u> <ruby>wait<rt>later</rt></ruby> <lang fr>mais</lang><00:01.000> non&nbsp;merci&#33; &#x263A; &lrm;&rlm; &bogus; &amp
      """
    let document = try loadTranscript(vtt, .vtt)
    #expect(
      document.turns.map(\.text) == ["We can waitlater mais non\u{A0}merci! \u{263A} \u{200E}\u{200F} &bogus; &amp"])
    #expect(document.turns[0].speaker == nil)
  }

  @Test func acceptsBOMAndCRLFAndCRAndNUL() throws {
    let crlf =
      "\u{FEFF}WEBVTT\r\n\r\n00:00.000 --> 00:01.000\r\n<v Ana>Bonjour\r\nà vous\r\n\r\n00:01.000 --> 00:02.000\r<v Ana>et\0merci\r"
    let document = try loadTranscript(crlf, .vtt)
    #expect(document.turns.map(\.text) == ["Bonjour\nà vous\net\u{FFFD}merci"])
    #expect(document.turns[0].speaker == "Ana")
    #expect(document.location(of: "à vous")! == (5, 1))
    // The BOM is kept in the original: the report counts it as the first column.
    #expect(document.original.starts(with: [0xEF, 0xBB, 0xBF]))
    #expect(document.location(of: "vous")! == (5, 3))
  }

  @Test func rejectsAFileWithoutTheSignature() throws {
    for text in ["00:00.000 --> 00:01.000\nHello", "WEBVTTX\n", "webvtt\n", "\nWEBVTT\n"] {
      #expect {
        _ = try loadTranscript(text, .vtt)
      } throws: { error in
        (error as? InputError)?.message.hasPrefix("not WebVTT: the first line must be WEBVTT") == true
          && (error as? InputError)?.line == 1
      }
    }
    #expect(try loadTranscript("WEBVTT", .vtt).segments.isEmpty)
    #expect(try loadTranscript("WEBVTT\tfile\n\n", .vtt).segments.isEmpty)
  }

  @Test func skipsMalformedTimingsWithAWarning() throws {
    let vtt = """
      WEBVTT

      00:00.000 --> 00:0x.000
      lost

      00:61.000 --> 00:62.000
      lost too

      1:00.000 --> 1:01.000
      lost three

      00:02.000 --> 00:03.000
      kept
      """
    let document = try loadTranscript(vtt, .vtt)
    #expect(document.turns.map(\.text) == ["kept"])
    #expect(document.warnings.count == 3)
    #expect(document.warnings[0].message == "line 3: malformed cue timings; cue skipped")
  }

  @Test func splitsACueAtASecondVoice() throws {
    let vtt = "WEBVTT\n\n00:05.000 --> 00:06.000\n<v Sam>Sign today?</v>\n<v Alex>Not yet.\n"
    let document = try loadTranscript(vtt, .vtt)
    #expect(document.turns.map(\.speaker) == ["Sam", "Alex"])
    #expect(document.turns.map(\.text) == ["Sign today?", "Not yet."])
    #expect(document.segments.map(\.startTime) == [5, 5])
  }

  @Test func readsNamePrefixesInZoomStyleCues() throws {
    let vtt = """
      WEBVTT

      1
      00:00:01.000 --> 00:00:02.000
      Sam Lee: Hi Alex.

      2
      00:00:02.000 --> 00:00:03.000
      Alex: Hi Sam.

      3
      00:00:03.000 --> 00:00:04.000
      Sam Lee: Shall we start?
      """
    let document = try loadTranscript(vtt, .vtt)
    #expect(document.turns.map(\.speaker) == ["Sam Lee", "Alex", "Sam Lee"])
    #expect(document.turns.map(\.text) == ["Hi Alex.", "Hi Sam.", "Shall we start?"])
  }

  @Test func parsesAHundredThousandCues() throws {
    var vtt = "WEBVTT\n\n"
    vtt.reserveCapacity(5_000_000)
    for index in 0..<100_000 {
      let seconds = index * 2
      let time =
        "\(seconds / 3600):\(seconds / 60 % 60 < 10 ? "0" : "")\(seconds / 60 % 60):\(seconds % 60 < 10 ? "0" : "")\(seconds % 60)"
      vtt += "\(time).000 --> \(time).500\n<v \(index % 3 == 0 ? "Sam" : "Alex")>Line \(index) of the call.\n\n"
    }
    let cues = try WebVTTParser.parse(Array(vtt.utf8), path: "big.vtt")
    #expect(cues.cues.count == 100_000)
    #expect(cues.cues.last?.start == 199_998)
    let document = try loadTranscript(vtt, .vtt)
    #expect(document.segments.count == 66_667)
    #expect(document.segments.reduce(0) { $0 + $1.cueStarts.count } == 100_000)
  }
}
