/// Each speaker's own score, over the findings in their own turns.
enum SpeakerScoring {
  static func scores(_ findings: [Finding], segments: [Segment], counts: [SegmentCounts]) -> [SpeakerScore] {
    // Speakers by number, in order of first turn; a call has few, so a scan of the names
    // seen (short strings) beats hashing every turn's name.
    var speakers: [String] = []
    var numbers = [Int](repeating: -1, count: segments.count)
    var words: [Int] = []
    var roles: [Role?] = []
    for (index, segment) in segments.enumerated() {
      guard let speaker = segment.speaker else { continue }
      let number: Int
      if let known = speakers.firstIndex(of: speaker) {
        number = known
      } else {
        number = speakers.count
        speakers.append(speaker)
        words.append(0)
        roles.append(nil)
      }
      numbers[index] = number
      if let role = segment.role { roles[number] = role }
      if index < counts.count { words[number] += counts[index].words }
    }
    var grouped = [[Finding]](repeating: [], count: speakers.count)
    // Role and request cues are internal and score nothing: a call has many ("thank you",
    // "would you like to"), and scoring them per speaker cost a sixth of linting a call.
    for index in findings.indices where numbers[findings[index].segment] >= 0 {
      let polarity = findings[index].rule.polarity
      guard polarity != .role && polarity != .request else { continue }
      grouped[numbers[findings[index].segment]].append(findings[index])
    }
    return speakers.indices.map { number in
      var own = grouped[number]
      let card = Scorer.score(&own)
      let counted = own.filter { $0.rule.polarity == .freedom || $0.rule.polarity == .pressure }.count
      return SpeakerScore(
        speaker: speakers[number], role: roles[number], score: card, words: words[number], findings: counted)
    }
  }
}
