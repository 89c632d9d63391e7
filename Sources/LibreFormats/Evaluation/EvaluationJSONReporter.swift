import LibreKit

/// `libre eval --format json` (schema version 1): the tables per language and overall, each
/// document's labels, the pairs, the misses, the false alarms and the errors.
public enum EvaluationJSONReporter {
  public static func render(_ evaluation: Evaluation, errors: [InputError], unannotated: [String]) -> String {
    let policy = evaluation.policy
    let root: JSONOutput = .object([
      ("schemaVersion", .int(ToolInfo.jsonSchemaVersion)),
      ("tool", .object([("name", .string(ToolInfo.name)), ("version", .string(ToolInfo.version))])),
      (
        "labelPolicy",
        .object([
          ("pushyBelow", .int(policy.pushyBelow)), ("pushyPenalty", .number(policy.pushyPenalty)),
          ("respectfulFrom", .int(policy.respectfulFrom)),
          ("respectfulMaxPenalty", .number(policy.respectfulMaxPenalty)),
        ])
      ),
      ("languages", .array(evaluation.languages.map(summary))),
      ("overall", summary(evaluation.overall)),
      ("documents", .array(evaluation.documents.map(document))),
      ("pairs", .array(evaluation.pairs.map(pair))),
      ("misses", .array(evaluation.misses.map(miss))),
      ("falseAlarms", .array(evaluation.falseAlarms.map(falseAlarm))),
      ("warnings", .array(evaluation.warnings.map(JSONOutput.string))),
      ("unannotated", .array(unannotated.map(JSONOutput.string))),
      ("errors", .array(errors.map(error))),
    ])
    return root.serialized(pretty: true) + "\n"
  }

  /// A rate, written with two decimals (`JSONWriter.number`); null when undefined.
  static func rate(_ value: Double?) -> JSONOutput {
    value.map(JSONOutput.number) ?? .null
  }

  static func counts(_ counts: SpanCounts) -> [(String, JSONOutput)] {
    [
      ("gold", .int(counts.gold)), ("predicted", .int(counts.predicted)), ("truePositives", .int(counts.truePositives)),
      ("falsePositives", .int(counts.falsePositives)), ("falseNegatives", .int(counts.falseNegatives)),
      ("redundant", .int(counts.redundant)),
      ("precision", rate(counts.precision)), ("recall", rate(counts.recall)), ("f1", rate(counts.f1)),
    ]
  }

  static func ratio(_ ratio: Ratio) -> JSONOutput {
    .object([("correct", .int(ratio.correct)), ("total", .int(ratio.total)), ("accuracy", rate(ratio.value))])
  }

  static func summary(_ summary: EvaluationSummary) -> JSONOutput {
    let polarities = Polarity.evaluated.map { ($0.rawValue, JSONOutput.object(counts(summary.counts($0)))) }
    let categories = summary.categories.keys.sorted().map { key -> JSONOutput in
      .object(
        [("polarity", .string(key.polarity.rawValue)), ("category", .string(key.category))]
          + counts(summary.categories[key]!))
    }
    var confusion: [(String, JSONOutput)] = []
    for gold in DocumentLabel.allCases {
      let row = DocumentLabel.allCases.map { ($0.rawValue, JSONOutput.int(summary.confusion[gold]?[$0] ?? 0)) }
      confusion.append((gold.rawValue, .object(row)))
    }
    return .object([
      ("language", summary.language.map { .string($0.rawValue) } ?? .null),
      ("documents", .int(summary.documents)),
      ("kinds", .object(summary.kinds.keys.sorted().map { ($0, .int(summary.kinds[$0]!)) })),
      ("polarities", .object(polarities)),
      ("categories", .array(categories)),
      (
        "labels",
        .object([
          ("correct", .int(summary.labels.correct)), ("total", .int(summary.labels.total)),
          ("accuracy", rate(summary.labels.value)), ("confusion", .object(confusion)),
        ])
      ),
      ("pairs", ratio(summary.pairs)),
      ("traps", .object([("documents", .int(summary.trapDocuments)), ("falseAlarms", .int(summary.trapFalseAlarms))])),
      ("languageMismatches", .int(summary.languageMismatches)),
    ])
  }

  static func document(_ outcome: DocumentOutcome) -> JSONOutput {
    .object([
      ("path", .string(outcome.path)), ("language", .string(outcome.language.rawValue)),
      ("kind", outcome.kind.map(JSONOutput.string) ?? .null), ("goldLabel", .string(outcome.goldLabel.rawValue)),
      ("predictedLabel", .string(outcome.predictedLabel.rawValue)), ("score", .int(outcome.score)),
      ("pair", outcome.pair.map(JSONOutput.string) ?? .null), ("trap", .bool(outcome.trap)),
    ])
  }

  static func pair(_ pair: PairOutcome) -> JSONOutput {
    .object([
      ("language", .string(pair.language.rawValue)), ("pair", .string(pair.pair)),
      ("respectful", .object([("path", .string(pair.respectfulPath)), ("score", .int(pair.respectfulScore))])),
      ("pushy", .object([("path", .string(pair.pushyPath)), ("score", .int(pair.pushyScore))])),
      ("ordered", .bool(pair.ordered)),
    ])
  }

  static func miss(_ miss: Miss) -> JSONOutput {
    .object([
      ("path", .string(miss.path)), ("line", .int(miss.position.line)), ("column", .int(miss.position.column)),
      ("polarity", .string(miss.span.polarity.rawValue)), ("category", .string(miss.span.category)),
      ("rule", miss.span.rule.map(JSONOutput.string) ?? .null), ("excerpt", .string(miss.span.text)),
    ])
  }

  static func falseAlarm(_ alarm: FalseAlarm) -> JSONOutput {
    .object([
      ("path", .string(alarm.path)), ("line", .int(alarm.position.line)), ("column", .int(alarm.position.column)),
      ("polarity", .string(alarm.polarity.rawValue)), ("category", .string(alarm.category)),
      ("rule", .string(alarm.rules[0])), ("rules", .array(alarm.rules.map(JSONOutput.string))),
      ("excerpt", .string(alarm.excerpt)), ("trap", .bool(alarm.trap)),
    ])
  }

  static func error(_ error: InputError) -> JSONOutput {
    var members: [(String, JSONOutput)] = [("path", .string(error.path))]
    if let line = error.line { members.append(("line", .int(line))) }
    members.append(("message", .string(error.message)))
    return .object(members)
  }
}
