/// Rule levels a user configured (`.libre.json` `"rules"`): a rule turned `off`, or given
/// another severity, by id or by glob (`pressure.urgency.*`).
///
/// Applied to a finished `LintResult`: the findings of rules turned off are removed, the
/// others take their configured severity, and the document is scored again, so the score
/// agrees with what is reported. Document rules (a request without a freedom statement,
/// stacked pressure) still saw the phrase findings of rules turned off.
public struct RuleSettings: Sendable, Equatable {
  /// What a rule becomes.
  public enum Level: String, Sendable, CaseIterable {
    case off, info, warning, error

    /// The severity of a level other than `off`.
    public var severity: Severity? { Severity(rawValue: rawValue) }
  }

  /// One `"pattern": "level"` entry, in the order written.
  public struct Entry: Sendable, Equatable {
    public var pattern: String
    public var level: Level
    /// The line it was written on, for messages.
    public var line: Int?

    public init(pattern: String, level: Level, line: Int? = nil) {
      self.pattern = pattern
      self.level = level
      self.line = line
    }
  }

  public var entries: [Entry]

  public init(_ entries: [Entry] = []) { self.entries = entries }

  public var isEmpty: Bool { entries.isEmpty }

  /// These settings, then `more` on top (a profile's rules over the file's).
  public func overridden(by more: RuleSettings) -> RuleSettings { RuleSettings(entries + more.entries) }

  /// The level configured for `id`: an exact id beats a glob, a longer glob beats a shorter
  /// one, and among equals the entry written last wins.
  public func level(for id: String) -> Level? {
    var best: (exact: Bool, length: Int, level: Level)?
    for entry in entries where Suppressions.matches(entry.pattern, id) {
      let rank = (exact: !entry.pattern.contains("*"), length: entry.pattern.count, level: entry.level)
      if let current = best, (current.exact ? 1 : 0, current.length) > (rank.exact ? 1 : 0, rank.length) { continue }
      best = rank
    }
    return best?.level
  }

  /// Removes the findings of rules turned off, sets the configured severities, and scores
  /// the result again when anything changed.
  public func apply(to result: inout LintResult) {
    guard !entries.isEmpty else { return }
    var changed = false
    var copies: [ObjectIdentifier: Rule] = [:]
    // Each entry's glob is matched once per rule id, not once per finding.
    var levels: [String: Level?] = [:]
    var kept: [Finding] = []
    kept.reserveCapacity(result.findings.count)
    for var finding in result.findings {
      let id = finding.rule.id
      let configured = levels[id] ?? level(for: id)
      levels[id] = configured
      guard let level = configured else {
        kept.append(finding)
        continue
      }
      guard let severity = level.severity else {
        changed = true
        continue
      }
      if finding.rule.severity != severity {
        let key = ObjectIdentifier(finding.rule)
        let copy = copies[key] ?? RuleSettings.copy(finding.rule, severity: severity)
        copies[key] = copy
        finding.rule = copy
        changed = true
      }
      kept.append(finding)
    }
    guard changed else { return }
    result.score = Scorer.score(&kept)
    result.findings = kept
  }

  /// A copy of `rule` with another severity (rules are shared, so never changed in place).
  static func copy(_ rule: Rule, severity: Severity) -> Rule {
    let copy = Rule(
      id: rule.id, language: rule.language, polarity: rule.polarity, category: rule.category, severity: severity,
      weight: rule.weight, boilerplate: rule.boilerplate, message: rule.message, suggestion: rule.suggestion,
      source: rule.source, lists: rule.lists, whenNegated: rule.whenNegated, requiresAddressee: rule.requiresAddressee,
      regions: rule.regions,
      location: rule.location)
    return copy
  }
}
