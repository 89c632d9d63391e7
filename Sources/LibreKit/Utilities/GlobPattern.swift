/// A glob compiled once and matched without backtracking: the one glob matcher of Libre,
/// behind rule globs (suppression comments, `.libre.json` `"rules"` keys) and path globs
/// (`--include`, `--exclude`, `ignore`, a profile's `files`).
///
/// Matching runs the pattern as a state machine over the text, one character at a time,
/// keeping the set of pattern positions still alive: O(pattern × text) time, O(pattern)
/// memory, no recursion — the bound of the classic last-star backtracking, which cannot be
/// used as is here because paths have two stars (`*` stops at `/`, `**` does not) and `**/`
/// may match no folder at all. A run of stars is one star, so `************x` costs what
/// `*x` costs, and 200,000 stars take no stack.
public struct GlobPattern: Sendable, Equatable {
  /// What the stars mean.
  public enum Syntax: Sendable {
    /// Rule ids: `*` is any run of characters (`pressure.*` names `pressure.urgency.deadline`);
    /// every other character matches itself.
    case ruleID
    /// Paths: `*` any run of characters but `/`, `**` any run including `/` (`**/` also
    /// matches no folder, so `**/*.vtt` matches `a.vtt`), `?` one character but `/`.
    case path
  }

  enum Token: Sendable, Equatable {
    case literal(Unicode.Scalar)
    /// `?`: one character but `/`.
    case anyOne
    /// `*` in a path: any run of characters but `/`.
    case star
    /// `**` (or a rule id's `*`): any run of characters.
    case anyRun
    /// `**/`: nothing, or any run of characters that ends with `/`.
    case folders
  }

  public let pattern: String
  let tokens: [Token]
  /// How many characters a matching text has at least (its literals and `?`s).
  let minimumLength: Int

  public init(_ pattern: String, syntax: Syntax) {
    self.pattern = pattern
    let scalars = Array(pattern.unicodeScalars)
    var tokens: [Token] = []
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      guard scalar == "*" else {
        tokens.append(syntax == .path && scalar == "?" ? .anyOne : .literal(scalar))
        index += 1
        continue
      }
      var end = index
      while end < scalars.count && scalars[end] == "*" { end += 1 }
      if syntax == .ruleID {
        tokens.append(.anyRun)
      } else if end - index == 1 {
        tokens.append(.star)
      } else if end < scalars.count && scalars[end] == "/" {
        tokens.append(.folders)
        end += 1
      } else {
        tokens.append(.anyRun)
      }
      index = end
    }
    self.tokens = tokens
    minimumLength = tokens.reduce(0) { count, token in
      switch token {
      case .literal, .anyOne: return count + 1
      case .star, .anyRun, .folders: return count
      }
    }
  }

  public static func == (left: GlobPattern, right: GlobPattern) -> Bool { left.tokens == right.tokens }

  /// Whether the whole of `text` matches.
  public func matches(_ text: String) -> Bool {
    // Too short for the pattern's literals: no need to read it (a text has at least as many
    // UTF-8 bytes as characters).
    guard text.utf8.count >= minimumLength else { return false }
    let count = tokens.count
    // `alive[i]`: the text read so far can be followed by tokens i…; `inside[i]`: token i
    // is a `**/` that has taken characters, so it can only end after a `/`.
    var alive = [Bool](repeating: false, count: count + 1)
    var inside = [Bool](repeating: false, count: count + 1)
    var nextAlive = alive
    var nextInside = inside
    alive[0] = true
    close(&alive)
    for scalar in text.unicodeScalars {
      var any = false
      for position in 0..<count where alive[position] || inside[position] {
        switch tokens[position] {
        case .literal(let expected):
          if alive[position] && scalar == expected { nextAlive[position + 1] = true }
        case .anyOne:
          if alive[position] && scalar != "/" { nextAlive[position + 1] = true }
        case .star:
          if scalar != "/" { nextAlive[position] = true }
        case .anyRun:
          nextAlive[position] = true
        case .folders:
          nextInside[position] = true
          if scalar == "/" { nextAlive[position + 1] = true }
        }
        any = true
      }
      guard any else { return false }
      close(&nextAlive)
      swap(&alive, &nextAlive)
      swap(&inside, &nextInside)
      for position in 0...count {
        nextAlive[position] = false
        nextInside[position] = false
      }
    }
    return alive[count]
  }

  /// Adds what is alive without reading a character: past a star, which may match nothing.
  private func close(_ alive: inout [Bool]) {
    for position in 0..<tokens.count where alive[position] {
      switch tokens[position] {
      case .star, .anyRun, .folders: alive[position + 1] = true
      case .literal, .anyOne: break
      }
    }
  }
}
