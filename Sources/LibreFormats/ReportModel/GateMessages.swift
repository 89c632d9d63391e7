import LibreKit

/// What the gate says about a failing document.
public enum GateMessages {
  /// `score 41 < --min-score 60`.
  public static func scoreBelow(_ score: Int, _ minimum: Int, origin: String = "--min-score") -> String {
    "score \(score) < \(origin) \(minimum)"
  }

  /// `2 pressure finding(s) at error or above (fails --fail-on error)`.
  public static func findingsAtOrAbove(_ count: Int, _ severity: Severity, note: String) -> String {
    "\(count) pressure finding(s) at \(severity.rawValue) or above (\(note))"
  }

  /// `a.txt: fails: score 41 < --min-score 60`.
  public static func documentFails(_ path: String, _ failures: [String]) -> String {
    "\(path): fails: " + failures.joined(separator: "; ")
  }

  /// `… and 45 more document(s) fail the gates (65 in all)`.
  public static func moreFail(_ count: Int, named: Int) -> String {
    "… and \(count - named) more document(s) fail the gates (\(count) in all)"
  }

  public static func scoreDropped(_ score: Int, _ baseline: Int) -> String {
    "score \(score) dropped below its baseline \(baseline)"
  }
}
