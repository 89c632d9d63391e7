import Foundation
import LibreFormats
import LibreKit
import Testing

@Suite struct TranscriptFixtureFormatTests {
  /// Loads a fixture the way the CLI does: unsupported formats first, then the sniffed one.
  static func load(_ url: URL) throws(InputError) -> Document {
    let bytes = (try? TranscriptFixtures.bytes(url)) ?? []
    guard let format = TranscriptLoader.sniff(path: url.path, bytes: bytes) else {
      if let name = TranscriptLoader.unsupportedFormat(path: url.path, bytes: bytes) {
        throw InputError(path: url.path, message: "unsupported transcript format: \(name)")
      }
      throw InputError(path: url.path, message: "not a transcript")
    }
    return try TranscriptLoader.load(path: url.path, bytes: bytes, format: format)
  }

  @Test func webvttPyFilesParseOrFailAsTheirNamesSay() throws {
    guard let folder = TranscriptFixtures.directory("webvtt-py") else { return }
    var parsed = 0
    var failed = 0
    var warned = 0
    var sbv = 0
    for url in TranscriptFixtures.files(folder) where ["vtt", "srt", "sbv"].contains(url.pathExtension) {
      let name = url.lastPathComponent
      if url.pathExtension == "sbv" { sbv += 1 }
      do {
        let document = try Self.load(url)
        parsed += 1
        if !document.warnings.isEmpty { warned += 1 }
        if name.contains("invalid") {
          // Per the W3C steps a malformed cue is skipped, not fatal: a warning must say so.
          #expect(!document.warnings.isEmpty, "\(name) parsed without a warning")
        } else if !["empty.vtt", "no_captions.vtt", "missing_caption_text.vtt", "missing_caption_text.sbv"].contains(
          name)
        {
          #expect(!document.text.isEmpty, "\(name) gave no text")
        }
      } catch {
        failed += 1
        #expect(name.contains("invalid"), "\(name) should parse: \(error)")
        #expect(!error.message.isEmpty)
      }
    }
    print("webvtt-py: \(parsed) parsed (\(warned) with warnings), \(failed) failed, \(sbv) of them SBV")
    #expect(parsed >= 20)
  }

  @Test func pysubs2FilesAreNamedAsUnsupported() throws {
    guard let folder = TranscriptFixtures.directory("pysubs2") else { return }
    var named = 0
    for url in TranscriptFixtures.files(folder) where ["ass", "ttml"].contains(url.pathExtension) {
      let bytes = try TranscriptFixtures.bytes(url)
      let expected = url.pathExtension == "ass" ? "ASS/SSA" : "TTML"
      #expect(TranscriptLoader.sniff(path: url.path, bytes: bytes) == nil)
      // Also by content alone, as when the file has another extension.
      #expect(
        TranscriptLoader.unsupportedFormat(path: "subtitles.txt", bytes: bytes) == expected, "\(url.lastPathComponent)")
      do {
        _ = try TranscriptLoader.load(path: url.path, bytes: bytes, format: .srt)
        Issue.record("\(url.lastPathComponent) loaded")
      } catch {
        #expect(
          error.message
            == "unsupported transcript format: \(expected) (Libre reads WebVTT, SRT, plain `Speaker: text` and JSON)")
        named += 1
      }
    }
    print("pysubs2: \(named) ASS/TTML files named as unsupported")
    #expect(named == 11)
  }

  /// Whitespace runs collapsed, for comparing texts laid out differently.
  static func normalized(_ text: some StringProtocol) -> String {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
  }

  static func turns(_ document: Document) -> [(speaker: String?, text: String)] {
    document.segments.map { ($0.speaker, normalized(String(decoding: document.text[$0.range], as: UTF8.self))) }
  }

  /// The fixture's four files are not one episode: the SRT and the HTML are the same
  /// transcript, the VTT and the JSON are short separate examples. So the SRT is checked
  /// against the HTML turn by turn, and the VTT and JSON against their own speakers and text.
  @Test func podcastNamespaceExamplesGiveTheirSpeakersAndText() throws {
    guard let folder = TranscriptFixtures.directory("podcast-namespace") else { return }
    let srt = try Self.load(folder.appendingPathComponent("example.srt"))
    let html = String(
      decoding: try TranscriptFixtures.bytes(folder.appendingPathComponent("example.html")), as: UTF8.self)
    var htmlTurns: [(String, String)] = []
    for block in html.components(separatedBy: "<cite>").dropFirst() {
      let name = block.prefix { $0 != ":" }
      guard let open = block.range(of: "<p>"), let close = block.range(of: "</p>") else { continue }
      let text = block[open.upperBound..<close.lowerBound].replacingOccurrences(of: "&#39;", with: "'")
      htmlTurns.append((String(name), Self.normalized(text)))
    }
    let srtTurns = Self.turns(srt)
    #expect(srtTurns.map(\.speaker) == htmlTurns.map(\.0))
    var sameText = 0
    for (turn, expected) in zip(srtTurns, htmlTurns) where turn.text == expected.1 { sameText += 1 }
    print("podcast-namespace: SRT \(srtTurns.count) turns, \(sameText)/\(htmlTurns.count) with the HTML's text")
    #expect(sameText == htmlTurns.count)
    #expect(srt.segments.first?.startTime == 0.179)

    let vtt = try Self.load(folder.appendingPathComponent("example.vtt"))
    let vttTurns = Self.turns(vtt)
    #expect(vttTurns.map(\.speaker) == ["Sarah", "Gillian"])
    #expect(vttTurns.first?.text.hasPrefix("In today's episode, you'll learn") == true)
    #expect(vttTurns.first?.text.contains("Podcasting Q&A, where") == true)
    #expect(vtt.segments.first?.cueStarts.count == 5)

    let json = try Self.load(folder.appendingPathComponent("example.json"))
    #expect(Self.turns(json).map(\.speaker) == ["Darth Vader", "Luke"])
    #expect(Self.turns(json).map(\.text) == ["I am your father.", "Nooooo"])
    #expect(json.segments.first?.startTime == 0.5)
    #expect(json.segments.first?.endTime == 2.5)
  }
}
