/// The limits that keep one client from holding or exhausting the server.
public struct HTTPLimits: Sendable {
  /// The largest request body, after de-chunking (`--max-body`; 413 past it).
  public var bodyBytes = 1 << 20
  /// The largest request line plus header fields (431 past it).
  public var headerBytes = 16 << 10
  /// The most header fields (431 past it).
  public var headerFields = 100
  /// Seconds a request may take from its first byte to its last (408 past it): a client
  /// that sends a byte now and then holds a worker no longer than this.
  public var requestSeconds = 10.0
  /// Seconds an open connection may wait for its next request before it is closed.
  public var idleSeconds = 5.0
  /// Connections served at once (`--max-connections`); one more is answered 503 and closed.
  public var connections = 64

  public init() {}
}

/// The messages of the server's HTTP errors.
enum HTTPMessages {
  static let malformedRequestLine = "malformed request line"
  static let malformedHeader = "malformed header field"
  static let unsupportedVersion = "only HTTP/1.0 and HTTP/1.1 are served"
  static let badContentLength = "Content-Length is not a number"
  static let conflictingLength = "both Content-Length and Transfer-Encoding were sent"
  static let unsupportedEncoding = "only the chunked transfer coding is supported"
  static let badChunk = "malformed chunk in a chunked body"
  static let timeout = "the request took too long to arrive"
  static let busy = "too many connections; try again"
  static let notFound = "no such path; try GET /, POST /v2/check, GET /v2/languages, POST /api/lint, GET /healthz"
  static let lengthRequired = "a body needs Content-Length or chunked Transfer-Encoding"
  static func headersTooLarge(_ limit: Int) -> String { "the request line and headers exceed \(limit) bytes" }
  static func tooManyHeaders(_ limit: Int) -> String { "more than \(limit) header fields" }
  static func bodyTooLarge(_ limit: Int) -> String { "the body exceeds \(limit) bytes (see --max-body)" }
  static func methodNotAllowed(_ method: String, _ allowed: String) -> String {
    "\(method) is not allowed here; use \(allowed)"
  }
}
