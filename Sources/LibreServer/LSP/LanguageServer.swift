import LibreFormats
import LibreKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `libre lsp`: a Language Server Protocol 3.17 server. It reads framed JSON-RPC messages,
/// keeps the open documents (full and incremental sync), lints each one a short debounce
/// after its last change and publishes diagnostics, and answers hover, code actions and
/// "show rule". One thread: a message is handled to the end before the next is read, so a
/// `$/cancelRequest` always arrives after its request was answered (and is ignored).
/// Bad input (malformed JSON-RPC, an oversize message, an unknown document) gets an error
/// reply or a log message, never a crash.
public final class LanguageServer {
  let service: LintService
  /// Seconds between a document's last change and its lint.
  public var debounceSeconds: Double
  public let maximumMessageBytes: Int
  /// Messages for the client, framed by `run` (or read by tests).
  public private(set) var outbox: [JSONOutput] = []
  /// Set by `exit`: the process's exit code (0 after `shutdown`, 1 without).
  public private(set) var exitCode: Int32?

  var documents: [String: OpenDocument] = [:]
  /// When each document with changes not yet linted is due.
  var due: [String: Double] = [:]
  var initialized = false
  var shuttingDown = false
  /// `workspace/didChangeConfiguration`'s `libre.language` (`en`, `fr`; nil: detect).
  var clientLanguage: Language?
  /// Whether the client registers file watchers for us (`.libre.json` changes).
  var watchesFiles = false
  private var workspace = LintWorkspace()
  private var nextRequestID = 1

  public init(service: LintService, debounceSeconds: Double = 0.1, maximumMessageBytes: Int = 16 << 20) {
    self.service = service
    self.debounceSeconds = debounceSeconds
    self.maximumMessageBytes = maximumMessageBytes
  }

  /// Serves the client on `input` and `output` until `exit` (or the end of input);
  /// returns the exit code.
  public func run(input: Int32, output: Int32) -> Int32 {
    var framing = MessageFraming(maximumBytes: maximumMessageBytes)
    var buffer = [UInt8](repeating: 0, count: 64 << 10)
    while exitCode == nil {
      var timeout: Int32 = -1
      if let deadline = nextDeadline {
        timeout = Int32(max(0, ((deadline - LanguageServer.now()) * 1000).rounded(.up)))
      }
      var entry = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
      let ready = poll(&entry, 1, timeout)
      if ready > 0 {
        let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { break }
        framing.append(buffer[0..<count])
        while let frame = framing.next() {
          receive(frame, now: LanguageServer.now())
          flush(to: output)
          if exitCode != nil { break }
        }
      } else if ready < 0 && errno != EINTR {
        break
      }
      lintDue(now: LanguageServer.now())
      flush(to: output)
    }
    return exitCode ?? (shuttingDown ? 0 : 1)
  }

  /// Takes the messages waiting for the client.
  public func takeOutbox() -> [JSONOutput] {
    defer { outbox.removeAll() }
    return outbox
  }

  private func flush(to output: Int32) {
    for message in takeOutbox() {
      var body: [UInt8] = []
      message.write(into: &body, pretty: false)
      let bytes = MessageFraming.frame(body)
      var offset = 0
      while offset < bytes.count {
        let written = bytes.withUnsafeBytes { write(output, $0.baseAddress! + offset, $0.count - offset) }
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { return }
        offset += written
      }
    }
  }

  /// When the next debounced lint is due, if any.
  public var nextDeadline: Double? { due.values.min() }

  /// Handles one frame of input.
  public func receive(_ frame: MessageFraming.Frame, now: Double) {
    switch frame {
    case .badHeader(let message): log(message, type: 1)
    case .oversize(let bytes): log(LSPMessages.oversize(bytes, maximumMessageBytes), type: 1)
    case .message(let bytes):
      let message: JSONValue
      do throws(JSONSyntaxError) {
        message = try JSONParser.parse(bytes)
      } catch {
        reply(id: .null, error: LSPErrorCode.parseError, LSPMessages.parseError)
        return
      }
      handle(message, now: now)
    }
  }

  private func handle(_ message: JSONValue, now: Double) {
    let id = message["id"]
    guard message.members != nil, let method = message["method"]?.string else {
      // A response to one of our requests (`client/registerCapability`): nothing to do.
      if message.members != nil && id != nil && (message["result"] != nil || message["error"] != nil) { return }
      reply(id: id?.output ?? .null, error: LSPErrorCode.invalidRequest, LSPMessages.invalidRequest)
      return
    }
    let params = message["params"]
    if let id {
      request(method, id: id.output, params: params)
    } else {
      notification(method, params: params, now: now)
    }
  }

