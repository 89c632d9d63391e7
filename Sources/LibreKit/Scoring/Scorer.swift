/// The score of one document and how it was reached.
public struct ScoreCard: Sendable, Equatable {
  /// 0–100: higher respects the reader's freedom more.
  public var score: Int
  /// A ≥ 85, B ≥ 70, C ≥ 55, D ≥ 40, else F.
  public var grade: String
  /// Freedom credit earned, 0–100 (100 = the cap of `Scorer.freedomCap` points).
  public var freedom: Int
  /// Pressure applied, 0–100 (100 = `Scorer.pressureScale` points or more).
  public var pressure: Int
  /// Engagement cues (questions, empathy), 0–100; informational, not in the score.
  public var engagement: Int
  /// Total freedom credit and pressure penalty, in points.
  public var freedomPoints: Double
  public var pressurePoints: Double

  /// A placeholder for a result still being built (the document rules run before scoring).
  static let unscored = ScoreCard(
    score: 0, grade: "", freedom: 0, pressure: 0, engagement: 0, freedomPoints: 0, pressurePoints: 0)
}

/// Libre's score, v1. Every constant is here, with its reason; `docs/scoring.md` explains it.
///
///     score = clamp(base + min(freedom credit, freedomCap) − pressure penalty, 0, 100)
///
/// - Freedom credit: each freedom finding's weight, quartered for boilerplate, nothing for
///   false freedom, with diminishing returns within a category (the largest first: ×1, then
///   ×0.3, then 0).
/// - Pressure penalty: each pressure finding's weight × its severity factor, stacking within
///   a category with diminishing factors (×1, ×0.75, ×0.5, then ×0.5 each).
public enum Scorer {
  /// A text with no findings: a neutral, acceptable email (grade B), with room above it for
  /// freedom statements and room below for pressure.
  public static let base = 70.0
  /// Freedom credit is capped so that one "you're free to decline" cannot launder pressure
  /// and so that base + cap = 100.
  public static let freedomCap = 30.0
  /// The penalty at which the pressure sub-score reads 100.
  public static let pressureScale = 70.0
  /// Research scoring idea 4: one freedom statement per ask; repetition reads as formula.
  public static let freedomRepeatFactors = [1.0, 0.3, 0.0]
  /// Research scoring idea 6: pressure stacks additively (SpamAssassin), softened so one
  /// category cannot dominate alone.
  public static let pressureRepeatFactors = [1.0, 0.75, 0.5]
  /// Research scoring idea 5: spam filters count boilerplate freedom as spam evidence.
  public static let boilerplateFactor = 0.25
  /// Points per engagement cue in the engagement sub-score.
  public static let engagementPointsPerCue = 20.0

  public static func severityFactor(_ severity: Severity) -> Double {
    switch severity {
    case .info: return 0.5
    case .warning: return 1.0
    case .error: return 1.5
    }
  }

  /// Sets each finding's contribution and returns the score card.
  public static func score(_ findings: inout [Finding]) -> ScoreCard {
    guard !findings.isEmpty else { return card(freedom: 0, pressure: 0, engagement: 0) }
    // The values and the order live on the stack: a document has a few findings, and two
    // arrays for them cost more than the scoring.
    return withUnsafeTemporaryAllocation(of: Double.self, capacity: findings.count) { values in
      withUnsafeTemporaryAllocation(of: Int.self, capacity: findings.count) { order in
        for index in findings.indices {
          values[index] = fullValue(findings[index])
          order[index] = index
        }
        return score(&findings, values: values, order: order)
      }
    }
  }

  private static func score(
    _ findings: inout [Finding], values: UnsafeMutableBufferPointer<Double>, order: UnsafeMutableBufferPointer<Int>
  ) -> ScoreCard {
    var freedom = 0.0
    var pressure = 0.0
    var engagement = 0.0
    // Group by polarity and category, largest full value first, so each finding's rank in
    // its group is its place in the diminishing returns; one sort, one pass.
    var order = order
    order.sort { left, right in
      let a = findings[left].rule
      let b = findings[right].rule
      if a.polarity != b.polarity { return a.polarity.rawValue < b.polarity.rawValue }
      if a.category != b.category { return a.category < b.category }
      if values[left] != values[right] { return values[left] > values[right] }
      return findings[left].start < findings[right].start
    }
    var rank = 0
    for position in order.indices {
      let index = order[position]
      let rule = findings[index].rule
      if position > 0 {
        let previous = findings[order[position - 1]].rule
        rank = previous.polarity == rule.polarity && previous.category == rule.category ? rank + 1 : 0
      }
      switch rule.polarity {
      case .freedom:
        let credit = values[index] * factor(freedomRepeatFactors, rank)
        findings[index].contribution = credit
        freedom += credit
      case .pressure:
        let penalty = values[index] * factor(pressureRepeatFactors, rank)
        findings[index].contribution = -penalty
        pressure += penalty
      case .engagement:
        engagement += engagementPointsPerCue * factor(freedomRepeatFactors, rank)
      case .hesitation, .request, .role:
        break
      }
    }
    if freedom > freedomCap {
      // Scale the credits so the contributions still add up to the score.
      let ratio = min(freedom, freedomCap) / freedom
      for index in findings.indices where findings[index].rule.polarity == .freedom {
        findings[index].contribution *= ratio
      }
    }
    return card(freedom: freedom, pressure: pressure, engagement: engagement)
  }

  /// The card for these totals of freedom credit (before the cap), pressure penalty and
  /// engagement points.
  private static func card(freedom: Double, pressure: Double, engagement: Double) -> ScoreCard {
    let credited = min(freedom, freedomCap)
    let raw = base + credited - pressure
    let score = Int(max(0, min(100, raw)).rounded())
    return ScoreCard(
      score: score, grade: grade(score), freedom: Int((credited / freedomCap * 100).rounded()),
      pressure: Int((min(pressure, pressureScale) / pressureScale * 100).rounded()),
      engagement: Int(min(100, engagement).rounded()), freedomPoints: credited, pressurePoints: pressure)
  }

  /// What a finding is worth before diminishing returns: a freedom finding's credit (a
  /// quarter for boilerplate, nothing for false freedom), a pressure finding's penalty
  /// (weight × severity factor).
  public static func fullValue(_ finding: Finding) -> Double {
    let rule = finding.rule
    switch rule.polarity {
    case .freedom:
      if finding.scoringNote != nil { return 0 }
      return rule.boilerplate ? rule.weight * boilerplateFactor : rule.weight
    case .pressure:
      return rule.weight * severityFactor(rule.severity)
    case .engagement, .hesitation, .request, .role:
      return rule.weight
    }
  }

  public static func grade(_ score: Int) -> String {
    switch score {
    case 85...: return "A"
    case 70..<85: return "B"
    case 55..<70: return "C"
    case 40..<55: return "D"
    default: return "F"
    }
  }

  private static func factor(_ factors: [Double], _ rank: Int) -> Double {
    factors[min(rank, factors.count - 1)]
  }
}
