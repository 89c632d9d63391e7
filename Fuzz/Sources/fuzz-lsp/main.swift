import FuzzSupport
import LibreFormats
import LibreKit
import LibreServer

let service = LintService(builtIn: Fuzz.linter, compile: { _ in Fuzz.linter })

/// The input as the stream a client sends `libre lsp`, after an `initialize`: framed into
/// messages (oversize ones skipped), each handled, documents linted at once (no debounce);
/// every message the server sends must be JSON it can read back.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzLSP(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = Fuzz.bytes(data, size)
  let server = LanguageServer(service: service, debounceSeconds: 0, maximumMessageBytes: 8192)
  let initialize = #"{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}}"#
  server.receive(.message(Array(initialize.utf8)), now: 0)
  var framing = MessageFraming(maximumBytes: 8192)
  // Unframed input is read as one message too, so mutations reach the JSON-RPC handling.
  if !bytes.starts(with: Array("Content-Length".utf8)) {
    framing.append(MessageFraming.frame(bytes))
  } else {
    framing.append(bytes)
  }
  var messages = 0
  while let frame = framing.next(), messages < 64 {
    server.receive(frame, now: 1)
    server.lintDue(now: 2)
    messages += 1
  }
  for message in server.takeOutbox() {
    var out: [UInt8] = []
    message.write(into: &out, pretty: false)
    do {
      _ = try JSONParser.parse(out)
    } catch {
      Fuzz.check(false, "the server wrote JSON it cannot read: \(error.message)")
    }
  }
  return 0
}

Fuzz.run(fuzzLSP)
