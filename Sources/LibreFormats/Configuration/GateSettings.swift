import LibreKit

/// When a document fails the run (exit 1): a pressure finding at or above `failOn`, or a
/// score under `minScore`. Freedom statements never fail. Each value remembers where it
/// was set (`--min-score`, `minScore` in a file, a profile), so a failure says why.
public struct GateSettings: Sendable, Equatable {
  /// `minScore`: the lowest passing score (0–100); nil for no score gate.
  public var minScore: Int?
  /// `failOn`: the lowest failing severity of a pressure finding; nil when not set (`error`).
  public var failOn: FailLevel?
  /// Where `minScore` was set, as a failure names it (`--min-score`, `.libre.json minScore`).
  public var minScoreOrigin = "--min-score"
  /// Where `failOn` was set, as a failure names it.
  public var failOnOrigin = "--fail-on"

  /// Equal when they gate alike: where a value was set does not change what it does.
  public static func == (a: GateSettings, b: GateSettings) -> Bool {
    a.minScore == b.minScore && a.failOn == b.failOn
  }

  /// The level `failOn` takes when nothing sets it.
  public static let defaultFailOn = FailLevel.error

  public init(minScore: Int? = nil, failOn: FailLevel? = nil) {
    self.minScore = minScore
    self.failOn = failOn
  }

  /// Sets `minScore`, set by `origin`.
  public mutating func set(minScore: Int, origin: String) {
    self.minScore = minScore
    minScoreOrigin = origin
  }

  /// Sets `failOn`, set by `origin`.
  public mutating func set(failOn: FailLevel, origin: String) {
    self.failOn = failOn
    failOnOrigin = origin
  }

  /// These settings with each value `other` sets taking over.
  public func overridden(by other: GateSettings) -> GateSettings {
    var result = self
    if let minScore = other.minScore { result.set(minScore: minScore, origin: other.minScoreOrigin) }
    if let failOn = other.failOn { result.set(failOn: failOn, origin: other.failOnOrigin) }
    return result
  }

  /// The severity at or above which a pressure finding fails; nil for `none`.
  public var failingSeverity: Severity? { (failOn ?? GateSettings.defaultFailOn).severity }

  /// Whether `finding` fails the gate by itself.
  public func fails(_ finding: Finding) -> Bool {
    guard let threshold = failingSeverity else { return false }
    return finding.rule.polarity == .pressure && finding.rule.severity >= threshold
  }

  /// How a failing finding's line says why (`fails --fail-on error`).
  public var findingNote: String {
    let level = (failOn ?? GateSettings.defaultFailOn).rawValue
    return failOn == nil ? "fails the default --fail-on \(level)" : "fails \(failOnOrigin) \(level)"
  }

  /// Why `report` fails these settings, empty when it passes.
  public func failures(_ report: DocumentReport) -> [String] {
    var reasons: [String] = []
    let score = report.result.score.score
    if let minScore, score < minScore {
      reasons.append(GateMessages.scoreBelow(score, minScore, origin: minScoreOrigin))
    }
    if let threshold = failingSeverity {
      let count = report.findings.filter { fails($0.finding) }.count
      if count > 0 { reasons.append(GateMessages.findingsAtOrAbove(count, threshold, note: findingNote)) }
    }
    return reasons
  }

  /// Sets `report`'s gate failures and the severity its failing findings are marked at.
  /// A report compared with a baseline (its known findings already set aside, its
  /// `baselineScore` set) also fails on a score below the recorded one.
  public func judge(_ report: inout DocumentReport) {
    report.gateFailures = failures(report)
    if let recorded = report.baselineScore, report.result.score.score < recorded {
      report.gateFailures.append(GateMessages.scoreDropped(report.result.score.score, recorded))
    }
    report.failingSeverity = failingSeverity
    report.gateNote = findingNote
  }
}

/// `failOn` / `--fail-on`: a severity, or `none` to never fail on findings.
public enum FailLevel: String, Sendable, CaseIterable {
  case info, warning, error, none

  /// The severity it names; nil for `none`.
  public var severity: Severity? { Severity(rawValue: rawValue) }
}
