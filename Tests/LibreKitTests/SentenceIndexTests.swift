import Testing

@testable import LibreKit

/// A finding's sentence is the number of sentences started before its first token, found
/// by a search among the sentence starts the count notes.
struct SentenceIndexTests {
  @Test func searchAmongStartsAgreesWithCountingEveryToken() {
    var random = SeededRandom(seed: 7)
    for _ in 0..<200 {
      let count = 1 + Int(random.next(upTo: 60))
      var starts: [Int32] = [0]
      for index in 1..<count where random.next(upTo: 4) == 0 { starts.append(Int32(index)) }
      let base = Int(random.next(upTo: 5))
      starts.withUnsafeBufferPointer { buffer in
        let sentences = SentenceStarts(starts: buffer, base: base)
        var counted = base - 1
        for index in 0..<count {
          if starts.contains(Int32(index)) { counted += 1 }
          #expect(sentences.sentence(of: Int32(index)) == counted)
        }
      }
    }
  }

  @Test(arguments: [
    ("Hello there. Thanks for your time. You must act now.", Language.english, 2),
    ("Bonjour. Merci pour votre temps ! Vous devez agir maintenant.", .french, 2),
    ("You must act now.", .english, 0),
  ])
  func findingsKnowTheirSentence(text: String, language: Language, sentence: Int) throws {
    let result = DocumentSupport.linter.lint(Array(text.utf8), language: language)
    let finding = try #require(result.findings.first { $0.rule.polarity == .pressure })
    #expect(finding.sentence == sentence, "\(finding.rule.id)")
  }
}
