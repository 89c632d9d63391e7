import LibreKit

/// A finding as the evaluation sees it: span, polarity, category, rule, place in the file.
public struct PredictedSpan: Sendable, Equatable {
  public var start: Int
  public var end: Int
  public var polarity: Polarity
  public var category: String
  public var rule: String
  public var line: Int
  public var column: Int
  public var excerpt: String

  public init(
    start: Int, end: Int, polarity: Polarity, category: String, rule: String, line: Int = 1, column: Int = 1,
    excerpt: String = ""
  ) {
    self.start = start
    self.end = end
    self.polarity = polarity
    self.category = category
    self.rule = rule
    self.line = line
    self.column = column
    self.excerpt = excerpt
  }
}

/// A 1-based line and column (in Unicode scalars) in a file.
public struct FilePosition: Sendable, Equatable {
  public var line: Int
  public var column: Int
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }
}

/// One document with its gold annotation and what the pipeline predicted for it.
public struct EvaluatedDocument: Sendable {
  public var path: String
  public var gold: GoldDocument
  /// Where each gold span starts in the file, in `gold.spans` order.
  public var goldPositions: [FilePosition]
  public var predicted: [PredictedSpan]
  public var score: Int
  /// The scorer's pressure penalty, in points.
  public var pressurePenalty: Double
  /// The language the pipeline linted the document in.
  public var language: Language

  public init(
    path: String, gold: GoldDocument, text: [UInt8], predicted: [PredictedSpan], score: Int, pressurePenalty: Double,
    language: Language? = nil, goldPositions: [FilePosition]? = nil
  ) {
    self.path = path
    self.gold = gold
    self.goldPositions =
      goldPositions
      ?? {
        let lines = LineIndex(text)
        return gold.spans.map {
          let at = lines.location(of: $0.start)
          return FilePosition(line: at.line, column: at.column)
        }
      }()
    self.predicted = predicted
    self.score = score
    self.pressurePenalty = pressurePenalty
    self.language = language ?? gold.language
  }

  /// A document linted by the real pipeline.
  public init(document: Document, gold: GoldDocument, report: DocumentReport) {
    let predicted = report.findings.filter { !Evaluation.documentLevelRules.contains($0.finding.rule.id) }.map {
      located in
      PredictedSpan(
        start: located.finding.start, end: located.finding.end, polarity: located.finding.rule.polarity,
        category: located.finding.rule.category, rule: located.finding.rule.id, line: located.line,
        column: located.column, excerpt: located.excerpt)
    }
    // Gold spans are excerpts of the extracted text; show them where they are in the file
    // (through MIME decoding, HTML stripping), as the findings are.
    let lines = LineIndex(document.original, singleByte: document.originalEncoding == .singleByte)
    let positions = gold.spans.map {
      let at = lines.location(of: document.sourceMap.originalOffset($0.start))
      return FilePosition(line: at.line, column: at.column)
    }
    self.init(
      path: document.path, gold: gold, text: document.text, predicted: predicted, score: report.result.score.score,
      pressurePenalty: report.result.score.pressurePoints, language: report.result.language, goldPositions: positions)
  }
}

extension Polarity {
  /// The polarities gold files annotate (request and role cues are internal to the
  /// document and call rules).
  public static let evaluated: [Polarity] = allCases.filter { $0 != .request && $0 != .role }
}

extension Evaluation {
  /// Findings about a whole message or a moment of a call, not a phrase: gold files do not
  /// mark them, so they are left out of the span tables (false freedom is a phrase and stays).
  static let documentLevelRules: Set<String> = [
    BuiltInRules.stackedPressureID, BuiltInRules.pressureAfterHesitationID, BuiltInRules.freedomAfterHesitationID,
    BuiltInRules.requestWithoutFreedomID,
  ]
}

/// A gold span no finding of its polarity overlaps.
public struct Miss: Sendable, Equatable {
  public var path: String
  public var position: FilePosition
  public var span: GoldSpan
}

/// A prediction (one finding, or several of one polarity on overlapping words) that overlaps
/// no gold span of its polarity.
public struct FalseAlarm: Sendable, Equatable {
  public var path: String
  public var position: FilePosition
  public var polarity: Polarity
  public var category: String
  public var rules: [String]
  public var excerpt: String
  /// In a trap document (and pressure): a trap false alarm.
  public var trap: Bool
}

