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
  ///
  /// What counts is what is compiled: each pattern as many times as the combinations of
  /// class members it expands to (`@a` counts |a|, and `@a *{0,8} @b` counts |a| × |b|:
  /// the automaton links every member of `a` to every member of `b`). The sums
  /// and products saturate, so no lexicon can overflow them, and the check runs before any
  /// of the cost is paid.
  public func check(_ set: LexiconSet) throws(LexiconErrors) {
    var errors: [LexiconError] = []
    var count = 0
    var reported = false
    func add(_ cost: Int, at location: SourceLocation) {
      count = LexiconLimits.saturatingSum(count, cost)
      guard count > patterns && !reported else { return }
      reported = true
      let how = cost > 1 ? " (this pattern expands to \(cost) through its classes)" : ""
      errors.append(
        LexiconError(
          location: location,
          message: "more than \(patterns) patterns, the maximum pattern count, counting class members and the "
            + "combinations of them a pattern expands to\(how) (raise it with --max-patterns N)"))
    }
    let classSizes = set.profiles.mapValues { $0.classes.mapValues(\.count) }
    for rule in set.rules {
      let written =
        rule.patterns.enumerated().map { ($1, Self.location($0, rule.patternLocations, rule)) }
        + rule.exceptions.enumerated().map { ($1, Self.location($0, rule.exceptionLocations, rule)) }
      let sizes = classSizes[rule.language] ?? [:]
      for (pattern, location) in written {
        let cost = LexiconLimits.expansions(of: pattern, classSizes: sizes)
        add(cost, at: location)
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

  /// How many patterns `pattern` compiles as: the product of the sizes of the classes it
  /// names (`@name`; `\@` is a literal), at least 1, saturating at `Int.max`.
  public static func expansions(of pattern: String, classSizes: [String: Int]) -> Int {
    let bytes = Array(pattern.utf8)
    var product = 1
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\\") {
        index += 2
        continue
      }
      index += 1
      guard byte == UInt8(ascii: "@") else { continue }
      let start = index
      while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
      let name = String(decoding: bytes[start..<index], as: UTF8.self)
      // An unknown class is the compiler's error to report; it costs nothing here.
      let size = max(1, classSizes[name] ?? 1)
      let (multiplied, overflow) = product.multipliedReportingOverflow(by: size)
      product = overflow ? Int.max : multiplied
    }
    return product
  }

  /// The bytes of a class name (as `PatternParser` reads it; non-ASCII letters included).
  private static func isNameByte(_ byte: UInt8) -> Bool {
    byte >= 0x80 || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
      || byte == UInt8(ascii: "_")
  }

  static func saturatingSum(_ left: Int, _ right: Int) -> Int {
    let (sum, overflow) = left.addingReportingOverflow(right)
    return overflow ? Int.max : sum
  }

  private static func location(_ index: Int, _ locations: [SourceLocation], _ rule: Rule) -> SourceLocation {
    index < locations.count ? locations[index] : rule.location
  }
}
