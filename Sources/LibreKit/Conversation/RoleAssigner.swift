/// Decides which speakers of a call are the rep.
///
/// Given names (`--rep`, `speakers.rep`) win, matched without case. Then generic labels: a
/// speaker called `Agent`, `Seller` or `Conseiller` is the rep, one called `Client` or
/// `Buyer` the prospect (`RoleLabels`). Otherwise what each speaker does: the rep asks
/// (request cues), offers, describes what is sold and holds the price (`role.rep.*` and
/// `role.pushback.*` cues); the prospect hesitates (one per turn), asks about the item and
/// bids lower (`role.prospect.*` cues). Each sentence with a cue weighs two points; opening
/// the call (a seller calls) adds one, asking the most questions (a buyer asks) takes one
/// away, so those two decide only between speakers whose cues are level or one apart. The
/// most points wins; on a tie, the first to speak, and the reason says the choice is
/// unsure. Talk share is printed, never the decider: a talkative buyer is still the buyer.
/// Pressure phrases are not evidence either: a buyer states deadlines too ("our cutoff is
/// the end of the quarter"). A call with one speaker has that speaker as the rep. Name
/// variants of one person (`Karim` and `Karim Benali`) are one speaker, named by the
/// longest spelling.
enum RoleAssigner {
  /// What one cue weighs against opening the call or asking the most questions (one each).
  static let cueWeight = 2

  static func assign(
    _ segments: inout [Segment], findings: [Finding], counts: [SegmentCounts], options: DocumentOptions
  ) -> RoleAssignment {
    let cast = Cast(segments)
    var reps: [Int] = []
    var reason: String
    var confidence = RoleAssignment.Confidence.given
    let wanted = Set(options.reps.map(key))
    if !wanted.isEmpty {
      reps = cast.keys.indices.filter { cast.spellingKeys[$0].contains(where: wanted.contains) }
      reason = "given: " + options.reps.joined(separator: ", ")
      if reps.isEmpty {
        reason = "none of the given reps (\(options.reps.joined(separator: ", "))) spoke; "
        (reps, confidence) = decide(cast, findings: findings, counts: counts, reason: &reason)
      }
    } else {
      reason = ""
      (reps, confidence) = decide(cast, findings: findings, counts: counts, reason: &reason)
    }
    var isRep = [Bool](repeating: false, count: cast.speakers.count)
    for rep in reps { isRep[rep] = true }
    for index in segments.indices where cast.numbers[index] >= 0 {
      let number = cast.numbers[index]
      segments[index].role = isRep[number] ? .rep : .prospect
      // One person, one name in every report: the longest spelling of their variants.
      if segments[index].speaker != cast.speakers[number] { segments[index].speaker = cast.speakers[number] }
    }
    return RoleAssignment(
      reps: reps.map { cast.speakers[$0] },
      prospects: cast.speakers.indices.filter { !isRep[$0] }.map { cast.speakers[$0] },
      reason: reason, everyone: options.everyone, confidence: confidence)
  }

  /// A speaker's name as compared: lowercased, spaces collapsed.
  static func key(_ name: String) -> String {
    String(name.lowercased().split(separator: " ", omittingEmptySubsequences: true).joined(separator: " "))
  }

  /// Labels first, then behaviour.
  private static func decide(
    _ cast: Cast, findings: [Finding], counts: [SegmentCounts], reason: inout String
  ) -> ([Int], RoleAssignment.Confidence) {
    guard let first = cast.speakers.first else { return ([], .low) }
    guard cast.speakers.count > 1 else {
      reason += "heuristic: \(first) is the only speaker"
      return ([0], .high)
    }
    let labelled = cast.keys.indices.filter { RoleLabels.rep.contains(cast.keys[$0]) }
    if !labelled.isEmpty {
      let names = labelled.map { cast.speakers[$0] }.joined(separator: ", ")
      reason += "label: \(names) names the rep's side"
      return (labelled, .high)
    }
    let others = cast.keys.indices.filter { !RoleLabels.prospect.contains(cast.keys[$0]) }
    if others.count == 1 {
      let names = cast.keys.indices.filter { $0 != others[0] }.map { cast.speakers[$0] }
      reason += "label: \(names.joined(separator: ", ")) names the prospect's side"
      return (others, .high)
    }
    return behaviour(cast, among: others.isEmpty ? Array(cast.keys.indices) : others, findings, counts, &reason)
  }

