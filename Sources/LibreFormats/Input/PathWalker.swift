#if canImport(Glibc)
  import Glibc
#endif

/// Expands the paths given on the command line: files as they are, directories walked for
/// the extensions Libre reads. Every path named is kept, so a bad one becomes an error
/// record, never a silent drop.
public enum PathWalker {
  /// Extensions taken when walking a directory.
  public static let extensions: Set<String> = [
    "txt", "text", "md", "markdown", "html", "htm", "eml", "vtt", "srt", "json",
  ]

  /// The inputs under `paths`, in a deterministic order (directories sorted by name).
  public static func expand(_ paths: [String]) -> [String] {
    var result: [String] = []
    for path in paths {
      if path != "-" && isDirectory(path) {
        var visited: Set<String> = []
        walk(path, into: &result, visited: &visited)
      } else {
        result.append(path)
      }
    }
    return result
  }

  /// The files under `directory` with one of `extensions`, sorted.
  public static func files(under directory: String, extensions: Set<String>) -> [String] {
    var result: [String] = []
    var visited: Set<String> = []
    walk(directory, into: &result, visited: &visited, extensions: extensions)
    return result
  }

  private static func walk(
    _ directory: String, into result: inout [String], visited: inout Set<String>,
    extensions: Set<String> = PathWalker.extensions
  ) {
    guard let real = realpath(directory, nil) else { return }
    let canonical = String(cString: real)
    free(real)
    guard visited.insert(canonical).inserted, let handle = opendir(directory) else { return }
    var names: [String] = []
    while let entry = readdir(handle) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name == "." || name == ".." || name.hasPrefix(".") { continue }
      // A folder's README documents the folder; it is not one of the texts in it.
      if PathWalker.isReadme(name) { continue }
      // Evaluation sidecars (`X.gold.json`) annotate a text; they are not one.
      if name.lowercased().hasSuffix(".gold.json") { continue }
      names.append(name)
    }
    closedir(handle)
    for name in names.sorted() {
      let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
      if isDirectory(path) {
        walk(path, into: &result, visited: &visited, extensions: extensions)
      } else if let dot = name.lastIndex(of: "."),
        extensions.contains(String(name[name.index(after: dot)...]).lowercased())
      {
        result.append(path)
      }
    }
  }

  /// `README`, `README.md`, `readme.txt`…: skipped when walking a directory (naming the
  /// file itself still lints it).
  public static func isReadme(_ name: String) -> Bool {
    let lowered = name.lowercased()
    return lowered == "readme" || lowered.hasPrefix("readme.")
  }

  static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }
}
