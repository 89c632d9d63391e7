import LibreKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The settings of a `.libre.json` file (JSON Schema: `schemas/libre-config.schema.json`).
///
///     { "language": "fr", "rules": { "pressure.urgency.*": "warning" }, "minScore": 60,
///       "failOn": "error", "ignore": ["drafts/**"], "speakers": { "rep": ["Sam Lee"] },
///       "profiles": { "followUp": { "files": ["follow-ups/**"], "minScore": 70 } } }
///
/// Found from each linted file's folder upward (the nearest wins), or forced with
/// `--config PATH`; flags on the command line override it. Unknown keys and bad values are
/// errors with their line, so a typo never silently does nothing. `"$comment"` keys (a
/// string or a list of strings) are accepted in every object and ignored: JSON has no
/// comments, and JSON Schema reserves that key for them.
public struct Configuration: Sendable, Equatable {
  /// The file it was read from.
  public var path: String
  /// `speakers.rep`: the seller's speaker names in calls (as `--rep`).
  public var reps: [String] = []
  /// `language`: `auto` or a language code; nil when the file does not say.
  public var language: LanguageChoice?
  /// `lexicons`: extra lexicon files or folders, resolved against the file's folder.
  public var lexicons: [String] = []
  /// The line of `lexicons`, for the errors of the lexicons it names.
  public var lexiconsLine: Int?
  /// `rules`: levels by rule id or glob.
  public var rules = RuleSettings()
  /// `minScore` and `failOn`.
  public var gate = GateSettings()
  /// `ignore`: files not linted, as globs on the path relative to the file's folder.
  public var ignore: [Glob] = []
  /// `profiles`: settings per channel.
  public var profiles: [Profile] = []

  /// The file name looked for in each folder.
  public static let fileName = ".libre.json"

  public init(path: String) { self.path = path }

  /// The folder the configuration's relative paths and globs start from.
  public var folder: String { Configuration.parent(of: path) }

  /// Whether `file` matches an `ignore` glob (on its path relative to `folder`, on its
  /// name, or on one of its folders).
  public func ignores(_ file: String) -> Bool {
    guard !ignore.isEmpty, let relative = relativePath(of: file) else { return false }
    let parts = relative.split(separator: "/").map(String.init)
    var candidates = [relative, parts.last ?? relative]
    for end in parts.indices.dropLast() { candidates.append(parts[...end].joined(separator: "/")) }
    return ignore.contains { glob in candidates.contains(where: glob.matches) }
  }

  /// The profile for `file`: `forced` by name, else the first whose `files` match, else
  /// the transcript profile (without `files`) for a call.
  public func profile(for file: String, isCall: Bool, forced: Channel? = nil) -> Profile? {
    if let forced { return profiles.first { $0.channel == forced } }
    if let relative = relativePath(of: file) {
      let name = String(relative.split(separator: "/").last ?? "")
      if let match = profiles.first(where: { $0.files.contains { $0.matches(relative) || $0.matches(name) } }) {
        return match
      }
    }
    return isCall ? profiles.first { $0.channel == .transcript && $0.files.isEmpty } : nil
  }

  /// `file`'s path relative to `folder`, nil when it is outside (or is stdin).
  public func relativePath(of file: String) -> String? {
    guard file != "-", file != "<stdin>", let real = Configuration.realPath(file),
      let base = Configuration.realPath(folder)
    else { return nil }
    let prefix = base == "/" ? "/" : base + "/"
    return real.hasPrefix(prefix) ? String(real.dropFirst(prefix.count)) : nil
  }

  /// Checks that every rule pattern (of the file and of its profiles) names at least one of
  /// `ruleIDs`: a pattern that matches nothing is a typo that would silently do nothing.
  public func checkRules(against ruleIDs: Set<String>) throws(InputError) {
    for entry in rules.entries + profiles.flatMap(\.rules.entries)
    where !ruleIDs.contains(where: { Suppressions.matches(entry.pattern, $0) }) {
      throw InputError(path: path, line: entry.line, message: ConfigurationMessages.noSuchRule(entry.pattern))
    }
  }

  /// The nearest `.libre.json` from the folder of `file` upward, if any: relative to the
  /// working directory when it is under it, so messages name it as the user sees it.
  public static func find(for file: String) -> String? {
    var ignored: [String] = []
    return find(for: file, ignored: &ignored)
  }

  /// `find(for:)`, which stops at the repository's root (a folder holding `.git`) or the
  /// user's home, whichever comes first: a file above the project (`/tmp/.libre.json`)
  /// must not set its rules or make it read lexicons. A file anyone may write that another
  /// user owns is passed over and put in `ignored`, for a warning.
  public static func find(for file: String, ignored: inout [String]) -> String? {
    let start = file == "-" || file == "<stdin>" ? "." : parent(of: file)
    guard var directory = realPath(start) else { return nil }
    let home = getenv("HOME").flatMap { realPath(String(cString: $0)) }
    while true {
      let candidate = directory == "/" ? "/" + fileName : directory + "/" + fileName
      var info = stat()
      if stat(candidate, &info) == 0 {
        if info.st_mode & S_IWOTH != 0 && info.st_uid != geteuid() {
          ignored.append(shortened(candidate))
        } else {
          return shortened(candidate)
        }
      }
      let gitMarker = directory == "/" ? "/.git" : directory + "/.git"
      if access(gitMarker, F_OK) == 0 || directory == home { return nil }
      if directory == "/" || directory.isEmpty { return nil }
      directory = parent(of: directory)
      if directory.isEmpty { directory = "/" }
    }
  }

  /// `path` relative to the working directory when it is under it.
  static func shortened(_ path: String) -> String {
    guard let here = realPath(".") else { return path }
    let prefix = here == "/" ? "/" : here + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
  }

  static func realPath(_ path: String) -> String? {
    guard let real = realpath(path, nil) else { return nil }
    defer { free(real) }
    return String(cString: real)
  }

  static func parent(of path: String) -> String {
    // On the bytes: the lint policy asks this of every input of a batch.
    let bytes = path.utf8
    guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return "." }
    return slash == bytes.startIndex ? "/" : String(decoding: bytes[..<slash], as: UTF8.self)
  }
}

/// `"language"` in a configuration: detect, or a given language.
public enum LanguageChoice: Sendable, Equatable {
  case auto
  case fixed(Language)

  /// The language to lint in, nil to detect it.
  public var language: Language? {
    if case .fixed(let language) = self { return language }
    return nil
  }
}

/// A channel's settings (`profiles.coldEmail`, `profiles.followUp`, `profiles.transcript`),
/// applied over the file's own: a follow-up may be held to another bar than a first email.
public struct Profile: Sendable, Equatable {
  public var channel: Channel
  /// Files it applies to (globs on the path relative to the configuration's folder, or on
  /// the file name). A transcript profile without `files` applies to every call.
  public var files: [Glob] = []
  public var rules = RuleSettings()
  public var gate = GateSettings()

  public init(channel: Channel) { self.channel = channel }
}

/// The kinds of documents a profile can be written for.
public enum Channel: String, Sendable, CaseIterable {
  case coldEmail, followUp, transcript
}
