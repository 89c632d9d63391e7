/// One thing Libre found in a text: a rule, the exact span, and what it did to the score.
public struct Finding: Sendable {
  /// The rule reported (after a negation flip, the rule the match became).
  public var rule: Rule
  /// Byte range in the text (start inclusive, end exclusive).
  public var start: Int
  public var end: Int
  /// Index of the sentence the finding starts in (0-based).
  public var sentence: Int
  /// The rule whose negated match became this finding (`pressure.controlling.have-to` for
  /// "you don't have to"), if any.
  public var negatedFrom: String?
  /// Points this finding added to (positive) or took from (negative) the score.
  public var contribution: Double = 0
  /// Why the scorer adjusted the credit or penalty, when it did.
  public var scoringNote: String?
  /// The index of the document segment (email part, call turn) the finding starts in.
  public var segment = 0
  /// What a document rule found, in words ("3 pressure tactics: urgency, scarcity, guilt").
  public var detail: String?

  public init(rule: Rule, start: Int, end: Int, sentence: Int, negatedFrom: String? = nil) {
    self.rule = rule
    self.start = start
    self.end = end
    self.sentence = sentence
    self.negatedFrom = negatedFrom
  }

  /// The order of a report: by start, then end, then rule id. The ids are compared only on
  /// a tie (a tuple of the three copied and released the id at every comparison).
  static func inReportOrder(_ left: Finding, _ right: Finding) -> Bool {
    if left.start != right.start { return left.start < right.start }
    if left.end != right.end { return left.end < right.end }
    return left.rule.id < right.rule.id
  }

  /// Sorts `findings` in report order (stable). Most lists come in order already, and one
  /// pass to see it is cheaper than the sort's setup.
  static func sortForReport(_ findings: inout [Finding]) {
    var sorted = true
    for index in findings.indices.dropFirst() where inReportOrder(findings[index], findings[index - 1]) {
      sorted = false
      break
    }
    if !sorted { findings.sort(by: inReportOrder) }
  }
}

/// Counts about the text, beside the findings.
public struct TextMetrics: Sendable, Equatable {
  public var words = 0
  public var sentences = 0
  public var questions = 0
  public var exclamations = 0

  public init() {}
}

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
