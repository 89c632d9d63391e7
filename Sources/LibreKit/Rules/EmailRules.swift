/// Rules that judge an email as a whole: a request needs a freedom statement at its side,
/// and pressure tactics should not pile up.
enum EmailRules {
  /// Distinct pressure categories that make a message "stacked".
  static let stackedCategoryCount = 3

  static func apply(_ findings: [Finding], language: Language, bySegment: Bool = false) -> [Finding] {
    var stacked: [Finding] = []
    if bySegment {
      // A file of several templates: each template is a message of its own.
      for segment in Set(findings.map(\.segment)).sorted() {
        stacked += stackedPressure(findings.filter { $0.segment == segment }, language: language)
      }
    } else {
      stacked = stackedPressure(findings, language: language)
    }
    return requestsWithoutFreedom(findings, language: language) + stacked
  }

  /// A request with no (credited) freedom statement in the same or the next sentence.
  static func requestsWithoutFreedom(_ findings: [Finding], language: Language) -> [Finding] {
    // Most messages make no request the lexicons know: no set to build then.
    // By index: a copy of a finding retains its rule and three strings.
    guard findings.indices.contains(where: { findings[$0].rule.polarity == .request }) else { return [] }
    let freedomSentences = Set(
      findings.lazy.filter {
        $0.rule.polarity == .freedom && $0.scoringNote == nil && !$0.rule.traits.contains(.softFreedom)
      }.map(\.sentence))
    var added: [Finding] = []
    var reported: Set<Int> = []
    for finding in findings where finding.rule.polarity == .request {
      let sentence = finding.sentence
      guard !freedomSentences.contains(sentence), !freedomSentences.contains(sentence + 1) else { continue }
      guard reported.insert(sentence).inserted else { continue }
      var flag = Finding(
        rule: BuiltInRules.rule(BuiltInRules.requestWithoutFreedomID, language), start: finding.start,
        end: finding.end, sentence: sentence)
      flag.segment = finding.segment
      added.append(flag)
    }
    return added
  }

  /// One finding when three or more pressure categories meet in a message, placed on the
  /// first finding (by start) of the category that made the count.
  static func stackedPressure(_ findings: [Finding], language: Language) -> [Finding] {
    // Each category's first finding, by start then by place in the list (the order a
    // stable sort by start gives), found without sorting a copy of every finding.
    // By index, not by copies of the findings: a copy retains a rule and three strings.
    var firsts: [Int] = []
    for index in findings.indices {
      let rule = findings[index].rule
      guard rule.polarity == .pressure && !rule.traits.contains(.derived) else { continue }
      // The same rule is the same category: most repeats are, with no string compared.
      if let known = firsts.firstIndex(where: {
        findings[$0].rule === rule || findings[$0].rule.category == rule.category
      }) {
        if findings[index].start < findings[firsts[known]].start { firsts[known] = index }
      } else {
        firsts.append(index)
      }
    }
    guard firsts.count >= stackedCategoryCount else { return [] }
    firsts.sort { (findings[$0].start, $0) < (findings[$1].start, $1) }
    let third = findings[firsts[stackedCategoryCount - 1]]
    var flag = Finding(
      rule: BuiltInRules.rule(BuiltInRules.stackedPressureID, language), start: third.start, end: third.end,
      sentence: third.sentence)
    flag.segment = third.segment
    let seen = firsts.map { findings[$0].rule.category }
    flag.detail = "\(seen.count) pressure categories: \(seen.joined(separator: ", "))"
    return [flag]
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
