/// What the way a call is typed must not be read as: capitals all through a chat, and the
/// follow-up phrases of emails said live.
enum CallTyping {
  /// The pressure category of capitals and `!!` (`pressure.shouting.*`).
  static let shoutingCategory = "shouting"
  /// The rule of words in capitals (`!!` stays a finding: it is chosen, not a keyboard habit).
  static let capitalsRuleID = "pressure.shouting.caps"
  /// Categories that read emails only: "did you get a chance to look at the quote?" chases
  /// an unanswered email; said in a live call it is a question.
  static let emailOnlyCategories: Set<String> = ["nagging"]
  /// A speaker types in capitals when at least this many of their turns, and at least half
  /// of them, hold words in capitals.
  static let capitalTurnsMinimum = 3

  /// The findings without the email-only categories.
  static func droppingEmailOnly(_ findings: [Finding]) -> [Finding] {
    guard findings.contains(where: { emailOnlyCategories.contains($0.rule.category) }) else { return findings }
    return findings.filter { !emailOnlyCategories.contains($0.rule.category) }
  }

  /// For each speaker who types in capitals, their capitals findings are dropped and one
  /// notice says so (at the start of the call): "HI GOOD MORNING", "YES SURE" are how they
  /// type, not seventeen shouts. The notice is for the speakers whose words are reported:
  /// the rep, or with `everyone` (`--role all`) every speaker.
  static func capitalsAsNotes(
    _ findings: inout [Finding], segments: [Segment], everyone: Bool, language: Language
  ) -> [SuppressionNotice] {
    guard findings.contains(where: { $0.rule.id == capitalsRuleID }) else { return [] }
    var turns: [String: Int] = [:]
    for segment in segments { if let speaker = segment.speaker { turns[speaker, default: 0] += 1 } }
    var capitalTurns: [String: Set<Int>] = [:]
    for finding in findings where finding.rule.id == capitalsRuleID {
      if let speaker = segments[finding.segment].speaker { capitalTurns[speaker, default: []].insert(finding.segment) }
    }
    let typists = capitalTurns.filter { speaker, shouted in
      shouted.count >= capitalTurnsMinimum && shouted.count * 2 >= turns[speaker, default: 0]
    }
    guard !typists.isEmpty else { return [] }
    findings.removeAll { finding in
      finding.rule.id == capitalsRuleID && segments[finding.segment].speaker.map { typists[$0] != nil } == true
    }
    let reported = Set(segments.lazy.filter { everyone || $0.role == .rep }.compactMap(\.speaker))
    return typists.keys.sorted().filter(reported.contains).map { speaker in
      SuppressionNotice(
        originalOffset: 0,
        message: capitalsNote(speaker, shouted: typists[speaker]!.count, of: turns[speaker, default: 0], language))
    }
  }

  /// The notice for a speaker who types in capitals.
  static func capitalsNote(_ speaker: String, shouted: Int, of turns: Int, _ language: Language) -> String {
    switch language {
    case .french:
      "\(speaker) écrit en capitales (\(shouted) tours sur \(turns)) : les capitales ne sont pas signalées ligne par ligne dans cet appel."
    case .english:
      "\(speaker) types in capitals (\(shouted) of \(turns) turns): capitals are not reported line by line in this call."
    }
  }
}
