import LibreKit

/// The numbers `libre analyze` keeps about one document: enough for a CSV row, a per-rep
/// line and the overall aggregate, without the findings' texts beyond the excerpts counted
/// as phrases. Built on a worker thread, so the consumer only adds integers.
public struct DocumentSummary: Sendable, Equatable {
  public var path: String
  public var format: String
  public var language: String
  /// The per-rep key: a JSONL field, the parent folder, or the call's rep names.
  public var group: String
  public var score: Int
  public var grade: String
  public var freedom: Int
  public var pressure: Int
  public var engagement: Int
  public var words: Int
  /// Finding counts by polarity (`pressure`, `freedom`, …), by `polarity.category` and by rule.
  public var polarities: [String: Int] = [:]
  public var categories: [String: Int] = [:]
  public var rules: [String: Int] = [:]
  /// Pressure and freedom excerpts, lowercased, with how often each occurs.
  public var phrases: [String: Int] = [:]
  /// The phrases of `phrases` that freedom findings cover (the others are pressure).
  public var freedomPhrases: [String: Int] = [:]
  public var findings: Int
  /// The first pressure finding's excerpt, as written (for a spreadsheet's "worst line").
  public var firstPressure: String?
  /// Call metrics; nil for emails.
  public var call: CallSummary?
  /// An email's `Message-ID` (without angle brackets), written in the JSON record.
  public var messageID: String?
  /// An email's `Date:` in seconds since 1970-01-01 UTC.
  public var date: Int?
  /// An email's sender (see `SenderAggregate`), when the run read it.
  public var sender: Sender?
  /// The period the document falls in (`analyze --by`), nil without a date or `--by`.
  public var period: String?

  /// Summarizes `report`, filed under `group`.
  public init(report: DocumentReport, group: String) {
    let result = report.result
    path = report.path
    format = report.format
    language = result.language.rawValue
    self.group = group
    score = result.score.score
    grade = result.score.grade
    freedom = result.score.freedom
    pressure = result.score.pressure
    engagement = result.score.engagement
    words = result.metrics.words
    findings = report.findings.count + report.omittedFindings
    // Counted by rule first (a rule is a shared object: compared by identity, not hashed
    // as a string), then each rule's count goes to its polarity and category: a category
    // key is built and hashed once per rule rather than once per finding.
    var ruleCounts: [(rule: Rule, count: Int)] = []
    phrases.reserveCapacity(report.findings.count)
    for located in report.findings {
      let rule = located.finding.rule
      if let index = ruleCounts.firstIndex(where: { $0.rule === rule }) {
        ruleCounts[index].count += 1
      } else {
        ruleCounts.append((rule, 1))
      }
      // Document rules (a missing freedom statement) cover whole passages: not phrases.
      if rule.polarity == .pressure || rule.polarity == .freedom, located.excerpt.utf8.count <= 120 {
        let phrase = DocumentSummary.lowercased(located.excerpt)
        phrases[phrase, default: 0] += 1
        if rule.polarity == .freedom { freedomPhrases[phrase, default: 0] += 1 }
      }
      if rule.polarity == .pressure && firstPressure == nil { firstPressure = located.excerpt }
    }
    // Sized once: growing each dictionary from empty rehashed it two or three times.
    polarities.reserveCapacity(ruleCounts.count)
    categories.reserveCapacity(ruleCounts.count)
    rules.reserveCapacity(ruleCounts.count)
    for (rule, count) in ruleCounts {
      polarities[rule.polarity.rawValue, default: 0] += count
      categories[rule.polarity.rawValue + "." + rule.category, default: 0] += count
      rules[rule.id, default: 0] += count
    }
    call = result.conversation.map(CallSummary.init)
  }

