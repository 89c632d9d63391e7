import LibreKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A small HTTP/1.1 server on POSIX sockets: one thread accepts, one thread per connection
/// reads, handles and answers its requests (keep-alive, pipelining), each with a lint
/// workspace of its own. Every wait has a deadline (`HTTPLimits`), so a slow or silent
/// client costs one thread for a bounded time, and no more than `limits.connections` are
/// served at once.
/// A class marked `@unchecked Sendable` because its mutable state (`active`, `stopping`)
/// is touched only under `lock`.
public final class HTTPServer: @unchecked Sendable {
  /// Answers one request; `workspace` is the connection thread's own.
  public typealias Handler = @Sendable (HTTPRequest, inout LintWorkspace) -> HTTPResponse

  public let limits: HTTPLimits
  private let handler: Handler
  private let lock = ServerLock()
  private var listener: Int32 = -1
  private var active = 0
  private var stopping = false
  /// How long one wait lasts before the stop flag is looked at again.
  static let pollSlice = 0.2

  public init(limits: HTTPLimits, handler: @escaping Handler) {
    self.limits = limits
    self.handler = handler
  }

  /// Binds `host:port` (port 0: any free port) and listens; returns the port bound.
  public func bind(host: String, port: Int) throws(ServerError) -> Int {
    var hints = addrinfo()
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
    hints.ai_family = AF_UNSPEC
    #if canImport(Darwin)
      hints.ai_socktype = SOCK_STREAM
    #else
      hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    #endif
    var found: UnsafeMutablePointer<addrinfo>?
    let status = getaddrinfo(host, String(port), &hints, &found)
    guard status == 0, let first = found else {
      throw ServerError(message: "cannot resolve '\(host)': \(String(cString: gai_strerror(status)))")
    }
    defer { freeaddrinfo(found) }
    let socket = Glibc.socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
    guard socket >= 0 else { throw ServerError.system("cannot open a socket") }
    var yes: Int32 = 1
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    guard Glibc.bind(socket, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0 else {
      let error = ServerError.system("cannot listen on \(host):\(port)")
      close(socket)
      throw error
    }
    guard listen(socket, 128) == 0 else {
      let error = ServerError.system("cannot listen on \(host):\(port)")
      close(socket)
      throw error
    }
    var address = sockaddr_storage()
    var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
    }
    lock.withLock { listener = socket }
    guard bound == 0 else { return port }
    let family = address.ss_family
    return withUnsafePointer(to: &address) { pointer in
      if family == sa_family_t(AF_INET6) {
        return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
          Int(UInt16(bigEndian: $0.pointee.sin6_port))
        }
      }
      return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
        Int(UInt16(bigEndian: $0.pointee.sin_port))
      }
    }
  }

  /// Accepts connections until `stop()`, then waits for the requests in flight (at most
  /// `limits.requestSeconds` more) and returns.
  public func run() {
    let socket = lock.withLock { listener }
    while !lock.withLock({ stopping }) {
      var entry = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
      guard poll(&entry, 1, Int32(HTTPServer.pollSlice * 1000)) > 0 else { continue }
      let client = accept(socket, nil, nil)
      guard client >= 0 else { continue }
      var timeout = timeval(tv_sec: Int(limits.requestSeconds), tv_usec: 0)
      setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
      var yes: Int32 = 1
      setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
      let admitted = lock.withLock {
        guard active < limits.connections else { return false }
        active += 1
        return true
      }
      guard admitted else {
        HTTPServer.send(
          HTTPResponse.error(HTTPError(status: 503, message: HTTPMessages.busy)).serialized(closing: true), to: client)
        HTTPServer.closeAfterDraining(client, seconds: 0.1)
        continue
      }
      let started = ServerThread.start { [self] in
        serve(client)
        HTTPServer.closeAfterDraining(client, seconds: 1)
        lock.withLock { active -= 1 }
      }
      if !started {
        close(client)
        lock.withLock { active -= 1 }
      }
    }
    close(socket)
    let deadline = ServerThread.now() + limits.requestSeconds + 1
    while lock.withLock({ active }) > 0 && ServerThread.now() < deadline { usleep(10_000) }
  }

  /// Asks `run()` to stop accepting and return once the requests in flight are answered.
  public func stop() { lock.withLock { stopping = true } }

  /// How many connections are being served.
  public var activeConnections: Int { lock.withLock { active } }

  private var isStopping: Bool { lock.withLock { stopping } }

  /// Reads, handles and answers the requests of one connection until it closes, idles past
  /// `limits.idleSeconds`, or a request breaks a limit.
  private func serve(_ client: Int32) {
    var parser = HTTPRequestParser(limits: limits)
    var workspace = LintWorkspace()
    var requestStart: Double?
    var idleStart = ServerThread.now()
    var buffer = [UInt8](repeating: 0, count: 64 << 10)
    while true {
      let request: HTTPRequest?
      do throws(HTTPError) {
        request = try parser.next()
      } catch {
        HTTPServer.send(HTTPResponse.error(error).serialized(closing: true), to: client)
        return
      }
      if let request {
        let response = handler(request, &workspace)
        let closing = !request.keepsAlive || isStopping
        let sent = HTTPServer.send(
          response.serialized(closing: closing, headOnly: request.method == "HEAD"), to: client)
        if closing || !sent { return }
        idleStart = ServerThread.now()
        requestStart = parser.hasPartialRequest ? idleStart : nil
        continue
      }
      let now = ServerThread.now()
      if requestStart == nil && isStopping { return }
      let deadline = (requestStart.map { $0 + limits.requestSeconds }) ?? idleStart + limits.idleSeconds
      if now >= deadline {
        if requestStart != nil {
          HTTPServer.send(
            HTTPResponse.error(HTTPError(status: 408, message: HTTPMessages.timeout)).serialized(closing: true),
            to: client)
        }
        return
      }
      var entry = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
      let wait = min(deadline - now, HTTPServer.pollSlice)
      let ready = poll(&entry, 1, Int32(max(1, wait * 1000)))
      if ready == 0 || (ready < 0 && errno == EINTR) { continue }
      guard ready > 0 else { return }
      let count = buffer.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
      if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
      guard count > 0 else { return }
      parser.append(buffer[0..<count])
      if requestStart == nil { requestStart = ServerThread.now() }
    }
  }

  /// Closes `client` once it has read what was sent: the write side first, then what the
  /// client still sends is read and dropped for at most `seconds` (closing with unread
  /// bytes would reset the connection, and the client could lose the answer).
  static func closeAfterDraining(_ client: Int32, seconds: Double) {
    shutdown(client, Int32(SHUT_WR))
    let deadline = ServerThread.now() + seconds
    var scratch = [UInt8](repeating: 0, count: 16 << 10)
    while ServerThread.now() < deadline {
      var entry = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
      guard poll(&entry, 1, Int32(max(1, (deadline - ServerThread.now()) * 1000))) > 0 else { break }
      let count = scratch.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
      if count <= 0 { break }
    }
    close(client)
  }

  /// Writes all of `bytes`; false when the client went away or stopped reading.
  @discardableResult
  static func send(_ bytes: [UInt8], to client: Int32) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { pointer in
        Glibc.send(client, pointer.baseAddress! + offset, pointer.count - offset, Int32(MSG_NOSIGNAL))
      }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else { return false }
      offset += written
    }
    return true
  }
}

/// A server that could not start (no such host, port taken).
public struct ServerError: Error, Sendable, CustomStringConvertible {
  public var message: String
  public var description: String { message }

  static func system(_ what: String) -> ServerError {
    ServerError(message: "\(what): \(String(cString: strerror(errno)))")
  }
}
