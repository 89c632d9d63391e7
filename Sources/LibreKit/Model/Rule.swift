/// Where something was written in a lexicon file.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int

  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  public var description: String { "\(file):\(line):\(column)" }
}

/// What happens to a match that sits in a negation scope.
public enum NegationPolicy: Sendable, Hashable {
  /// The match is dropped ("this isn't a limited-time offer").
  case drop
  /// Negation does not change it ("you must not wait").
  case keep
  /// The match becomes a finding of another rule ("you don't have to decide today" is freedom).
  case becomes(String)
}

/// One rule of a lexicon: what it looks for and what it says.
///
/// A class, so that the findings of a long batch share one copy of the rule's texts
/// instead of copying a dozen strings each. What a rule is and says is constant (`let`),
/// which is what makes sharing it across threads safe, and spares every read the runtime's
/// exclusivity check; only the locations the loader records afterwards are `var`.
public final class Rule: @unchecked Sendable {
  /// `polarity.category.name`; English and French twins share it.
  public let id: String
  public let language: Language
  public let polarity: Polarity
  public let category: String
  public let severity: Severity
  /// Points of credit (freedom) or penalty (pressure), before the scorer's adjustments.
  public let weight: Double
  /// A stock phrase that spam filters count against the sender: its credit is cut.
  public let boilerplate: Bool
  public let message: String
  public let suggestion: String
  public let source: String
  public var patterns: [String] { lists.patterns.values }
  public var exceptions: [String] { lists.exceptions.values }
  public let whenNegated: NegationPolicy
  /// Dropped when the nearest subject before the match is first or third person.
  public let requiresAddressee: Bool
  /// The kinds of text the rule reads (`"regions"` in the lexicon; by default prose, list
  /// items and headings, and sentences only for shouting). A match elsewhere is dropped.
  public let regions: TextRegions
  public var matchingExamples: [String] { lists.matchingExamples.values }
  public var nonMatchingExamples: [String] { lists.nonMatchingExamples.values }
  /// The four lists above. Only compiling, tools (`rules`, `explain`, `check-lexicon`) and
  /// error messages read them, so precompiled lexicons leave them in their text section.
  let lists: RuleLists
  public let location: SourceLocation
  /// What the document rules ask of the rule's category, worked out once: a `Set<String>`
  /// lookup per finding in each document rule cost more than the rule itself. The lexicon
  /// says which categories carry which trait (`"categoryTraits"` in `language.json`); the
  /// compiler sets them (`LexiconSet.applyingCategoryTraits`).
  public internal(set) var traits: RuleTraits
  /// Where each pattern and each exception was written, for error messages.
  public var patternLocations: [SourceLocation] = []
  public var exceptionLocations: [SourceLocation] = []
  /// Each pattern and exception as written in the JSON when it has escapes ("" when it reads
  /// as its value), so an error inside a pattern points at the right column.
  public var patternsAsWritten: [String] = []
  public var exceptionsAsWritten: [String] = []

  public convenience init(
    id: String, language: Language, polarity: Polarity, category: String, severity: Severity,
    weight: Double, boilerplate: Bool = false, message: String, suggestion: String, source: String,
    patterns: [String], exceptions: [String] = [], whenNegated: NegationPolicy = .drop,
    requiresAddressee: Bool = false, regions: TextRegions? = nil, matchingExamples: [String] = [],
    nonMatchingExamples: [String] = [], location: SourceLocation = SourceLocation(file: "<memory>", line: 1, column: 1)
  ) {
    self.init(
      id: id, language: language, polarity: polarity, category: category, severity: severity, weight: weight,
      boilerplate: boilerplate, message: message, suggestion: suggestion, source: source,
      lists: RuleLists(
        patterns: .given(patterns), exceptions: .given(exceptions), matchingExamples: .given(matchingExamples),
        nonMatchingExamples: .given(nonMatchingExamples)),
      whenNegated: whenNegated, requiresAddressee: requiresAddressee, regions: regions, location: location)
  }

  init(
    id: String, language: Language, polarity: Polarity, category: String, severity: Severity, weight: Double,
    boilerplate: Bool, message: String, suggestion: String, source: String, lists: RuleLists,
    whenNegated: NegationPolicy, requiresAddressee: Bool, regions: TextRegions?, location: SourceLocation,
    traits: RuleTraits? = nil
  ) {
    self.id = id
    self.language = language
    self.polarity = polarity
    self.category = category
    self.severity = severity
    self.weight = weight
    self.boilerplate = boilerplate
    self.message = message
    self.suggestion = suggestion
    self.source = source
    self.lists = lists
    self.whenNegated = whenNegated
    self.requiresAddressee = requiresAddressee
    self.regions = regions ?? Rule.defaultRegions(category: category)
    self.location = location
    self.traits = traits ?? RuleTraits(polarity: polarity, category: category)
  }
}

