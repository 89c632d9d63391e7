import LibreFormats
import LibreKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What governs the lint of one document in the servers: the linter of its lexicons, the
/// document options and the rule levels of its configuration.
public struct LintSettings: Sendable {
  public var linter: Linter
  public var documentOptions: DocumentOptions
  public var rules: RuleSettings
  /// The configuration file that gave these settings, if any.
  public var configurationPath: String?

  public init(linter: Linter, documentOptions: DocumentOptions, rules: RuleSettings, configurationPath: String?) {
    self.linter = linter
    self.documentOptions = documentOptions
    self.rules = rules
    self.configurationPath = configurationPath
  }
}

/// Lints texts for `libre serve` and `libre lsp`: resolves each document's settings (the
/// nearest `.libre.json`, re-read when it changes), compiles each set of lexicons once,
/// and places the findings in the text. Shared by the HTTP server's connection threads.
/// A class marked `@unchecked Sendable` because its caches are touched only under `lock`.
public final class LintService: @unchecked Sendable {
  /// Compiles the built-in lexicons plus the named lexicon files.
  public typealias LexiconCompiler = @Sendable ([String]) throws -> Linter

  private let builtIn: Linter
  private let compile: LexiconCompiler
  private let forcedConfiguration: String?
  private let lock = ServerLock()
  private var configurations: [String: (stamp: FileStamp, result: Result<Configuration, InputError>)] = [:]
  private var linters: [[String]: Result<Linter, InputError>] = [:]

  /// `forcedConfiguration` (`--config`) governs every document; without it a document with
  /// a path takes the nearest `.libre.json`, one without a path (an HTTP request) none.
  public init(builtIn: Linter, forcedConfiguration: String? = nil, compile: @escaping LexiconCompiler) {
    self.builtIn = builtIn
    self.compile = compile
    self.forcedConfiguration = forcedConfiguration
    linters[[]] = .success(builtIn)
  }

  /// The settings of the document at `path` (nil: a text with no file). This is the one
  /// place the servers turn a path into settings; a broken configuration throws its error.
  public func settings(for path: String?, language: Language? = nil) throws(InputError) -> LintSettings {
    let configuration = try configuration(for: path)
    let lexicons = configuration?.lexicons ?? []
    let linter = try linter(for: lexicons, configuration: configuration)
    var rules = configuration?.rules ?? RuleSettings()
    if let configuration, let path {
      let isCall = LintService.isTranscriptPath(path)
      if let profile = configuration.profile(for: path, isCall: isCall) { rules = rules.overridden(by: profile.rules) }
    }
    let options = DocumentOptions(
      language: language ?? configuration?.language?.language, reps: configuration?.reps ?? [])
    return LintSettings(
      linter: linter, documentOptions: options, rules: rules, configurationPath: configuration?.path)
  }

  /// The built-in rules with id `id` (one per language).
  public func rules(id: String) -> [Rule] {
    (builtIn.lexicons.rules + BuiltInRules.all).filter { $0.id == id }
  }

  /// Forgets every configuration read, so the next lint reads them again.
  public func forgetConfigurations() {
    lock.withLock { configurations.removeAll() }
  }

  /// Loads and lints `bytes` as the file `path` (its extension picks the format), with
  /// `settings`; the findings placed in `bytes`.
  public static func lint(
    _ bytes: [UInt8], path: String, settings: LintSettings, workspace: inout LintWorkspace,
    limits: InputLimits = InputLimits()
  ) throws(InputError) -> DocumentReport {
    let document = try DocumentLoader.load(path: path, bytes: bytes, options: LoadOptions(limits: limits))
    var result = settings.linter.lint(document, options: settings.documentOptions, workspace: &workspace)
    settings.rules.apply(to: &result)
    return DocumentReport(document: document, result: result, maxFindings: limits.findings)
  }

  private func configuration(for path: String?) throws(InputError) -> Configuration? {
    guard let found = forcedConfiguration ?? path.flatMap({ Configuration.find(for: $0) }) else { return nil }
    let stamp = FileStamp(path: found)
    let entry: Result<Configuration, InputError> = lock.withLock {
      if let cached = configurations[found], cached.stamp == stamp { return cached.result }
      let result: Result<Configuration, InputError>
      do throws(InputError) {
        result = .success(try Configuration.parse(try FileReader.readSettings(found), path: found))
      } catch {
        result = .failure(error)
      }
      configurations[found] = (stamp, result)
      return result
    }
    return try entry.get()
  }

  private func linter(for lexicons: [String], configuration: Configuration?) throws(InputError) -> Linter {
    let entry: Result<Linter, InputError> = lock.withLock {
      if let cached = linters[lexicons] { return cached }
      let result: Result<Linter, InputError>
      do {
        result = .success(try compile(lexicons))
      } catch {
        result = .failure(
          InputError(
            path: configuration?.path ?? "<lexicons>", line: configuration?.lexiconsLine, message: "\(error)"))
      }
      linters[lexicons] = result
      return result
    }
    return try entry.get()
  }
}

/// When and how big a file was last written: a changed stamp means read it again.
struct FileStamp: Equatable {
  var seconds = 0
  var nanoseconds = 0
  var size = -1

  init(path: String) {
    var info = stat()
    guard stat(path, &info) == 0 else { return }
    #if canImport(Darwin)
      seconds = Int(info.st_mtimespec.tv_sec)
      nanoseconds = Int(info.st_mtimespec.tv_nsec)
    #else
      seconds = Int(info.st_mtim.tv_sec)
      nanoseconds = Int(info.st_mtim.tv_nsec)
    #endif
    size = Int(info.st_size)
  }
}

extension LintService {
  /// Whether `path`'s extension names a call transcript format (for the profile a
  /// configuration gives calls).
  static func isTranscriptPath(_ path: String) -> Bool {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: ".") else { return false }
    return ["vtt", "webvtt", "srt", "json"].contains(name[name.index(after: dot)...].lowercased())
  }
}
