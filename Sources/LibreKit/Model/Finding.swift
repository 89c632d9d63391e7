/// One thing Libre found in a text: a rule, the exact span, and what it did to the score.
///
/// A document can hold millions of findings (a text with a pushy phrase in every sentence),
/// so a finding is kept small: 48 bytes. The rule is a shared reference, the sentence and
/// segment indexes are 32-bit, and the three rarely set texts live together in one shared
/// box, allocated only for the findings that have one.
public struct Finding: Sendable {
  /// The rule reported (after a negation flip, the rule the match became).
  public var rule: Rule
  /// Byte range in the text (start inclusive, end exclusive).
  public var start: Int
  public var end: Int
  private var sentenceIndex: Int32
  private var segmentIndex: Int32 = 0
  /// Points this finding added to (positive) or took from (negative) the score.
  public var contribution: Double = 0
  private var notes: FindingNotes?

  /// Index of the sentence the finding starts in (0-based).
  public var sentence: Int {
    get { Int(sentenceIndex) }
    set { sentenceIndex = Int32(truncatingIfNeeded: newValue) }
  }
  /// The index of the document segment (email part, call turn) the finding starts in.
  public var segment: Int {
    get { Int(segmentIndex) }
    set { segmentIndex = Int32(truncatingIfNeeded: newValue) }
  }
  /// The rule whose negated match became this finding (`pressure.controlling.have-to` for
  /// "you don't have to"), if any.
  public var negatedFrom: String? {
    get { notes?.negatedFrom }
    set { updateNotes { $0.negatedFrom = newValue } }
  }
  /// Why the scorer adjusted the credit or penalty, when it did.
  public var scoringNote: String? {
    get { notes?.scoringNote }
    set { updateNotes { $0.scoringNote = newValue } }
  }
  /// What a document rule found, in words ("3 pressure tactics: urgency, scarcity, guilt").
  public var detail: String? {
    get { notes?.detail }
    set { updateNotes { $0.detail = newValue } }
  }

  public init(rule: Rule, start: Int, end: Int, sentence: Int, negatedFrom: String? = nil) {
    self.rule = rule
    self.start = start
    self.end = end
    sentenceIndex = Int32(truncatingIfNeeded: sentence)
    if let negatedFrom { notes = FindingNotes(negatedFrom: negatedFrom) }
  }

  /// Sets a note on a copy of the box (it may be shared with other copies of the finding);
  /// no box when every note is nil.
  private mutating func updateNotes(_ change: (inout FindingNotes.Values) -> Void) {
    var values = notes?.values ?? FindingNotes.Values()
    change(&values)
    notes = values.isEmpty ? nil : FindingNotes(values)
  }

  /// The order of a report: by start, then end, then rule id. The ids are compared only on
  /// a tie (a tuple of the three copied and released the id at every comparison).
  static func inReportOrder(_ left: Finding, _ right: Finding) -> Bool {
    if left.start != right.start { return left.start < right.start }
    if left.end != right.end { return left.end < right.end }
    return left.rule.id < right.rule.id
  }

  /// Appends `extra` to `findings`, growing a full array by what is added rather than
  /// doubling it: a document can hold millions of findings, and a doubled copy of them beside
  /// the old one tripled its memory for the moment of the copy.
  static func append(_ extra: [Finding], to findings: inout [Finding]) {
    guard !extra.isEmpty else { return }
    if findings.capacity - findings.count < extra.count { findings.reserveCapacity(findings.count + extra.count) }
    findings += extra
  }

  /// Sorts `findings` in report order (stable). Most lists come in order already, and one
  /// pass to see it is cheaper than the sort's setup. Others are mostly in order with a few
  /// findings appended (the document rules'): past the first out of order, the rest is
  /// sorted apart and merged in from the back, in place, where sorting the whole took a
  /// buffer of half its size (a document can hold millions of findings).
  static func sortForReport(_ findings: inout [Finding]) {
    var inOrder = findings.count
    for index in findings.indices.dropFirst() where inReportOrder(findings[index], findings[index - 1]) {
      inOrder = index
      break
    }
    guard inOrder < findings.count else { return }
    guard findings.count - inOrder <= findings.count / 4 else {
      findings.sort(by: inReportOrder)
      return
    }
    var rest = Array(findings[inOrder...])
    rest.sort(by: inReportOrder)
    // From the back: the larger of the two last goes last; on a tie the one from `rest`,
    // which came later, as a stable sort of the whole would place it.
    var write = findings.count - 1
    var head = inOrder - 1
    var next = rest.count - 1
    while next >= 0 {
      if head >= 0 && inReportOrder(rest[next], findings[head]) {
        findings[write] = findings[head]
        head -= 1
      } else {
        findings[write] = rest[next]
        next -= 1
      }
      write -= 1
    }
  }
}

/// The texts few findings carry, boxed apart so that a finding without them stays small.
/// Immutable: a change makes a new box, so copies of a finding never see each other's notes.
final class FindingNotes: Sendable {
  struct Values {
    var negatedFrom: String?
    var scoringNote: String?
    var detail: String?

    var isEmpty: Bool { negatedFrom == nil && scoringNote == nil && detail == nil }
  }

  let values: Values
  var negatedFrom: String? { values.negatedFrom }
  var scoringNote: String? { values.scoringNote }
  var detail: String? { values.detail }

  init(_ values: Values) { self.values = values }
  convenience init(negatedFrom: String) { self.init(Values(negatedFrom: negatedFrom)) }
}

/// Counts about the text, beside the findings.
public struct TextMetrics: Sendable, Equatable {
  public var words = 0
  public var sentences = 0
  public var questions = 0
  public var exclamations = 0

  public init() {}
}
