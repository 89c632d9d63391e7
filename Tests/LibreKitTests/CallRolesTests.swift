import Testing

@testable import LibreKit

/// Who the rep is from what people do (issue 24): asks and offers against hesitations and
/// bids, generic labels, name variants, and the confidence printed with the choice.
struct CallRolesTests {
  typealias Support = DocumentSupport

  @Test func theOneWhoAsksIsTheRepEvenWhenTheProspectOpensAndTalksMore() throws {
    // Found by the real calls: the persuader was taken for the prospect in 201 of 1,017
    // dialogues when the request count tied and talk share decided.
    let turns = [
      ("Jo", "Hi! I saw your listing and I'm really interested in your bike. Is it still available? How old is it?"),
      ("Max", "It is, and it's in great condition."),
      ("Jo", "Would you take $200 for it? The most I can pay is 200, honestly, money is tight this month."),
      ("Max", "The lowest I can go is 250."),
    ]
    let roles = try #require(Support.lint(Support.call(turns)).roles)
    #expect(roles.reps == ["Max"], "\(roles.reason)")
    #expect(roles.reason.hasPrefix("heuristic:") && roles.confidence == .high)
  }

  @Test func frenchRolesFromBehaviourToo() throws {
    let turns = [
      ("Léa", "Bonjour, est-il toujours disponible ? Dans quel état est le vélo ?"),
      ("Marc", "Il est en très bon état, je l'ai acheté l'an dernier."),
      ("Léa", "Accepteriez-vous 200 euros ? C'est un peu trop cher pour moi."),
      ("Marc", "Le prix est ferme, désolé."),
    ]
    let roles = try #require(Support.lint(Support.call(turns)).roles)
    #expect(roles.reps == ["Marc"], "\(roles.reason)")
  }

  @Test func genericLabelsNameTheSide() throws {
    let french = [("Client", "Bonjour."), ("Conseiller", "Bonjour, je vous écoute."), ("Client", "Je vais réfléchir.")]
    let byLabel = try #require(Support.lint(Support.call(french)).roles)
    #expect(byLabel.reps == ["Conseiller"] && byLabel.confidence == .high)
    #expect(byLabel.reason.hasPrefix("label:"))
    let prospectOnly = [("Customer", "Would you take 50?"), ("Nadia", "Yes, deal.")]
    #expect(try #require(Support.lint(Support.call(prospectOnly)).roles).reps == ["Nadia"])
  }

  @Test func nameVariantsOfOnePersonMerge() throws {
    let turns = [
      ("Karim", "Would you like to donate to the charity?"),
      ("Élodie Marchand", "I'm not sure."),
      ("Karim Benali", "Of course, take your time."),
      ("Élodie", "Thanks."),
    ]
    let result = Support.lint(Support.call(turns))
    let roles = try #require(result.roles)
    #expect(roles.reps == ["Karim Benali"] && roles.prospects == ["Élodie Marchand"])
    #expect(result.speakerScores.map(\.speaker) == ["Karim Benali", "Élodie Marchand"])
    let given = try #require(Support.lint(Support.call(turns), DocumentOptions(reps: ["karim"])).roles)
    #expect(given.reps == ["Karim Benali"] && given.confidence == .given)
  }

  @Test func nothingToTellThemApartIsSaidToBeUnsure() throws {
    let turns = [("Ana", "Hello."), ("Ben", "Hello."), ("Ana", "Bye."), ("Ben", "Bye.")]
    let roles = try #require(Support.lint(Support.call(turns)).roles)
    #expect(roles.reps == ["Ana"] && roles.confidence == .low)
    #expect(roles.reason.contains("unsure"))
  }
}

/// What answers a hesitation (issue 24): minimizing, guilt, a re-ask, an ultimatum, or
/// ignoring a refusal is pressure; acknowledging it and leaving the choice is freedom.
struct AfterHesitationTests {
  typealias Support = DocumentSupport

  static func answer(_ hesitation: String, _ reply: String, opening: String = "Would you like to donate today?")
    -> LintResult
  {
    Support.lint(Support.call([("Rep", opening), ("Pat", hesitation), ("Rep", reply)]), DocumentOptions(reps: ["Rep"]))
  }

  static func flag(_ result: LintResult) -> Finding? {
    result.findings.first { $0.rule.category == "after-hesitation" }
  }

  @Test func minimizingAfterNoMoneyIsPressure() throws {
    // From the issue: 0 of 7 pressured replies were flagged.
    let result = Self.answer(
      "I don't have any money right now.", "It was disappointing to hear because it is just a little amount.")
    let flag = try #require(Self.flag(result))
    #expect(flag.rule.id == BuiltInRules.pressureAfterHesitationID)
    #expect(flag.detail?.contains("hesitation.budget.no-money") == true)
    #expect(result.conversation?.pressureAfterHesitation == 1)
  }

