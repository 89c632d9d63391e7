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
