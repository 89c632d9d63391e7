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

  /// The timing of the rep's turns; nil when the transcript has no times (then it is
  /// unavailable, not guessed).
  public var timing: CallTiming?

  /// Of the hesitations a rep answered, the share answered with pressure.
  public var pressureAfterHesitationRate: Double? {
    hesitations == 0 ? nil : Double(pressureAfterHesitation) / Double(hesitations)
  }

  public init() {}
}

/// How the rep's turns are timed, from a transcript's timestamps (the paraverbal side of
/// a call).
public struct CallTiming: Sendable, Equatable {
  /// The pauses (seconds) between the end of a hesitation and the start of the rep's
  /// answer; negative when the rep started before the other person finished.
  public var pausesAfterHesitation: [Double] = []
  /// Rep turns that start before the other speaker's turn has ended (talking over them).
  public var overlaps = 0
  /// Rep answers to a hesitation that start less than `cutInSeconds` after it ends, or
  /// before: they count toward pressure after hesitation.
  public var cutInsOnHesitation = 0
  /// The rep's words and seconds of talk, for the speech rate.
  public var repWords = 0
  public var repSeconds = 0.0

  /// The mean pause before answering a hesitation, in seconds.
  public var meanPauseAfterHesitation: Double? {
    pausesAfterHesitation.isEmpty ? nil : pausesAfterHesitation.reduce(0, +) / Double(pausesAfterHesitation.count)
  }

  /// The rep's speech rate in words per minute.
  public var repWordsPerMinute: Double? { repSeconds <= 0 ? nil : Double(repWords) / repSeconds * 60 }

  public init() {}
}

/// The reference values call metrics are read against (Gong Labs, via
/// docs/research.md §4 and Scoring ideas 10).
public enum ConversationMetricsReference {
  /// Top reps talk about 43% of a call.
  public static let talkRatioReference = 0.43
  /// Above this share the rep is flagged as talking too much.
  public static let talkRatioLimit = 0.65
  /// Reps talk at about 173 words a minute on average, about 188 when facing an objection
  /// they cannot handle (Gong Labs, 67,149 meetings; docs/research.md §4).
  public static let wordsPerMinuteReference = 173.0
  public static let wordsPerMinuteUnderObjection = 188.0
  /// "A great average [pause] is one second" (Gong, via a blog, [S]); top performers pause
  /// about five times longer after an objection than others.
  public static let pauseAfterObjectionReference = 1.0
  /// Answering sooner than this after the other person stops is cutting in: conversation
  /// gaps run about 200 ms across languages (Stivers et al. 2009, PNAS 106(26)).
  public static let cutInSeconds = 0.2
  /// How far an answer may start before a hesitation ends and still not talk over it: the
  /// turn boundaries of speech-to-text services (Deepgram, AssemblyAI) overlap by about a
  /// tenth of a second where nobody interrupts.
  public static let overlapToleranceSeconds = 0.25
}