  /// `text.lowercased()`, byte by byte when every character is Latin-1 or general
  /// punctuation (most excerpts: French accents, curly quotes), where lowercasing maps
  /// one scalar to one of the same width; other texts go through `String.lowercased`.
  static func lowercased(_ text: String) -> String {
    var text = text
    // Written straight into the new string's storage: appending byte by byte to an array,
    // then copying it into a string, cost a hundred instructions a byte.
    let lowered = text.withUTF8 { source -> String? in
      var failed = false
      let string = String(unsafeUninitializedCapacity: source.count) { target in
        var index = 0
        while index < source.count {
          let byte = source[index]
          switch byte {
          case 0x41...0x5A: target[index] = byte | 0x20
          case 0..<0x80: target[index] = byte
          case 0xC2, 0xC3:
            // U+0080 to U+00BF: no capitals. U+00C0 to U+00DE are the capitals (but ×,
            // U+00D7), 0x20 below their small forms.
            guard index + 1 < source.count else {
              failed = true
              return 0
            }
            let next = source[index + 1]
            target[index] = byte
            target[index + 1] = byte == 0xC3 && next <= 0x9E && next != 0x97 ? next + 0x20 : next
            index += 1
          case 0xE2:
            // U+2000 to U+207F: punctuation, spaces, super- and subscripts, none with a case.
            guard index + 2 < source.count, source[index + 1] == 0x80 || source[index + 1] == 0x81 else {
              failed = true
              return 0
            }
            target[index] = byte
            target[index + 1] = source[index + 1]
            target[index + 2] = source[index + 2]
            index += 2
          default:
            failed = true
            return 0
          }
          index += 1
        }
        return source.count
      }
      return failed ? nil : string
    }
    return lowered ?? text.lowercased()
  }

  /// The group of a call by default: its rep speaker names, joined.
  /// The per-rep group of calls whose rep is only labelled by a side (`Agent`, `Rep`).
  public static let unnamedRep = "(rep not named: generic label)"

  public static func repGroup(_ result: LintResult) -> String? {
    guard let reps = result.roles?.reps, !reps.isEmpty else { return nil }
    // A label such as "Agent" or « Conseiller » is a side, not a person: one group for all.
    let named = reps.map { RoleLabels.isGenericRepLabel($0) ? DocumentSummary.unnamedRep : $0 }
    var seen: Set<String> = []
    return named.filter { seen.insert($0).inserted }.joined(separator: ", ")
  }
}

/// A call's metrics in integers, so sums over many calls stay exact.
public struct CallSummary: Sendable, Equatable {
  public var turns: Int
  /// The rep's share of the talk in thousandths; nil when it could not be measured.
  public var repTalkPermille: Int?
  public var repQuestions: Int
  public var repOpenQuestions: Int
  public var hesitations: Int
  public var pressureAfterHesitation: Int
  public var freedomAfterHesitation: Int
  /// The call's timing in whole milliseconds (sums stay exact across merges); nil when
  /// the transcript has no times.
  public var timing: TimingSums?

  /// A call's timing as sums: pauses after hesitations, overlaps, cut-ins, the rep's talk.
  public struct TimingSums: Sendable, Equatable {
    public var pauseMillisSum = 0
    public var pauses = 0
    public var overlaps = 0
    public var cutInsOnHesitation = 0
    public var repWords = 0
    public var repMillis = 0

    public init() {}

    public init(_ timing: CallTiming) {
      pauseMillisSum = timing.pausesAfterHesitation.reduce(0) { $0 + Int(($1 * 1000).rounded()) }
      pauses = timing.pausesAfterHesitation.count
      overlaps = timing.overlaps
      cutInsOnHesitation = timing.cutInsOnHesitation
      repWords = timing.repWords
      repMillis = Int((timing.repSeconds * 1000).rounded())
    }
  }

  public init(_ metrics: ConversationMetrics) {
    turns = metrics.turns
    repTalkPermille = metrics.repTalkRatio.map { Int(($0 * 1000).rounded()) }
    repQuestions = metrics.repQuestions
    repOpenQuestions = metrics.repOpenQuestions
    hesitations = metrics.hesitations
    pressureAfterHesitation = metrics.pressureAfterHesitation
    freedomAfterHesitation = metrics.freedomAfterHesitation
    timing = metrics.timing.map(TimingSums.init)
  }
}
