#if canImport(Glibc)
  import Glibc
#endif

/// Expands paths for `libre analyze` like `PathWalker` (same extensions, README files and
/// gold sidecars skipped, sorted), with `--include`/`--exclude` filters, and reports what
/// it could not walk (a folder it cannot open, a path that does not exist) as errors in
/// place, so every input the user named ends up in the output. A symbolic link back into a
/// folder already walked is skipped with a note: its files were already taken.
public struct BatchWalker {
  /// One thing the walk found, in order.
  public enum Entry: Sendable, Equatable {
    /// A file to analyze: its path as it will be reported.
    case file(String)
    /// A path that could not be walked.
    case failed(InputError)
  }

  public var filter: PathFilter
  /// Folders skipped because they were already walked (symbolic-link loops), for a warning.
  public private(set) var loops: [String] = []
  /// Files met in a folder that are not regular files, passed by (see `PathWalker.expand`).
  public private(set) var skipped: [String] = []
  /// Files of Maildir `tmp/` folders, passed by (see `Maildir`).
  public private(set) var inDelivery: [String] = []

  public init(filter: PathFilter = PathFilter()) { self.filter = filter }

  /// The entries under `paths`, in order. Files named directly are taken whatever the filters.
  /// A file reached twice (named twice, or named and walked) is taken once, at its first
  /// place: the same file read as two inputs would count twice in every aggregate.
  public mutating func expand(_ paths: [String]) -> [Entry] {
    var entries: [Entry] = []
    for path in paths {
      if path != "-" && PathWalker.isDirectory(path) {
        var visited: Set<String> = []
        walk(path, relative: "", into: &entries, visited: &visited)
      } else {
        entries.append(.file(path))
      }
    }
    var seen: Set<String> = []
    return entries.filter { entry in
      guard case .file(let path) = entry, path != "-" else { return true }
      return seen.insert(Configuration.realPath(path) ?? path).inserted
    }
  }

  private mutating func walk(
    _ directory: String, relative: String, into entries: inout [Entry], visited: inout Set<String>
  ) {
    guard let real = realpath(directory, nil) else {
      entries.append(.failed(InputError(path: directory, message: "cannot resolve: \(FileReader.errorText())")))
      return
    }
    let canonical = String(cString: real)
    free(real)
    guard visited.insert(canonical).inserted else {
      loops.append(directory)
      return
    }
    // A Maildir's messages have no extension: it is walked by its structure.
    if Maildir.isMaildir(directory) {
      let listing = Maildir.list(directory)
      entries += listing.messages.map(Entry.file)
      skipped += listing.skipped
      inDelivery += listing.inDelivery
      return
    }
    guard let handle = opendir(directory) else {
      entries.append(.failed(InputError(path: directory, message: "cannot open folder: \(FileReader.errorText())")))
      return
    }
    var names: [String] = []
    while let entry = readdir(handle) {
      let (name, isUTF8) = PathWalker.entryName(entry)
      guard isUTF8 else {
        if !name.hasPrefix(".") { skipped.append(directory.hasSuffix("/") ? directory + name : directory + "/" + name) }
        continue
      }
      if name.hasPrefix(".") || PathWalker.isReadme(name) || name.lowercased().hasSuffix(".gold.json") { continue }
      names.append(name)
    }
    closedir(handle)
    for name in names.sorted() {
      let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
      let childRelative = relative.isEmpty ? name : relative + "/" + name
      let kind = PathWalker.kind(of: path)
      if kind == .special {
        skipped.append(path)
      } else if kind == .folder {
        if filter.entersFolder(childRelative) { walk(path, relative: childRelative, into: &entries, visited: &visited) }
      } else if let dot = name.lastIndex(of: "."),
        PathWalker.extensions.contains(String(name[name.index(after: dot)...]).lowercased()),
        filter.takesFile(childRelative)
      {
        entries.append(.file(path))
      }
    }
  }
}
