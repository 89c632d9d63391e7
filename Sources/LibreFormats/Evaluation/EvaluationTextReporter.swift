import LibreKit

/// `libre eval` as text: a table per language and for all, then the pairs out of order, the
/// misses and false alarms (FILE:LINE:COL), and which categories and rules dominate them.
public enum EvaluationTextReporter {
  public static func render(_ evaluation: Evaluation, errors: [InputError], unannotated: [String]) -> String {
    let languages = evaluation.languages.map { "\($0.language!.rawValue) \($0.documents)" }.joined(separator: ", ")
    var out = "libre eval: \(evaluation.overall.documents) annotated document(s)"
    out += languages.isEmpty ? "" : " (\(languages))"
    if !unannotated.isEmpty { out += "; \(unannotated.count) without a .gold.json sidecar, skipped" }
    if !errors.isEmpty { out += "; \(errors.count) error(s)" }
    out += "\n"
    let policy = evaluation.policy
    out +=
      "labels from findings: pushy if score < \(policy.pushyBelow) or pressure penalty ≥ \(JSONWriter.number(policy.pushyPenalty)); "
    out +=
      "respectful if score ≥ \(policy.respectfulFrom) and pressure penalty < \(JSONWriter.number(policy.respectfulMaxPenalty)); else neutral\n"
    out += "spans: found = hit + false; dup = extra findings inside a gold span already hit (not counted)\n"
    for summary in evaluation.languages { out += "\n" + table(summary) }
    if evaluation.languages.count > 1 { out += "\n" + table(evaluation.overall) }
    let unordered = evaluation.pairs.filter { !$0.ordered }
    if !unordered.isEmpty {
      out += "\npairs out of order (\(unordered.count)): the respectful version must score strictly higher\n"
      for pair in unordered {
        out +=
          "  \(pair.language.rawValue)/\(pair.pair): \(pair.respectfulPath) \(pair.respectfulScore) ≤ \(pair.pushyPath) \(pair.pushyScore)\n"
      }
    }
    if !evaluation.misses.isEmpty {
      out += "\nmisses (\(evaluation.misses.count)): gold spans no finding of their polarity overlaps\n"
      for miss in evaluation.misses {
        let rule = miss.span.rule.map { " [\($0)]" } ?? ""
        out +=
          "  \(miss.path):\(miss.position.line):\(miss.position.column): \(miss.span.polarity.rawValue).\(miss.span.category)\(rule) “\(oneLine(miss.span.text))”\n"
      }
    }
    if !evaluation.falseAlarms.isEmpty {
      out += "\nfalse alarms (\(evaluation.falseAlarms.count)): findings that overlap no gold span of their polarity\n"
      for alarm in evaluation.falseAlarms {
        out +=
          "  \(alarm.path):\(alarm.position.line):\(alarm.position.column): \(alarm.rules.joined(separator: ", ")) “\(oneLine(alarm.excerpt))”\(alarm.trap ? " (trap)" : "")\n"
      }
    }
    if !evaluation.misses.isEmpty || !evaluation.falseAlarms.isEmpty {
      out += "\n"
      out +=
        "most missed (polarity.category): "
        + top(evaluation.misses.map { "\($0.span.polarity.rawValue).\($0.span.category)" }) + "\n"
      out += "most false alarms (rule): " + top(evaluation.falseAlarms.map { $0.rules[0] }) + "\n"
    }
    for warning in evaluation.warnings { out += "warning: \(warning)\n" }
    return out
  }

  static func table(_ summary: EvaluationSummary) -> String {
    let title = summary.language.map { "\($0.rawValue)" } ?? "all languages"
    let kinds = summary.kinds.keys.sorted().map { "\($0) \(summary.kinds[$0]!)" }.joined(separator: ", ")
    var out = "== \(title): \(summary.documents) document(s)\(kinds.isEmpty ? "" : " (\(kinds))") ==\n"
    let names =
      Polarity.evaluated.map(\.rawValue) + summary.categories.keys.map { "\($0.polarity.rawValue).\($0.category)" }
    let width = max(24, (names.map(\.count).max() ?? 0) + 4)
    let header =
      pad("", width)
      + ["gold", "found", "hit", "miss", "false", "dup", "prec", "recall", "f1"].map { left($0, 7) }.joined()
    out += "  spans by polarity" + String(header.dropFirst(18)) + "\n"
    for polarity in Polarity.evaluated { out += row(polarity.rawValue, summary.counts(polarity), width) }
    out += "  by category\n"
    for key in summary.categories.keys.sorted() {
      out += row("\(key.polarity.rawValue).\(key.category)", summary.categories[key]!, width)
    }
    out += "  document labels   \(ratio(summary.labels))\n"
    out += "    gold \\ predicted " + DocumentLabel.allCases.map { left($0.rawValue, 11) }.joined() + "\n"
    for gold in DocumentLabel.allCases {
      let cells = DocumentLabel.allCases.map { left(String(summary.confusion[gold]?[$0] ?? 0), 11) }.joined()
      out += "    " + pad(gold.rawValue, 15) + cells + "\n"
    }
    out += "  matched pairs     \(ratio(summary.pairs)) ordered (respectful > pushy)\n"
    out +=
      "  traps             \(summary.trapDocuments) document(s), \(summary.trapFalseAlarms) pressure false alarm(s)\n"
    if summary.languageMismatches > 0 {
      out +=
        "  language          \(summary.languageMismatches) document(s) linted in another language than their sidecar's\n"
    }
    return out
  }

  static func row(_ name: String, _ counts: SpanCounts, _ width: Int) -> String {
    let cells = [
      String(counts.gold), String(counts.predicted), String(counts.truePositives), String(counts.falseNegatives),
      String(counts.falsePositives), String(counts.redundant), fixed(counts.precision), fixed(counts.recall),
      fixed(counts.f1),
    ]
    return "  " + pad(name, width - 2) + cells.map { left($0, 7) }.joined() + "\n"
  }

  /// "7/8 (87.5%)", or "0/0 (–)".
  static func ratio(_ ratio: Ratio) -> String {
    guard let value = ratio.value else { return "\(ratio.correct)/\(ratio.total) (–)" }
    let tenths = Int((value * 1000).rounded())
    return "\(ratio.correct)/\(ratio.total) (\(tenths / 10).\(tenths % 10)%)"
  }

  /// A rate with two decimals ("0.85"), or "–" when undefined.
  public static func fixed(_ value: Double?) -> String {
    guard let value else { return "–" }
    let hundredths = Int((value * 100).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }

  /// The ten most frequent items, "name count" by count then name.
  static func top(_ items: [String]) -> String {
    var counts: [String: Int] = [:]
    for item in items { counts[item, default: 0] += 1 }
    if counts.isEmpty { return "none" }
    return counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(10).map { "\($0.key) \($0.value)" }
      .joined(separator: ", ")
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(1, width - text.count))
  }

  static func left(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(1, width - text.count)) + text
  }

  static func oneLine(_ text: String) -> String {
    String(text.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
  }
}
