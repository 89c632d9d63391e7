import Testing

@testable import LibreKit

@Suite struct MatcherTests {
  @Test func literalsMatchWhateverTheCaseAccentsAndApostrophes() throws {
    let linter = try TestLexicons.linter(english: [
      TestLexicons.rule("freedom.choice.free", ["you are free to (say no | decline)"])
    ])
    #expect(linter.hits("Honestly, YOU’RE FREE to decline.") == ["freedom.choice.free=YOU’RE FREE to decline"])
    #expect(linter.hits("You are free to say no") == ["freedom.choice.free=You are free to say no"])
    #expect(linter.hits("You are free to leave") == [])
  }

  @Test func optionalGapsPrefixesClassesAndKinds() throws {
    let linter = try TestLexicons.linter(english: [
      TestLexicons.rule("pressure.urgency.deadline", ["reply [back] *{0,2} @day"]),
      TestLexicons.rule("pressure.scarcity.few", ["only <num> (spot* | seat*) left"]),
      TestLexicons.rule("freedom.choice.oblig", ["no oblig*"]),
      TestLexicons.rule("pressure.shout.caps", ["<caps> <caps> <shout>"]),
    ])
    #expect(linter.hits("Please reply today.") == ["pressure.urgency.deadline=reply today"])
    #expect(
      linter.hits("Please reply back to me by Friday.") == ["pressure.urgency.deadline=reply back to me by Friday"])
    #expect(linter.hits("Please reply to my note by the way today.") == [])
    #expect(linter.hits("Only 3 spots left!") == ["pressure.scarcity.few=Only 3 spots left"])
    #expect(linter.hits("only 2 seating left") == ["pressure.scarcity.few=only 2 seating left"])
    #expect(linter.hits("No obligations at all") == ["freedom.choice.oblig=No obligations"])
    #expect(linter.hits("ACT NOW!!!") == ["pressure.shout.caps=ACT NOW!!!"])
    #expect(linter.hits("ACT NOW!") == [])
  }

  /// A noun-phrase slot reads words, numbers, prices, placeholders and emoji, up to its
  /// bound, and stops at punctuation and at sentence ends; the automaton runs it without
  /// backtracking, so a long slot next to many patterns costs nothing per token.
  @Test func nounPhraseSlotsReadObjectsButNotPunctuation() throws {
    let linter = try TestLexicons.linter(english: [
      TestLexicons.rule("pressure.urgency.claim", ["(claim | order) <np> (now | today)"]),
      TestLexicons.rule("pressure.urgency.wide", ["grab <np{0,6}> now"]),
    ])
    #expect(linter.hits("Order Your Trial Today!") == ["pressure.urgency.claim=Order Your Trial Today"])
    #expect(linter.hits("Claim €50 now.") == ["pressure.urgency.claim=Claim €50 now"])
    #expect(linter.hits("Claim 50% off now.") == ["pressure.urgency.claim=Claim 50% off now"])
    #expect(linter.hits("Claim {{offer}} now") == ["pressure.urgency.claim=Claim {{offer}} now"])
    #expect(linter.hits("Claim 🎁 today") == ["pressure.urgency.claim=Claim 🎁 today"])
    #expect(linter.hits("Order the five new blue things today.") == [])
    #expect(linter.hits("Order it, now.") == [])
    #expect(linter.hits("Order it; today we rest.") == [])
    #expect(linter.hits("Claim it. Now go.") == [])
    #expect(linter.hits("Claim it?\n\nNow go.") == [])
    #expect(linter.hits("Claim now") == [])
    #expect(linter.hits("Grab now!") == ["pressure.urgency.wide=Grab now"])
    #expect(linter.hits("Grab your $1,500 in BNB now!") == ["pressure.urgency.wide=Grab your $1,500 in BNB now"])
  }

  @Test func numberSlotsTakePlaceholdersOfEverySyntax() throws {
    let linter = try TestLexicons.linter(english: [
      TestLexicons.rule("pressure.scarcity.few", ["only <num> seats left"])
    ])
    for figure in ["3", "{{seats}}", "{seats}", "[X]", "%SEATS%", "[[seats]]", "*|SEATS|*", "{% seats %}"] {
      #expect(linter.hits("Only \(figure) seats left") == ["pressure.scarcity.few=Only \(figure) seats left"])
    }
    #expect(linter.hits("Only many seats left") == [])
  }

  @Test func overlappingMatchesOfOneRuleKeepTheLongest() throws {
    let linter = try TestLexicons.linter(english: [
      TestLexicons.rule("pressure.urgency.now", ["act now", "act now [or never]", "now or never"])
    ])
    #expect(linter.hits("Act now or never.") == ["pressure.urgency.now=Act now or never"])
  }

  @Test func overlappingMatchesOfDifferentRulesAreAllReported() throws {
    let linter = try TestLexicons.linter(english: [
      TestLexicons.rule("pressure.urgency.now", ["act now"]),
      TestLexicons.rule("pressure.urgency.never", ["now or never"]),
    ])
    #expect(
      linter.hits("Act now or never.") == ["pressure.urgency.now=Act now", "pressure.urgency.never=now or never"])
  }

  @Test func matchesNeverCrossSentences() throws {
    let linter = try TestLexicons.linter(english: [TestLexicons.rule("pressure.urgency.now", ["act now"])])
    #expect(linter.hits("Please act. Now we talk.") == [])
    #expect(linter.hits("Act now. Act now!") == ["pressure.urgency.now=Act now", "pressure.urgency.now=Act now"])
  }

  @Test func manyPatternsCompileIntoOneAutomatonAndAllFire() throws {
    let words = (0..<400).map { "w\($0)x" }
    let rules = (0..<40).map { ruleIndex in
      TestLexicons.rule(
        "pressure.bulk.r\(ruleIndex)", (0..<10).map { "\(words[ruleIndex * 10 + $0]) (alpha | beta) [gamma]" })
    }
    let linter = try TestLexicons.linter(english: rules)
    let text = (0..<400).map { "\(words[$0]) beta gamma." }.joined(separator: " ")
    let findings = linter.lint(Array(text.utf8), language: .english).findings
    #expect(findings.count == 400)
    #expect(Set(findings.map(\.rule.id)).count == 40)
    #expect(linter.lexicons.patternCount(.english) == 400)
  }

  @Test func unlessExceptionsDropOverlappingMatches() throws {
    let linter = try TestLexicons.linter(english: [
      TestLexicons.rule("pressure.controlling.must", ["@you must"], unless: ["@you must have (been | had)"])
    ])
    #expect(linter.hits("You must sign today.") == ["pressure.controlling.must=You must"])
    #expect(linter.hits("You must have had a busy week.") == [])
  }

  /// An exception's start is found only when a match of its rule ends near it: one that
  /// ends after the match but starts past it (over a gap) leaves the match alone; one that
  /// starts inside it, or ends before it but overlaps it, drops it.
  @Test func exceptionsFoundLateStillStartWhereTheyDo() throws {
    let linter = try TestLexicons.linter(english: [
      TestLexicons.rule(
        "pressure.urgency.deadline", ["sign today"], unless: ["today *{0,3} (joke | kidding)", "please sign"])
    ])
    #expect(linter.hits("Sign today. Today, I was kidding.") == ["pressure.urgency.deadline=Sign today"])
    #expect(linter.hits("Sign today and tomorrow, a joke.") == ["pressure.urgency.deadline=Sign today"])
    #expect(linter.hits("Sign today, just kidding.") == [])
    #expect(linter.hits("Please sign today.") == [])
    #expect(linter.hits("Sign today or sign today, joke.") == ["pressure.urgency.deadline=Sign today"])
  }

  @Test func subjectCheckKeepsTheAddresseeOnly() throws {
    let linter = try TestLexicons.linter(english: [
      TestLexicons.rule("pressure.controlling.must", ["must (sign | decide)"], subject: true)
    ])
    #expect(linter.hits("You must sign today.") == ["pressure.controlling.must=must sign"])
    #expect(linter.hits("I must sign the form.") == [])
    #expect(linter.hits("They must decide.") == [])
    #expect(linter.hits("Must sign today.") == ["pressure.controlling.must=Must sign"])
  }

  @Test func linearTimeOnAdversarialText() throws {
    // Every token keeps every gap state alive: the automaton still takes one step per token.
    let linter = try TestLexicons.linter(english: [TestLexicons.rule("pressure.g.g", ["a *{0,8} a *{0,8} b"])])
    let text = String(repeating: "a ", count: 20_000)
    #expect(linter.lint(Array(text.utf8), language: .english).findings.isEmpty)
  }
}