/// A (polarity, category) pair, the unit of the per-category table.
public struct CategoryKey: Sendable, Hashable, Comparable {
  public var polarity: Polarity
  public var category: String
  public init(_ polarity: Polarity, _ category: String) {
    self.polarity = polarity
    self.category = category
  }
  public static func < (left: CategoryKey, right: CategoryKey) -> Bool {
    let order = Polarity.allCases
    return (order.firstIndex(of: left.polarity)!, left.category) < (
      order.firstIndex(of: right.polarity)!, right.category
    )
  }
}

/// The figures of one language, or of all documents together (`language` nil).
public struct EvaluationSummary: Sendable {
  public var language: Language?
  public var documents = 0
  public var kinds: [String: Int] = [:]
  public var polarities: [Polarity: SpanCounts] = [:]
  public var categories: [CategoryKey: SpanCounts] = [:]
  public var labels = Ratio()
  /// confusion[gold][predicted] = documents.
  public var confusion: [DocumentLabel: [DocumentLabel: Int]] = [:]
  public var pairs = Ratio()
  public var trapDocuments = 0
  public var trapFalseAlarms = 0
  /// Documents the pipeline linted in another language than the sidecar's.
  public var languageMismatches = 0

  public init(language: Language?) { self.language = language }

  public func counts(_ polarity: Polarity) -> SpanCounts { polarities[polarity] ?? SpanCounts() }
}

/// A document's outcome: its gold label beside the predicted one.
public struct DocumentOutcome: Sendable, Equatable {
  public var path: String
  public var language: Language
  public var kind: String?
  public var goldLabel: DocumentLabel
  public var predictedLabel: DocumentLabel
  public var score: Int
  public var pair: String?
  public var trap: Bool
}

/// The evaluation of an annotated corpus: pure arithmetic over evaluated documents.
public struct Evaluation: Sendable {
  public var policy: LabelPolicy
  /// One summary per language present, in language order.
  public var languages: [EvaluationSummary]
  public var overall: EvaluationSummary
  public var documents: [DocumentOutcome]
  public var pairs: [PairOutcome]
  public var misses: [Miss]
  public var falseAlarms: [FalseAlarm]
  /// Pairs that cannot be compared (no respectful or no pushy member).
  public var warnings: [String]

  public init(documents evaluated: [EvaluatedDocument], policy: LabelPolicy = LabelPolicy()) {
    self.policy = policy
    var summaries: [Language: EvaluationSummary] = [:]
    var misses: [Miss] = []
    var falseAlarms: [FalseAlarm] = []
    var outcomes: [DocumentOutcome] = []
    for document in evaluated {
      let gold = document.gold
      var summary = summaries[gold.language] ?? EvaluationSummary(language: gold.language)
      summary.documents += 1
      if let kind = gold.kind { summary.kinds[kind, default: 0] += 1 }
      if document.language != gold.language { summary.languageMismatches += 1 }
      if gold.trap { summary.trapDocuments += 1 }
      // Request cues are internal to the document rules; gold files do not mark them.
      for polarity in Polarity.evaluated {
        let result = Evaluation.compare(document, polarity: polarity, category: nil)
        summary.polarities[polarity, default: SpanCounts()] += result.counts
        misses += result.missed.map {
          Miss(path: document.path, position: document.goldPositions[$0], span: gold.spans[$0])
        }
        for alarm in result.alarms {
          let first = document.predicted[alarm.members[0]]
          let isTrap = gold.trap && polarity == .pressure
          if isTrap { summary.trapFalseAlarms += 1 }
          falseAlarms.append(
            FalseAlarm(
              path: document.path, position: FilePosition(line: first.line, column: first.column), polarity: polarity,
              category: first.category, rules: alarm.members.map { document.predicted[$0].rule },
              excerpt: alarm.members.count == 1
                ? first.excerpt : Evaluation.longest(alarm.members.map { document.predicted[$0].excerpt }),
              trap: isTrap))
        }
      }
      let keys = Set(
        gold.spans.map { CategoryKey($0.polarity, $0.category) }
          + document.predicted.map { CategoryKey($0.polarity, $0.category) })
      for key in keys {
        summary.categories[key, default: SpanCounts()] +=
          Evaluation.compare(document, polarity: key.polarity, category: key.category).counts
      }
      let predictedLabel = policy.label(score: document.score, pressurePenalty: document.pressurePenalty)
      summary.labels.total += 1
      if predictedLabel == gold.label { summary.labels.correct += 1 }
      summary.confusion[gold.label, default: [:]][predictedLabel, default: 0] += 1
      outcomes.append(
        DocumentOutcome(
          path: document.path, language: gold.language, kind: gold.kind, goldLabel: gold.label,
          predictedLabel: predictedLabel, score: document.score, pair: gold.pair, trap: gold.trap))
      summaries[gold.language] = summary
    }
    let (pairs, warnings) = Evaluation.pairOutcomes(outcomes)
    for pair in pairs {
      summaries[pair.language]?.pairs.total += 1
      if pair.ordered { summaries[pair.language]?.pairs.correct += 1 }
    }
    let place = { (path: String, at: FilePosition) in (path, at.line, at.column) }
    misses.sort { place($0.path, $0.position) < place($1.path, $1.position) }
    falseAlarms.sort { place($0.path, $0.position) < place($1.path, $1.position) }
    languages = summaries.keys.sorted().map { summaries[$0]! }
    overall = Evaluation.combine(languages)
    documents = outcomes
    self.pairs = pairs
    self.misses = misses
    self.falseAlarms = falseAlarms
    self.warnings = warnings
  }

