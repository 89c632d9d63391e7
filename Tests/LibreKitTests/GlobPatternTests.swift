import LibreKit
import Testing

/// The one glob matcher: the same answers as a plain backtracking reference on small cases,
/// and no hang or stack overflow on hostile ones (issue 21, point 3).
struct GlobPatternTests {
  /// The reference: the memoized recursion the matcher replaced, fine on small inputs.
  static func reference(_ pattern: [Character], _ text: [Character], path: Bool) -> Bool {
    var memo: [Int: Bool] = [:]
    func match(_ p: Int, _ t: Int) -> Bool {
      let key = p * (text.count + 1) + t
      if let known = memo[key] { return known }
      let result: Bool
      if p == pattern.count {
        result = t == text.count
      } else if pattern[p] == "*" {
        var next = p
        while next < pattern.count && pattern[next] == "*" { next += 1 }
        let crossesSlash = !path || next - p > 1
        if path && crossesSlash && next < pattern.count && pattern[next] == "/" && match(next + 1, t) {
          result = true
        } else {
          var end = t
          var found = false
          while true {
            if match(next, end) {
              found = true
              break
            }
            if end == text.count || (!crossesSlash && text[end] == "/") { break }
            end += 1
          }
          result = found
        }
      } else if t < text.count, path && pattern[p] == "?" ? text[t] != "/" : pattern[p] == text[t] {
        result = match(p + 1, t + 1)
      } else {
        result = false
      }
      memo[key] = result
      return result
    }
    return match(0, 0)
  }

  @Test func agreesWithTheReferenceOnEveryShortCase() {
    var generator = SplitMix(seed: 21)
    let patternAlphabet: [Character] = ["a", "b", "/", "*", "*", "?", "."]
    let textAlphabet: [Character] = ["a", "b", "/", "."]
    for _ in 0..<20_000 {
      let pattern = (0..<Int(generator.next() % 7)).map { _ in patternAlphabet[Int(generator.next() % 7)] }
      let text = (0..<Int(generator.next() % 8)).map { _ in textAlphabet[Int(generator.next() % 4)] }
      for syntax in [GlobPattern.Syntax.path, .ruleID] {
        let expected = Self.reference(pattern, text, path: syntax == .path)
        let got = GlobPattern(String(pattern), syntax: syntax).matches(String(text))
        #expect(got == expected, "\(String(pattern)) on \(String(text)) (\(syntax))")
      }
    }
  }

  @Test func pathStarsStopAtSlashesAndFoldersMayBeNone() {
    let path = { (pattern: String, text: String) in GlobPattern(pattern, syntax: .path).matches(text) }
    #expect(path("**/*.vtt", "a.vtt") && path("**/*.vtt", "x/y/a.vtt") && !path("*.vtt", "x/a.vtt"))
    #expect(path("x**/y", "xa/y") && !path("x**/y", "xay") && path("a/**/b", "a/b") && path("a/**/b", "a/c/d/b"))
    #expect(GlobPattern("pressure.*", syntax: .ruleID).matches("pressure.urgency.deadline"))
    #expect(!GlobPattern("pressure.?", syntax: .ruleID).matches("pressure.a"))
  }

  @Test func hostilePatternsAnswerAtOnce() {
    let clock = ContinuousClock()
    let started = clock.now
    let stars = String(repeating: "*", count: 200_000)
    #expect(!GlobPattern(stars + "x", syntax: .ruleID).matches("pressure.urgency.deadline"))
    #expect(GlobPattern(stars + "e", syntax: .ruleID).matches("pressure.urgency.deadline"))
    let alternating = String(repeating: "a*", count: 50_000) + "x"
    #expect(!GlobPattern(alternating, syntax: .path).matches(String(repeating: "a", count: 2_000)))
    #expect(
      !GlobPattern(String(repeating: "*a", count: 40) + "x", syntax: .ruleID).matches(
        String(repeating: "a", count: 200)))
    #expect(clock.now - started < .seconds(5))
  }
}

/// A small deterministic generator for the randomized comparisons.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
