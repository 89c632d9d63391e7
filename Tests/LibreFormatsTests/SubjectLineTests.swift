import LibreKit
import Testing

@testable import LibreFormats

/// A draft that starts with a subject line reads it as its own part, whichever space French
/// puts before the colon.
struct SubjectLineTests {
  @Test(arguments: ["Subject:", "subject:", "Objet :", "Objet\u{00A0}:", "Objet\u{202F}:", "Objet:", "OBJET :"])
  func theSubjectIsItsOwnPart(label: String) throws {
    let text = Array("\(label) Votre essai\nBonjour,\n".utf8)
    let segments = DocumentLoader.subjectAndBody(text)
    try #require(segments.count == 2)
    #expect(segments[0].part == .subject)
    #expect(String(decoding: text[segments[0].range], as: UTF8.self) == " Votre essai")
    #expect(segments[1].part == .body)
  }

  @Test func aTextWithoutASubjectLineIsOneBody() {
    #expect(DocumentLoader.subjectAndBody(Array("Objectif : vendre\nBonjour\n".utf8)).isEmpty)
  }
}