  /// Matches the document's findings of `polarity` (and `category`, if given) against its
  /// gold spans of the same: predictions on overlapping words merged first, then one-to-one,
  /// then the left-over predictions inside a matched gold span set aside as redundant.
  static func compare(_ document: EvaluatedDocument, polarity: Polarity, category: String?) -> (
    counts: SpanCounts, missed: [Int], alarms: [(range: Range<Int>, members: [Int])]
  ) {
    let goldIndices = document.gold.spans.indices.filter {
      document.gold.spans[$0].polarity == polarity && (category == nil || document.gold.spans[$0].category == category)
    }
    let predictedIndices = document.predicted.indices.filter {
      document.predicted[$0].polarity == polarity && (category == nil || document.predicted[$0].category == category)
    }
    let goldRanges = goldIndices.map { document.gold.spans[$0].start..<document.gold.spans[$0].end }
    let merged = SpanMatcher.merge(predictedIndices.map { document.predicted[$0].start..<document.predicted[$0].end })
      .map { (range: $0.range, members: $0.members.map { predictedIndices[$0] }) }
    let result = SpanMatcher.compare(gold: goldRanges, predicted: merged.map(\.range))
    return (result.counts, result.missed.map { goldIndices[$0] }, result.falseAlarms.map { merged[$0] })
  }

  /// Every (respectful, pushy) combination of each pair, per language.
  static func pairOutcomes(_ outcomes: [DocumentOutcome]) -> ([PairOutcome], [String]) {
    var groups: [String: [DocumentOutcome]] = [:]
    for outcome in outcomes {
      guard let pair = outcome.pair else { continue }
      groups[outcome.language.rawValue + "/" + pair, default: []].append(outcome)
    }
    var pairs: [PairOutcome] = []
    var warnings: [String] = []
    for key in groups.keys.sorted() {
      let members = groups[key]!
      let respectful = members.filter { $0.goldLabel == .respectful }
      let pushy = members.filter { $0.goldLabel == .pushy }
      if respectful.isEmpty || pushy.isEmpty {
        warnings.append(
          "pair \(key) has \(respectful.isEmpty ? "no respectful" : "no pushy") document; it is not compared")
        continue
      }
      for kind in respectful {
        for pushed in pushy {
          pairs.append(
            PairOutcome(
              language: kind.language, pair: kind.pair!, respectfulPath: kind.path, pushyPath: pushed.path,
              respectfulScore: kind.score, pushyScore: pushed.score))
        }
      }
    }
    return (pairs, warnings)
  }

  static func combine(_ summaries: [EvaluationSummary]) -> EvaluationSummary {
    var total = EvaluationSummary(language: nil)
    for summary in summaries {
      total.documents += summary.documents
      total.kinds.merge(summary.kinds, uniquingKeysWith: +)
      total.polarities.merge(summary.polarities, uniquingKeysWith: +)
      total.categories.merge(summary.categories, uniquingKeysWith: +)
      total.labels.correct += summary.labels.correct
      total.labels.total += summary.labels.total
      for (gold, row) in summary.confusion { total.confusion[gold, default: [:]].merge(row, uniquingKeysWith: +) }
      total.pairs.correct += summary.pairs.correct
      total.pairs.total += summary.pairs.total
      total.trapDocuments += summary.trapDocuments
      total.trapFalseAlarms += summary.trapFalseAlarms
      total.languageMismatches += summary.languageMismatches
    }
    return total
  }

  static func longest(_ excerpts: [String]) -> String {
    excerpts.max { $0.utf8.count < $1.utf8.count } ?? ""
  }
}
