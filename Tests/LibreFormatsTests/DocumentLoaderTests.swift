import LibreFormats
import LibreKit
import Testing

/// Format detection (extension, then content) and what each format hands the linter.
struct DocumentLoaderTests {
  static func load(_ path: String, _ text: String, includeQuoted: Bool = false) throws(InputError) -> Document {
    try DocumentLoader.load(path: path, bytes: Array(text.utf8), options: LoadOptions(includeQuoted: includeQuoted))
  }

  static func text(_ document: Document) -> String { String(decoding: document.text, as: UTF8.self) }

  @Test(arguments: [
    ("a.eml", "Hello", "eml"), ("a.html", "Hello", "html"), ("a.md", "Hello", "markdown"),
    ("a.txt", "Hello there.", "text"), ("a.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n", "vtt"),
    ("a.srt", "1\n00:00:01,000 --> 00:00:02,000\nHi\n", "srt"),
    ("a.json", "[{\"speaker\": \"A\", \"text\": \"Hi\"}]", "json"),
    ("a.txt", "WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n", "vtt"),
    ("a.txt", "From: a@b.c\nTo: d@e.f\nSubject: x\nMIME-Version: 1.0\n\nHello\n", "eml"),
    ("a.txt", "<!DOCTYPE html><html><body><p>Hello</p></body></html>", "html"),
    ("a.txt", "Sam: Hello Alex.\nAlex: Hi Sam.\nSam: How are you?\nAlex: Fine.\n", "transcript"),
    ("a.txt", "Subject: a note\n\nHello.\n", "text"),
  ])
  func formatsAreDetected(path: String, content: String, format: String) throws {
    #expect(try Self.load(path, content).format == format)
  }

  @Test func aDraftsSubjectLineIsItsOwnPart() throws {
    let document = try Self.load("a.txt", "Subject: Last chance today\n\nHello Sam.\n")
    #expect(document.segments.map(\.part) == [.subject, .body])
    let subject = document.segments[0].range
    #expect(String(decoding: document.text[subject], as: UTF8.self) == " Last chance today")
    let french = try Self.load("a.md", "Objet : Dernière chance\n\nBonjour.\n")
    #expect(french.segments.first?.part == .subject)
    #expect(try Self.load("a.txt", "Hello Sam.\nSubject: later\n").segments.isEmpty)
  }

  @Test func quotedRepliesAreLeftOutUnlessAsked() throws {
    let reply = "Thanks, Monday works.\n\nOn Friday, Sam wrote:\n> Act now, only 2 spots left!\n"
    #expect(!Self.text(try Self.load("r.txt", reply)).contains("Act now"))
    #expect(Self.text(try Self.load("r.txt", reply, includeQuoted: true)).contains("Act now"))
  }

  @Test func binaryAndUnsupportedInputsAreClearErrors() {
    #expect(throws: InputError.self) { try Self.load("a.txt", "PK\u{0}\u{3}binary") }
    do throws(InputError) {
      _ = try Self.load("a.ttml", "<tt xmlns=\"http://www.w3.org/ns/ttml\"></tt>")
      Issue.record("a TTML file must be refused")
    } catch {
      #expect(error.message.contains("unsupported transcript format: TTML"))
    }
    do throws(InputError) {
      _ = try Self.load("config.json", "{\"name\": \"x\"}")
      Issue.record("a JSON file that is not a transcript must be refused")
    } catch {
      #expect(error.message.hasPrefix("JSON that is not a transcript"))
    }
  }

  @Test func aWebVTTFileMayHoldNULBytes() throws {
    let document = try Self.load("a.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\nHi\u{0} there\n")
    #expect(document.format == "vtt")
  }
}
