import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `libre serve` and `libre lsp` through the built binary: flags, start-up errors, a request,
/// a clean stop on SIGTERM, and an LSP session over stdin.
@Suite struct ServerCommandTests {
  @Test func serveRefusesBadFlags() throws {
    for arguments in [
      ["serve", "--port", "x"], ["serve", "--port", "70000"], ["serve", "--max-body", "lots"], ["serve", "--nope"],
    ] {
      let result = try CLI.run(arguments)
      #expect(result.status == 2, "\(arguments)")
      #expect(result.stderr.hasPrefix("libre: error: "), "\(arguments): \(result.stderr)")
    }
    let help = try CLI.run(["serve", "--help"])
    #expect(help.status == 0 && help.stdout.contains("--max-connections"))
  }

  @Test func serveAnswersThenStopsOnSIGTERM() throws {
    let process = Process()
    process.executableURL = try CLI.binary()
    process.arguments = ["serve", "--port", "0"]
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    defer { if process.isRunning { process.terminate() } }
    var banner = ""
    while !banner.contains("\n") {
      let chunk = errors.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      banner += String(decoding: chunk, as: UTF8.self)
    }
    let port = try #require(
      banner.split(separator: ":").last.flatMap { Int($0.prefix { $0.isNumber }) }, "no port in \(banner)")
    let answer = try Self.request("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: port)
    #expect(answer.hasPrefix("HTTP/1.1 200 OK"))
    #expect(answer.hasSuffix(#"{"status":"ok"}"#))
    kill(process.processIdentifier, SIGTERM)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let rest = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(rest.contains("libre serve: stopped"))
  }

  @Test func serveOnABusyPortIsAnError() throws {
    let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(holder) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Glibc.bind(holder, $0, length) == 0 && listen(holder, 1) == 0 && getsockname(holder, $0, &length) == 0
      }
    }
    try #require(bound)
    let port = Int(UInt16(bigEndian: address.sin_port))
    let result = try CLI.run(["serve", "--port", String(port)])
    #expect(result.status == 2)
    #expect(result.stderr.contains("cannot listen on 127.0.0.1:\(port)"))
  }

  @Test func lspSessionOverStdin() throws {
    func frame(_ json: String) -> String { "Content-Length: \(json.utf8.count)\r\n\r\n" + json }
    let session = [
      #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{},"initializationOptions":{"debounceMs":0}}}"#,
      #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
      #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"untitled:a","languageId":"plaintext","version":1,"text":"Café 😀 — reply by Friday or the offer expires."}}}"#,
      #"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#,
      #"{"jsonrpc":"2.0","method":"exit"}"#,
    ].map(frame).joined()
    let result = try CLI.run(["lsp"], stdin: session)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains(#""hoverProvider":true"#))
    #expect(result.stdout.contains(#""method":"textDocument/publishDiagnostics""#))
    #expect(result.stdout.contains(#""source":"libre""#))
    #expect(result.stdout.contains(#"{"jsonrpc":"2.0","id":2,"result":null}"#))
    let unknown = try CLI.run(["lsp", "--bogus"])
    #expect(unknown.status == 2)
  }

  /// Sends `text` to 127.0.0.1:`port` and reads the answer to its end.
  static func request(_ text: String, port: Int) throws -> String {
    let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(client) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    try #require(connected == 0)
    _ = text.withCString { send(client, $0, strlen($0), 0) }
    var answer: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
      if count <= 0 { break }
      answer += buffer[0..<count]
    }
    return String(decoding: answer, as: UTF8.self)
  }
}
