#if canImport(Glibc)
  import Glibc
#endif

/// Where a document sits in a baseline: its real path relative to the folder of the
/// baseline file (`../x.txt` when it is outside), so the same file has the same key from
/// any working directory, typed relative, absolute or through `./`.
public enum BaselineKeys {
  /// The key of the file at `path` in the baseline at `baselineFile` (which need not
  /// exist yet); standard input keeps its name.
  public static func key(for path: String, baselineFile: String) -> String {
    guard path != "-", path != "<stdin>", let real = Configuration.realPath(path),
      let base = Configuration.realPath(Configuration.parent(of: baselineFile))
    else { return path }
    return relative(real, to: base)
  }

  /// `path` relative to `base`, both absolute and resolved.
  static func relative(_ path: String, to base: String) -> String {
    let target = path.split(separator: "/")
    let from = base.split(separator: "/")
    var common = 0
    while common < target.count, common < from.count, target[common] == from[common] { common += 1 }
    let up = Array(repeating: "..", count: from.count - common)
    return (up + target[common...].map(String.init)).joined(separator: "/")
  }
}
