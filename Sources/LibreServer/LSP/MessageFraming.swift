/// Reads JSON-RPC messages framed as LSP frames them (`Content-Length: N` header fields, a
/// blank line, N bytes of JSON) from the bytes of a stream as they arrive. A message over
/// `maximumBytes` is skipped as it arrives, never held, and reported once.
public struct MessageFraming: Sendable {
  /// What the next frame held.
  public enum Frame: Equatable, Sendable {
    case message([UInt8])
    /// A header block without a usable `Content-Length` (dropped).
    case badHeader(String)
    /// A message of this many bytes, over the limit (skipped).
    case oversize(Int)
  }

  public let maximumBytes: Int
  private var buffer: [UInt8] = []
  /// Bytes of an oversize message still to skip.
  private var skipping = 0

  public init(maximumBytes: Int = 16 << 20) { self.maximumBytes = maximumBytes }

  public mutating func append(_ bytes: some Collection<UInt8>) {
    if skipping > 0 {
      let dropped = min(skipping, bytes.count)
      skipping -= dropped
      buffer.append(contentsOf: bytes.dropFirst(dropped))
    } else {
      buffer.append(contentsOf: bytes)
    }
  }

  /// The next frame, nil when more bytes are needed.
  public mutating func next() -> Frame? {
    guard skipping == 0 else { return nil }
    guard let end = MessageFraming.headEnd(buffer) else {
      if buffer.count > MessageFraming.maximumHeaderBytes {
        buffer.removeAll()
        return .badHeader(LSPMessages.headerTooLong)
      }
      return nil
    }
    let head = String(decoding: buffer[0..<end], as: UTF8.self)
    var length: Int?
    for line in head.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" }) {
      let parts = line.split(separator: ":", maxSplits: 1)
      guard parts.count == 2, parts[0].lowercased() == "content-length" else { continue }
      length = Int(parts[1].trimmingSpaces)
    }
    guard let length, length >= 0 else {
      buffer.removeFirst(end + 4)
      return .badHeader(LSPMessages.noContentLength)
    }
    let bodyStart = end + 4
    if length > maximumBytes {
      let available = min(buffer.count - bodyStart, length)
      skipping = length - available
      buffer.removeFirst(bodyStart + available)
      return .oversize(length)
    }
    guard buffer.count - bodyStart >= length else { return nil }
    let body = Array(buffer[bodyStart..<bodyStart + length])
    buffer.removeFirst(bodyStart + length)
    return .message(body)
  }

  /// The longest header block read before giving up on it.
  static let maximumHeaderBytes = 8192

  static func headEnd(_ bytes: [UInt8]) -> Int? {
    guard bytes.count >= 4 else { return nil }
    for index in 0...(bytes.count - 4)
    where bytes[index] == 0x0D && bytes[index + 1] == 0x0A && bytes[index + 2] == 0x0D && bytes[index + 3] == 0x0A {
      return index
    }
    return nil
  }

  /// `body` framed for the wire.
  public static func frame(_ body: [UInt8]) -> [UInt8] {
    Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
  }
}

extension Substring {
  var trimmingSpaces: String {
    String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
