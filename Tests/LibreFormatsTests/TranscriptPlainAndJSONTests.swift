import LibreKit
import Testing

@testable import LibreFormats

@Suite struct TranscriptPlainTests {
  @Test func readsSpeakerColonLines() throws {
    let text = """
      Sam: Thanks for your time today.
      I know you are busy.
      Alex: Sure. Note: we have ten minutes.
      Sam: Then you must sign today.

      Alex: I need to think about it.
      """
    let document = try loadTranscript(text, .plain)
    #expect(document.format == "transcript")
    #expect(document.turns.map(\.speaker) == ["Sam", "Alex", "Sam", "Alex"])
    #expect(document.turns[0].text == "Thanks for your time today.\nI know you are busy.")
    #expect(document.turns[1].text == "Sure. Note: we have ten minutes.")
    #expect(document.segments.allSatisfy { $0.startTime == nil && $0.part == .turn })
    #expect(document.location(of: "must")! == (4, 15))
  }

  @Test func readsBracketedTimestamps() throws {
    let text =
      "[00:00:01] Sam: Hello Alex.\n[00:00:04] Alex: Hi.\n[00:01:02] Sam: One more thing.\n[00:01:05] and another.\n"
    let document = try loadTranscript(text, .plain)
    #expect(document.turns.map(\.speaker) == ["Sam", "Alex", "Sam"])
    #expect(document.turns[2].text == "One more thing.\nand another.")
    #expect(document.segments.map(\.startTime) == [1, 4, 62])
    // An end is the start of the next timed cue; the last cue has none, so its turn ends at 65.
    #expect(document.segments.map(\.endTime) == [4, 62, 65])
    #expect(document.segments[2].cueStarts.map(\.time) == [62, 65])
  }

  @Test func readsNameWithParenthesizedTime() throws {
    let text = """
      Sam Lee (00:01): Can we talk pricing?
      Alex Martin (00:00:09):
      Not yet, I am still comparing.
      We will decide next month.
      Sam Lee (01:15): Of course, it is your call.
      """
    let document = try loadTranscript(text, .plain)
    #expect(document.turns.map(\.speaker) == ["Sam Lee", "Alex Martin", "Sam Lee"])
    #expect(document.turns[1].text == "Not yet, I am still comparing.\nWe will decide next month.")
    #expect(document.segments.map(\.startTime) == [1, 9, 75])
    #expect(document.location(of: "We will")! == (4, 1))
  }

  @Test func readsExportLayoutsWithTheNameLineBeforeTheText() throws {
    for separator in ["  ", " ", " | ", "\t"] {
      let text = """
        Speaker 1\(separator)0:03
        Hi, thanks for joining the call.

        Jean-Pierre Dubois\(separator)0:10
        Bonjour. Je dois réfléchir.
        Let's meet at 10:30
        Speaker 1\(separator)1:02:03
        Bien sûr, c'est vous qui décidez.
        """
      let document = try loadTranscript(text, .plain)
      #expect(document.turns.map(\.speaker) == ["Speaker 1", "Jean-Pierre Dubois", "Speaker 1"], "\(separator)")
      #expect(document.turns[1].text == "Bonjour. Je dois réfléchir.\nLet's meet at 10:30")
      #expect(document.segments.map(\.startTime) == [3, 10, 3723])
    }
  }

  @Test func readsAFrenchCall() throws {
    let text = """
      Commercial : Bonjour Madame Lefèvre, merci de prendre mon appel.
      Cliente : Bonjour. Je n'ai que cinq minutes.
      Commercial : Vous êtes libre de refuser, bien sûr.
      Cliente : Je dois en parler à mon associé.
      Commercial : Il faut signer aujourd'hui, l'offre expire ce soir.
      """
    // French typography puts a space before the colon.
    let document = try loadTranscript(text, .plain)
    #expect(document.turns.map(\.speaker) == ["Commercial", "Cliente", "Commercial", "Cliente", "Commercial"])
    #expect(document.turns[4].text == "Il faut signer aujourd'hui, l'offre expire ce soir.")
    #expect(document.location(of: "libre")! == (3, 24))
  }

  @Test func keepsTextBeforeTheFirstSpeakerAndIgnoresLabelWords() throws {
    let text = "Call with Acme, 3 May.\nSam: Hello.\nPrice: 40 euros a seat.\nAlex: Hi.\nhttps://example.com: link\n"
    let document = try loadTranscript(text, .plain)
    #expect(document.turns.map(\.speaker) == [nil, "Sam", "Alex"])
    #expect(document.turns[1].text == "Hello.\nPrice: 40 euros a seat.")
  }