  private func request(_ method: String, id: JSONOutput, params: JSONValue?) {
    if method == "initialize" {
      initialized = true
      if let watch = params?["capabilities"]?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.bool {
        watchesFiles = watch
      }
      let options = params?["initializationOptions"]
      if let language = options?["language"]?.string { clientLanguage = Language(rawValue: language) }
      if let milliseconds = options?["debounceMs"]?.int, (0...10_000).contains(milliseconds) {
        debounceSeconds = Double(milliseconds) / 1000
      }
      reply(id: id, result: LanguageServer.capabilities)
      return
    }
    guard initialized else {
      reply(id: id, error: LSPErrorCode.serverNotInitialized, LSPMessages.notInitialized)
      return
    }
    guard !shuttingDown else {
      reply(id: id, error: LSPErrorCode.invalidRequest, LSPMessages.shutDown)
      return
    }
    switch method {
    case "shutdown":
      shuttingDown = true
      reply(id: id, result: .null)
    case "textDocument/hover":
      guard let (document, offset) = position(params) else { return reply(id: id, result: .null) }
      let found = LSPCodeActions.findings(at: offset, in: document)
      guard let positions = document.positions else { return reply(id: id, result: .null) }
      reply(id: id, result: LSPCodeActions.hover(found, positions: positions))
    case "textDocument/codeAction":
      guard let uri = params?["textDocument"]?["uri"]?.string, let document = documents[uri],
        let positions = document.positions, let range = params?["range"]
      else { return reply(id: id, result: .array([])) }
      let start = LanguageServer.offset(range["start"], positions)
      let end = max(start, LanguageServer.offset(range["end"], positions))
      let found = LSPCodeActions.findings(overlapping: start..<end, in: document)
      reply(id: id, result: .array(LSPCodeActions.actions(for: found, in: document)))
    case "workspace/executeCommand":
      guard params?["command"]?.string == LSPCodeActions.showRuleCommand,
        let ruleID = params?["arguments"]?.array?.first?.string
      else { return reply(id: id, error: LSPErrorCode.invalidParams, LSPMessages.invalidParams) }
      let rules = service.rules(id: ruleID)
      let text =
        rules.isEmpty
        ? LSPMessages.noRule(ruleID) : rules.map { LSPCodeActions.explanation(of: $0) }.joined(separator: "\n\n")
      send(notification: "window/showMessage", params: .object([("type", .int(3)), ("message", .string(text))]))
      reply(id: id, result: .null)
    default:
      reply(id: id, error: LSPErrorCode.methodNotFound, LSPMessages.methodNotFound(method))
    }
  }

  private func notification(_ method: String, params: JSONValue?, now: Double) {
    if method == "exit" {
      exitCode = shuttingDown ? 0 : 1
      return
    }
    guard initialized else { return }
    switch method {
    case "initialized":
      if watchesFiles { registerWatcher() }
    case "textDocument/didOpen":
      guard let item = params?["textDocument"], let uri = item["uri"]?.string, let text = item["text"]?.string else {
        return log(LSPMessages.invalidParams + " (didOpen)", type: 1)
      }
      documents[uri] = OpenDocument(
        uri: uri, languageId: item["languageId"]?.string ?? "plaintext", version: item["version"]?.int ?? 0,
        text: Array(text.utf8))
      due[uri] = now + debounceSeconds
    case "textDocument/didChange":
      guard let uri = params?["textDocument"]?["uri"]?.string, let changes = params?["contentChanges"]?.array else {
        return log(LSPMessages.invalidParams + " (didChange)", type: 1)
      }
      guard var document = documents[uri] else { return log(LSPMessages.unknownDocument(uri), type: 2) }
      for change in changes {
        guard let text = change["text"]?.string else { continue }
        if let range = change["range"], let start = LanguageServer.lineCharacter(range["start"]),
          let end = LanguageServer.lineCharacter(range["end"])
        {
          document.apply(range: (start, end), text: text)
        } else {
          document.apply(range: nil, text: text)
        }
      }
      if let version = params?["textDocument"]?["version"]?.int { document.version = version }
      documents[uri] = document
      due[uri] = now + debounceSeconds
    case "textDocument/didSave":
      guard let uri = params?["textDocument"]?["uri"]?.string else { return }
      if uri.hasSuffix("/" + Configuration.fileName) {
        configurationChanged(now: now)
      } else if documents[uri] != nil {
        due[uri] = now
      }
    case "textDocument/didClose":
      guard let uri = params?["textDocument"]?["uri"]?.string else { return }
      documents[uri] = nil
      due[uri] = nil
      publish(uri: uri, version: nil, diagnostics: [])
    case "workspace/didChangeConfiguration":
      let settings = params?["settings"]?["libre"] ?? params?["settings"]
      clientLanguage = settings?["language"]?.string.flatMap { Language(rawValue: $0) }
      configurationChanged(now: now)
    case "workspace/didChangeWatchedFiles":
      configurationChanged(now: now)
    default:
      break  // `$/cancelRequest`, `$/setTrace` and other notifications need nothing.
    }
  }

