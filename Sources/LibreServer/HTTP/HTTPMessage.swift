import LibreFormats

/// One HTTP/1.1 request, its body de-chunked.
public struct HTTPRequest: Sendable {
  public var method: String
  /// The request target as sent (`/v2/check?language=fr`).
  public var target: String
  public var version: String
  /// Header fields in order, names lowercased.
  public var headers: [(name: String, value: String)]
  public var body: [UInt8]

  /// The target's path, without the query.
  public var path: String { target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? target }
  /// The target's query (after `?`), empty when there is none.
  public var query: String {
    guard let mark = target.firstIndex(of: "?") else { return "" }
    return String(target[target.index(after: mark)...])
  }

  /// The first value of header `name` (lowercase).
  public func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }

  /// Whether the client asked to keep the connection open after this request.
  public var keepsAlive: Bool {
    let connection = header("connection")?.lowercased() ?? ""
    if version == "HTTP/1.0" { return connection.contains("keep-alive") }
    return !connection.contains("close")
  }
}

/// An HTTP response: status, headers, body.
public struct HTTPResponse: Sendable {
  public var status: Int
  public var headers: [(name: String, value: String)]
  public var body: [UInt8]

  public init(status: Int, contentType: String, body: [UInt8], headers: [(name: String, value: String)] = []) {
    self.status = status
    self.headers = [("Content-Type", contentType)] + headers
    self.body = body
  }

  /// A JSON response.
  public static func json(_ value: JSONOutput, status: Int = 200) -> HTTPResponse {
    var body: [UInt8] = []
    value.write(into: &body, pretty: false)
    return HTTPResponse(status: status, contentType: "application/json; charset=utf-8", body: body)
  }

  /// The JSON error every 4xx and 5xx carries: `{"error": {"status", "message"}}`.
  public static func error(_ error: HTTPError) -> HTTPResponse {
    var response = json(
      .object([("error", .object([("status", .int(error.status)), ("message", .string(error.message))]))]),
      status: error.status)
    if error.status == 405, let allowed = error.allowed { response.headers.append(("Allow", allowed)) }
    return response
  }

  /// The response's bytes on the wire, `Connection: close` when `closing`.
  public func serialized(closing: Bool, headOnly: Bool = false) -> [UInt8] {
    var head = "HTTP/1.1 \(status) \(HTTPResponse.reason(status))\r\n"
    for (name, value) in headers { head += "\(name): \(value)\r\n" }
    head += "Content-Length: \(body.count)\r\n"
    head += "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n"
    head += closing ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n"
    var bytes = Array(head.utf8)
    if !headOnly { bytes.append(contentsOf: body) }
    return bytes
  }

  /// The reason phrase of `status`.
  static func reason(_ status: Int) -> String {
    switch status {
    case 200: return "OK"
    case 204: return "No Content"
    case 400: return "Bad Request"
    case 404: return "Not Found"
    case 405: return "Method Not Allowed"
    case 408: return "Request Timeout"
    case 411: return "Length Required"
    case 413: return "Content Too Large"
    case 415: return "Unsupported Media Type"
    case 422: return "Unprocessable Content"
    case 431: return "Request Header Fields Too Large"
    case 500: return "Internal Server Error"
    case 501: return "Not Implemented"
    case 503: return "Service Unavailable"
    case 505: return "HTTP Version Not Supported"
    default: return "Status \(status)"
    }
  }
}

/// A request the server refuses, with the status and the message of its JSON error.
public struct HTTPError: Error, Sendable, Equatable {
  public var status: Int
  public var message: String
  /// For a 405: the methods the path takes.
  public var allowed: String?

  public init(status: Int, message: String, allowed: String? = nil) {
    self.status = status
    self.message = message
    self.allowed = allowed
  }
}
