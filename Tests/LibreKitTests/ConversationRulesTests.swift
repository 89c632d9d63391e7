import LibreKit
import Testing

/// Roles, pressure and freedom after hesitation, and the call metrics.
struct ConversationRulesTests {
  typealias Support = DocumentSupport

  static let pushy: [(String, String)] = [
    ("Sam", "Thanks for joining. Can we book a demo for your team next week?"),
    ("Alex", "I'm not sure. I need to think about it."),
    ("Sam", "The price goes up on Friday, so you have to decide today."),
    ("Alex", "I need to decide today, then."),
  ]

  static let gentle: [(String, String)] = [
    ("Léa", "Merci d'être là. Pourrions-nous prévoir une démo la semaine prochaine ?"),
    ("Marc", "Je vais réfléchir."),
    ("Léa", "Bien sûr, prenez votre temps. C'est vous qui décidez."),
  ]

  @Test func pressureRightAfterAHesitationIsAnError() throws {
    let document = Support.call(Self.pushy)
    let result = Support.lint(document, DocumentOptions(reps: ["Sam"]))
    let flag = try #require(result.findings.first { $0.rule.id == BuiltInRules.pressureAfterHesitationID })
    #expect(flag.rule.severity == .error && flag.contribution < 0)
    #expect(flag.segment == 2, "in the rep's next turn")
    #expect(flag.detail?.contains("Alex") == true)
    let call = try #require(result.conversation)
    #expect(call.hesitations == 1 && call.pressureAfterHesitation == 1)
    #expect(call.pressureAfterHesitationRate == 1)
  }

  @Test func freedomAfterAHesitationEarnsCredit() throws {
    let result = Support.lint(Support.call(Self.gentle), DocumentOptions(reps: ["Léa"]))
    let flag = try #require(result.findings.first { $0.rule.id == BuiltInRules.freedomAfterHesitationID })
    #expect(flag.contribution > 0)
    #expect(flag.rule.language == .french)
    let call = try #require(result.conversation)
    #expect(call.freedomAfterHesitation == 1 && call.pressureAfterHesitationRate == 0)
    #expect(!result.findings.contains { $0.rule.id == BuiltInRules.pressureAfterHesitationID })
  }

  @Test func theProspectsWordsAreNeverPressure() {
    let result = Support.lint(Support.call(Self.pushy), DocumentOptions(reps: ["Sam"]))
    // "I need to decide today" is Alex's (segment 3): no pressure finding may come from there.
    #expect(!result.findings.contains { $0.segment == 3 && $0.rule.polarity == .pressure })
    #expect(result.findings.contains { $0.segment == 1 && $0.rule.polarity == .hesitation })
    #expect(!result.findings.contains { $0.segment == 2 && $0.rule.polarity == .hesitation })
  }

  @Test func roleAllLintsEveryone() {
    let alike = Support.lint(Support.call(Self.pushy), DocumentOptions(reps: ["Sam"], everyone: true))
    #expect(alike.roles?.everyone == true)
    let byRole = Support.lint(Support.call(Self.pushy), DocumentOptions(reps: ["Sam"]))
    #expect(alike.findings.count >= byRole.findings.count)
  }

  @Test func theHeuristicPicksTheSpeakerWhoAsks() throws {
    // Alex speaks first, but Sam asks for the meeting and presses.
    let turns = [("Alex", "Hello?")] + Self.pushy
    let result = Support.lint(Support.call(turns))
    let roles = try #require(result.roles)
    #expect(roles.reps == ["Sam"])
    #expect(roles.prospects == ["Alex"])
    #expect(roles.reason.hasPrefix("heuristic:"))
    #expect(result.segmentRoles == [.prospect, .rep, .prospect, .rep, .prospect])
  }

  @Test func givenRepsWinAndUnknownNamesFallBack() throws {
    let given = try #require(Support.lint(Support.call(Self.pushy), DocumentOptions(reps: ["alex"])).roles)
    #expect(given.reps == ["Alex"] && given.reason.hasPrefix("given"))
    let unknown = try #require(Support.lint(Support.call(Self.pushy), DocumentOptions(reps: ["Zoe"])).roles)
    #expect(unknown.reps == ["Sam"] && unknown.reason.contains("Zoe"))
  }

  @Test func talkRatioUsesTimeWhenThereIsTime() throws {
    let timed = Support.call(Self.pushy, times: [(0, 30), (30, 40), (40, 100), (100, 110)])
    let call = try #require(Support.lint(timed, DocumentOptions(reps: ["Sam"])).conversation)
    #expect(call.unit == .seconds)
    #expect(abs(call.repTalkRatio! - 90.0 / 110.0) < 1e-9)
    #expect(call.repTalksTooMuch)
    #expect(call.repLongestMonologue == 60 && call.prospectLongestStretch == 10)
    let untimed = try #require(Support.lint(Support.call(Self.pushy), DocumentOptions(reps: ["Sam"])).conversation)
    #expect(untimed.unit == .words)
    #expect(untimed.repLongestMonologue == 13, "the longest rep turn, in words")
  }

  @Test func repQuestionsAreCountedOpenAndClosed() throws {
    let turns = [
      ("Sam", "How do you handle renewals today? Do you use a CRM?"),
      ("Alex", "Why do you ask?"),
    ]
    let call = try #require(Support.lint(Support.call(turns), DocumentOptions(reps: ["Sam"])).conversation)
    #expect(call.repQuestions == 2)
    #expect(call.repOpenQuestions == 1 && call.repClosedQuestions == 1)
  }

  @Test func eachSpeakerHasAScore() throws {
    let result = Support.lint(Support.call(Self.pushy), DocumentOptions(reps: ["Sam"]))
    let sam = try #require(result.speakerScores.first { $0.speaker == "Sam" })
    let alex = try #require(result.speakerScores.first { $0.speaker == "Alex" })
    #expect(sam.role == .rep && alex.role == .prospect)
    #expect(sam.score.score < alex.score.score || alex.findings > 0)
    #expect(sam.words == 25)
  }
}

extension ConversationRulesTests {
  @Test func aBuyersOwnDeadlineDoesNotMakeThemTheRep() throws {
    // Found by the corpus (p24): the buyer's "our cutoff is the end of the quarter" made the
    // heuristic pick the buyer when pressure phrases counted as seller evidence.
    let turns = [
      ("Tasha", "Thanks for making time today. I'd love to hear how your team plans shipments and what works."),
      ("Priya", "Our cutoff is the end of the quarter, so the offer ends Friday for us."),
      ("Tasha", "That makes sense. Take your time; whatever you decide is fine, and I'm happy to answer questions."),
    ]
    let roles = try #require(DocumentSupport.lint(DocumentSupport.call(turns)).roles)
    #expect(roles.reps == ["Tasha"], "\(roles.reason)")
  }
}
