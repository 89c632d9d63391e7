import LibreFormats
import LibreKit
import LibreLexicons
import Testing

/// The timing of calls summed per rep and over a run (issue 24), through partials, and
/// said to be unavailable when no call has times.
@Suite struct CallTimingSummaryTests {
  static let timed = """
    WEBVTT

    00:00:01.000 --> 00:00:05.000
    <v Sam>Can we book a demo next week?

    00:00:05.000 --> 00:00:09.000
    <v Alex>I am not sure. I need to think about it.

    00:00:10.000 --> 00:00:12.000
    <v Sam>Of course, take your time.

    """
  static let untimed =
    "Sam: Can we book a demo next week?\nAlex: I am not sure. I need to think about it.\nSam: Of course.\n"

  static let linter = Linter(lexicons: BuiltInLexicons.compiled())

  static func summary(_ text: String, _ format: TranscriptFormat) throws -> DocumentSummary {
    let document = try loadTranscript(text, format)
    let result = Self.linter.lint(document, options: DocumentOptions(language: .english, reps: ["Sam"]))
    return DocumentSummary(report: DocumentReport(document: document, result: result), group: "Sam")
  }

  @Test func timingIsSummedPerRepAndRoundTripsInPartials() throws {
    var aggregate = AnalysisAggregate()
    aggregate.add(try Self.summary(Self.timed, .vtt))
    aggregate.add(try Self.summary(Self.untimed, .plain))
    let calls = aggregate.calls
    #expect(calls.calls == 2 && calls.timedCalls == 1)
    #expect(calls.meanPauseAfterHesitation == 1)
    #expect(calls.timing.repWords == 12 && calls.timing.repMillis == 6000)
    #expect(aggregate.groups["Sam"]?.calls.timedCalls == 1)
    let back = try AggregateCoding.decode(Array(AggregateCoding.encode(aggregate).utf8), path: "p.json")
    #expect(back == aggregate)
    let text = AnalysisSummaryText.render(aggregate)
    #expect(text.contains("pause after hesitation 1.0s"), "\(text)")
    #expect(text.contains("120 words/min"), "\(text)")
  }

  @Test func csvRowsCarryTheTiming() throws {
    let columns = AnalysisCSVFormat.columns
    func fields(_ text: String, _ format: TranscriptFormat) throws -> [String: String] {
      let document = try loadTranscript(text, format)
      let result = Self.linter.lint(document, options: DocumentOptions(language: .english, reps: ["Sam"]))
      let report = DocumentReport(document: document, result: result)
      let row = AnalysisCSVFormat().document(report, summary: DocumentSummary(report: report, group: "Sam"))
      let values = row.dropLast(2).split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      return Dictionary(uniqueKeysWithValues: zip(columns, values))
    }
    let timed = try fields(Self.timed, .vtt)
    #expect(timed["pause_after_hesitation"] == "1.00" && timed["overlaps"] == "0")
    #expect(timed["rep_words_per_minute"] == "120")
    let untimed = try fields(Self.untimed, .plain)
    #expect(untimed["pause_after_hesitation"] == "" && untimed["rep_words_per_minute"] == "")
  }

  @Test func theHTMLReportShowsTheTiming() throws {
    var aggregate = AnalysisAggregate()
    aggregate.add(try Self.summary(Self.timed, .vtt))
    let page = HTMLSummarySection.render(aggregate)
    #expect(page.contains("timed call(s) · pause after hesitation 1.0s"), "\(page)")
  }

  @Test func untimedCallsSayTimingIsUnavailable() throws {
    var aggregate = AnalysisAggregate()
    aggregate.add(try Self.summary(Self.untimed, .plain))
    #expect(AnalysisSummaryText.render(aggregate).contains("timing unavailable (no timestamps)"))
  }
}