extension Rule {
  /// What a rule reads when its lexicon entry has no `"regions"`.
  public static func defaultRegions(category: String) -> TextRegions {
    category == "shouting" ? .sentencesOnly : .readByDefault
  }
}

/// A rule's pattern, exception and example lists.
struct RuleLists: Sendable {
  var patterns: RuleStrings
  var exceptions: RuleStrings
  var matchingExamples: RuleStrings
  var nonMatchingExamples: RuleStrings
}

/// A list of a rule's strings: as given, or still in a precompiled lexicon's text. A stored
/// list makes its strings on every read: read it once into a local, not once per element.
enum RuleStrings: Sendable {
  case given([String])
  case stored(NetstringList)

  var values: [String] {
    switch self {
    case .given(let values): values
    case .stored(let list): list.values
    }
  }
}

/// What the document rules need to know of a rule's polarity and category.
public struct RuleTraits: OptionSet, Sendable, Hashable {
  public let rawValue: UInt8
  public init(rawValue: UInt8) { self.rawValue = rawValue }

  /// Pressure that takes back a freedom statement in the same message (false freedom).
  public static let contradictsFreedom = RuleTraits(rawValue: 1)
  /// A softly worded ask ("would you be open to"), not a freedom statement.
  public static let softFreedom = RuleTraits(rawValue: 2)
  /// Made by a document rule (false freedom, stacked pressure, after hesitation): not a
  /// pressure tactic of its own.
  public static let derived = RuleTraits(rawValue: 4)

  /// The names of the traits a lexicon may give a category (`"categoryTraits"`).
  public static let dataNames: [String: RuleTraits] = [
    "contradictsFreedom": .contradictsFreedom, "softFreedom": .softFreedom,
  ]
  /// Categories that are not a tactic of their own: the document rules make them, so this
  /// one stays with the code that makes them.
  static let derivedCategories: Set<String> = ["false-freedom", "stacked", "after-hesitation"]

  /// The `categoryTraits` of a rule made without a lexicon's (a rule built by hand, a
  /// language file without the key): what the shipped `language.json` files say, which a
  /// test holds them to.
  public static let defaultData: [String: [String]] = [
    "contradictsFreedom": ["urgency", "scarcity", "guilt", "assumptive-close", "fomo", "threat"],
    "softFreedom": ["autonomy-support"],
  ]

  /// The traits of a rule of this polarity and category, from the default data.
  init(polarity: Polarity, category: String) {
    self.init(polarity: polarity, category: category, data: RuleTraits.defaultData)
  }

  /// The traits `categoryTraits` (trait name → categories) gives a rule of this polarity and
  /// category: `contradictsFreedom` only on pressure, `softFreedom` only on freedom; and
  /// `derived` for the document rules' own categories.
  init(polarity: Polarity, category: String, data: [String: [String]]) {
    self = RuleTraits.derivedCategories.contains(category) ? .derived : []
    for (name, categories) in data where categories.contains(category) {
      guard let trait = RuleTraits.dataNames[name] else { continue }
      if trait == .contradictsFreedom && polarity != .pressure { continue }
      if trait == .softFreedom && polarity != .freedom { continue }
      insert(trait)
    }
  }
}

/// The settings of one language: word classes, negation and subject words, stop words.
public struct LanguageProfile: Sendable {
  public let language: Language
  /// `@name` classes: each member is a pattern.
  public var classes: [String: [String]]
  public var negators: [String]
  /// Words after which a negator is restrictive, not negative (French `plus que`).
  public var restrictiveAfter: [String]
  /// Negators that only negate after a particle in the same clause (French `ne … plus`).
  public var negatorsNeedingParticle: [String] = []
  /// Where each class was defined, for error messages.
  public var classLocations: [String: SourceLocation] = [:]
  public var negationParticles: [String]
  public var scopeBreakers: [String]
  public var firstPerson: [String]
  public var secondPerson: [String]
  public var thirdPerson: [String]
  public var stopwords: [String]
  /// What the document rules ask of a category (`"categoryTraits"`): trait name → the
  /// categories that carry it (`contradictsFreedom`: pressure that takes back a freedom just
  /// given; `softFreedom`: freedom wording that is not a way out).
  public var categoryTraits: [String: [String]] = [:]

  public init(
    language: Language, classes: [String: [String]] = [:], negators: [String] = [],
    restrictiveAfter: [String] = [], negationParticles: [String] = [], scopeBreakers: [String] = [],
    firstPerson: [String] = [], secondPerson: [String] = [], thirdPerson: [String] = [],
    stopwords: [String] = []
  ) {
    self.language = language
    self.classes = classes
    self.negators = negators
    self.restrictiveAfter = restrictiveAfter
    self.negationParticles = negationParticles
    self.scopeBreakers = scopeBreakers
    self.firstPerson = firstPerson
    self.secondPerson = secondPerson
    self.thirdPerson = thirdPerson
    self.stopwords = stopwords
  }
}
