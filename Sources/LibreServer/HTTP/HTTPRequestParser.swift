/// Reads HTTP/1.1 requests from the bytes of a connection as they arrive: `append` what a
/// read returned, then `next()` until it returns nil (more bytes needed). Every limit of
/// `HTTPLimits` is checked as soon as it can be: a header block past its size before its
/// end arrives, a `Content-Length` past the body limit before the body.
public struct HTTPRequestParser: Sendable {
  public let limits: HTTPLimits
  private var buffer: [UInt8] = []
  /// The head of the request being read, once its blank line arrived, and where its body
  /// starts in `buffer`.
  private var head: (request: HTTPRequest, bodyStart: Int, framing: BodyFraming)?

  public init(limits: HTTPLimits = HTTPLimits()) { self.limits = limits }

  /// How the body's end is known.
  enum BodyFraming: Sendable {
    case length(Int)
    case chunked
  }

  /// Whether bytes of a request not yet complete are waiting.
  public var hasPartialRequest: Bool { !buffer.isEmpty }

  public mutating func append(_ bytes: some Sequence<UInt8>) { buffer.append(contentsOf: bytes) }

  /// The next complete request, nil when more bytes are needed; throws a request the
  /// server refuses (the connection is then closed after the error).
  public mutating func next() throws(HTTPError) -> HTTPRequest? {
    if head == nil {
      // Blank lines before a request line are ignored (RFC 9112, section 2.2).
      var skip = 0
      while skip + 1 < buffer.count && buffer[skip] == 0x0D && buffer[skip + 1] == 0x0A { skip += 2 }
      if skip > 0 { buffer.removeFirst(skip) }
      guard let end = HTTPRequestParser.headEnd(buffer, limit: limits.headerBytes + 4) else {
        if buffer.count > limits.headerBytes {
          throw HTTPError(status: 431, message: HTTPMessages.headersTooLarge(limits.headerBytes))
        }
        return nil
      }
      if end > limits.headerBytes {
        throw HTTPError(status: 431, message: HTTPMessages.headersTooLarge(limits.headerBytes))
      }
      let request = try parseHead(buffer[0..<end])
      head = (request, end + 4, try framing(of: request))
    }
    guard let (request, bodyStart, framing) = head else { return nil }
    var complete = request
    let consumed: Int
    switch framing {
    case .length(let length):
      guard buffer.count - bodyStart >= length else { return nil }
      complete.body = Array(buffer[bodyStart..<bodyStart + length])
      consumed = bodyStart + length
    case .chunked:
      guard let (body, end) = try dechunk(from: bodyStart) else { return nil }
      complete.body = body
      consumed = end
    }
    buffer.removeFirst(consumed)
    head = nil
    return complete
  }

  /// The offset of the CRLF CRLF that ends the head, looking no further than `limit`.
  static func headEnd(_ bytes: [UInt8], limit: Int) -> Int? {
    let last = min(bytes.count, limit) - 4
    guard last >= 0 else { return nil }
    for index in 0...last
    where bytes[index] == 0x0D && bytes[index + 1] == 0x0A && bytes[index + 2] == 0x0D && bytes[index + 3] == 0x0A {
      return index
    }
    return nil
  }

