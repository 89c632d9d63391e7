import LibreKit

/// The members of a one-line finding record that depend on its rule alone (`rule` through
/// `source`), rendered once per rule. They are most of a record's bytes (the message,
/// suggestion and source run to hundreds of characters), and escaping them again for each
/// finding was most of the cost of writing `analyze --format jsonl`.
///
/// Rules are objects whose texts never change, so a rule is known by its identity; the
/// rules are kept, so no other rule can take the identity of one while the table lives. A
/// rule outside the table (made for one document by a configuration) is written as usual.
public struct RuleMembers: Sendable {
  private let rendered: [ObjectIdentifier: [UInt8]]
  private let rules: [Rule]

  /// The members of each of `rules`, rendered for compact JSON.
  public init(rules: [Rule]) {
    var rendered: [ObjectIdentifier: [UInt8]] = [:]
    for rule in rules where rendered[ObjectIdentifier(rule)] == nil {
      var out = JSONStream(pretty: false)
      out.beginObject()
      RuleMembers.write(rule, into: &out)
      out.endObject()
      rendered[ObjectIdentifier(rule)] = Array(out.bytes.dropFirst().dropLast())
    }
    self.rendered = rendered
    self.rules = rules
  }

  /// Writes the rule's members into the open object of `out`: the rendered bytes when
  /// `out` is compact and the rule is in the table, else member by member.
  func write(_ rule: Rule, into out: inout JSONStream) {
    if !out.pretty, let bytes = rendered[ObjectIdentifier(rule)] {
      out.members(rendered: bytes)
    } else {
      RuleMembers.write(rule, into: &out)
    }
  }

  static func write(_ rule: Rule, into out: inout JSONStream) {
    out.member("rule", rule.id)
    out.member("polarity", rule.polarity.rawValue)
    out.member("category", rule.category)
    out.member("severity", rule.severity.rawValue)
    out.member("message", rule.message)
    out.member("suggestion", rule.suggestion)
    out.member("source", rule.source)
  }
}
