/// What the language server says to the client: error messages and log lines.
enum LSPMessages {
  static let headerTooLong = "a message header longer than 8 KiB was dropped"
  static let noContentLength = "a message without a Content-Length header was dropped"
  static let parseError = "the message is not JSON"
  static let invalidRequest = "the message is not a JSON-RPC request or notification"
  static let notInitialized = "the server has not been initialized"
  static let shutDown = "the server is shutting down"
  static let invalidParams = "invalid params"
  static func oversize(_ bytes: Int, _ limit: Int) -> String {
    "a message of \(bytes) bytes was skipped (the limit is \(limit) bytes)"
  }
  static func methodNotFound(_ method: String) -> String { "unhandled method \(method)" }
  static func unknownDocument(_ uri: String) -> String { "\(uri) is not open; the change was ignored" }
  static func noRule(_ id: String) -> String { "no rule '\(id)'" }
  static func score(_ score: Int, _ grade: String) -> String { "Libre score: \(score)/100 (\(grade))" }
  static let suggestion = "Suggestion:"
  static let reasonPlaceholder = "why this is fine here"
  static func disableOnLine(_ rule: String) -> String { "Disable \(rule) on this line" }
  static func disableWithReason(_ rule: String) -> String { "Disable \(rule) here, with a reason" }
  static func showRule(_ rule: String) -> String { "Show rule \(rule)" }
}

/// The JSON-RPC and LSP error codes the server answers with.
enum LSPErrorCode {
  static let parseError = -32700
  static let invalidRequest = -32600
  static let methodNotFound = -32601
  static let invalidParams = -32602
  static let serverNotInitialized = -32002
}
