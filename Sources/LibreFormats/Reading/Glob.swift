import LibreKit

/// A shell-style pattern for `--include` / `--exclude`: `*` any run of characters but `/`,
/// `**` any run including `/` (`**/` also matches nothing, so `**/*.vtt` matches `a.vtt`),
/// `?` one character but `/`; everything else matches itself. Matched by `GlobPattern`, in
/// time linear in the path for a given pattern.
public struct Glob: Sendable, Equatable {
  public var pattern: String { compiled.pattern }
  private let compiled: GlobPattern

  public init(_ pattern: String) {
    compiled = GlobPattern(pattern, syntax: .path)
  }

  /// Whether the whole of `path` matches.
  public func matches(_ path: String) -> Bool { compiled.matches(path) }
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
