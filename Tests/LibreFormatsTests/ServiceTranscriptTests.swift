import Foundation
import LibreFormats
import LibreKit
import Testing

/// The call exports of speech-to-text services and meeting tools, written from each format's
/// public documentation (`Tests/Fixtures/transcripts`), read by content through
/// `DocumentLoader` as the CLI reads them.
@Suite struct ServiceTranscriptTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/transcripts")

  /// Each turn of the fixture `name`: speaker, start time, text.
  func turns(_ name: String) throws -> [(speaker: String?, start: Double?, text: String)] {
    let url = Self.folder.appendingPathComponent(name)
    let bytes = Array(try Data(contentsOf: url))
    let document = try DocumentLoader.load(path: name, bytes: bytes, options: LoadOptions())
    return document.segments.map { segment in
      (segment.speaker, segment.startTime, String(decoding: document.text[segment.range], as: UTF8.self))
    }
  }

  func speakers(_ name: String) throws -> [String?] { try turns(name).map(\.speaker) }
  func texts(_ name: String) throws -> [String] { try turns(name).map(\.text) }

  static let call = ["Hi Jordan, thanks for taking the call.", "I need to think about it.", "You must decide today."]

  @Test func awsTranscribeItemsJoinIntoTurnsBySpeakerLabel() throws {
    #expect(try texts("aws-transcribe.json") == Self.call)
    #expect(try speakers("aws-transcribe.json") == ["spk_0", "spk_1", "spk_0"])
    // Times are strings in seconds; the overlapping word (4.5 s, before the end at 4.6 s) stays.
    #expect(try turns("aws-transcribe.json").map(\.start) == [0.04, 3.5, 4.5])
  }

  @Test func awsTranscribeWithoutSpeakersIsCutIntoSentences() throws {
    // Cut into sentences, then the unnamed turns read as one text (as consecutive cues are).
    let turns = try turns("aws-transcribe-no-speakers.json")
    #expect(turns.allSatisfy { $0.speaker == nil })
    #expect(turns.map(\.text).joined(separator: "\n") == "Act now.\nReply today.")
  }

  @Test func deepgramUtterancesAndParagraphs() throws {
    #expect(try speakers("deepgram-utterances.json") == ["Speaker 0", "Speaker 1", "Speaker 0"])
    #expect(try turns("deepgram-utterances.json").map(\.start) == [0.08, 2.9, 4.0])
    #expect(
      try texts("deepgram-paragraphs.json") == ["Hi Jordan.", "I need to think about it.", "You must sign today."])
    #expect(try speakers("deepgram-paragraphs.json") == ["Speaker 0", "Speaker 1", "Speaker 0"])
  }

  @Test func assemblyAITimesAreMilliseconds() throws {
    #expect(try texts("assemblyai.json") == Self.call)
    #expect(try speakers("assemblyai.json") == ["A", "B", "A"])
    #expect(try turns("assemblyai.json").map(\.start) == [0.24, 3.1, 4.9])
    // Without speaker labels its `utterances` is null: the whole text, one turn.
    #expect(try texts("assemblyai-no-speakers.json") == ["Act now, the offer expires at midnight."])
  }

  @Test func revMonologuesKeepTheirOwnSpacingAndDropTags() throws {
    #expect(try texts("revai.json") == ["Hi Jordan.", "I need to think about it.", "You must decide  today."])
    #expect(try speakers("revai.json") == ["Speaker 0", "Jordan", "Speaker 0"])
    #expect(try turns("revai.json").first?.start == 0.5)
  }

  @Test func whisperXSegmentsWithAndWithoutSpeakers() throws {
    #expect(try speakers("whisperx.json") == ["SPEAKER_00", "SPEAKER_01", nil])
    #expect(try texts("whisperx.json").last?.contains("You must decide today.") == true)
  }

  @Test func googleMeetSBVNamesSpeakersAfterTheMarker() throws {
    let turns = try turns("google-meet.sbv")
    // A cue without `>>` is the same speaker going on: one turn with the cue before.
    #expect(turns.map(\.speaker) == ["SAM", "JORDAN", "SAM"])
    #expect(turns.map(\.text) == Self.call.dropLast() + ["You must decide today.\nThe offer expires at midnight."])
    #expect(turns.first?.start == 0.599)
  }

  @Test func otterZoomTeamsExportsNameTheSameSpeakers() throws {
    for name in ["otter.txt", "zoom-transcript.txt", "zoom.vtt", "teams.vtt"] {
      let speakers = try speakers(name).compactMap { $0 }
      #expect(Array(speakers.prefix(3)) == ["Sam Reed", "Jordan", "Sam Reed"], "\(name)")
    }
    #expect(try turns("otter.txt").last?.start == 3727)
  }

  @Test func anSBVBlockWithoutTimingIsKeptWithAWarning() throws {
    let bytes = Array("0:00:01.000,0:00:02.000\nOne.\n\nTwo.\n".utf8)
    let document = try DocumentLoader.load(path: "a.sbv", bytes: bytes, options: LoadOptions())
    #expect(document.warnings.contains { $0.message.contains("without a timing line") })
    #expect(String(decoding: document.text, as: UTF8.self).contains("Two."))
  }
}
