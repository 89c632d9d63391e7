import Foundation
import LibreFormats
import LibreKit
import Testing

/// Small synthetic documents: gold spans and predictions given by hand, no linter.
enum Synthetic {
  static let text = Array("Reply by Friday. You are free to say no. Only 3 left!\n".utf8)

  static func gold(_ start: Int, _ end: Int, _ polarity: Polarity, _ category: String) -> GoldSpan {
    GoldSpan(start: start, end: end, polarity: polarity, category: category, text: "x")
  }

  static func found(_ start: Int, _ end: Int, _ polarity: Polarity, _ category: String, rule: String? = nil)
    -> PredictedSpan
  {
    PredictedSpan(
      start: start, end: end, polarity: polarity, category: category,
      rule: rule ?? "\(polarity.rawValue).\(category).rule", line: 1, column: start + 1, excerpt: "x")
  }

  static func document(
    _ path: String, language: Language = .english, label: DocumentLabel, pair: String? = nil, trap: Bool = false,
    gold: [GoldSpan] = [], predicted: [PredictedSpan] = [], score: Int = 70, penalty: Double = 0
  ) -> EvaluatedDocument {
    EvaluatedDocument(
      path: path,
      gold: GoldDocument(language: language, label: label, kind: "email", pair: pair, trap: trap, spans: gold),
      text: text, predicted: predicted, score: score, pressurePenalty: penalty)
  }
}

@Suite struct EvaluationTests {
  @Test func spansArePooledPerLanguageAndPolarity() throws {
    let evaluation = Evaluation(documents: [
      Synthetic.document(
        "a.txt", label: .pushy,
        gold: [Synthetic.gold(0, 15, .pressure, "urgency"), Synthetic.gold(41, 52, .pressure, "scarcity")],
        predicted: [Synthetic.found(6, 15, .pressure, "urgency"), Synthetic.found(17, 39, .pressure, "controlling")],
        score: 40, penalty: 30),
      Synthetic.document(
        "b.txt", language: .french, label: .respectful, gold: [Synthetic.gold(17, 39, .freedom, "explicit-choice")],
        predicted: [Synthetic.found(17, 39, .freedom, "explicit-choice")], score: 80),
    ])
    #expect(evaluation.languages.map(\.language) == [.english, .french])
    let english = evaluation.languages[0]
    #expect(english.counts(.pressure) == SpanCounts(truePositives: 1, falsePositives: 1, falseNegatives: 1))
    #expect(english.counts(.freedom) == SpanCounts())
    #expect(evaluation.languages[1].counts(.freedom) == SpanCounts(truePositives: 1))
    #expect(evaluation.overall.counts(.pressure) == english.counts(.pressure))
    #expect(evaluation.overall.documents == 2)
    #expect(evaluation.misses.map(\.span.category) == ["scarcity"])
    #expect(evaluation.falseAlarms.map(\.rules) == [["pressure.controlling.rule"]])
    #expect(evaluation.falseAlarms[0].position == FilePosition(line: 1, column: 18))
    #expect(evaluation.overall.labels == Ratio(correct: 2, total: 2))
  }

  @Test func categoriesMatchOnlyTheirOwnCategory() {
    // Same polarity, other category: a hit per polarity, a miss and a false alarm per category.
    let evaluation = Evaluation(documents: [
      Synthetic.document(
        "a.txt", label: .pushy, gold: [Synthetic.gold(0, 15, .pressure, "urgency")],
        predicted: [Synthetic.found(0, 15, .pressure, "scarcity")])
    ])
    let summary = evaluation.overall
    #expect(summary.counts(.pressure) == SpanCounts(truePositives: 1))
    #expect(summary.categories[CategoryKey(.pressure, "urgency")] == SpanCounts(falseNegatives: 1))
    #expect(summary.categories[CategoryKey(.pressure, "scarcity")] == SpanCounts(falsePositives: 1))
  }

  @Test func aFindingOfAnotherPolarityDoesNotMatch() {
    let evaluation = Evaluation(documents: [
      Synthetic.document(
        "a.txt", label: .respectful, gold: [Synthetic.gold(17, 39, .freedom, "explicit-choice")],
        predicted: [Synthetic.found(17, 39, .pressure, "false-freedom")])
    ])
    #expect(evaluation.overall.counts(.freedom) == SpanCounts(falseNegatives: 1))
    #expect(evaluation.overall.counts(.pressure) == SpanCounts(falsePositives: 1))
  }