  /// A configuration changed: read them all again and lint every open document.
  private func configurationChanged(now: Double) {
    service.forgetConfigurations()
    for uri in documents.keys { due[uri] = now }
  }

  /// Lints and publishes the documents whose debounce ended by `now`.
  public func lintDue(now: Double) {
    for (uri, deadline) in due where deadline <= now {
      due[uri] = nil
      guard var document = documents[uri] else { continue }
      do throws(InputError) {
        let settings = try service.settings(
          for: document.path.hasPrefix("/") ? document.path : nil, language: clientLanguage)
        document.report = try LintService.lint(
          document.text, path: document.path, settings: settings, workspace: &workspace)
        document.positions = TextPositions(document.text)
        document.error = nil
      } catch {
        document.report = nil
        document.positions = TextPositions(document.text)
        document.error = error
      }
      documents[uri] = document
      publish(uri: uri, version: document.version, diagnostics: LSPDiagnostics.diagnostics(for: document))
    }
  }

  private func publish(uri: String, version: Int?, diagnostics: [JSONOutput]) {
    var params: [(String, JSONOutput)] = [("uri", .string(uri))]
    if let version { params.append(("version", .int(version))) }
    params.append(("diagnostics", .array(diagnostics)))
    send(notification: "textDocument/publishDiagnostics", params: .object(params))
  }

  private func registerWatcher() {
    let watcher = JSONOutput.object([("globPattern", .string("**/\(Configuration.fileName)"))])
    let registration = JSONOutput.object([
      ("id", .string("libre-configuration")), ("method", .string("workspace/didChangeWatchedFiles")),
      ("registerOptions", .object([("watchers", .array([watcher]))])),
    ])
    outbox.append(
      .object([
        ("jsonrpc", .string("2.0")), ("id", .int(nextRequestID)), ("method", .string("client/registerCapability")),
        ("params", .object([("registrations", .array([registration]))])),
      ]))
    nextRequestID += 1
  }

  private func position(_ params: JSONValue?) -> (OpenDocument, Int)? {
    guard let uri = params?["textDocument"]?["uri"]?.string, let document = documents[uri],
      let positions = document.positions, positions.bytes == document.text
    else { return nil }
    return (document, LanguageServer.offset(params?["position"], positions))
  }

  static func lineCharacter(_ position: JSONValue?) -> (Int, Int)? {
    guard let line = position?["line"]?.int, let character = position?["character"]?.int else { return nil }
    return (line, character)
  }

  static func offset(_ position: JSONValue?, _ positions: TextPositions) -> Int {
    guard let (line, character) = lineCharacter(position) else { return 0 }
    return positions.byteOffset(line: line, character: character)
  }

  private func reply(id: JSONOutput, result: JSONOutput) {
    outbox.append(.object([("jsonrpc", .string("2.0")), ("id", id), ("result", result)]))
  }

  private func reply(id: JSONOutput, error code: Int, _ message: String) {
    outbox.append(
      .object([
        ("jsonrpc", .string("2.0")), ("id", id),
        ("error", .object([("code", .int(code)), ("message", .string(message))])),
      ]))
  }

  private func send(notification method: String, params: JSONOutput) {
    outbox.append(.object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)]))
  }

  /// A `window/logMessage` (type 1 error, 2 warning, 3 info).
  private func log(_ message: String, type: Int) {
    send(notification: "window/logMessage", params: .object([("type", .int(type)), ("message", .string(message))]))
  }

  /// What the server does, as `initialize` answers.
  static var capabilities: JSONOutput {
    .object([
      (
        "capabilities",
        .object([
          ("positionEncoding", .string("utf-16")),
          (
            "textDocumentSync",
            .object([
              ("openClose", .bool(true)), ("change", .int(2)), ("save", .object([("includeText", .bool(false))])),
            ])
          ),
          ("hoverProvider", .bool(true)),
          ("codeActionProvider", .object([("codeActionKinds", .array([.string("quickfix")]))])),
          ("executeCommandProvider", .object([("commands", .array([.string(LSPCodeActions.showRuleCommand)]))])),
        ])
      ),
      ("serverInfo", .object([("name", .string(ToolInfo.name)), ("version", .string(ToolInfo.version))])),
    ])
  }

  static func now() -> Double { ServerThread.now() }
}
