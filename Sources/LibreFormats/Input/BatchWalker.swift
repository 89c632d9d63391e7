#if canImport(Glibc)
  import Glibc
#endif

/// Expands the paths of a command line into inputs, the same way for every command: files
/// named are taken as they are; folders are walked in name order for the extensions Libre
/// reads (`PathWalker.extensions`), with `--include`/`--exclude`, the `.gitignore` and
/// `.libreignore` files met on the way (and those above the folder, up to the repository's
/// root), dependency and build folders passed by unless named, a `.json` file taken only
/// when it reads as a transcript, a file without an extension only when it reads as a
/// message. What it cannot walk becomes an error in place; what it passes by is counted
/// by reason (`skips`), so nothing is lost without a word. A symbolic link back into a
/// folder already walked is skipped with a note.
public struct BatchWalker {
  /// One thing the walk found, in order.
  public enum Entry: Sendable, Equatable {
    /// A file to read: its path as it will be reported.
    case file(String)
    /// A path that could not be walked.
    case failed(InputError)
  }

  /// Why a walk passed a file or folder by.
  public enum SkipReason: String, Sendable, CaseIterable, Comparable {
    case ignoreFile = "matched by .gitignore or .libreignore"
    case dependencyFolder = "dependency or build folder (name it to walk it)"
    case notTranscript = ".json file that is not a transcript"
    case baseline = "the run's baseline file"

    public static func < (a: SkipReason, b: SkipReason) -> Bool {
      allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
  }

  /// Folders of dependencies and build output, passed by unless named.
  public static let dependencyFolders: Set<String> = ["node_modules", "vendor", "dist", "build", ".build", ".git"]

  public var filter: PathFilter
  /// Real paths never taken from a folder (the run's baseline files).
  public var excludedFiles: Set<String>
  /// Folders skipped because they were already walked (symbolic-link loops), for a warning.
  public private(set) var loops: [String] = []
  /// What was passed by, per reason, with the first path of each.
  public private(set) var skips: [SkipReason: (count: Int, first: String)] = [:]
  /// Files met in a folder that are not regular files (named pipes, sockets, devices) or
  /// whose names are not UTF-8: reading one could block the run for ever (a pipe with an
  /// idle writer), and a name that is not UTF-8 cannot be opened by a Swift path.
  public private(set) var special: [String] = []
  /// The paths named on the command line that were taken as files.
  public private(set) var named: Set<String> = []
  /// Files of Maildir `tmp/` folders, passed by (see `Maildir`).
  public private(set) var inDelivery: [String] = []

  /// A walker with `filter`; `excluding` lists files never taken from a folder.
  public init(filter: PathFilter = PathFilter(), excluding: [String] = []) {
    self.filter = filter
    excludedFiles = Set(excluding.compactMap(Configuration.realPath))
  }

  /// The entries under `paths`, in order. Files named directly are taken whatever the filters.
  /// A file reached twice (named twice, or named and walked) is taken once, at its first
  /// place: the same file read as two inputs would count twice in every aggregate.
  public mutating func expand(_ paths: [String]) -> [Entry] {
    var entries: [Found] = []
    for path in paths {
      if path != "-" && PathWalker.isDirectory(path) {
        var visited: Set<String> = []
        walk(path, relative: "", rules: BatchWalker.rulesAbove(path), into: &entries, visited: &visited)
      } else {
        named.insert(path)
        entries.append(Found(entry: .file(path), realPath: nil))
      }
    }
    var seen: Set<String> = []
    return entries.compactMap { found in
      guard case .file(let path) = found.entry, path != "-" else { return found.entry }
      return seen.insert(found.realPath ?? Configuration.realPath(path) ?? path).inserted ? found.entry : nil
    }
  }

  /// An entry and, for a regular file met in a walk, its real path (its folder's real path
  /// and its name: no system call), for telling a file reached twice.
  struct Found {
    var entry: Entry
    var realPath: String?
  }

  /// The skips as one line each (`3 .json file(s) that are not transcripts, e.g. x.json`).
  public var skipSummary: [String] {
    skips.keys.sorted().map { reason in
      let skip = skips[reason]!
      return "skipped \(skip.count): \(reason.rawValue) (first: \(skip.first))"
    }
  }

  /// The warning for the special files passed by (nil when there were none).
  public var specialWarning: String? {
    guard let first = special.first else { return nil }
    let more = special.count > 1 ? " and \(special.count - 1) more" : ""
    return "skipped \(special.count) file(s) that are not regular files (named pipes, sockets, devices) "
      + "or whose names are not UTF-8 (Libre cannot open them; rename them): " + first + more
  }

  /// The total of files and folders passed by.
  public var skipCount: Int { skips.values.reduce(0) { $0 + $1.count } }

  private mutating func skip(_ reason: SkipReason, _ path: String) {
    let current = skips[reason]
    skips[reason] = ((current?.count ?? 0) + 1, current?.first ?? path)
  }

  /// The ignore files of the folders above `folder` up to the repository's root (a folder
  /// holding `.git`), outermost first, each with `folder`'s path relative to its own as the
  /// prefix of the paths it matches. Outside a repository, none.
  static func rulesAbove(_ folder: String) -> [(prefix: String, rules: IgnoreRules)] {
    guard var directory = Configuration.realPath(folder), access(directory + "/.git", F_OK) != 0 else { return [] }
    var groups: [[(prefix: String, rules: IgnoreRules)]] = []
    var below = ""
    while directory != "/" && !directory.isEmpty {
      let name = String(directory.split(separator: "/").last ?? "")
      below = below.isEmpty ? name : name + "/" + below
      directory = Configuration.parent(of: directory)
      groups.append(readRules(directory, prefix: below))
      if access(directory + "/.git", F_OK) == 0 { return groups.reversed().flatMap { $0 } }
    }
    return []
  }