  @Test func pairsNeedTheRespectfulVersionStrictlyHigher() {
    let evaluation = Evaluation(documents: [
      Synthetic.document("p1-r.txt", label: .respectful, pair: "p1", score: 90),
      Synthetic.document("p1-p.txt", label: .pushy, pair: "p1", score: 30),
      Synthetic.document("p2-r.txt", label: .respectful, pair: "p2", score: 70),
      Synthetic.document("p2-p.txt", label: .pushy, pair: "p2", score: 70),
      Synthetic.document("p3-r.txt", label: .respectful, pair: "p3", score: 70),
      // Same id in another language: another pair.
      Synthetic.document("fr-p1-p.txt", language: .french, label: .pushy, pair: "p1", score: 10),
    ])
    #expect(evaluation.pairs.map(\.pair) == ["p1", "p2"])
    #expect(evaluation.pairs.map(\.ordered) == [true, false], "a tie is out of order")
    #expect(evaluation.overall.pairs == Ratio(correct: 1, total: 2))
    #expect(evaluation.warnings.count == 2)
    #expect(evaluation.warnings.contains { $0.contains("en/p3") && $0.contains("no pushy") })
    #expect(evaluation.warnings.contains { $0.contains("fr/p1") && $0.contains("no respectful") })
  }

  @Test func trapFalseAlarmsArePressureOnly() {
    let evaluation = Evaluation(documents: [
      Synthetic.document(
        "trap.txt", label: .neutral, trap: true,
        predicted: [Synthetic.found(0, 15, .pressure, "urgency"), Synthetic.found(17, 39, .freedom, "explicit-choice")]),
      Synthetic.document("plain.txt", label: .neutral, predicted: [Synthetic.found(0, 15, .pressure, "urgency")]),
    ])
    #expect(evaluation.overall.trapDocuments == 1)
    #expect(evaluation.overall.trapFalseAlarms == 1)
    #expect(evaluation.falseAlarms.filter(\.trap).map(\.path) == ["trap.txt"])
    #expect(evaluation.falseAlarms.count == 3)
  }

  @Test func labelsUseThePolicyAndFillTheConfusionMatrix() {
    let evaluation = Evaluation(documents: [
      Synthetic.document("a.txt", label: .pushy, score: 40, penalty: 30),
      Synthetic.document("b.txt", label: .respectful, score: 70),
      Synthetic.document("c.txt", label: .neutral, score: 72, penalty: 0),
    ])
    #expect(evaluation.documents.map(\.predictedLabel) == [.pushy, .neutral, .neutral])
    #expect(evaluation.overall.labels == Ratio(correct: 2, total: 3))
    #expect(evaluation.overall.confusion[.respectful]?[.neutral] == 1)
    #expect(evaluation.overall.confusion[.pushy]?[.pushy] == 1)
  }

  @Test func jsonReportParsesWithItsNumbers() throws {
    let evaluation = Evaluation(documents: [
      Synthetic.document(
        "a.txt", label: .pushy, gold: [Synthetic.gold(0, 15, .pressure, "urgency")],
        predicted: [Synthetic.found(0, 15, .pressure, "urgency"), Synthetic.found(41, 52, .pressure, "scarcity")],
        score: 40, penalty: 30)
    ])
    let errors = [InputError(path: "bad.gold.json", line: 3, message: "oops")]
    let text = EvaluationJSONReporter.render(evaluation, errors: errors, unannotated: ["README.md"])
    let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(root["schemaVersion"] as? Int == 1)
    let languages = try #require(root["languages"] as? [[String: Any]])
    let pressure = try #require((languages[0]["polarities"] as? [String: Any])?["pressure"] as? [String: Any])
    #expect(pressure["truePositives"] as? Int == 1)
    #expect(pressure["falsePositives"] as? Int == 1)
    #expect(pressure["precision"] as? Double == 0.5)
    #expect(pressure["recall"] as? Double == 1)
    #expect(pressure["f1"] as? Double == 0.67, "rates have two decimals; the counts give the exact value")
    #expect((root["errors"] as? [[String: Any]])?.first?["line"] as? Int == 3)
    #expect(root["unannotated"] as? [String] == ["README.md"])
    #expect((root["falseAlarms"] as? [[String: Any]])?.first?["rule"] as? String == "pressure.scarcity.rule")
  }

  @Test func textReportShowsTablesAndLocations() {
    let evaluation = Evaluation(documents: [
      Synthetic.document(
        "a.txt", label: .pushy, gold: [Synthetic.gold(41, 52, .pressure, "scarcity")],
        predicted: [Synthetic.found(17, 39, .pressure, "controlling")], score: 40, penalty: 30)
    ])
    let text = EvaluationTextReporter.render(evaluation, errors: [], unannotated: [])
    #expect(text.contains("== en: 1 document(s) (email 1) =="))
    #expect(text.contains("a.txt:1:42: pressure.scarcity"))
    #expect(text.contains("a.txt:1:18: pressure.controlling.rule"))
    #expect(text.contains("document labels   1/1 (100.0%)"))
    #expect(EvaluationTextReporter.fixed(2.0 / 3.0) == "0.67")
    #expect(EvaluationTextReporter.fixed(0.05) == "0.05")
    #expect(EvaluationTextReporter.fixed(1) == "1.00")
    #expect(EvaluationTextReporter.fixed(nil) == "–")
  }
}
