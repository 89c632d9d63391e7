import Testing

@testable import LibreKit

/// Tokenizes `text` and returns each token's folded form and the exact source it spans.
func scan(_ text: String) -> [(folded: String, source: String, kind: TokenKind, flags: TokenFlags)] {
  var collector = FoldedWordCollector()
  let bytes = Array(text.utf8)
  Tokenizer().tokenize(bytes, into: &collector)
  return collector.tokens.map { token in
    (token.folded, String(decoding: bytes[token.start..<token.end], as: UTF8.self), token.kind, token.flags)
  }
}

func folded(_ text: String) -> [String] { scan(text).map(\.folded) }

/// The tokens that start a sentence, as folded words.
func sentenceStarts(_ text: String) -> [String] {
  scan(text).filter { $0.flags.contains(.sentenceStart) }.map(\.folded)
}

@Suite struct TokenizerTests {
  @Test func foldsCaseAccentsLigaturesAndApostrophes() {
    #expect(folded("Déjà VU, cœur ÉLAN Æther Straße") == ["deja", "vu", ",", "coeur", "elan", "aether", "strasse"])
    #expect(folded("l’offre l'offre lʼoffre") == ["l'", "offre", "l'", "offre", "l'", "offre"])
  }

  @Test(arguments: [
    ("don't", ["do", "not"], ["do", "n't"]),
    ("you're", ["you", "are"], ["you", "'re"]),
    ("won't", ["will", "not"], ["wo", "n't"]),
    ("can't", ["can", "not"], ["ca", "n't"]),
    ("cannot", ["can", "not"], ["can", "not"]),
    ("let's", ["let", "us"], ["let", "'s"]),
    ("isn’t", ["is", "not"], ["is", "n’t"]),
    ("I'm", ["i", "am"], ["I", "'m"]),
    ("it's", ["it", "is"], ["it", "'s"]),
    ("John's", ["john", "'s"], ["John", "'s"]),
  ])
  func expandsEnglishContractionsWithExactSpans(text: String, words: [String], sources: [String]) {
    let tokens = scan(text)
    #expect(tokens.map(\.folded) == words)
    #expect(tokens.map(\.source) == sources)
    #expect(tokens.allSatisfy { $0.flags.contains(.expanded) })
  }

  @Test(arguments: [
    ("l'offre", ["l'", "offre"]),
    ("n'êtes", ["n'", "etes"]),
    ("qu'il", ["qu'", "il"]),
    ("d'accepter", ["d'", "accepter"]),
    ("j'ai", ["j'", "ai"]),
    ("c'est", ["c'", "est"]),
    ("jusqu'à", ["jusqu'", "a"]),
    ("aujourd'hui", ["aujourd'hui"]),
    ("qu'aujourd'hui", ["qu'", "aujourd'hui"]),
    ("quelqu'un", ["quelqu'un"]),
  ])
  func splitsFrenchElisions(text: String, words: [String]) {
    #expect(folded(text) == words)
  }

  /// The two-byte fast path covers lead bytes up to 0xC9 (U+027F) but the fold table stops
  /// at U+0250: IPA letters such as `ə` read past its end and trapped.
  @Test func lettersPastTheFoldTableStayWhole() {
    #expect(folded("schwa ə, ɛ ɔ ɪ ʃ Azərbaycan") == ["schwa", "ə", ",", "ɛ", "ɔ", "ɪ", "ʃ", "azərbaycan"])
  }