@Suite struct NegationTests {
  static let english = [
    TestLexicons.rule(
      "pressure.controlling.have-to", ["@you (have | need) to"], whenNegated: "freedom.no-obligation.no-need"),
    TestLexicons.rule("freedom.no-obligation.no-need", ["no need to"]),
    TestLexicons.rule("pressure.scarcity.limited", ["limited time offer"]),
    TestLexicons.rule("pressure.urgency.rush", ["rush you"]),
    TestLexicons.rule("pressure.controlling.must", ["@you must"], whenNegated: "keep"),
    TestLexicons.rule("pressure.fomo.miss", ["do not miss out"]),
  ]
  static let french = [
    TestLexicons.rule(
      "pressure.controlling.have-to", ["vous (devez | êtes obligé de)"], whenNegated: "freedom.no-obligation.no-need"),
    TestLexicons.rule("freedom.no-obligation.no-need", ["rien ne vous oblige"]),
    TestLexicons.rule(
      "pressure.scarcity.limited", ["offre limitée", "reste plus que <num> places", "reste que <num> places"]),
    TestLexicons.rule("pressure.urgency.rush", ["vous presser"]),
  ]

  @Test func englishNegationFlipsDropsOrKeeps() throws {
    let linter = try TestLexicons.linter(english: NegationTests.english)
    #expect(linter.hits("You have to decide today.") == ["pressure.controlling.have-to=You have to"])
    #expect(linter.hits("You don't have to decide today.") == ["freedom.no-obligation.no-need=You don't have to"])
    #expect(linter.hits("You do not need to reply.") == ["freedom.no-obligation.no-need=You do not need to"])
    #expect(linter.hits("This isn't a limited time offer.") == [])
    #expect(linter.hits("This is never a limited time offer.") == [])
    #expect(linter.hits("I don't want to rush you.") == [])
    #expect(linter.hits("You must not wait.") == ["pressure.controlling.must=You must"])
    #expect(linter.hits("Don't miss out!") == ["pressure.fomo.miss=Don't miss out"])
  }

