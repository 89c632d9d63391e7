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
    // Role and request cues are internal and score nothing: a call has many ("thank you",
    // "would you like to"), and scoring them per speaker cost a sixth of linting a call.
    // The findings are grouped by index (a counting sort, stable), and each speaker's are
    // copied only while that speaker is scored: a copy of them all at once doubled the
    // memory of a call with millions of findings.
    var starts = [Int](repeating: 0, count: speakers.count + 1)
    for index in findings.indices where numbers[findings[index].segment] >= 0 {
      let polarity = findings[index].rule.polarity
      guard polarity != .role && polarity != .request else { continue }
      starts[numbers[findings[index].segment] + 1] += 1
    }
    for number in speakers.indices { starts[number + 1] += starts[number] }
    var order = [Int32](repeating: 0, count: starts[speakers.count])
    var next = starts
    for index in findings.indices where numbers[findings[index].segment] >= 0 {
      let polarity = findings[index].rule.polarity
      guard polarity != .role && polarity != .request else { continue }
      let number = numbers[findings[index].segment]
      order[next[number]] = Int32(truncatingIfNeeded: index)
      next[number] += 1
    }
    return speakers.indices.map { number in
      var own = order[starts[number]..<starts[number + 1]].map { findings[Int($0)] }
      let card = Scorer.score(&own)
      let counted = own.filter { $0.rule.polarity == .freedom || $0.rule.polarity == .pressure }.count
      return SpeakerScore(
        speaker: speakers[number], role: roles[number], score: card, words: words[number], findings: counted)
    }
  }
}
