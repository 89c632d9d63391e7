import FuzzSupport
import LibreFormats
import LibreKit
import LibreServer

/// The server's routes over the fuzz linter, built once.
let routes = ServeRoutes(
  service: LintService(builtIn: Fuzz.linter, compile: { _ in Fuzz.linter }), limits: HTTPLimits())

/// The input as the bytes of a connection to `libre serve`, arriving in pieces (the first
/// byte sets their size): every complete request is answered by the routes; a refused
/// one ends the connection with a 4xx or 5xx, as the server does.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzHTTP(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = Fuzz.bytes(data, size)
  guard let first = bytes.first else { return 0 }
  var limits = HTTPLimits()
  limits.bodyBytes = 4096
  limits.headerBytes = 1024
  limits.headerFields = 16
  var parser = HTTPRequestParser(limits: limits)
  var workspace = LintWorkspace()
  let piece = Int(first % 64) + 1
  var offset = 1
  while offset < bytes.count {
    let end = min(bytes.count, offset + piece)
    parser.append(bytes[offset..<end])
    offset = end
    do {
      while let request = try parser.next() {
        Fuzz.check(request.body.count <= limits.bodyBytes, "a body of \(request.body.count) bytes")
        let response = routes.respond(to: request, workspace: &workspace)
        Fuzz.check((200..<600).contains(response.status), "status \(response.status)")
        _ = response.serialized(closing: !request.keepsAlive)
      }
    } catch {
      Fuzz.check((400..<600).contains(error.status), "error status \(error.status)")
      _ = HTTPResponse.error(error).serialized(closing: true)
      return 0
    }
  }
  return 0
}

Fuzz.run(fuzzHTTP)