  @Test func negationStopsAtClauseAndScopeBreakers() throws {
    let linter = try TestLexicons.linter(english: NegationTests.english)
    #expect(
      linter.hits("Not now, but this is a limited time offer.") == ["pressure.scarcity.limited=limited time offer"])
    #expect(linter.hits("No worries; you have to sign.") == ["pressure.controlling.have-to=you have to"])
  }

  @Test func frenchNegation() throws {
    let linter = try TestLexicons.linter(french: NegationTests.french)
    #expect(linter.hits("Vous devez signer.", .french) == ["pressure.controlling.have-to=Vous devez"])
    #expect(linter.hits("Vous ne devez rien signer.", .french) == ["freedom.no-obligation.no-need=Vous ne devez"])
    #expect(
      linter.hits("Vous n'êtes pas obligé de répondre.", .french) == [
        "freedom.no-obligation.no-need=Vous n'êtes pas obligé de"
      ])
    #expect(
      linter.hits("Vous êtes jamais obligé de répondre.", .french) == [
        "freedom.no-obligation.no-need=Vous êtes jamais obligé de"
      ])
    #expect(linter.hits("Ce n'est pas une offre limitée.", .french) == [])
    #expect(linter.hits("C'est pas une offre limitée.", .french) == [])
    #expect(linter.hits("C'est une offre sans offre limitée.", .french) == [])
    #expect(linter.hits("Je ne veux pas vous presser.", .french) == [])
    #expect(
      linter.hits("Il ne reste plus que 2 places.", .french) == ["pressure.scarcity.limited=reste plus que 2 places"])
    #expect(linter.hits("Il ne reste que 2 places.", .french) == ["pressure.scarcity.limited=reste que 2 places"])
    #expect(
      linter.hits("Rien ne vous oblige à signer.", .french) == ["freedom.no-obligation.no-need=Rien ne vous oblige"])
  }
}

@Suite struct LazyDFATests {
  /// One workspace used by two linters keeps one cache per automaton: neither sees the
  /// other's states.
  @Test func aWorkspaceSharedByTwoLintersKeepsTheirCachesApart() throws {
    let shipped = ShippedLexicons.linter
    let small = try TestLexicons.linter(english: [TestLexicons.rule("pressure.urgency.now", ["act now"])])
    let text = Array("Act now, you must sign today. No pressure, you're free to say no.".utf8)
    var shared = LintWorkspace()
    for _ in 0..<3 {
      for linter in [shipped, small] {
        let together = text.withUnsafeBufferPointer { linter.lint($0, language: .english, workspace: &shared) }
        let alone = linter.lint(text, language: .english)
        #expect(together.findings.map(\.rule.id) == alone.findings.map(\.rule.id))
      }
    }
  }

