import Testing

@testable import LibreKit

/// A document can hold millions of findings: a finding stays small, its rarely set notes
/// behave as values, the report sort is a stable sort whatever the order it is given, and a
/// text read in windows gives the findings it gives whole.
struct FindingStorageTests {
  static let rules = ["pressure.urgency.a", "pressure.urgency.b", "freedom.choice.c"].map { id in
    Rule(
      id: id, language: .english, polarity: id.hasPrefix("freedom") ? .freedom : .pressure, category: "urgency",
      severity: .warning, weight: 1, message: "m", suggestion: "s", source: "t", patterns: ["x"])
  }

  @Test func aFindingTakesFortyEightBytes() {
    #expect(MemoryLayout<Finding>.stride == 48)
  }

  @Test func notesAreValuesAndOnlyTheSetOnesAreKept() {
    var first = Finding(rule: Self.rules[0], start: 1, end: 2, sentence: 3, negatedFrom: "pressure.x")
    var second = first
    second.scoringNote = "false freedom"
    first.detail = "3 pressure tactics"
    #expect(first.negatedFrom == "pressure.x" && first.scoringNote == nil && first.detail == "3 pressure tactics")
    #expect(second.negatedFrom == "pressure.x" && second.scoringNote == "false freedom" && second.detail == nil)
    second.negatedFrom = nil
    second.scoringNote = nil
    #expect(second.negatedFrom == nil && second.scoringNote == nil && second.detail == nil)
    second.segment = 70_000
    second.sentence = 2_000_000
    #expect(second.segment == 70_000 && second.sentence == 2_000_000)
  }

  /// Sorted by start, then end, then rule id; a tie keeps the order given (stable). Lists in
  /// order, with a short unsorted tail (the merge) and shuffled (the full sort).
  @Test(arguments: [0, 1, 3, 40, 200])
  func theReportSortIsAStableSort(unsortedTail: Int) {
    var generator = SplitMix(seed: UInt64(unsortedTail + 1))
    func random(_ bound: Int) -> Int { Int(generator.next() % UInt64(bound)) }
    var findings: [Finding] = (0..<200).map { index in
      var finding = Finding(
        rule: Self.rules[random(3)], start: random(30), end: 30 + random(4), sentence: index)
      finding.segment = index  // the original place, to check stability
      return finding
    }
    let inOrder = 200 - unsortedTail
    findings[..<inOrder].sort(by: Finding.inReportOrder)
    if unsortedTail == 200 { findings.shuffle(using: &generator) }
    var expected = findings
    // A stable sort, written out: insertion of each finding after the equal ones before it.
    for index in expected.indices.dropFirst() {
      let finding = expected[index]
      var place = index
      while place > 0 && Finding.inReportOrder(finding, expected[place - 1]) {
        expected[place] = expected[place - 1]
        place -= 1
      }
      expected[place] = finding
    }
    Finding.sortForReport(&findings)
    #expect(findings.map(\.segment) == expected.map(\.segment))
  }

  /// A text over a window long: the windows' findings, reserved from the first window's
  /// density, are those of the same paragraph linted alone, once per paragraph; the document
  /// rules' own (stacked pressure) stay one per message.
  @Test func aTextReadInWindowsKeepsEveryFinding() {
    let linter = DocumentSupport.linter
    let paragraph = "Act now, only 2 spots left, you must sign today!\n\n"
    func split(_ findings: [Finding]) -> (phrases: Int, derived: Int) {
      let derived = findings.filter { $0.rule.traits.contains(.derived) }.count
      return (findings.count - derived, derived)
    }
    let single = split(linter.lint(Array(paragraph.utf8), language: .english).findings)
    let repeats = Linter.windowSize / paragraph.utf8.count * 3 / 2
    let text = Array(String(repeating: paragraph, count: repeats).utf8)
    let result = linter.lint(text, language: .english)
    #expect(single.phrases > 0 && single.derived == 1)
    #expect(split(result.findings) == (single.phrases * repeats, single.derived))
    #expect(zip(result.findings, result.findings.dropFirst()).allSatisfy { !Finding.inReportOrder($1, $0) })
  }
}

/// Shuffles with the seeded generator of the glob tests: the same lists on every run.
extension SplitMix: RandomNumberGenerator {}