  @Test func frenchMinimizingIsPressureToo() throws {
    let result = Self.answer(
      "Ce n'est pas dans le budget.", "C'est juste une petite somme, même un euro compte.",
      opening: "Voudriez-vous faire un don aujourd'hui ?")
    let flag = try #require(Self.flag(result))
    #expect(flag.rule.id == BuiltInRules.pressureAfterHesitationID)
    #expect(flag.detail?.hasPrefix("répond à l'hésitation de Pat") == true)
  }

  @Test func aRefusalIgnoredIsPressure() throws {
    let ignored = Self.answer("No, thank you.", "Are you from the US?")
    let flag = try #require(Self.flag(ignored))
    #expect(flag.rule.id == BuiltInRules.pressureAfterHesitationID)
    #expect(flag.detail?.contains("without acknowledging") == true)
    let heard = Self.answer("No, thank you.", "I understand. Are you from the US?")
    #expect(Self.flag(heard) == nil)
  }

  @Test func aFrenchRefusalIgnoredIsPressureToo() throws {
    let opening = "Voudriez-vous faire un don aujourd'hui ?"
    let ignored = Self.answer("Non merci.", "Vous habitez en France ?", opening: opening)
    // The detail speaks the call's language, as every message does.
    #expect(try #require(Self.flag(ignored)).detail?.contains("sans en tenir compte") == true)
    #expect(Self.flag(Self.answer("Non merci.", "Je comprends. Vous habitez en France ?", opening: opening)) == nil)
  }

  @Test func askingAgainWithRoomIsFreedomAndWithoutItPressure() throws {
    let room = Self.answer(
      "I'm still not sure.", "No pressure at all, it's your choice. Would you like to donate later?")
    #expect(try #require(Self.flag(room)).rule.id == BuiltInRules.freedomAfterHesitationID)
    let again = Self.answer("I'm still not sure.", "Would you like to donate a dollar?")
    #expect(try #require(Self.flag(again)).rule.id == BuiltInRules.pressureAfterHesitationID)
  }

  @Test func theWholeAnswerIsReadNotItsFirstLine() throws {
    let turns = [
      ("Rep", "Would you like to donate?"), ("Pat", "Let me think about it."), ("Rep", "Sure."),
      ("Rep", "Even a penny helps."),
    ]
    let result = Support.lint(Support.call(turns), DocumentOptions(reps: ["Rep"]))
    #expect(try #require(Self.flag(result)).segment == 3)
  }

  @Test func capitalsAreNotAnAnswer() {
    let result = Self.answer("I'm not sure.", "OK THANK YOU SO MUCH FOR YOUR TIME.")
    #expect(result.conversation?.pressureAfterHesitation == 0)
  }
}

/// How a call is typed is not pressure (issue 24): capitals all through a chat make one
/// notice, and email follow-up phrases said live are questions.
struct CallTypingTests {
  typealias Support = DocumentSupport

  @Test func aCallTypedInCapitalsGetsOneNotice() throws {
    // Found by the real calls: a chat typed in capitals produced 17 shouting findings.
    let turns = [
      ("Rep", "HI GOOD MORNING"), ("Pat", "hello"), ("Rep", "YES SURE WE CAN DO THAT"), ("Pat", "ok"),
      ("Rep", "GREAT THANK YOU SO MUCH"),
    ]
    let result = Support.lint(Support.call(turns), DocumentOptions(reps: ["Rep"]))
    #expect(!result.findings.contains { $0.rule.id == CallTyping.capitalsRuleID })
    let notice = try #require(result.suppressionNotices.first)
    #expect(result.suppressionNotices.count == 1 && notice.message.contains("Rep types in capitals (3 of 3 turns)"))
    let french = [
      ("Rep", "BONJOUR MADAME"), ("Pat", "bonjour"), ("Rep", "OUI BIEN SÛR"), ("Pat", "ok"), ("Rep", "MERCI BEAUCOUP"),
    ]
    let inFrench = Support.lint(Support.call(french), DocumentOptions(language: .french, reps: ["Rep"]))
    #expect(inFrench.suppressionNotices.first?.message.contains("Rep écrit en capitales") == true)
  }

  @Test func oneShoutInACallIsStillAFinding() {
    let turns = [("Rep", "Thanks for joining."), ("Pat", "Sure."), ("Rep", "This is a FREE TRIAL, honestly.")]
    let result = Support.lint(Support.call(turns), DocumentOptions(reps: ["Rep"]))
    #expect(result.suppressionNotices.isEmpty)
    #expect(result.findings.contains { $0.rule.id == CallTyping.capitalsRuleID })
  }

  @Test func aFollowUpQuestionInALiveCallIsNotNagging() {
    let turns = [("Rep", "Did you get a chance to look at the quote?"), ("Pat", "Not yet.")]
    let call = Support.lint(Support.call(turns), DocumentOptions(reps: ["Rep"]))
    #expect(!call.findings.contains { $0.rule.category == "nagging" })
    let email = Support.lint("Hi Pat,\n\nDid you get a chance to look at the quote?\n\nSam")
    #expect(email.findings.contains { $0.rule.category == "nagging" })
  }
}
