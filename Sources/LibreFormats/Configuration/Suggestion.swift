/// "Did you mean": the closest of some known names to a mistyped one.
public enum Suggestion {
  /// The candidate nearest `word` by edit distance (case ignored), when it is near enough
  /// to be a typo: at most 2 edits, and fewer than half the word's length.
  public static func closest(to word: String, among candidates: [String]) -> String? {
    let typed = Array(word.lowercased().unicodeScalars)
    var best: (distance: Int, name: String)?
    for candidate in candidates {
      let distance = editDistance(typed, Array(candidate.lowercased().unicodeScalars))
      if distance <= 2, distance * 2 < max(typed.count, 2), distance < (best?.distance ?? .max) {
        best = (distance, candidate)
      }
    }
    return best?.name
  }

  /// ` (did you mean 'lint'?)`, or nothing when no candidate is near.
  public static func hint(for word: String, among candidates: [String]) -> String {
    guard let name = closest(to: word, among: candidates) else { return "" }
    return " (did you mean '\(name)'?)"
  }

  /// The Levenshtein distance, with adjacent transpositions counted as one edit.
  static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], previous2[j - 2] + 1)
        }
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }
}
