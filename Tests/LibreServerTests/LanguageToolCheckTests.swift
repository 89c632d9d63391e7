import LibreFormats
import LibreKit
import Testing

@testable import LibreServer

/// `/v2/check` answers: offsets in UTF-16 units, languages, errors.
@Suite struct LanguageToolCheckTests {
  let routes = ServeRoutes(service: builtInService(), limits: HTTPLimits())

  func post(_ path: String, _ body: String, type: String = "application/x-www-form-urlencoded") -> (Int, JSONValue?) {
    let request = HTTPRequest(
      method: "POST", target: path, version: "HTTP/1.1", headers: [("content-type", type)], body: Array(body.utf8))
    var workspace = LintWorkspace()
    let response = routes.respond(to: request, workspace: &workspace)
    return (response.status, try? JSONParser.parse(response.body))
  }

  static func encoded(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
      if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) {
        out.append(Character(Unicode.Scalar(byte)))
      } else {
        out += "%" + String(byte, radix: 16, uppercase: true).leftPadded
      }
    }
    return out
  }

  @Test func offsetsCountUTF16UnitsAfterAccentsAndEmoji() throws {
    let text = "Bonjour Amélie 😀, répondez avant vendredi sinon l'offre expire."
    let (status, answer) = post("/v2/check", "language=fr&text=" + Self.encoded(text))
    #expect(status == 200)
    let match = try #require(
      answer?["matches"]?.array?.first { $0["rule"]?["id"]?.string == "pressure.urgency.deadline" })
    let offset = try #require(match["offset"]?.int)
    let length = try #require(match["length"]?.int)
    let units = Array(text.utf16)
    #expect(String(decoding: units[offset..<offset + length], as: UTF16.self) == "répondez avant vendredi")
    let context = try #require(match["context"])
    let contextUnits = Array(try #require(context["text"]?.string).utf16)
    let contextOffset = try #require(context["offset"]?.int)
    #expect(
      String(decoding: contextUnits[contextOffset..<contextOffset + length], as: UTF16.self)
        == "répondez avant vendredi")
    #expect(answer?["language"]?["code"]?.string == "fr")
  }

  @Test func detectsTheLanguageAndReportsTheScore() {
    let (status, answer) = post("/v2/check", "text=Reply+by+Friday+or+the+offer+expires.&language=auto")
    #expect(status == 200)
    #expect(answer?["language"]?["detectedLanguage"]?["code"]?.string == "en")
    #expect(answer?["libre"]?["score"]?.int != nil)
  }

  @Test func refusesWhatItCannotCheck() {
    #expect(post("/v2/check", "text=hello&language=de-DE").0 == 400)
    #expect(post("/v2/check", "language=en").0 == 400)
    #expect(post("/v2/check", "text=caf%E9").0 == 400)
    #expect(post("/v2/check", "text=x", type: "multipart/form-data; boundary=x").0 == 415)
    #expect(post("/nowhere", "").0 == 404)
  }

  @Test func apiLintAnswersLibresJSONReport() throws {
    let (status, answer) = post("/api/lint?name=mail.txt", "Reply by Friday or the offer expires.", type: "text/plain")
    #expect(status == 200)
    let findings = try #require(answer?["documents"]?.array?.first?["findings"]?.array)
    #expect(!findings.isEmpty)
  }
}

extension String {
  fileprivate var leftPadded: String { count == 1 ? "0" + self : self }
}
