/// How an email is built, against the ranges sales-email studies report (informational:
/// these are third-party heuristics, not part of the score).
public struct FormMetrics: Sendable, Equatable {
  public var words = 0
  public var questions = 0
  /// Words in the subject line, when the document has one.
  public var subjectWords: Int?
  /// Second-person pronouns (you, vous) against first-person ones (I, we, je, nous).
  public var secondPerson = 0
  public var firstPerson = 0
  /// Reading ease (Flesch for English, Kandel–Moles for French), higher is easier.
  public var readingEase: Double?
  public var readingFormula = ""

  public init() {}
}
