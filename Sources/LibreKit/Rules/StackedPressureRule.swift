/// Pressure tactics piling up: three or more pressure categories in one message.
enum StackedPressureRule: DocumentRule {
  static let id = "pressure.stacked.categories"
  static let polarity = Polarity.pressure
  static let severity = Severity.error
  static let weight: Double = 5
  static let rules = makeRules()
  static let source =
    "Scoring idea 6, pressure density with stacking (SpamAssassin sums rule scores, threshold 5); MATH dark-pattern survey, scarcity and urgency most common (docs/research.md)"

  static func texts(_ language: Language) -> DocumentRuleTexts {
    switch language {
    case .english:
      DocumentRuleTexts(
        message:
          "Three or more kinds of pressure in one message: stacked tactics read as manipulation and spam filters add them up.",
        suggestion:
          "Keep one honest reason to act (a real date, if there is one) and drop the rest.")
    case .french:
      DocumentRuleTexts(
        message:
          "Trois types de pression ou plus dans un même message : des tactiques empilées se lisent comme de la manipulation, et les filtres anti-spam les additionnent.",
        suggestion:
          "Gardez une seule raison honnête d'agir (une vraie date, s'il y en a une) et retirez le reste.")
    }
  }

  static func examples(_ language: Language) -> DocumentRuleExamples {
    switch language {
    case .english:
      DocumentRuleExamples(
        matching: ["Only 2 spots left. The offer ends Friday. You must sign today."],
        nonMatching: ["The offer ends Friday. Would a call help?"])
    case .french:
      DocumentRuleExamples(
        matching: ["Il ne reste que 2 places. L'offre se termine vendredi. Vous devez signer aujourd'hui."],
        nonMatching: ["L'offre se termine vendredi. Un appel vous aiderait-il ?"])
    }
  }

  /// Distinct pressure categories that make a message "stacked".
  static let stackedCategoryCount = 3

  /// One finding when three or more pressure categories meet in a message, placed on the
  /// first finding (by start) of the category that made the count.
  static func apply(_ findings: [Finding], language: Language) -> [Finding] {
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
      rule: rule(language), start: third.start, end: third.end,
      sentence: third.sentence)
    flag.segment = third.segment
    let seen = firsts.map { findings[$0].rule.category }
    flag.detail = "\(seen.count) pressure categories: \(seen.joined(separator: ", "))"
    return [flag]
  }
}
