import Testing

@testable import LibreKit

/// Short lowercase words followed by a space take the tokenizer's shortcut; the words
/// around its edges (eight letters and more, the end of the text, `cannot`, other
/// separators, capitals, digits, apostrophes) must come out as the general way makes them.
struct ShortWordTests {
  @Test func wordsAroundTheEightByteEdgeKeepTheirSpans() {
    let tokens = scan("abcdefg abcdefgh ab a z")
    #expect(tokens.map(\.folded) == ["abcdefg", "abcdefgh", "ab", "a", "z"])
    #expect(tokens.map(\.source) == ["abcdefg", "abcdefgh", "ab", "a", "z"])
    #expect(tokens.allSatisfy { $0.kind == .word })
    #expect(tokens.map(\.flags) == [[.sentenceStart, .clauseStart], [], [], [], []])
  }

  @Test func longWordsCapitalsAndLineFeeds() {
    let text =
      "Thanks everyone\nWe appreciate internationally Internationalization ok\nI go\n\nAnd Abcdefghijklmno Abcdefghijklmnop x"
    let tokens = scan(text)
    #expect(
      tokens.map(\.folded) == [
        "thanks", "everyone", "we", "appreciate", "internationally", "internationalization", "ok", "i", "go", "and",
        "abcdefghijklmno", "abcdefghijklmnop", "x",
      ])
    #expect(
      tokens.map(\.source) == [
        "Thanks", "everyone", "We", "appreciate", "internationally", "Internationalization", "ok", "I", "go", "And",
        "Abcdefghijklmno", "Abcdefghijklmnop", "x",
      ])
    let capitalized = tokens.filter { $0.flags.contains(.capitalized) }.map(\.folded)
    #expect(capitalized == ["thanks", "we", "internationalization", "i", "and", "abcdefghijklmno", "abcdefghijklmnop"])
    #expect(!tokens.contains { $0.flags.contains(.allCaps) })
    let starts = tokens.filter { $0.flags.contains(.sentenceStart) }.map(\.folded)
    #expect(starts == ["thanks", "we", "i", "and"])
  }

  @Test func cannotIsStillSplitAmongShortWords() {
    let tokens = scan("we cannot go and we can not stay now")
    #expect(tokens.map(\.folded) == ["we", "can", "not", "go", "and", "we", "can", "not", "stay", "now"])
    #expect(tokens.map(\.source) == ["we", "can", "not", "go", "and", "we", "can", "not", "stay", "now"])
    #expect(tokens[1].flags.contains(.expanded) && tokens[2].flags.contains(.expanded))
    #expect(!tokens[6].flags.contains(.expanded))
  }

  @Test func theFlagsPendingBeforeAShortWordGoOnIt() {
    let tokens = scan("ok, so we go. then it ends\n\nand we rest here")
    let flagged = tokens.filter { !$0.flags.isEmpty }.map { "\($0.folded) \($0.flags.rawValue)" }
    #expect(
      flagged == [
        "ok \(TokenFlags([.sentenceStart, .clauseStart]).rawValue)", "so \(TokenFlags.clauseStart.rawValue)",
        "then \(TokenFlags([.sentenceStart, .clauseStart]).rawValue)",
        "and \(TokenFlags([.sentenceStart, .clauseStart]).rawValue)",
      ])
  }

  @Test func wordsThatAreNotPlainLowercaseGoTheGeneralWay() {
    let text = "We go ALL in now, it's 2026 ok b2b ok café ok don't go e-mail me\tat www.example.com ok"
    let tokens = scan(text)
    #expect(
      tokens.map(\.folded) == [
        "we", "go", "all", "in", "now", ",", "it", "is", "2026", "ok", "b2b", "ok", "cafe", "ok", "do", "not", "go",
        "e", "mail", "me", "at", "www.example.com", "ok",
      ])
    #expect(tokens[0].flags.contains(.capitalized) && tokens[2].flags.contains(.allCaps))
    #expect(tokens[8].kind == .number && tokens[21].kind == .url && tokens[18].flags.contains(.hyphenJoined))
  }

  @Test func aShortWordLooksTheSameUpInTheLexicons() {
    // The shortcut hands the source bytes over as the folded form; the ids must be those
    // of the same word read the general way (at the end of the text, with no room for
    // the eight-byte load).
    let linter = ShippedLexicons.linter
    // `receive` has no entry of its own: it takes the id of the pattern prefix `receiv*`.
    let words = ["You", "must", "act", "immediately", "now", "receive"]
    let inside = linter.tokens(Array((words.joined(separator: " ") + " ok").utf8))
    let atEnd = words.map { linter.tokens(Array($0.utf8))[0].id }
    #expect(inside.prefix(words.count).map(\.id) == atEnd)
    #expect(atEnd.allSatisfy { $0 != 0 })
  }
}
