/// The result of linting one text.
public struct LintResult: Sendable {
  public var language: Language
  /// Whether the language was detected rather than given.
  public var languageDetected: Bool
  public var findings: [Finding]
  public var score: ScoreCard
  public var metrics: TextMetrics
  public var tokenizerReport: TokenizerReport
  /// Email form metrics (length, questions, subject, focus, reading ease); nil for calls.
  public var form: FormMetrics?
  /// Call metrics (talk ratio, questions, monologues, hesitation handling); nil for emails.
  public var conversation: ConversationMetrics?
  /// For a call: the roles given to each speaker and why.
  public var roles: RoleAssignment?
  /// For a call: each speaker's own score over their own words.
  public var speakerScores: [SpeakerScore] = []
  /// For a call: the role given to each segment of the document, in order.
  public var segmentRoles: [Role?] = []
  /// Suppression comments without a reason, or that silenced nothing.
  public var suppressionNotices: [SuppressionNotice] = []
  /// Phrase findings the context stage set aside (not prose, not aimed at the reader), with
  /// the reason: what `--explain-suppressed` shows.
  public var contextSetAside: [ContextStage.SetAside] = []
  /// The text is mostly in capitals: one note for the document instead of a shouting
  /// finding per line.
  public var mostlyCapitals = false
  /// For a file of several templates: each template's own score.
  public var templateScores: [TemplateScore] = []
  /// The language of a text Libre does not lint (`pt`, `es`, `it`, `de`, `nl`): no rule ran.
  public var unsupportedLanguage: String?
  /// How many findings suppression comments silenced.
  public var suppressedFindings = 0
}

/// One template's score in a file of several (see `TemplateSegments` in LibreFormats).
public struct TemplateScore: Sendable {
  public var title: String
  /// The index of the template's segment in the document.
  public var segment: Int
  public var score: ScoreCard
  public var findings: Int
}