  @Test func sniffsTranscriptsButNotEmails() {
    let transcript = "Sam: Hello.\nAlex: Hi.\nSam: How are you?\n"
    #expect(TranscriptLoader.sniff(path: "call.txt", bytes: Array(transcript.utf8)) == .plain)
    let otter = "Speaker 1  0:03\nHello.\n\nSpeaker 2  0:05\nHi.\n"
    #expect(TranscriptLoader.sniff(path: "call.txt", bytes: Array(otter.utf8)) == .plain)
    let email = "Subject: Pricing\n\nHi Sam,\n\nHere are the options:\nBasic: 10 euros\nPro: 20 euros\n\nBest,\nAlex\n"
    #expect(TranscriptLoader.sniff(path: "mail.txt", bytes: Array(email.utf8)) == nil)
    #expect(TranscriptLoader.sniff(path: "notes.md", bytes: Array(transcript.utf8)) == nil)
    #expect(TranscriptLoader.sniff(path: "call.txt", bytes: Array("WEBVTT\n\n".utf8)) == .vtt)
  }

  @Test func aVeryShortCallIsStillATranscript() {
    // Found by the real calls: a three-line call with one speaker, and a two-line
    // negotiation, were read as plain text (no roles, no hesitation).
    let oneSpeaker =
      "Agent: Hello, this is Sam from Acme.\nAgent: I'm calling about your quote.\nAgent: Call me back.\n"
    #expect(TranscriptLoader.sniff(path: "call.txt", bytes: Array(oneSpeaker.utf8)) == .plain)
    let twoLines = "Buyer: Would you take 310?\nSeller: No.\n"
    #expect(TranscriptLoader.sniff(path: "call.txt", bytes: Array(twoLines.utf8)) == .plain)
    let note = "Sam: see below.\nThe figures are attached, and the plan is in the deck.\n"
    #expect(TranscriptLoader.sniff(path: "note.txt", bytes: Array(note.utf8)) == nil, "not every line is a turn")
    let twoNotes = "Note: call Sam.\nNote: send the deck.\nNote: book the room.\n"
    #expect(TranscriptLoader.sniff(path: "notes.txt", bytes: Array(twoNotes.utf8)) == nil, "a label word is no speaker")
  }
}

@Suite struct TranscriptJSONTests {
  @Test func readsASegmentsObject() throws {
    let json = """
      {"version": "1.0.0", "segments": [
        {"speaker": "Sam", "startTime": 0.5, "endTime": 2, "body": "You must decide\\nnow."},
        {"speaker": "Sam", "startTime": 2.5, "endTime": 3, "body": "Caf\\u00e9 \\"included\\"."},
        {"speaker": "Alex", "startTime": "00:00:04.250", "endTime": "00:05", "body": "Let me think."},
        {"speaker": "Alex", "body": 12},
        {"speaker": 2, "start": 6, "text": "Okay."}
      ]}
      """
    let document = try loadTranscript(json, .json)
    #expect(document.format == "json")
    #expect(document.turns.map(\.speaker) == ["Sam", "Alex", "2"])
    #expect(document.turns[0].text == "You must decide\nnow.\nCafé \"included\".")
    #expect(document.segments.map(\.startTime) == [0.5, 4.25, 6])
    #expect(document.segments.map(\.endTime) == [3, 5, nil])
    #expect(document.segments[0].cueStarts.map(\.time) == [0.5, 2.5])
    #expect(document.warnings.map(\.message) == ["line 5: a segment without a \"text\" or \"body\" string; skipped"])
    #expect(document.location(of: "decide")! == (2, 72))
    #expect(document.location(of: "now")! == (2, 80))
    // An escape maps to the whole escape in the file.
    let e = document.text.firstIndex(of: 0xC3)!
    #expect(document.sourceMap.originalRange(e..<e + 2).count == 6)
  }

  @Test func readsATopLevelArray() throws {
    let json =
      #"[{"speaker": "Rep", "start": 1, "end": 2, "text": "Hi"}, {"speaker": "Prospect", "start": 2, "end": 3, "text": "Hello"}]"#
    let document = try loadTranscript(json, .json)
    #expect(document.turns.map(\.speaker) == ["Rep", "Prospect"])
    #expect(document.turns.map(\.text) == ["Hi", "Hello"])
    #expect(TranscriptLoader.sniff(path: "call.json", bytes: Array(json.utf8)) == .json)
    #expect(TranscriptLoader.sniff(path: "config.json", bytes: Array(#"{"rules": []}"#.utf8)) == nil)
  }

