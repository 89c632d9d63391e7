/// A language Libre has lexicons for.
public enum Language: String, Sendable, CaseIterable, Comparable {
  case english = "en"
  case french = "fr"

  public static func < (left: Language, right: Language) -> Bool { left.rawValue < right.rawValue }
}

/// How bad a finding is, ordered from least to most severe.
public enum Severity: String, Sendable, CaseIterable, Comparable {
  case info
  case warning
  case error

  private var rank: Int {
    switch self {
    case .info: return 0
    case .warning: return 1
    case .error: return 2
    }
  }

  public static func < (left: Severity, right: Severity) -> Bool { left.rank < right.rank }
}

/// Which way a rule pulls the score.
public enum Polarity: String, Sendable, CaseIterable {
  /// Affirms the reader's freedom: earns credit.
  case freedom
  /// Applies pressure: costs points.
  case pressure
  /// Engages the reader (questions, empathy): informational sub-score.
  case engagement
  /// The other party hesitates (transcripts, replies): informational.
  case hesitation
  /// A request or call to action ("can we book a call?"): not reported itself; the
  /// document rules use it to ask for a freedom statement next to each request.
  case request
  /// What a speaker of a call does that marks their side (`role.rep.*`: asks, offers,
  /// prices, describing what is sold; `role.prospect.*`: asking about price or the item,
  /// making a lower bid): not reported itself; the role assigner counts it.
  case role
}
