/// A shell-style pattern for `--include` / `--exclude`: `*` any run of characters but `/`,
/// `**` any run including `/` (`**/` also matches nothing, so `**/*.vtt` matches `a.vtt`),
/// `?` one character but `/`; everything else matches itself.
public struct Glob: Sendable, Equatable {
  public let pattern: String
  private let scalars: [Unicode.Scalar]

  public init(_ pattern: String) {
    self.pattern = pattern
    scalars = Array(pattern.unicodeScalars)
  }

  /// Whether the whole of `path` matches.
  public func matches(_ path: String) -> Bool {
    let text = Array(path.unicodeScalars)
    // Memoized on (pattern index, text index): `**` and `*` backtracking stays polynomial.
    var memo = [Int8](repeating: -1, count: (scalars.count + 1) * (text.count + 1))
    return match(0, 0, text, &memo)
  }

  private func match(_ p: Int, _ t: Int, _ text: [Unicode.Scalar], _ memo: inout [Int8]) -> Bool {
    let key = p * (text.count + 1) + t
    if memo[key] >= 0 { return memo[key] == 1 }
    let result: Bool
    if p == scalars.count {
      result = t == text.count
    } else if scalars[p] == "*" {
      let double = p + 1 < scalars.count && scalars[p + 1] == "*"
      if double {
        var next = p + 2
        // `**/` may match no folder at all.
        if next < scalars.count, scalars[next] == "/", match(next + 1, t, text, &memo) {
          memo[key] = 1
          return true
        }
        while next < scalars.count && scalars[next] == "*" { next += 1 }
        var end = t
        var found = false
        while true {
          if match(next, end, text, &memo) {
            found = true
            break
          }
          if end == text.count { break }
          end += 1
        }
        result = found
      } else {
        var end = t
        var found = false
        while true {
          if match(p + 1, end, text, &memo) {
            found = true
            break
          }
          if end == text.count || text[end] == "/" { break }
          end += 1
        }
        result = found
      }
    } else if t < text.count, scalars[p] == "?" ? text[t] != "/" : scalars[p] == text[t] {
      result = match(p + 1, t + 1, text, &memo)
    } else {
      result = false
    }
    memo[key] = result ? 1 : 0
    return result
  }
}

/// `--include` and `--exclude` together: a file is taken when no include is given or one
/// matches, and no exclude matches. Each pattern is tried on the path relative to the
/// walked folder and on the file name alone, so `--exclude '*.srt'` works at any depth.
public struct PathFilter: Sendable {
  public var includes: [Glob]
  public var excludes: [Glob]

  public init(includes: [Glob] = [], excludes: [Glob] = []) {
    self.includes = includes
    self.excludes = excludes
  }

  public var isEmpty: Bool { includes.isEmpty && excludes.isEmpty }

  /// Whether the file at `relative` (to the walked folder) is taken.
  public func takesFile(_ relative: String) -> Bool {
    let name = PathFilter.name(relative)
    if excludes.contains(where: { $0.matches(relative) || $0.matches(name) }) { return false }
    return includes.isEmpty || includes.contains { $0.matches(relative) || $0.matches(name) }
  }

  /// Whether to walk into the folder at `relative`: excludes prune whole folders
  /// (`--exclude archive`); includes only ever select files.
  public func entersFolder(_ relative: String) -> Bool {
    let name = PathFilter.name(relative)
    return !excludes.contains { $0.matches(relative) || $0.matches(name) }
  }

  static func name(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return path }
    return String(path[path.index(after: slash)...])
  }
}
