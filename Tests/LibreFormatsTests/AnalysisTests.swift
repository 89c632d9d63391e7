import LibreFormats
import LibreKit
import Testing

@Suite struct GlobTests {
  @Test func starsAndQuestionMarks() {
    #expect(Glob("*.vtt").matches("call.vtt"))
    #expect(!Glob("*.vtt").matches("calls/call.vtt"))
    #expect(Glob("**/*.vtt").matches("calls/2024/call.vtt"))
    #expect(Glob("**/*.vtt").matches("call.vtt"))
    #expect(Glob("calls/**").matches("calls/a/b.txt"))
    #expect(Glob("call-?.srt").matches("call-1.srt"))
    #expect(!Glob("call-?.srt").matches("call-10.srt"))
    #expect(!Glob("a?b").matches("a/b"))
    #expect(Glob("fr/*/p2*.json").matches("fr/calls/p24.json"))
  }

  @Test func filterTriesRelativePathAndName() {
    let filter = PathFilter(includes: [Glob("*.vtt"), Glob("en/**")], excludes: [Glob("*pushy*"), Glob("archive")])
    #expect(filter.takesFile("fr/calls/a.vtt"))
    #expect(filter.takesFile("en/mail.txt"))
    #expect(!filter.takesFile("fr/mail.txt"))
    #expect(!filter.takesFile("en/cold-pushy.txt"))
    #expect(!filter.entersFolder("old/archive"))
    #expect(filter.entersFolder("en"))
  }
}

@Suite struct AnalysisCSVTests {
  @Test func quotesOnlyWhatRFC4180Requires() {
    #expect(AnalysisCSVFormat.field("plain") == "plain")
    #expect(AnalysisCSVFormat.field("a,b") == "\"a,b\"")
    #expect(AnalysisCSVFormat.field("say \"no\"") == "\"say \"\"no\"\"\"")
    #expect(AnalysisCSVFormat.field("two\nlines") == "\"two\nlines\"")
    #expect(AnalysisCSVFormat.field("cr\r") == "\"cr\r\"")
    #expect(AnalysisCSVFormat.row(["a", "b,c", ""]) == "a,\"b,c\",\r\n")
  }
}

@Suite struct AnalysisAggregateTests {
  static let texts = [
    "You must sign today. Reply by Friday.",
    "You are free to decline.",
    "Hello there, the report is attached.",
    "You must sign the form today, by Friday. You must.",
  ]

  static func summaries() -> [DocumentSummary] {
    texts.enumerated().map { index, text in
      DocumentSummary(
        report: Fixtures.report(Array(text.utf8), path: "d\(index).txt"), group: index % 2 == 0 ? "A" : "B")
    }
  }

  static func aggregate(_ summaries: some Sequence<DocumentSummary>, errors: Int = 0) -> AnalysisAggregate {
    var aggregate = AnalysisAggregate()
    for summary in summaries { aggregate.add(summary) }
    for _ in 0..<errors { aggregate.addError() }
    return aggregate
  }

  @Test func mergeIsAssociativeCommutativeAndEqualToOneRun() {
    let summaries = AnalysisAggregateTests.summaries()
    let a = AnalysisAggregateTests.aggregate(summaries[0..<1], errors: 1)
    let b = AnalysisAggregateTests.aggregate(summaries[1..<3])
    let c = AnalysisAggregateTests.aggregate(summaries[3...], errors: 2)
    let whole = AnalysisAggregateTests.aggregate(summaries, errors: 3)
    #expect(a.merged(with: b).merged(with: c) == a.merged(with: b.merged(with: c)))
    #expect(c.merged(with: a).merged(with: b) == whole)
    #expect(whole.inputs == 7)
    #expect(whole.merged(with: AnalysisAggregate()) == whole)
    #expect(whole.rules["pressure.controlling.must", default: 0] >= 2)
    #expect(whole.groups["A"]?.documents == 2)
  }

  @Test func partialRoundTripsExactly() throws {
    let whole = AnalysisAggregateTests.aggregate(AnalysisAggregateTests.summaries(), errors: 1)
    let text = AggregateCoding.encode(whole)
    let back = try AggregateCoding.decode(Array(text.utf8), path: "p.json")
    #expect(back == whole)
    #expect(AggregateCoding.encode(back) == text)
    #expect(throws: InputError.self) { try AggregateCoding.decode(Array("{\"type\": \"x\"}".utf8), path: "p.json") }
  }

  @Test func medianAndHistogramFromExactCounts() {
    var counts = [Int](repeating: 0, count: 101)
    counts[10] = 1
    counts[70] = 2
    counts[100] = 1
    #expect(ScoreStatistics.median(counts) == 70)
    #expect(ScoreStatistics.mean(counts) == 62.5)
    counts[0] = 1
    counts[100] = 0
    #expect(ScoreStatistics.median(counts) == 40)
    #expect(ScoreStatistics.histogram(counts) == [1, 1, 0, 0, 0, 0, 0, 2, 0, 0])
  }

  @Test func jsonlLineWithTextSegmentsOrError() throws {
    let text = try JSONLInput.parse(
      Array(#"{"id": "m1", "text": "You must sign.", "team": "north", "rep": "Alex"}"#.utf8), lineNumber: 1,
      options: LoadOptions())
    #expect(text.document.path == "m1")
    #expect(text.fields["team"] == "north")
    #expect(text.reps == ["Alex"])
    let call = try JSONLInput.parse(
      Array(#"{"id": 7, "segments": [{"speaker": "Sam", "text": "Hi"}, {"speaker": "Alex", "text": "Hello"}]}"#.utf8),
      lineNumber: 2, options: LoadOptions())
    #expect(call.document.path == "7")
    #expect(call.document.isConversation)
    #expect(throws: InputError(path: "<stdin>", line: 3, message: "expected a \"text\" string or a \"segments\" array"))
    {
      try JSONLInput.parse(Array(#"{"id": "x"}"#.utf8), lineNumber: 3, options: LoadOptions())
    }
  }
}
