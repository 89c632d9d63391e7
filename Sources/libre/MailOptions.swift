import LibreFormats

/// The options of `libre analyze` that read an email's headers: which messages are taken
/// (`--since`, `--until` by `Date:`), which were sent by the user (`--me`), and what becomes
/// of the others (`--received skip|apart`).
struct MailOptions: Sendable {
  /// What becomes of the messages `--me` did not send.
  enum Received: String, Sendable {
    /// Not analyzed; counted and said at the end.
    case skip
    /// Analyzed, filed under `(received) SENDER` so they stay apart from the reps' writing.
    case apart
  }

  /// The first day taken, in days since 1970-01-01 (inclusive).
  var since: Int?
  /// The last day taken (inclusive).
  var until: Int?
  /// The user's addresses, lowercased.
  var me: Set<String> = []
  var received = Received.skip

  static let flags: Set<String> = ["--since", "--until", "--me", "--received"]

  static let dayFormat = "a date as YYYY-MM-DD"
  static let skippedOutside = "outside --since/--until (by their Date: header)"
  static let skippedUndated = "without a readable Date: header (with --since/--until)"
  static let skippedReceived = "not sent by --me (received; --received apart analyzes them apart)"
  static let receivedGroupPrefix = "(received) "

  mutating func read(_ flag: String, value: String) throws(UsageError) {
    switch flag {
    case "--since", "--until":
      guard let day = MessageDate.parseDay(value) else {
        throw UsageError(description: "\(flag) takes \(MailOptions.dayFormat), not '\(value)'")
      }
      if flag == "--since" { since = day } else { until = day }
    case "--me":
      let addresses = value.split(separator: ",").map { Sender.normalizedAddress(String($0)) }
      guard !addresses.isEmpty, addresses.allSatisfy({ $0.contains("@") }) else {
        throw UsageError(description: "--me takes email addresses separated by commas, not '\(value)'")
      }
      me.formUnion(addresses)
    default:
      guard let mode = Received(rawValue: value) else {
        throw UsageError(description: "--received takes skip or apart, not '\(value)'")
      }
      received = mode
    }
  }

  /// Why the message with `fields` is not analyzed; nil when it is (or is not an email).
  func skipReason(_ fields: MessageFields?) -> String? {
    guard let fields else { return nil }
    if since != nil || until != nil {
      guard let date = fields.date else { return MailOptions.skippedUndated }
      let day = date >= 0 ? date / 86_400 : (date - 86_399) / 86_400
      if let since, day < since { return MailOptions.skippedOutside }
      if let until, day > until { return MailOptions.skippedOutside }
    }
    if !me.isEmpty && received == .skip && !isSent(fields) { return MailOptions.skippedReceived }
    return nil
  }

  func isSent(_ fields: MessageFields) -> Bool {
    guard let sender = fields.sender else { return false }
    return me.contains(sender.address)
  }

  /// An email's group when its sender decides it (`--group-by sender` or `rep`); nil otherwise.
  func group(_ fields: MessageFields?, by groupBy: AnalyzeOptions.GroupBy) -> String? {
    guard let fields, groupBy == .sender || groupBy == .rep else { return nil }
    guard let sender = fields.sender, !sender.key.isEmpty else { return groupBy == .sender ? "(no sender)" : nil }
    if !me.isEmpty && !isSent(fields) { return MailOptions.receivedGroupPrefix + sender.key }
    return sender.key
  }
}
