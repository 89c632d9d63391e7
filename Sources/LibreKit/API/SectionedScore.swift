/// The score of a document linted in sections (a plain text too large to hold whole, see
/// `libre lint`'s sectioned reading): what `Scorer.score` reads of each finding, kept per
/// polarity and category, so the document gets the score `Scorer` would give all its
/// findings at once without keeping a single one.
///
/// `Scorer` gives diminishing returns by rank within a polarity and category: freedom
/// counts a group's two largest values (×1, ×0.3), pressure its two largest (×1, ×0.75)
/// and half of every other, engagement its first two cues. So a group needs its two largest
/// values, the sum of the others and a count: a few numbers per category, whatever the size.
public struct SectionedScore: Sendable {
  /// One polarity and category: its two largest full values and the sum of the rest.
  struct Group: Sendable {
    var first = 0.0
    var second = 0.0
    var rest = 0.0
    var count = 0

    mutating func add(_ value: Double) {
      switch count {
      case 0: first = value
      case 1: if value > first { (first, second) = (value, first) } else { second = value }
      default:
        if value > first {
          rest += second
          (first, second) = (value, first)
        } else if value > second {
          rest += second
          second = value
        } else {
          rest += value
        }
      }
      count += 1
    }
  }

  /// Keyed by polarity and category, in the order `Scorer` sorts them.
  private var groups: [GroupKey: Group] = [:]
  /// The language of the first section (each later section is linted in it).
  public private(set) var language: Language?
  public private(set) var languageDetected = true
  /// Words, sentences, questions and exclamations of every section added up.
  public private(set) var metrics = TextMetrics()
  /// Every finding added, whatever its polarity.
  public private(set) var findings = 0

  struct GroupKey: Hashable, Comparable, Sendable {
    var polarity: Polarity
    var category: String

    static func < (left: GroupKey, right: GroupKey) -> Bool {
      if left.polarity != right.polarity { return left.polarity.rawValue < right.polarity.rawValue }
      return left.category < right.category
    }
  }

  public init() {}

  /// Adds one section's result: its findings (after rule levels were applied) and counts.
  public mutating func add(_ result: LintResult) {
    if language == nil {
      language = result.language
      languageDetected = result.languageDetected
    }
    for finding in result.findings {
      groups[GroupKey(polarity: finding.rule.polarity, category: finding.rule.category), default: Group()].add(
        Scorer.fullValue(finding))
    }
    findings += result.findings.count
    metrics.words += result.metrics.words
    metrics.sentences += result.metrics.sentences
    metrics.questions += result.metrics.questions
    metrics.exclamations += result.metrics.exclamations
  }

  /// The score card of everything added, by `Scorer`'s formula.
  public var score: ScoreCard {
    var freedom = 0.0
    var pressure = 0.0
    var engagement = 0.0
    // The order of `Scorer`'s pass, so the sums are added in the same order.
    for key in groups.keys.sorted() {
      let group = groups[key]!
      switch key.polarity {
      case .freedom:
        freedom += group.first * factor(Scorer.freedomRepeatFactors, 0)
        if group.count > 1 { freedom += group.second * factor(Scorer.freedomRepeatFactors, 1) }
        // Ranks 2 and beyond: the last factor (0 today) times each of the rest.
        if group.count > 2 { freedom += group.rest * factor(Scorer.freedomRepeatFactors, 2) }
      case .pressure:
        pressure += group.first * factor(Scorer.pressureRepeatFactors, 0)
        if group.count > 1 { pressure += group.second * factor(Scorer.pressureRepeatFactors, 1) }
        if group.count > 2 { pressure += group.rest * factor(Scorer.pressureRepeatFactors, 2) }
      case .engagement:
        for rank in 0..<min(group.count, Scorer.freedomRepeatFactors.count) {
          engagement += Scorer.engagementPointsPerCue * factor(Scorer.freedomRepeatFactors, rank)
        }
        if group.count > Scorer.freedomRepeatFactors.count {
          let others = Double(group.count - Scorer.freedomRepeatFactors.count)
          engagement += others * Scorer.engagementPointsPerCue * Scorer.freedomRepeatFactors.last!
        }
      case .hesitation, .request, .role:
        break
      }
    }
    let credited = min(freedom, Scorer.freedomCap)
    let score = Int(max(0, min(100, Scorer.base + credited - pressure)).rounded())
    return ScoreCard(
      score: score, grade: Scorer.grade(score), freedom: Int((credited / Scorer.freedomCap * 100).rounded()),
      pressure: Int((min(pressure, Scorer.pressureScale) / Scorer.pressureScale * 100).rounded()),
      engagement: Int(min(100, engagement).rounded()), freedomPoints: credited, pressurePoints: pressure)
  }

  /// A result to report the whole document by: its score and counts, no findings (they
  /// were reported section by section).
  public var result: LintResult {
    LintResult(
      language: language ?? .english, languageDetected: languageDetected, findings: [], score: score,
      metrics: metrics, tokenizerReport: TokenizerReport())
  }

  private func factor(_ factors: [Double], _ rank: Int) -> Double { factors[min(rank, factors.count - 1)] }
}