  /// A cache that must start over every few states finds exactly the same matches as one
  /// that never does: the reset loses time, never matches.
  /// A state before a long alternative holds a transition per word: they are kept sorted
  /// by id, ahead of the other tests, and each word is found by the binary search.
  @Test func everyWordOfALongAlternativeIsFound() throws {
    // The second rule lists the words in neither the order the first gave them their ids
    // in nor their alphabetical order: its transitions come from the builder out of order.
    let words = (0..<40).map { "zork\($0)" }
    let linter = try TestLexicons.linter(english: [
      TestLexicons.rule("pressure.urgency.later", ["(\(words.reversed().joined(separator: " | "))) later"]),
      TestLexicons.rule("pressure.urgency.long", ["act (\(words.joined(separator: " | ")) | <num>) now"]),
    ])
    for word in words {
      #expect(linter.hits("Please act \(word) now.") == ["pressure.urgency.long=act \(word) now"])
    }
    #expect(linter.hits("Please act 3 now.") == ["pressure.urgency.long=act 3 now"])
    #expect(linter.hits("Please act zork now.") == [])
    let automaton = try #require(linter.lexicons.languages[.english]).automaton
    var longest = 0
    for state in 0..<automaton.stateCount {
      let words = Int(automaton.transitionStart[state])..<Int(automaton.otherStart[state])
      let others = Int(automaton.otherStart[state])..<Int(automaton.transitionStart[state + 1])
      #expect(words.allSatisfy { automaton.tests[$0] >> 28 == TokenTest.wordTag })
      #expect(others.allSatisfy { automaton.tests[$0] >> 28 != TokenTest.wordTag })
      #expect(zip(words, words.dropFirst()).allSatisfy { automaton.tests[$0] <= automaton.tests[$1] })
      longest = max(longest, words.count)
    }
    #expect(longest >= 40)
  }

  @Test func resettingTheStateCacheChangesNoMatch() {
    let linter = ShippedLexicons.linter
    let texts = LexiconExample.plainTextsAndMixes
    var small = LintWorkspace(dfaStateLimit: 3)
    var large = LintWorkspace()
    for text in texts {
      let bytes = Array(text.utf8)
      let left = bytes.withUnsafeBufferPointer { linter.lint($0, language: nil, workspace: &small) }
      let right = bytes.withUnsafeBufferPointer { linter.lint($0, language: nil, workspace: &large) }
      #expect(left.findings.map(\.rule.id) == right.findings.map(\.rule.id), "\(text)")
      #expect(left.findings.map(\.start) == right.findings.map(\.start), "\(text)")
    }
  }
}

/// The lazy DFA (with its shortcuts: the empty-state table, the per-state word filter, the
/// cache) against a plain simulation of the same automaton, token by token.
@Suite struct DFADifferentialTests {
  struct Event: Hashable {
    var entry: Int32
    var last: Int32
    var negated: Bool
  }

  static func reference(_ automaton: PatternAutomaton, _ tokens: [Token]) -> Set<Event> {
    var events: Set<Event> = []
    var threads: [UInt32] = []
    for (position, token) in tokens.enumerated() {
      if token.flags.contains(.sentenceStart) { threads = [] }
      var next: [UInt32] = []
      var accepts: [UInt32] = []
      // Every transition tested one by one, not the binary search `step` does on word tests.
      let carries = !token.flags.isDisjoint(with: [.negator, .negationParticle])
      for thread in threads {
        let state = Int(thread >> 1)
        for transition in Int(automaton.transitionStart[state])..<Int(automaton.transitionStart[state + 1])
        where automaton.passes(automaton.tests[transition], token) {
          let target = automaton.targets[transition]
          next.append(UInt32(target) << 1 | thread & 1)
          let entry = automaton.accept[Int(target)]
          if entry >= 0 { accepts.append(UInt32(entry) << 1 | thread & 1) }
        }
        if carries { next.append(UInt32(state) << 1 | (token.flags.contains(.negator) ? 1 : thread & 1)) }
      }
      automaton.step([], over: token, starting: true, into: &next, accepts: &accepts)
      threads = Array(Set(next)).sorted()
      for accepted in accepts {
        events.insert(Event(entry: Int32(accepted >> 1), last: Int32(position), negated: accepted & 1 == 1))
      }
    }
    return events
  }