  private func parseHead(_ bytes: ArraySlice<UInt8>) throws(HTTPError) -> HTTPRequest {
    let lines = HTTPRequestParser.crlfLines(bytes)
    let requestLine = lines[0].split(separator: 0x20, omittingEmptySubsequences: false)
    guard requestLine.count == 3, !requestLine[0].isEmpty, requestLine[0].allSatisfy(HTTPRequestParser.isToken),
      let first = requestLine[1].first, first == UInt8(ascii: "/") || requestLine[1].elementsEqual("*".utf8),
      requestLine[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
    else { throw HTTPError(status: 400, message: HTTPMessages.malformedRequestLine) }
    let version = String(decoding: requestLine[2], as: UTF8.self)
    guard version.hasPrefix("HTTP/") else { throw HTTPError(status: 400, message: HTTPMessages.malformedRequestLine) }
    guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
      throw HTTPError(status: 505, message: HTTPMessages.unsupportedVersion)
    }
    guard lines.count - 1 <= limits.headerFields else {
      throw HTTPError(status: 431, message: HTTPMessages.tooManyHeaders(limits.headerFields))
    }
    var headers: [(name: String, value: String)] = []
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
        line[line.startIndex..<colon].allSatisfy(HTTPRequestParser.isToken)
      else { throw HTTPError(status: 400, message: HTTPMessages.malformedHeader) }
      let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self).lowercased()
      var value = line[(colon + 1)...]
      while let byte = value.first, byte == 0x20 || byte == 0x09 { value = value.dropFirst() }
      while let byte = value.last, byte == 0x20 || byte == 0x09 { value = value.dropLast() }
      guard !value.contains(where: { $0 < 0x20 && $0 != 0x09 || $0 == 0x7F }) else {
        throw HTTPError(status: 400, message: HTTPMessages.malformedHeader)
      }
      headers.append((name, String(decoding: value, as: UTF8.self)))
    }
    return HTTPRequest(
      method: String(decoding: requestLine[0], as: UTF8.self), target: String(decoding: requestLine[1], as: UTF8.self),
      version: version, headers: headers, body: [])
  }

  private func framing(of request: HTTPRequest) throws(HTTPError) -> BodyFraming {
    let lengths = request.headers.filter { $0.name == "content-length" }.map(\.value)
    let codings = request.headers.filter { $0.name == "transfer-encoding" }.map(\.value)
    if let coding = codings.first {
      guard lengths.isEmpty else { throw HTTPError(status: 400, message: HTTPMessages.conflictingLength) }
      // One coding, chunked: a second field or a list could hide another coding.
      guard codings.count == 1, coding.lowercased() == "chunked" else {
        throw HTTPError(status: 501, message: HTTPMessages.unsupportedEncoding)
      }
      return .chunked
    }
    guard let text = lengths.first else { return .length(0) }
    guard lengths.allSatisfy({ $0 == text }), !text.isEmpty, text.utf8.count <= 18,
      text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let length = Int(text)
    else { throw HTTPError(status: 400, message: HTTPMessages.badContentLength) }
    guard length <= limits.bodyBytes else {
      throw HTTPError(status: 413, message: HTTPMessages.bodyTooLarge(limits.bodyBytes))
    }
    return .length(length)
  }

  /// The body of a chunked message starting at `start` and the offset after its end, nil
  /// when it has not all arrived. Chunk extensions and trailer fields are read and dropped.
  private func dechunk(from start: Int) throws(HTTPError) -> (body: [UInt8], end: Int)? {
    var body: [UInt8] = []
    var index = start
    while true {
      guard let lineEnd = HTTPRequestParser.lineEnd(buffer, from: index) else {
        if buffer.count - index > 1024 { throw HTTPError(status: 400, message: HTTPMessages.badChunk) }
        return nil
      }
      var sizeDigits = buffer[index..<lineEnd]
      if let semicolon = sizeDigits.firstIndex(of: UInt8(ascii: ";")) { sizeDigits = sizeDigits[..<semicolon] }
      while let last = sizeDigits.last, last == 0x20 || last == 0x09 { sizeDigits = sizeDigits.dropLast() }
      guard !sizeDigits.isEmpty, sizeDigits.count <= 8,
        let size = Int(String(decoding: sizeDigits, as: UTF8.self), radix: 16), size >= 0
      else { throw HTTPError(status: 400, message: HTTPMessages.badChunk) }
      index = lineEnd + 2
      if size == 0 {
        // Trailer fields, then the final blank line.
        while true {
          guard let end = HTTPRequestParser.lineEnd(buffer, from: index) else {
            if buffer.count - index > limits.headerBytes {
              throw HTTPError(status: 431, message: HTTPMessages.headersTooLarge(limits.headerBytes))
            }
            return nil
          }
          let blank = end == index
          index = end + 2
          if blank { return (body, index) }
        }
      }
      guard body.count + size <= limits.bodyBytes else {
        throw HTTPError(status: 413, message: HTTPMessages.bodyTooLarge(limits.bodyBytes))
      }
      guard buffer.count >= index + size + 2 else { return nil }
      guard buffer[index + size] == 0x0D && buffer[index + size + 1] == 0x0A else {
        throw HTTPError(status: 400, message: HTTPMessages.badChunk)
      }
      body.append(contentsOf: buffer[index..<index + size])
      index += size + 2
    }
  }

  /// The offset of the next CRLF at or after `from`.
  static func lineEnd(_ bytes: [UInt8], from: Int) -> Int? {
    var index = from
    while index + 1 < bytes.count {
      if bytes[index] == 0x0D && bytes[index + 1] == 0x0A { return index }
      index += 1
    }
    return nil
  }

  /// The lines of a head, split at CRLF (a bare LF ends a line too).
  static func crlfLines(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
    bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
      line.last == 0x0D ? line.dropLast() : line
    }
  }

  /// Whether `byte` may appear in a method or a header name (RFC 9110 `tchar`).
  static func isToken(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
      UInt8(ascii: "A")...UInt8(ascii: "Z"):
      return true
    default: return "!#$%&'*+-.^_`|~".utf8.contains(byte)
    }
  }
}
