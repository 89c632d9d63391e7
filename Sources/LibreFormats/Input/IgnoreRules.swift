/// The patterns of one `.gitignore` or `.libreignore` file, in git's syntax: blank lines
/// and `#` comments skipped, `!` re-includes, a trailing `/` matches folders only, a
/// pattern with a `/` before its end is anchored to the file's folder, one without matches
/// a name at any depth; `*`, `?` and `**` as in `Glob`. The last matching pattern wins.
public struct IgnoreRules: Sendable {
  struct Pattern: Sendable {
    var glob: Glob
    var negated: Bool
    var foldersOnly: Bool
    var anchored: Bool
  }

  /// The folder the patterns are relative to (as the walk names it).
  public var base: String
  var patterns: [Pattern] = []

  /// The files read in each folder a walk enters.
  public static let fileNames = [".gitignore", ".libreignore"]

  /// Reads the patterns of `bytes`, a file in the folder `base`.
  public init(_ bytes: [UInt8], base: String) {
    self.base = base
    for rawLine in String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
      var line = Substring(rawLine)
      while line.last == " " && !line.hasSuffix("\\ ") { line.removeLast() }
      if line.isEmpty || line.hasPrefix("#") { continue }
      var negated = false
      if line.hasPrefix("!") {
        negated = true
        line.removeFirst()
      } else if line.hasPrefix("\\!") || line.hasPrefix("\\#") {
        line.removeFirst()
      }
      var foldersOnly = false
      if line.hasSuffix("/") {
        foldersOnly = true
        line.removeLast()
      }
      let anchored = line.contains("/")
      if line.hasPrefix("/") { line.removeFirst() }
      if line.isEmpty { continue }
      patterns.append(
        Pattern(glob: Glob(String(line)), negated: negated, foldersOnly: foldersOnly, anchored: anchored))
    }
  }

  public var isEmpty: Bool { patterns.isEmpty }

  /// Whether the patterns ignore (true), re-include (false) or say nothing of (nil) the
  /// entry at `relative` (to `base`).
  public func verdict(_ relative: String, isFolder: Bool) -> Bool? {
    let name = relative.split(separator: "/").last.map(String.init) ?? relative
    var verdict: Bool?
    for pattern in patterns where !pattern.foldersOnly || isFolder {
      if pattern.anchored ? pattern.glob.matches(relative) : pattern.glob.matches(name) {
        verdict = !pattern.negated
      }
    }
    return verdict
  }
}
