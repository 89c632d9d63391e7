import LibreFormats
import LibreKit
import Testing

@testable import LibreServer

/// The language server on messages no client should send, and its document sync.
@Suite struct LanguageServerTests {
  func send(_ server: LanguageServer, _ json: String, now: Double = 0) {
    server.receive(.message(Array(json.utf8)), now: now)
  }

  func initialized() -> LanguageServer {
    let server = LanguageServer(service: builtInService(), debounceSeconds: 0.1, maximumMessageBytes: 1 << 16)
    send(server, #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#)
    send(server, #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
    _ = server.takeOutbox()
    return server
  }

  func rendered(_ messages: [JSONOutput]) -> [JSONValue] {
    messages.compactMap { try? JSONParser.parse(Array($0.serialized(pretty: false).utf8)) }
  }

  @Test func malformedMessagesGetErrorsNotCrashes() {
    let server = initialized()
    server.receive(.message(Array("{oops".utf8)), now: 0)
    send(server, "[1,2]")
    send(server, #"{"jsonrpc":"2.0","id":7,"method":"no/such"}"#)
    server.receive(.oversize(1 << 20), now: 0)
    server.receive(.badHeader(LSPMessages.noContentLength), now: 0)
    let replies = rendered(server.takeOutbox())
    let codes = replies.compactMap { $0["error"]?["code"]?.int }
    #expect(codes == [-32700, -32600, -32601])
    #expect(replies.filter { $0["method"]?.string == "window/logMessage" }.count == 2)
  }

  @Test func requestsBeforeInitializeAreRefused() {
    let server = LanguageServer(service: builtInService())
    send(server, #"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}}"#)
    #expect(rendered(server.takeOutbox()).first?["error"]?["code"]?.int == -32002)
  }

  @Test func incrementalChangesAndDebouncedDiagnostics() throws {
    let server = initialized()
    send(
      server,
      #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"untitled:1","languageId":"plaintext","version":1,"text":"Café 😀\r\nHello."}}}"#
    )
    send(
      server,
      #"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"untitled:1","version":2},"contentChanges":[{"range":{"start":{"line":1,"character":0},"end":{"line":1,"character":6}},"text":"Reply by Friday or the offer expires."}]}}"#,
      now: 0.05)
    server.lintDue(now: 0.1)
    #expect(server.takeOutbox().isEmpty, "the debounce restarts on each change")
    server.lintDue(now: 0.2)
    let published = try #require(rendered(server.takeOutbox()).first)
    #expect(published["params"]?["version"]?.int == 2)
    let diagnostic = try #require(
      published["params"]?["diagnostics"]?.array?.first { $0["code"]?.string?.hasPrefix("pressure.") == true })
    #expect(diagnostic["range"]?["start"]?["line"]?.int == 1)
    #expect(diagnostic["source"]?.string == "libre")
    #expect(server.documents["untitled:1"]?.text == Array("Café 😀\r\nReply by Friday or the offer expires.".utf8))
  }

  @Test func changesToUnknownDocumentsAreLogged() {
    let server = initialized()
    send(
      server,
      #"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///x","version":2},"contentChanges":[{"text":"x"}]}}"#
    )
    let replies = rendered(server.takeOutbox())
    #expect(replies.first?["method"]?.string == "window/logMessage")
  }

  @Test func exitAfterShutdownIsZeroAndWithoutIsOne() {
    let server = initialized()
    send(server, #"{"jsonrpc":"2.0","method":"exit"}"#)
    #expect(server.exitCode == 1)
    let clean = initialized()
    send(clean, #"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#)
    send(clean, #"{"jsonrpc":"2.0","method":"exit"}"#)
    #expect(clean.exitCode == 0)
  }
}

/// LSP framing: Content-Length, oversize messages skipped as they arrive.
@Suite struct MessageFramingTests {
  @Test func splitsFramesAndSkipsOversizeOnes() {
    var framing = MessageFraming(maximumBytes: 8)
    framing.append(Array("Content-Length: 2\r\n\r\n{}Content-Length: 20\r\n\r\n0123456789".utf8))
    #expect(framing.next() == .message(Array("{}".utf8)))
    #expect(framing.next() == .oversize(20))
    framing.append(Array("0123456789Content-Length: 2\r\n\r\n[]".utf8))
    #expect(framing.next() == .message(Array("[]".utf8)))
    framing.append(Array("X: y\r\n\r\n".utf8))
    #expect(framing.next() == .badHeader(LSPMessages.noContentLength))
    #expect(framing.next() == nil)
  }
}

/// Diagnostics of the formats other than plain text, and of a broken document.
@Suite struct LanguageServerFormatTests {
  func diagnostics(uri: String, languageId: String, text: String) throws -> [JSONValue] {
    let server = LanguageServer(service: builtInService(), debounceSeconds: 0)
    server.receive(.message(Array(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#.utf8)), now: 0)
    var open: [UInt8] = []
    JSONOutput.object([
      ("jsonrpc", .string("2.0")), ("method", .string("textDocument/didOpen")),
      (
        "params",
        .object([
          (
            "textDocument",
            .object([
              ("uri", .string(uri)), ("languageId", .string(languageId)), ("version", .int(1)),
              ("text", .string(text)),
            ])
          )
        ])
      ),
    ]).write(into: &open, pretty: false)
    server.receive(.message(open), now: 0)
    server.lintDue(now: 0)
    let messages = server.takeOutbox().compactMap { try? JSONParser.parse(Array($0.serialized(pretty: false).utf8)) }
    let published = try #require(messages.first { $0["method"]?.string == "textDocument/publishDiagnostics" })
    return published["params"]?["diagnostics"]?.array ?? []
  }

  @Test func webVTTFindingsSitOnTheirCueLine() throws {
    let text = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Sam>Café 😀, you need to sign today.\n"
    let found = try diagnostics(uri: "untitled:call", languageId: "vtt", text: text)
    let pressure = try #require(found.first { $0["code"]?.string?.hasPrefix("pressure.") == true })
    #expect(pressure["range"]?["start"]?["line"]?.int == 3)
  }

  @Test func aBrokenTranscriptIsOneErrorDiagnostic() throws {
    let found = try diagnostics(uri: "untitled:t", languageId: "json", text: "{\"segments\": 3}")
    #expect(found.count == 1)
    #expect(found.first?["severity"]?.int == 1)
    #expect(found.first?["code"]?.string == "libre.error")
  }
}
