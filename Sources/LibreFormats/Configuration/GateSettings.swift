import LibreKit

/// When a document fails the run (exit 1): a pressure finding at or above `failOn`, or a
/// score under `minScore`. Freedom statements never fail.
public struct GateSettings: Sendable, Equatable {
  /// `minScore`: the lowest passing score (0–100); nil for no score gate.
  public var minScore: Int?
  /// `failOn`: the lowest failing severity of a pressure finding; nil when not set.
  public var failOn: FailLevel?

  public init(minScore: Int? = nil, failOn: FailLevel? = nil) {
    self.minScore = minScore
    self.failOn = failOn
  }

  /// These settings with each value `other` sets taking over.
  public func overridden(by other: GateSettings) -> GateSettings {
    GateSettings(minScore: other.minScore ?? minScore, failOn: other.failOn ?? failOn)
  }

  /// Why `report` fails these settings (`failOn` unset means `error`), empty when it passes.
  public func failures(_ report: DocumentReport) -> [String] {
    var reasons: [String] = []
    if let minScore, report.result.score.score < minScore {
      reasons.append(GateMessages.scoreBelow(report.result.score.score, minScore))
    }
    if let threshold = (failOn ?? .error).severity {
      let count = report.findings.filter {
        $0.finding.rule.polarity == .pressure && $0.finding.rule.severity >= threshold
      }.count
      if count > 0 { reasons.append(GateMessages.findingsAtOrAbove(count, threshold)) }
    }
    return reasons
  }
}

/// `failOn` / `--fail-on`: a severity, or `none` to never fail on findings.
public enum FailLevel: String, Sendable, CaseIterable {
  case info, warning, error, none

  /// The severity it names; nil for `none`.
  public var severity: Severity? { Severity(rawValue: rawValue) }
}

/// What the gate says about a failing document.
public enum GateMessages {
  public static func scoreBelow(_ score: Int, _ minimum: Int) -> String {
    "score \(score) is below the minimum \(minimum)"
  }

  public static func findingsAtOrAbove(_ count: Int, _ severity: Severity) -> String {
    "\(count) pressure finding(s) at \(severity.rawValue) or above"
  }

  public static func scoreDropped(_ score: Int, _ baseline: Int) -> String {
    "score \(score) dropped below its baseline \(baseline)"
  }
}