  @Test func dfaFindsExactlyWhatTheSimulationFinds() throws {
    let linter = ShippedLexicons.linter
    let texts =
      LexiconExample.all.map(\.plain.text) + [
        "You don't have to decide today, but you must reply by Friday!!! ACT NOW 🔥",
        "Vous n'êtes pas obligé, mais il ne reste plus que 2 places : dépêchez-vous !",
      ]
    var checked = 0
    // A limit of 7 starts the cache over every few tokens: the dense per-state tables and
    // the table of recent transitions must forget the renumbered states.
    for language in [Language.english, .french] {
      for stateLimit in [500, 7] {
        let tables = try #require(linter.lexicons.languages[language])
        // One scratch for all texts, so later texts run on states cached by earlier ones.
        let scratch = MatcherScratch(dfaStateLimit: stateLimit)
        for text in texts {
          var tokens = linter.tokens(Array(text.utf8))
          tokens.withUnsafeMutableBufferPointer { linter.markContext($0, tables: tables) }
          var matches: [RawMatch] = []
          tokens.withUnsafeBufferPointer {
            tables.automaton.match($0, into: &matches, scratch: scratch)
          }
          let found = Set(matches.map { Event(entry: $0.entry, last: $0.last, negated: $0.negatedInside) })
          #expect(found == DFADifferentialTests.reference(tables.automaton, tokens), "\(language): \(text)")
          checked += 1
        }
      }
    }
    #expect(checked > 200)
  }

  /// Words of the lexicon examples in a random order, in long sentences: thousands of
  /// states, past the first growth of the cache's per-state lines, all still agreeing; and
  /// with a limit of 1,030 states (the lines grow at 1,024), the grown lines reused after
  /// the cache starts over.
  @Test(arguments: [20_000, 1_030])
  func manyStatesStillAgreeWithTheSimulation(stateLimit: Int) throws {
    let linter = ShippedLexicons.linter
    var seed: UInt64 = 7
    for language in [Language.english, .french] {
      let words = LexiconExample.all.filter { $0.language == language }
        .flatMap { $0.plain.text.split(separator: " ").map(String.init) }
      let tables = try #require(linter.lexicons.languages[language])
      let scratch = MatcherScratch(dfaStateLimit: stateLimit)
      for _ in 0..<40 {
        var sentence: [String] = []
        for _ in 0..<400 {
          seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
          sentence.append(words[Int(seed >> 33) % words.count])
        }
        var tokens = linter.tokens(Array(sentence.joined(separator: " ").utf8))
        tokens.withUnsafeMutableBufferPointer { linter.markContext($0, tables: tables) }
        var matches: [RawMatch] = []
        tokens.withUnsafeBufferPointer { tables.automaton.match($0, into: &matches, scratch: scratch) }
        let found = Set(matches.map { Event(entry: $0.entry, last: $0.last, negated: $0.negatedInside) })
        #expect(found == DFADifferentialTests.reference(tables.automaton, tokens), "\(language)")
      }
      #expect(scratch.statistics.statesBuilt > 1100, "\(language): \(scratch.statistics)")
      if stateLimit > 5_000 {
        #expect(scratch.statistics.resets == 0)
      } else {
        #expect(scratch.statistics.resets > 0, "\(language): \(scratch.statistics)")
      }
    }
  }
}

@Suite struct SortUniqueTests {
  /// Both ways of sorting (insertion below the limit, the general sort above) against a
  /// set, on random lists with many repeats, of every length around the limit.
  @Test func sortsAndDropsRepeatsAtEveryLength() {
    var seed: UInt64 = 3
    for length in 0...(DFACache.insertionSortLimit * 3) {
      for _ in 0..<4 {
        var values: [UInt32] = (0..<length).map { _ in
          seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
          return UInt32(truncatingIfNeeded: seed >> 33) % UInt32(max(1, length / 2))
        }
        let expected = Set(values).sorted()
        DFACache.sortUnique(&values)
        #expect(values == expected, "length \(length)")
      }
    }
  }

  /// The union of two states' lists: sorted, no repeats, whatever their lengths and overlap
  /// (the buffer it writes into holds an earlier result).
  @Test func mergesSortedListsWithoutRepeats() {
    var seed: UInt64 = 5
    func list(_ length: Int, below limit: UInt32) -> [UInt32] {
      Set(
        (0..<length).map { _ in
          seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
          return UInt32(truncatingIfNeeded: seed >> 33) % limit
        }
      ).sorted()
    }
    var merged: [UInt32] = [99, 98]
    for leftLength in 0..<12 {
      for rightLength in 0..<12 {
        let left = list(leftLength, below: 16)
        let right = list(rightLength, below: 16)
        DFACache.mergeUnique(left, right, into: &merged)
        #expect(merged == Set(left + right).sorted(), "\(left) ∪ \(right)")
      }
    }
  }
}

@Suite struct VocabularyTests {

  @Test func internAndLookup() {
    var vocabulary = Vocabulary(capacity: 2)
    let ids = (0..<100).map { vocabulary.intern("word\($0)") }
    #expect(Set(ids).count == 100)
    #expect(vocabulary.lookup("word42") == ids[42])
    #expect(vocabulary.lookup("absent") == 0)
    #expect(vocabulary.word(ids[7]) == "word7")
  }
}
