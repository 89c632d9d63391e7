import LibreKit
import Testing

/// What the timing of a call says (issue 24): the pause before answering a hesitation,
/// talking over the other person, cutting in on a hesitation, the rep's speech rate; and
/// "unavailable" when the transcript has no times.
struct CallTimingTests {
  typealias Support = DocumentSupport

  static let turns = [
    ("Sam", "Thanks for joining. Can we book a demo for your team next week?"),
    ("Alex", "I'm not sure. I need to think about it."),
    ("Sam", "Of course, take your time."),
  ]

  @Test func aPauseBeforeTheAnswerIsMeasured() throws {
    let call = Support.call(Self.turns, times: [(0, 6), (6, 9), (11, 12)])
    let metrics = try #require(Support.lint(call, DocumentOptions(reps: ["Sam"])).conversation)
    let timing = try #require(metrics.timing)
    #expect(timing.pausesAfterHesitation == [2])
    #expect(timing.overlaps == 0 && timing.cutInsOnHesitation == 0)
    #expect(timing.repWords == 18)
    #expect(abs(timing.repWordsPerMinute! - 18.0 / 7 * 60) < 1e-9)
    #expect(metrics.freedomAfterHesitation == 1)
  }

  @Test func cuttingInOnAHesitationIsPressure() throws {
    // Sam starts half a second before Alex has finished hesitating.
    let call = Support.call(Self.turns, times: [(0, 6), (6, 9), (8.5, 10)])
    let result = Support.lint(call, DocumentOptions(reps: ["Sam"]))
    let metrics = try #require(result.conversation)
    #expect(metrics.timing?.overlaps == 1 && metrics.timing?.cutInsOnHesitation == 1)
    #expect(metrics.pressureAfterHesitation == 1 && metrics.freedomAfterHesitation == 0)
    let flag = try #require(result.findings.first { $0.rule.id == BuiltInRules.pressureAfterHesitationID })
    #expect(flag.detail?.contains("cuts in on Alex's hesitation") == true && flag.segment == 2)
  }

  @Test func aQuickAnswerThatGivesRoomIsNotCuttingIn() throws {
    // Speech-to-text timings: Sam's turn starts a tenth of a second before Alex's ends.
    let call = Support.call(Self.turns, times: [(0, 6), (6, 9), (8.9, 10)])
    let result = Support.lint(call, DocumentOptions(reps: ["Sam"]))
    let metrics = try #require(result.conversation)
    #expect(metrics.timing?.cutInsOnHesitation == 1)
    #expect(metrics.pressureAfterHesitation == 0 && metrics.freedomAfterHesitation == 1)
    #expect(!result.findings.contains { $0.rule.id == BuiltInRules.pressureAfterHesitationID })
  }

  @Test func withoutTimesTimingIsUnavailable() throws {
    let metrics = try #require(Support.lint(Support.call(Self.turns), DocumentOptions(reps: ["Sam"])).conversation)
    #expect(metrics.timing == nil)
  }
}