  /// The rules of the ignore files in `directory`, matched on `prefix` + the walk's relative path.
  static func readRules(_ directory: String, prefix: String) -> [(prefix: String, rules: IgnoreRules)] {
    IgnoreRules.fileNames.compactMap { name in
      let path = directory + "/" + name
      guard PathWalker.kind(of: path) == .file, let bytes = try? FileReader.readSettings(path) else { return nil }
      let rules = IgnoreRules(bytes, base: directory)
      return rules.isEmpty ? nil : (prefix, rules)
    }
  }

  /// Whether the ignore rules in force ignore `relative` (to the folder walked).
  static func ignored(
    _ relative: String, isFolder: Bool, by rules: [(prefix: String, rules: IgnoreRules)]
  ) -> Bool {
    var verdict = false
    for (prefix, set) in rules {
      let path: String
      if prefix.isEmpty {
        path = relative
      } else if prefix.hasPrefix("/") {
        // Rules of a folder inside the walk: `prefix` is that folder, relative, with a `/` mark.
        let inner = String(prefix.dropFirst())
        guard relative.hasPrefix(inner + "/") else { continue }
        path = String(relative.dropFirst(inner.count + 1))
      } else {
        path = prefix + "/" + relative
      }
      if let said = set.verdict(path, isFolder: isFolder) { verdict = said }
    }
    return verdict
  }

  private mutating func walk(
    _ directory: String, relative: String, rules inherited: [(prefix: String, rules: IgnoreRules)],
    into entries: inout [Found], visited: inout Set<String>
  ) {
    guard let real = realpath(directory, nil) else {
      entries.append(
        Found(entry: .failed(InputError(path: directory, message: "cannot resolve: \(FileReader.errorText())"))))
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
      entries += listing.messages.map { Found(entry: .file($0), realPath: nil) }
      special += listing.skipped
      inDelivery += listing.inDelivery
      return
    }
    guard let handle = opendir(directory) else {
      entries.append(
        Found(entry: .failed(InputError(path: directory, message: "cannot open folder: \(FileReader.errorText())"))))
      return
    }
    var names: [String] = []
    // Regular files (not links), known from the folder entry: no `stat` needed for them.
    var regular: Set<String> = []
    var hasIgnoreFile = false
    while let entry = readdir(handle) {
      let (name, isUTF8) = PathWalker.entryName(entry)
      if IgnoreRules.fileNames.contains(name) { hasIgnoreFile = true }
      guard isUTF8 else {
        if !name.hasPrefix(".") { special.append(directory.hasSuffix("/") ? directory + name : directory + "/" + name) }
        continue
      }
      if name.hasPrefix(".") || PathWalker.isReadme(name) || name.lowercased().hasSuffix(".gold.json") { continue }
      names.append(name)
      if entry.pointee.d_type == UInt8(DT_REG) { regular.insert(name) }
    }
    closedir(handle)
    var rules = inherited
    if hasIgnoreFile {
      for found in BatchWalker.readRules(directory, prefix: "") {
        rules.append((relative.isEmpty ? "" : "/" + relative, found.rules))
      }
    }
    for name in names.sorted() {
      let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
      let childRelative = relative.isEmpty ? name : relative + "/" + name
      let isRegular = regular.contains(name)
      let kind = isRegular ? .file : PathWalker.kind(of: path)
      if kind == .special {
        special.append(path)
        continue
      }
      let isFolder = kind == .folder
      if !rules.isEmpty && BatchWalker.ignored(childRelative, isFolder: isFolder, by: rules) {
        skip(.ignoreFile, path)
        continue
      }
      if isFolder {
        if BatchWalker.dependencyFolders.contains(name) {
          skip(.dependencyFolder, path)
        } else if filter.entersFolder(childRelative) {
          walk(path, relative: childRelative, rules: rules, into: &entries, visited: &visited)
        }
        continue
      }
      let folder = String(directory.split(separator: "/").last ?? "")
      guard filter.takesFile(childRelative), let taken = take(path, name: name, folder: folder) else { continue }
      if taken {
        entries.append(
          Found(entry: .file(path), realPath: isRegular ? (canonical == "/" ? "" : canonical) + "/" + name : nil))
      }
    }
  }

  /// Whether a file met in a folder is an input: by its extension, then by its content;
  /// nil when it is none of Libre's (passed by without a count, as any other file type).
  private mutating func take(_ path: String, name: String, folder: String) -> Bool? {
    if !excludedFiles.isEmpty, let real = Configuration.realPath(path), excludedFiles.contains(real) {
      skip(.baseline, path)
      return false
    }
    let ext = FileReader.fileExtension(name)
    if ext == "json" {
      guard let head = WalkSniff.head(path, count: WalkSniff.jsonHeadBytes) else { return true }
      if WalkSniff.looksLikeTranscript(head) { return true }
      skip(.notTranscript, path)
      return false
    }
    if PathWalker.extensions.contains(ext) { return true }
    if WalkSniff.needsMailSniff(name: name, folder: folder), let head = WalkSniff.head(path),
      WalkSniff.looksLikeMail(head)
    {
      return true
    }
    return nil
  }
}