  @Test func everyTwoByteScalarTokenizesInsideAndBetweenWords() {
    for value in UInt32(0x80)..<0x800 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      for text in ["x\(scalar)y", " \(scalar) ", "\(scalar)"] {
        let tokens = scan(text)
        #expect(tokens.allSatisfy { !$0.source.isEmpty }, "U+\(String(value, radix: 16))")
      }
    }
  }

  @Test func elisionSpansCoverTheApostrophe() {
    let tokens = scan("Vous n’êtes pas obligé")
    #expect(tokens.map(\.source) == ["Vous", "n’", "êtes", "pas", "obligé"])
  }

  @Test func hyphenatedImperativesBecomeSeparateJoinedWords() {
    let tokens = scan("Dites-le-moi, dépêchez-vous !")
    #expect(tokens.map(\.folded) == ["dites", "le", "moi", ",", "depechez", "vous", "!"])
    #expect(tokens[1].flags.contains(.hyphenJoined))
    #expect(tokens[2].flags.contains(.hyphenJoined))
    #expect(!tokens[0].flags.contains(.hyphenJoined))
  }

  @Test func recognisesTokenKinds() {
    let tokens = scan("Call 555 at 3.5 https://ex.com/a?b=1. Mail jo.doe@acme.io {{first_name}} 🔥 now")
    let kinds = tokens.map(\.kind)
    #expect(
      tokens.map(\.source) == [
        "Call", "555", "at", "3.5", "https://ex.com/a?b=1", ".", "Mail", "jo.doe@acme.io", "{{first_name}}", "🔥", "now",
      ])
    #expect(kinds == [.word, .number, .word, .number, .url, .punctuation, .word, .email, .placeholder, .emoji, .word])
  }

  @Test(arguments: [
    "{{first_name}}", "{{{ html }}}", "{% if x %}", "{first_name}", "*|FNAME|*", "%FIRSTNAME%", "[[company]]",
  ])
  func recognisesPlaceholders(syntax: String) {
    let tokens = scan("Hi \(syntax), hello")
    #expect(tokens[1].kind == .placeholder)
    #expect(tokens[1].source == syntax)
  }

  @Test func emojiSequencesAreOneToken() {
    let tokens = scan("Go 👍🏽 ⏰️ 👨‍👩‍👧 🇫🇷!")
    #expect(tokens.filter { $0.kind == .emoji }.map(\.source) == ["👍🏽", "⏰️", "👨‍👩‍👧", "🇫🇷"])
  }

  @Test func sentenceBoundariesSurviveAbbreviationsDecimalsAndTimes() {
    #expect(
      sentenceStarts("Mr. Smith paid 3.5 dollars, e.g. today. M. Dupont arrive à 15 h 30. Merci.") == [
        "mr", "m", "merci",
      ])
    #expect(sentenceStarts("We sell pens, cups, etc. and more. Then we stop.") == ["we", "then"])
    #expect(sentenceStarts("Bought pens etc. Then left.") == ["bought", "then"])
  }

  @Test func ellipsesAndInterrobangs() {
    #expect(sentenceStarts("Well... maybe later. Really?! Yes… Sure") == ["well", "really", "yes", "sure"])
    let tokens = scan("Really?! Yes")
    #expect(tokens[1].folded == "?")
    #expect(tokens[1].source == "?!")
  }

  @Test func lineBreaksEndSentencesBeforeCapitalsAndBlankLines() {
    #expect(sentenceStarts("Hi Tom\nYou must sign\nthis today\n\nthanks") == ["hi", "you", "thanks"])
  }

  @Test func clauseBoundaries() {
    let tokens = scan("No rush, but reply; or not: fine (ok) — yes")
    let clauses = tokens.filter { $0.flags.contains(.clauseStart) }.map(\.folded)
    #expect(clauses == ["no", "but", "or", "fine", "ok", "—", "yes"])
  }

  @Test func emphasisMarks() {
    let tokens = scan("ACT NOW!!! Only A few")
    #expect(tokens[0].flags.contains(.allCaps))
    #expect(tokens[1].flags.contains(.allCaps))
    #expect(tokens[2].flags.contains(.shout))
    #expect(!tokens[4].flags.contains(.allCaps))
    #expect(tokens[3].flags.contains(.capitalized))
  }

  @Test func byteRangesAreExactWithMultibyteText() {
    let text = "« Vous êtes libre » — d’accord"
    let bytes = Array(text.utf8)
    var collector = FoldedWordCollector()
    Tokenizer().tokenize(bytes, into: &collector)
    let rebuilt = collector.tokens.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) }
    #expect(rebuilt == ["«", "Vous", "êtes", "libre", "»", "—", "d’", "accord"])
  }

  @Test func invalidUTF8IsReplacedCountedAndNeverFatal() {
    let bytes: [UInt8] = Array("ok ".utf8) + [0xFF, 0xC3] + Array(" fine é".utf8) + [0xE2, 0x82]
    var collector = FoldedWordCollector()
    let report = Tokenizer().tokenize(bytes, into: &collector)
    #expect(report.invalidUTF8Sequences == 3)
    #expect(report.firstInvalidOffset == 3)
    #expect(collector.words == ["ok", "fine", "e"])
  }

  @Test func everyTruncatedPrefixTokenizesWithoutCrashing() {
    let text = Array("Vous n’êtes pas obligé 🔥 {{x}} https://a.b jo@a.io… e.g. dites-le-moi".utf8)
    for end in 0...text.count {
      var collector = FoldedWordCollector()
      let report = Tokenizer().tokenize(Array(text[0..<end]), into: &collector)
      for token in collector.tokens { #expect(token.start >= 0 && token.end <= end && token.start < token.end) }
      #expect(report.invalidUTF8Sequences <= 4)
    }
  }

  @Test func emphasisReadsCaseAcrossScriptsAndNotDigits() {
    let tokens = scan("ÉTÉ Été Q3 OK 2024 DON'T I")
    let caps = tokens.filter { $0.flags.contains(.allCaps) }.map(\.source)
    #expect(caps == ["ÉTÉ", "OK", "DO", "N'T"])
    #expect(tokens.filter { $0.flags.contains(.capitalized) }.map(\.source) == ["ÉTÉ", "Été", "Q3", "OK", "DO", "I"])
  }

  @Test func overlongWordsKeepTheirSpanAndAreCounted() {
    let word = String(repeating: "a", count: 300) + "B" + String(repeating: "c", count: 40)
    var collector = FoldedWordCollector()
    let bytes = Array("x \(word) y".utf8)
    let report = Tokenizer().tokenize(bytes, into: &collector)
    #expect(collector.tokens.count == 3)
    #expect(collector.tokens[1].end - collector.tokens[1].start == 341)
    #expect(collector.tokens[1].folded.utf8.count == Tokenizer.foldCapacity)
    #expect(report.overlongWords == 1)
  }

  @Test func eightByteRunsFoldLikeTheByteLoop() {
    // Long lowercase runs go eight bytes at a time; mixed case, digits and accents do not.
    #expect(
      folded("internationalization Internationalization interNATIONALization") == [
        "internationalization", "internationalization", "internationalization",
      ])
    #expect(folded("abcdefgh1ijklmnop éléphantesque") == ["abcdefgh1ijklmnop", "elephantesque"])
  }
}
