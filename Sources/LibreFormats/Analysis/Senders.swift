/// Emails grouped by sender (the `From:` address, lowercased), whatever `--group-by` says:
/// counts per sender, and how often each display name came with the address, so the report
/// can show the name most used. Counts only, so partials merge exactly.
public struct SenderAggregate: Sendable, Equatable {
  /// By address.
  public var senders: [String: GroupAggregate] = [:]
  /// By address, the display names seen with it and how often.
  public var names: [String: [String: Int]] = [:]

  public init() {}

  public var isEmpty: Bool { senders.isEmpty }

  mutating func add(_ document: DocumentSummary) {
    guard let sender = document.sender else { return }
    senders[sender.key, default: GroupAggregate()].add(document)
    if !sender.name.isEmpty { names[sender.key, default: [:]][sender.name, default: 0] += 1 }
  }

  mutating func merge(_ other: SenderAggregate) {
    for (key, value) in other.senders { senders[key, default: GroupAggregate()].merge(value) }
    for (key, counts) in other.names {
      for (name, count) in counts { names[key, default: [:]][name, default: 0] += count }
    }
  }

  /// The display name most used with `address` (ties: the first in order), nil if none.
  public func name(_ address: String) -> String? {
    names[address]?.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
  }
}

/// The "Emails by sender" section of the HTML report and the summary JSON's `senders`.
public enum SendersReport {
  /// How many senders the HTML section lists (the most prolific first).
  static let htmlLimit = 50

  public static func json(_ aggregate: SenderAggregate) -> JSONOutput {
    .array(
      aggregate.senders.keys.sorted().map { key in
        let group = aggregate.senders[key]!
        var members: [(String, JSONOutput)] = [("sender", .string(key))]
        if let name = aggregate.name(key) { members.append(("name", .string(name))) }
        return .object(
          members + [
            ("documents", .int(group.documents)), ("scoreMean", AnalysisSummaryJSON.rounded(group.meanScore)),
            ("pressureFindings", .int(group.pressureFindings)), ("freedomFindings", .int(group.freedomFindings)),
          ])
      })
  }

  public static func html(_ aggregate: SenderAggregate) -> String {
    guard !aggregate.isEmpty else { return "" }
    let keys = aggregate.senders.keys.sorted { left, right in
      let (a, b) = (aggregate.senders[left]!.documents, aggregate.senders[right]!.documents)
      return a != b ? a > b : left < right
    }
    var out = "<section class=\"senders\"><h2>Emails by sender</h2><table><thead><tr><th>sender</th>"
    out += "<th>emails</th><th>mean score</th><th>pressure</th><th>freedom</th></tr></thead><tbody>"
    for key in keys.prefix(htmlLimit) {
      let group = aggregate.senders[key]!
      let shown = aggregate.name(key).map { HTMLEscape.text($0) + " &lt;" + HTMLEscape.text(key) + "&gt;" }
      out += "<tr><td>\(shown ?? HTMLEscape.text(key))</td><td>\(group.documents)</td>"
      out += "<td>\(group.meanScore.map(AnalysisSummaryText.fixed) ?? "-")</td>"
      out += "<td>\(group.pressureFindings)</td><td>\(group.freedomFindings)</td></tr>"
    }
    out += "</tbody></table>"
    if keys.count > htmlLimit { out += "<p>and \(keys.count - htmlLimit) more sender(s)</p>" }
    return out + "</section>"
  }
}
