/// Decides which speakers of a call are the rep.
///
/// Given names (`--rep`, `speakers.rep`) win, matched without case. Otherwise the heuristic:
/// the rep is the speaker who makes the most requests (asking for the meeting is what a
/// seller does); on a tie, the one who speaks most (sellers lead calls); then the one who
/// speaks first. Pressure phrases are not evidence: a buyer states deadlines too ("our
/// cutoff is the end of the quarter"). A call with one speaker has that speaker as the rep.
enum RoleAssigner {
  static func assign(
    _ segments: inout [Segment], findings: [Finding], counts: [SegmentCounts], options: DocumentOptions
  ) -> RoleAssignment {
    var speakers: [String] = []
    var keys: [String] = []
    for segment in segments {
      guard let speaker = segment.speaker, !keys.contains(key(speaker)) else { continue }
      speakers.append(speaker)
      keys.append(key(speaker))
    }
    var reps: [String] = []
    var reason: String
    let wanted = Set(options.reps.map(key))
    if !wanted.isEmpty {
      reps = speakers.filter { wanted.contains(key($0)) }
      reason = "given: " + options.reps.joined(separator: ", ")
      if reps.isEmpty {
        reason = "none of the given reps (\(options.reps.joined(separator: ", "))) spoke; "
        reps = heuristic(speakers, segments: segments, findings: findings, counts: counts, reason: &reason)
      }
    } else {
      reason = ""
      reps = heuristic(speakers, segments: segments, findings: findings, counts: counts, reason: &reason)
    }
    let repKeys = Set(reps.map(key))
    for index in segments.indices {
      guard let speaker = segments[index].speaker else { continue }
      segments[index].role = repKeys.contains(key(speaker)) ? .rep : .prospect
    }
    return RoleAssignment(
      reps: reps, prospects: speakers.filter { !repKeys.contains(key($0)) }, reason: reason,
      everyone: options.everyone)
  }

  static func key(_ name: String) -> String {
    String(name.lowercased().split(separator: " ", omittingEmptySubsequences: true).joined(separator: " "))
  }

  private static func heuristic(
    _ speakers: [String], segments: [Segment], findings: [Finding], counts: [SegmentCounts], reason: inout String
  ) -> [String] {
    guard let first = speakers.first else { return [] }
    guard speakers.count > 1 else {
      reason += "heuristic: \(first) is the only speaker"
      return [first]
    }
    var asks: [String: Int] = [:]
    var words: [String: Int] = [:]
    for finding in findings where finding.rule.polarity == .request {
      guard let speaker = segments[finding.segment].speaker else { continue }
      asks[key(speaker), default: 0] += 1
    }
    for (index, segment) in segments.enumerated() where index < counts.count {
      guard let speaker = segment.speaker else { continue }
      words[key(speaker), default: 0] += counts[index].words
    }
    let totalWords = max(1, words.values.reduce(0, +))
    let chosen = speakers.enumerated().max { left, right in
      let a = (asks[key(left.element)] ?? 0, words[key(left.element)] ?? 0)
      let b = (asks[key(right.element)] ?? 0, words[key(right.element)] ?? 0)
      return a == b ? left.offset > right.offset : a < b
    }!.element
    let share = Int((Double(words[key(chosen)] ?? 0) / Double(totalWords) * 100).rounded())
    let requests = asks[key(chosen)] ?? 0
    var why = requests > 0 ? ["makes the most requests (\(requests))"] : []
    why.append("speaks \(share)% of the words")
    if chosen == first { why.append("speaks first") }
    reason += "heuristic: \(chosen) " + why.joined(separator: ", ") + " (use --rep NAME to choose)"
    return [chosen]
  }
}