  @Test func reportsInvalidJSONAndOtherShapes() throws {
    #expect {
      _ = try loadTranscript("[\n{\"text\": }]", .json)
    } throws: { error in
      (error as? InputError)?.line == 2 && (error as? InputError)?.message.hasPrefix("invalid JSON") == true
    }
    #expect {
      _ = try loadTranscript(#"{"cues": []}"#, .json)
    } throws: { error in
      (error as? InputError)?.message.hasPrefix("not a JSON transcript") == true
    }
  }
}

@Suite struct TranscriptLoaderTests {
  @Test func namesUnsupportedFormats() throws {
    #expect(TranscriptLoader.unsupportedFormat(path: "a.ass", bytes: []) == "ASS/SSA")
    #expect(TranscriptLoader.unsupportedFormat(path: "a.sbv", bytes: []) == nil)
    #expect(TranscriptLoader.unsupportedFormat(path: "a.lrc", bytes: []) == "LRC")
    #expect(
      TranscriptLoader.unsupportedFormat(path: "a.txt", bytes: Array("[Script Info]\nTitle: x".utf8)) == "ASS/SSA")
    let ttml = #"<?xml version="1.0"?><tt xmlns="http://www.w3.org/ns/ttml"><body/></tt>"#
    #expect(TranscriptLoader.unsupportedFormat(path: "a.xml", bytes: Array(ttml.utf8)) == "TTML")
    #expect(TranscriptLoader.unsupportedFormat(path: "a.vtt", bytes: Array("WEBVTT\n".utf8)) == nil)
    #expect {
      _ = try TranscriptLoader.load(path: "a.dfxp", bytes: Array(ttml.utf8), format: .vtt)
    } throws: { error in
      (error as? InputError)?.message
        == "unsupported transcript format: TTML (Libre reads WebVTT, SRT, plain `Speaker: text` and JSON)"
    }
  }

  @Test func mergesConsecutiveCuesAndKeepsEmptyFilesEmpty() throws {
    let vtt =
      "WEBVTT\n\n00:01.000 --> 00:02.000\nno speaker\n\n00:02.000 --> 00:03.000\nstill none\n\n"
      + "00:03.000 --> 00:04.000\n<v Sam>Sam now\n\n00:04.000 --> 00:05.000\n<v Sam>  \n\n00:05.000 --> 00:06.000\n<v Sam>again\n"
    let document = try loadTranscript(vtt, .vtt)
    #expect(document.turns.map(\.speaker) == [nil, "Sam"])
    #expect(String(decoding: document.text, as: UTF8.self) == "no speaker\nstill none\n\nSam now\nagain")
    #expect(document.segments[1].cueStarts == [CueStart(textOffset: 23, time: 3), CueStart(textOffset: 31, time: 5)])
    #expect(document.segments[1].range == 23..<36)
    for format in TranscriptFormat.allCases {
      #expect(try loadTranscript("", format).segments.isEmpty)
    }
  }
}

@Suite struct TranscriptLimitTests {
  @Test func rejectsACueBeyondTheTextLimit() throws {
    let long = "Sam: " + String(repeating: "a", count: TranscriptLoader.maximumCueTextLength + 1) + "\n"
    #expect {
      _ = try loadTranscript(long, .plain)
    } throws: { error in
      (error as? InputError)?.line == 1
        && (error as? InputError)?.message.contains("--max-cue-length") == true
    }
    #expect(TranscriptLoader.maximumCueCount == 1_000_000)
  }
}

/// Label words are told from names without case, in ASCII and beyond.
@Suite struct SpeakerLabelTests {
  @Test(arguments: [
    "Note", "NOTE", "nOtE", "Prochaines étapes", "PROCHAINES ÉTAPES", "Résumé", "RÉSUMÉ", "Action Items",
  ])
  func labelWordsAreNotNames(_ label: String) {
    #expect(SpeakerNames.isLabel(ArraySlice(label.utf8)))
    #expect(!SpeakerNames.isName(Array(label.utf8), 0..<label.utf8.count))
  }

  @Test(arguments: ["Sam", "Léa Martin", "NOTARY", "Jean-Pierre", "Notes Taker"])
  func namesAreNotLabels(_ name: String) {
    #expect(!SpeakerNames.isLabel(ArraySlice(name.utf8)))
    #expect(SpeakerNames.isName(Array(name.utf8), 0..<name.utf8.count))
  }
}
