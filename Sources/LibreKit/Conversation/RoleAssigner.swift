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
    let cast = Cast(segments)
    var reps: [Int] = []
    var reason: String
    let wanted = Set(options.reps.map(key))
    if !wanted.isEmpty {
      reps = cast.keys.indices.filter { wanted.contains(cast.keys[$0]) }
      reason = "given: " + options.reps.joined(separator: ", ")
      if reps.isEmpty {
        reason = "none of the given reps (\(options.reps.joined(separator: ", "))) spoke; "
        reps = heuristic(cast, findings: findings, counts: counts, reason: &reason)
      }
    } else {
      reason = ""
      reps = heuristic(cast, findings: findings, counts: counts, reason: &reason)
    }
    var isRep = [Bool](repeating: false, count: cast.speakers.count)
    for rep in reps { isRep[rep] = true }
    for index in segments.indices where cast.numbers[index] >= 0 {
      segments[index].role = isRep[cast.numbers[index]] ? .rep : .prospect
    }
    return RoleAssignment(
      reps: reps.map { cast.speakers[$0] },
      prospects: cast.speakers.indices.filter { !isRep[$0] }.map { cast.speakers[$0] },
      reason: reason, everyone: options.everyone)
  }

  /// A speaker's name as compared: lowercased, spaces collapsed.
  static func key(_ name: String) -> String {
    String(name.lowercased().split(separator: " ", omittingEmptySubsequences: true).joined(separator: " "))
  }

  /// The distinct speakers of a call (as first spelled) and each segment's speaker number
  /// (-1: none). A spelling is keyed once, not once per turn: a long call repeats few names.
  struct Cast {
    var speakers: [String] = []
    var keys: [String] = []
    var numbers: [Int]

    init(_ segments: [Segment]) {
      numbers = [Int](repeating: -1, count: segments.count)
      var byKey: [String: Int] = [:]
      // A call has few spellings: a scan compares short strings, cheaper than hashing them.
      var spellings: [(spelling: String, number: Int)] = []
      for (index, segment) in segments.enumerated() {
        guard let speaker = segment.speaker else { continue }
        if let known = spellings.first(where: { $0.spelling == speaker }) {
          numbers[index] = known.number
          continue
        }
        let speakerKey = RoleAssigner.key(speaker)
        let number: Int
        if let known = byKey[speakerKey] {
          number = known
        } else {
          number = speakers.count
          speakers.append(speaker)
          keys.append(speakerKey)
          byKey[speakerKey] = number
        }
        spellings.append((speaker, number))
        numbers[index] = number
      }
    }
  }

  private static func heuristic(
    _ cast: Cast, findings: [Finding], counts: [SegmentCounts], reason: inout String
  ) -> [Int] {
    guard let first = cast.speakers.first else { return [] }
    guard cast.speakers.count > 1 else {
      reason += "heuristic: \(first) is the only speaker"
      return [0]
    }
    var asks = [Int](repeating: 0, count: cast.speakers.count)
    var words = [Int](repeating: 0, count: cast.speakers.count)
    for finding in findings where finding.rule.polarity == .request && cast.numbers[finding.segment] >= 0 {
      asks[cast.numbers[finding.segment]] += 1
    }
    for (index, number) in cast.numbers.enumerated() where index < counts.count && number >= 0 {
      words[number] += counts[index].words
    }
    let totalWords = max(1, words.reduce(0, +))
    // Most requests, then most words, then the first to speak.
    var chosen = 0
    for number in 1..<cast.speakers.count where (asks[number], words[number]) > (asks[chosen], words[chosen]) {
      chosen = number
    }
    let share = Int((Double(words[chosen]) / Double(totalWords) * 100).rounded())
    let requests = asks[chosen]
    var why = requests > 0 ? ["makes the most requests (\(requests))"] : []
    why.append("speaks \(share)% of the words")
    if chosen == 0 { why.append("speaks first") }
    reason += "heuristic: \(cast.speakers[chosen]) " + why.joined(separator: ", ") + " (use --rep NAME to choose)"
    return [chosen]
  }
}