  /// The most rep evidence net of prospect evidence; on a tie, the first to speak.
  private static func behaviour(
    _ cast: Cast, among candidates: [Int], _ findings: [Finding], _ counts: [SegmentCounts], _ reason: inout String
  ) -> ([Int], RoleAssignment.Confidence) {
    var repCues = [Int](repeating: 0, count: cast.speakers.count)
    var prospectCues = [Int](repeating: 0, count: cast.speakers.count)
    var words = [Int](repeating: 0, count: cast.speakers.count)
    // A sentence is one piece of evidence however many rules see it ("I'm not sure" is two
    // hesitation rules), and a turn with a hesitation is one hesitation.
    var repSentences: Set<Int> = []
    var prospectSentences: Set<Int> = []
    var hesitantTurns: Set<Int> = []
    // By position, not by copies of the findings: a copy retains a rule and three strings.
    for index in findings.indices {
      let segment = findings[index].segment
      guard segment < cast.numbers.count, cast.numbers[segment] >= 0 else { continue }
      let number = cast.numbers[segment]
      let rule = findings[index].rule
      switch rule.polarity {
      case .hesitation:
        if hesitantTurns.insert(segment).inserted { prospectCues[number] += 1 }
      case .role where rule.category == RoleLabels.prospectCategory:
        if prospectSentences.insert(findings[index].sentence).inserted { prospectCues[number] += 1 }
      // Both sides acknowledge what the other says.
      case .role where rule.category == RoleLabels.acknowledgeCategory: break
      case .request, .role:
        if repSentences.insert(findings[index].sentence).inserted { repCues[number] += 1 }
      case .freedom, .pressure, .engagement: break
      }
    }
    var questions = [Int](repeating: 0, count: cast.speakers.count)
    for (index, number) in cast.numbers.enumerated() where index < counts.count && number >= 0 {
      words[number] += counts[index].words
      questions[number] += counts[index].questions
    }
    // Who asks the most questions (alone): buyers ask about the item, the price, the cause.
    let mostQuestions = questions.max() ?? 0
    let asker = questions.filter { $0 == mostQuestions }.count == 1 ? questions.firstIndex(of: mostQuestions) : nil
    let opener = candidates[0]
    // A cue (an ask, an offer, a hesitation, a bid) weighs two points; opening the call (a
    // seller calls) and asking the most questions (a buyer asks) one each, so they decide
    // only between speakers whose cues are level or one apart.
    func net(_ number: Int) -> Int {
      cueWeight * (repCues[number] - prospectCues[number]) + (number == opener ? 1 : 0) - (number == asker ? 1 : 0)
    }
    // Candidates are in order of first turn, so on a tie the first to speak is kept.
    var chosen = opener
    for number in candidates.dropFirst() where net(number) > net(chosen) { chosen = number }
    let runnerUp = candidates.filter { $0 != chosen }.map(net).max() ?? net(chosen)
    let margin = net(chosen) - runnerUp
    let confidence: RoleAssignment.Confidence = margin > cueWeight ? .high : margin == cueWeight ? .medium : .low
    let totalWords = max(1, words.reduce(0, +))
    let share = Int((Double(words[chosen]) / Double(totalWords) * 100).rounded())
    let name = cast.speakers[chosen]
    let others = candidates.filter { $0 != chosen }
    var why = [
      "asks or offers \(repCues[chosen]) time(s) and hesitates or bids \(prospectCues[chosen]) (others: "
        + others.map { "\(repCues[$0]) and \(prospectCues[$0])" }.joined(separator: "; ") + ")"
    ]
    if chosen == opener { why.append("speaks first") }
    if let asker, asker != chosen { why.append("\(cast.speakers[asker]) asks the most questions") }
    why.append("speaks \(share)% of the words")
    let unsure = confidence == .low ? "unsure, " : ""
    reason +=
      "heuristic: \(name) " + why.joined(separator: ", ") + "; \(unsure)\(confidence.rawValue) confidence"
      + " (use --rep NAME to choose)"
    return ([chosen], confidence)
  }

  /// The distinct speakers of a call and each segment's speaker number (-1: none). Name
  /// variants of one person are one speaker: a name whose words begin another's
  /// (`Karim`, `Karim Benali`) is that speaker, spelled the longest way. A spelling is
  /// keyed once, not once per turn: a long call repeats few names.
  struct Cast {
    var speakers: [String] = []
    var keys: [String] = []
    /// Every key each speaker was written with (`--rep` may name any of them).
    var spellingKeys: [[String]] = []
    var numbers: [Int]

    init(_ segments: [Segment]) {
      numbers = [Int](repeating: -1, count: segments.count)
      // A call has few spellings: a scan compares short strings, cheaper than hashing them.
      var spellings: [(spelling: String, key: String)] = []
      var spellingOf = [Int](repeating: -1, count: segments.count)
      for (index, segment) in segments.enumerated() {
        guard let speaker = segment.speaker else { continue }
        if let known = spellings.firstIndex(where: { $0.spelling == speaker }) {
          spellingOf[index] = known
          continue
        }
        spellingOf[index] = spellings.count
        spellings.append((speaker, RoleAssigner.key(speaker)))
      }
      // Each spelling's person: the first spelling (in order of first turn) it is a variant of.
      var personOf = [Int](repeating: -1, count: spellings.count)
      var people: [(keys: [String], longest: Int)] = []
      for (number, spelling) in spellings.enumerated() {
        if let person = people.firstIndex(where: { $0.keys.contains { Cast.variants($0, spelling.key) } }) {
          personOf[number] = person
          people[person].keys.append(spelling.key)
          if spelling.key.count > spellings[people[person].longest].key.count { people[person].longest = number }
        } else {
          personOf[number] = people.count
          people.append(([spelling.key], number))
        }
      }
      speakers = people.map { spellings[$0.longest].spelling }
      keys = people.map { spellings[$0.longest].key }
      spellingKeys = people.map(\.keys)
      for index in segments.indices where spellingOf[index] >= 0 { numbers[index] = personOf[spellingOf[index]] }
    }

    /// Whether two keys name one person: equal, or one is the other's first words
    /// (`karim` / `karim benali`). Generic labels never merge (`sales` / `sales manager`).
    static func variants(_ one: String, _ other: String) -> Bool {
      if one == other { return true }
      let (short, long) = one.count < other.count ? (one, other) : (other, one)
      guard long.hasPrefix(short + " ") else { return false }
      return !RoleLabels.rep.contains(short) && !RoleLabels.prospect.contains(short)
    }
  }
}
