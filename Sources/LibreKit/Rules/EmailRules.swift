/// What an email is judged on as a whole, beside false freedom: a request needs a freedom
/// statement at its side (`RequestWithoutFreedomRule`), pressure tactics should not pile up
/// (`StackedPressureRule`), and its form (length, questions, reading ease).
enum EmailRules {
  /// The findings of the email rules, requests first. A file of several templates
  /// (`bySegment`) has each template judged for stacking on its own.
  static func apply(_ findings: [Finding], language: Language, bySegment: Bool = false) -> [Finding] {
    var stacked: [Finding] = []
    if bySegment {
      // A file of several templates: each template is a message of its own.
      for segment in Set(findings.map(\.segment)).sorted() {
        stacked += StackedPressureRule.apply(findings.filter { $0.segment == segment }, language: language)
      }
    } else {
      stacked = StackedPressureRule.apply(findings, language: language)
    }
    return RequestWithoutFreedomRule.apply(findings, language: language) + stacked
  }

  /// Length, questions, subject, focus and reading ease of the body and subject.
  static func formMetrics(segments: [Segment], counts: [SegmentCounts], language: Language) -> FormMetrics {
    var form = FormMetrics()
    var sentences = 0
    var syllables = 0
    for (index, segment) in segments.enumerated() where index < counts.count {
      let count = counts[index]
      if segment.part == .subject {
        form.subjectWords = (form.subjectWords ?? 0) + count.words
        continue
      }
      form.words += count.words
      form.questions += count.questions
      form.firstPerson += count.firstPerson
      form.secondPerson += count.secondPerson
      sentences += count.sentences
      syllables += count.syllables
    }
    if form.words > 0 && sentences > 0 {
      let wordsPerSentence = Double(form.words) / Double(sentences)
      let syllablesPerWord = Double(syllables) / Double(form.words)
      switch language {
      case .english:
        form.readingFormula = "Flesch"
        form.readingEase = 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord
      case .french:
        form.readingFormula = "Kandel-Moles"
        form.readingEase = 207 - 1.015 * wordsPerSentence - 73.6 * syllablesPerWord
      }
    }
    return form
  }
}
