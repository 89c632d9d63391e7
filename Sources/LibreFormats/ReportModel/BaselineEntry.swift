import LibreKit

/// Whether a finding was already in the baseline.
public enum BaselineState: String, Sendable {
  /// Not in the baseline: it fails the run like any finding.
  case new
  /// In the baseline: reported apart, it does not fail the run.
  case unchanged
}

/// One finding recorded in a baseline, with its document.
public struct BaselineEntry: Sendable, Equatable {
  public var path: String
  public var key: FindingKey

  public init(path: String, key: FindingKey) {
    self.path = path
    self.key = key
  }
}
