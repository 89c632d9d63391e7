import Foundation
import Testing

/// Text files in the encodings editors save besides UTF-8, through the built binary: UTF-16
/// and UTF-32 with a byte order mark are read (not refused as binary for their NUL bytes),
/// and a UTF-8 file with a mark and one Windows-1252 byte keeps its mark and its UTF-8.
@Suite struct UnicodeTextFileTests {
  /// A pressure finding on line 2 after accents and a dash, so its column counts characters.
  static let draft = "Hi Anna,\nÉlan café — you must reply now.\nFeel free to say no.\n"

  /// `text` in `encoding`, led by its byte order mark.
  static func withMark(_ text: String, _ encoding: String.Encoding, mark: [UInt8]) throws -> [UInt8] {
    mark + Array(try #require(text.data(using: encoding)))
  }

  /// The rule, line and column of each finding of the one document in `result`.
  static func places(_ result: CLIResult) throws -> [String] {
    let document = try #require(try result.documents().first)
    return document.findings().map { "\($0.string("rule") ?? "?") \($0.int("line") ?? 0):\($0.int("column") ?? 0)" }
  }

  @Test func utf16AndUtf32TextWithAByteOrderMarkIsReadWithTheUTF8Positions() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("utf8.txt", Self.draft)
    let expected = try Self.places(try dir.run(["lint", "--format", "json", "utf8.txt"]))
    #expect(expected.contains("pressure.controlling.must 2:13"))
    let files: [(name: String, bytes: [UInt8])] = [
      ("utf16le.txt", try Self.withMark(Self.draft, .utf16LittleEndian, mark: [0xFF, 0xFE])),
      ("utf16be.txt", try Self.withMark(Self.draft, .utf16BigEndian, mark: [0xFE, 0xFF])),
      ("utf32le.txt", try Self.withMark(Self.draft, .utf32LittleEndian, mark: [0xFF, 0xFE, 0, 0])),
      ("notes/utf32be", try Self.withMark(Self.draft, .utf32BigEndian, mark: [0, 0, 0xFE, 0xFF])),
    ]
    for file in files {
      try dir.write(file.name, bytes: file.bytes)
      let result = try dir.run(["lint", "--format", "json", file.name])
      #expect(result.status == 0, "\(file.name): \(result.stderr)")
      #expect(!result.stderr.contains("binary"), "\(file.name): \(result.stderr)")
      #expect(try Self.places(result) == expected, "\(file.name)")
    }
    let text = try dir.run(["lint", "utf16le.txt"])
    #expect(text.stdout.contains("Élan café — you must reply now."), "\(text.stdout)")
  }

  @Test func aWebVTTFileWithAMarkAndOneWindows1252ByteIsReadNotRefused() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    // UTF-8 with a mark, and « décision » written with Windows-1252's é (0xE9).
    let cue = Array("Rep: Café — you must reply now, d".utf8) + [0xE9] + Array("cision today.\n".utf8)
    let header = Array("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n".utf8)
    try dir.write("call.vtt", bytes: [0xEF, 0xBB, 0xBF] + header + cue)
    let result = try dir.run(["lint", "--format", "json", "call.vtt"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stderr.contains("WEBVTT"), "\(result.stderr)")
    #expect(result.stderr.contains("call.vtt: not valid UTF-8 after its UTF-8 byte order mark"), "\(result.stderr)")
    // Column 13 counts « é » and « — » as one character each: the UTF-8 stayed UTF-8.
    #expect(try Self.places(result) == ["pressure.controlling.must 4:13"])
    let text = try dir.run(["lint", "call.vtt"])
    #expect(text.stdout.contains("Rep: Café — you must reply now, décision today."), "\(text.stdout)")
  }
}
