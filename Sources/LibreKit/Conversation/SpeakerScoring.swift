/// Each speaker's own score, over the findings in their own turns.
enum SpeakerScoring {
  static func scores(_ findings: [Finding], segments: [Segment], counts: [SegmentCounts]) -> [SpeakerScore] {
    var order: [String] = []
    var grouped: [String: [Finding]] = [:]
    var words: [String: Int] = [:]
    var roles: [String: Role] = [:]
    for (index, segment) in segments.enumerated() {
      guard let speaker = segment.speaker else { continue }
      if grouped[speaker] == nil {
        order.append(speaker)
        grouped[speaker] = []
      }
      if let role = segment.role { roles[speaker] = role }
      if index < counts.count { words[speaker, default: 0] += counts[index].words }
    }
    for finding in findings {
      guard let speaker = segments[finding.segment].speaker else { continue }
      grouped[speaker, default: []].append(finding)
    }
    return order.map { speaker in
      var own = grouped[speaker] ?? []
      let card = Scorer.score(&own)
      let counted = own.filter { $0.rule.polarity == .freedom || $0.rule.polarity == .pressure }.count
      return SpeakerScore(
        speaker: speaker, role: roles[speaker], score: card, words: words[speaker] ?? 0, findings: counted)
    }
  }
}
