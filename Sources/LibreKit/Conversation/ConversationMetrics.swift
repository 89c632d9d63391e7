/// Which speakers of a call are the rep and why, as reports print it.
public struct RoleAssignment: Sendable, Equatable {
  /// The seller's side.
  public var reps: [String]
  /// Everyone else who spoke.
  public var prospects: [String]
  /// How the reps were chosen: given (`--rep`, configuration) or the heuristic's reason.
  public var reason: String
  /// `--role all`: everyone is linted alike.
  public var everyone: Bool
  /// How sure the choice is.
  public var confidence: Confidence

  /// How sure a role assignment is.
  public enum Confidence: String, Sendable {
    /// Named by `--rep`, the configuration or the record's `rep` field.
    case given
    /// A generic label (`Agent`, `Client`), a single speaker, or a clear lead in evidence.
    case high
    /// One cue more than the other side.
    case medium
    /// Nothing told the speakers apart: the first to speak was taken.
    case low
  }

  public init(
    reps: [String], prospects: [String], reason: String, everyone: Bool = false, confidence: Confidence = .given
  ) {
    self.reps = reps
    self.prospects = prospects
    self.reason = reason
    self.everyone = everyone
    self.confidence = confidence
  }
}

/// One speaker's score over their own words.
public struct SpeakerScore: Sendable, Equatable {
  public var speaker: String
  public var role: Role?
  public var score: ScoreCard
  public var words: Int
  public var findings: Int
}

/// What Libre measures in a call, beside the findings.
public struct ConversationMetrics: Sendable, Equatable {
  /// What durations are counted in: seconds when every turn has timestamps, else words.
  public enum Unit: String, Sendable {
    case seconds
    case words
  }

  public var turns = 0
  public var speakers = 0
  public var unit = Unit.words
  /// The reps' share of the talk, 0–1 (by time when timestamps exist, else by words).
  public var repTalkRatio: Double?
  /// Whether the rep talks more than `ConversationMetricsReference.talkRatioLimit`.
  public var repTalksTooMuch: Bool { (repTalkRatio ?? 0) > ConversationMetricsReference.talkRatioLimit }
  public var repQuestions = 0
  public var repOpenQuestions = 0
  public var repClosedQuestions: Int { max(0, repQuestions - repOpenQuestions) }
  /// The rep's longest turn, in `unit`.
  public var repLongestMonologue = 0.0
  /// The prospect's longest uninterrupted turn, in `unit`.
  public var prospectLongestStretch = 0.0
  /// Prospect turns with a hesitation cue that a rep turn answered.
  public var hesitations = 0
  public var pressureAfterHesitation = 0
  public var freedomAfterHesitation = 0

  /// Of the hesitations a rep answered, the share answered with pressure.
  public var pressureAfterHesitationRate: Double? {
    hesitations == 0 ? nil : Double(pressureAfterHesitation) / Double(hesitations)
  }

  public init() {}
}

/// The reference values call metrics are read against (Gong Labs, via
/// ../shared/research/anchors-domain.md §4 and Scoring ideas 10).
public enum ConversationMetricsReference {
  /// Top reps talk about 43% of a call.
  public static let talkRatioReference = 0.43
  /// Above this share the rep is flagged as talking too much.
  public static let talkRatioLimit = 0.65
}
