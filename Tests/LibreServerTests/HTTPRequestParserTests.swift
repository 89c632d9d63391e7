import Testing

@testable import LibreServer

/// The request parser's framing and every limit it enforces.
@Suite struct HTTPRequestParserTests {
  func parse(_ text: String, limits: HTTPLimits = HTTPLimits()) throws(HTTPError) -> HTTPRequest? {
    var parser = HTTPRequestParser(limits: limits)
    parser.append(Array(text.utf8))
    return try parser.next()
  }

  func status(_ text: String, limits: HTTPLimits = HTTPLimits()) -> Int? {
    do throws(HTTPError) {
      _ = try parse(text, limits: limits)
      return nil
    } catch {
      return error.status
    }
  }

  @Test func readsALengthDelimitedBodyAndPipelinedRequests() throws {
    var parser = HTTPRequestParser()
    parser.append(Array("POST /v2/check?x=1 HTTP/1.1\r\nContent-Length: 4\r\n\r\ntext".utf8))
    parser.append(Array("GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n".utf8))
    let first = try #require(try parser.next())
    #expect(first.method == "POST" && first.path == "/v2/check" && first.query == "x=1")
    #expect(first.body == Array("text".utf8))
    let second = try #require(try parser.next())
    #expect(second.path == "/healthz" && !second.keepsAlive)
    #expect(try parser.next() == nil)
    #expect(!parser.hasPartialRequest)
  }

  @Test func waitsForTheRestOfAPartialRequest() throws {
    var parser = HTTPRequestParser()
    parser.append(Array("POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc".utf8))
    #expect(try parser.next() == nil)
    #expect(parser.hasPartialRequest)
    parser.append(Array("defghij".utf8))
    #expect(try parser.next()?.body.count == 10)
  }

  @Test func dechunksAChunkedBody() throws {
    let request = try #require(
      try parse(
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\ntext\r\n6\r\n=hello\r\n0\r\nX-Trailer: y\r\n\r\n"
      ))
    #expect(String(decoding: request.body, as: UTF8.self) == "text=hello")
  }

  @Test func refusesWhatBreaksTheLimits() {
    var small = HTTPLimits()
    small.bodyBytes = 8
    small.headerBytes = 64
    #expect(status("POST / HTTP/1.1\r\nContent-Length: 9\r\n\r\n", limits: small) == 413)
    #expect(
      status("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n9\r\n123456789\r\n0\r\n\r\n", limits: small) == 413)
    #expect(status("GET / HTTP/1.1\r\nX: " + String(repeating: "a", count: 100), limits: small) == 431)
    #expect(status("GET / HTTP/1.1\r\nX: " + String(repeating: "a", count: 100) + "\r\n\r\n", limits: small) == 431)
  }

  @Test func refusesMalformedRequests() {
    #expect(status("GARBAGE\r\n\r\n") == 400)
    #expect(status("GET noslash HTTP/1.1\r\n\r\n") == 400)
    #expect(status("GET / HTTP/2.0\r\n\r\n") == 505)
    #expect(status("GET / HTTP/1.1\r\nNo colon here\r\n\r\n") == 400)
    #expect(status("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") == 400)
    #expect(status("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n") == 400)
    #expect(status("POST / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n") == 400)
    #expect(status("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n") == 501)
    #expect(status("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n\r\n") == 501)
    #expect(status("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n") == 501)
    #expect(status("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") == 400)
    #expect(status("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n") == 400)
  }
}

/// Form decoding: strict percent-escapes and UTF-8.
@Suite struct FormDecodingTests {
  @Test func decodesPlusPercentAndUTF8() throws {
    let fields = try FormDecoding.decode(Array("text=caf%C3%A9+%F0%9F%98%80&language=fr&empty".utf8))
    #expect(fields.map(\.name) == ["text", "language", "empty"])
    #expect(fields[0].value == "café 😀")
    #expect(fields[2].value == "")
  }

  @Test func refusesBadEscapesAndInvalidUTF8() {
    for body in ["text=100%", "text=%zz", "text=%E9"] {
      #expect(throws: HTTPError.self) { try FormDecoding.decode(Array(body.utf8)) }
    }
  }
}

/// Annotated text (`data`): markup skipped, offsets mapped back to the whole text.
@Suite struct AnnotatedTextTests {
  @Test func mapsPlainOffsetsPastTheMarkup() throws {
    let json =
      #"{"annotation":[{"markup":"<p>"},{"text":"Café 😀 "},{"markup":"<br/>","interpretAs":"\n"},{"text":"fin"}]}"#
    let annotated = try AnnotatedText(json: Array(json.utf8))
    #expect(annotated.plain == "Café 😀 \nfin")
    // "fin" starts at plain offset 9 (UTF-16), at 3 + 8 + 5 = 16 in the whole text.
    #expect(annotated.originalOffset(9) == 16)
    #expect(annotated.originalOffset(12, end: true) == 19)
    #expect(annotated.originalOffset(0) == 3)
    // The stand-in of a markup maps to the markup's start.
    #expect(annotated.originalOffset(8) == 11)
  }

  @Test func refusesDataThatIsNotAnnotation() {
    #expect(throws: HTTPError.self) { try AnnotatedText(json: Array("{}".utf8)) }
    #expect(throws: HTTPError.self) { try AnnotatedText(json: Array("[not json".utf8)) }
    #expect(throws: HTTPError.self) { try AnnotatedText(json: Array(#"{"annotation":[{"x":1}]}"#.utf8)) }
  }
}
