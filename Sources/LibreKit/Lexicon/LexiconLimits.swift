/// How many patterns user lexicons may hold, and how long one may be: the automaton grows
/// with both, so a runaway generated lexicon is refused with its location rather than
/// compiled for minutes. The built-in lexicons hold about 1,500 patterns of at most 150 bytes.
public struct LexiconLimits: Sendable, Equatable {
  public static let defaultPatterns = 50_000
  public static let defaultPatternBytes = 1_000

  /// The most patterns and `unless` exceptions, over all rules of both languages.
  public var patterns = LexiconLimits.defaultPatterns
  /// The longest pattern or exception, in UTF-8 bytes.
  public var patternBytes = LexiconLimits.defaultPatternBytes

  public init(patterns: Int = LexiconLimits.defaultPatterns, patternBytes: Int = LexiconLimits.defaultPatternBytes) {
    self.patterns = patterns
    self.patternBytes = patternBytes
  }

  /// Throws every pattern over the length limit, and the first one over the count limit,
  /// each at its place in its file.
  public func check(_ set: LexiconSet) throws(LexiconErrors) {
    var errors: [LexiconError] = []
    var count = 0
    for rule in set.rules {
      let written =
        rule.patterns.enumerated().map { ($1, Self.location($0, rule.patternLocations, rule)) }
        + rule.exceptions.enumerated().map { ($1, Self.location($0, rule.exceptionLocations, rule)) }
      for (pattern, location) in written {
        count += 1
        if count == patterns + 1 {
          errors.append(
            LexiconError(
              location: location,
              message: "more than \(patterns) patterns, the maximum pattern count (raise it with --max-patterns N)"))
        }
        if pattern.utf8.count > patternBytes {
          errors.append(
            LexiconError(
              location: location,
              message: "a pattern of \(pattern.utf8.count) bytes is over the maximum pattern length of "
                + "\(patternBytes) bytes (raise it with --max-pattern-length N)"))
        }
      }
    }
    guard errors.isEmpty else { throw LexiconErrors(errors) }
  }

  private static func location(_ index: Int, _ locations: [SourceLocation], _ rule: Rule) -> SourceLocation {
    index < locations.count ? locations[index] : rule.location
  }
}
