import LibreFormats
import LibreKit
import LibreLexicons
import Testing

@Suite struct TrendsTests {
  func day(_ year: Int, _ month: Int, _ day: Int) -> Int {
    MessageDate.daysFromCivil(year: year, month: month, day: day)
  }

  @Test func isoWeeksAndMonths() {
    #expect(TrendPeriod.week.key(day: day(2026, 1, 1)) == "2026-W01")  // a Thursday
    #expect(TrendPeriod.week.key(day: day(2027, 1, 1)) == "2026-W53")  // a Friday: last week of 2026
    #expect(TrendPeriod.week.key(day: day(2024, 12, 30)) == "2025-W01")  // a Monday: first week of 2025
    #expect(TrendPeriod.week.key(day: day(1969, 12, 31)) == "1970-W01")
    #expect(TrendPeriod.month.key(day: day(2026, 3, 31)) == "2026-03")
    #expect(TrendPeriod.day(ofSeconds: -1) == -1)
  }

  static let linter = Linter(lexicons: BuiltInLexicons.compiled())

  func summary(score: Int, pressure: Int, group: String, period: String?) -> DocumentSummary {
    let document = Document(path: "a.txt", format: "text", text: Array("Hello.".utf8))
    let result = Self.linter.lint(document)
    var summary = DocumentSummary(report: DocumentReport(document: document, result: result), group: group)
    summary.score = score
    summary.polarities = ["pressure": pressure]
    summary.period = period
    return summary
  }

  @Test func trendsAddMergeAndSurviveThePartialFile() throws {
    var first = AnalysisAggregate()
    first.add(summary(score: 40, pressure: 3, group: "sam", period: "2026-01"))
    first.add(summary(score: 80, pressure: 0, group: "dana", period: "2026-01"))
    var second = AnalysisAggregate()
    second.add(summary(score: 60, pressure: 1, group: "sam", period: "2026-02"))
    second.add(summary(score: 50, pressure: 1, group: "sam", period: nil))
    let merged = first.merged(with: second)
    #expect(merged.trends.periods.keys.sorted() == ["2026-01", "2026-02"])
    #expect(merged.trends.periods["2026-01"]?.meanScore == 60)
    #expect(merged.trends.periods["2026-01"]?.pressureFindings == 3)
    #expect(merged.trends.groups["2026-01"]?["sam"]?.documents == 1)
    let decoded = try AggregateCoding.decode(Array(AggregateCoding.encode(merged).utf8), path: "p.json")
    #expect(decoded == merged)
    #expect(AnalysisSummaryText.render(merged).contains("trends"))
    #expect(TrendsReport.html(merged.trends).contains("<svg"))
    // A run without --by writes no trends anywhere.
    #expect(!AggregateCoding.encode(AnalysisAggregate()).contains("trends"))
    #expect(TrendsReport.html(AnalysisAggregate().trends).isEmpty)
  }

  @Test func sendersMergeTheirDisplayNamesAndSurviveThePartialFile() throws {
    var first = AnalysisAggregate()
    var mail = summary(score: 40, pressure: 2, group: "sam@x.com", period: nil)
    mail.sender = Sender.parse("\"Reed, Sam\" <SAM@x.com>")
    first.add(mail)
    first.add(summary(score: 90, pressure: 0, group: "call", period: nil))
    var second = AnalysisAggregate()
    mail.sender = Sender.parse("Sam R. <sam@x.com>")
    second.add(mail)
    second.add(mail)
    let merged = first.merged(with: second)
    #expect(merged.senders.senders.keys.sorted() == ["sam@x.com"])
    #expect(merged.senders.senders["sam@x.com"]?.documents == 3)
    #expect(merged.senders.name("sam@x.com") == "Sam R.")
    let decoded = try AggregateCoding.decode(Array(AggregateCoding.encode(merged).utf8), path: "p.json")
    #expect(decoded == merged)
    let html = SendersReport.html(merged.senders)
    #expect(html.contains("<h2>Emails by sender</h2>") && html.contains("Sam R. &lt;sam@x.com&gt;"))
  }
}
