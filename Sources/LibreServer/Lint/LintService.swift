import LibreFormats
import LibreKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What governs the lint of one document in the servers: the shared lint policy's
/// settings for it (configuration, profile, lexicons, rule levels and gates), as `lint`
/// and `analyze` resolve them.
public struct LintSettings: Sendable {
  public var input: InputSettings

  public init(input: InputSettings) { self.input = input }

  /// The options the linter takes (a request may force the language).
  public var documentOptions: DocumentOptions {
    get { input.documentOptions }
    set { input.documentOptions = newValue }
  }

  /// The configuration file that gave these settings, if any.
  public var configurationPath: String? { input.configuration?.path }
}

/// Lints texts for `libre serve` and `libre lsp` through the shared `LintPolicy`: each
/// document's settings come from the nearest `.libre.json` (or `--config`) with its profile,
/// as for `lint`; an edited configuration is read again. Shared by the HTTP server's
/// connection threads. A class marked `@unchecked Sendable` because its policy and stamps
/// are touched only under `lock`.
public final class LintService: @unchecked Sendable {
  /// Compiles the built-in lexicons plus the named lexicon files.
  public typealias LexiconCompiler = @Sendable ([String]) throws -> Linter

  private let builtIn: Linter
  private let flags: PolicyFlags
  private let compile: LintPolicy.LexiconCompiler
  private let lock = ServerLock()
  private var policy: LintPolicy
  /// When each configuration the policy read was written: a change starts a fresh policy.
  private var stamps: [String: FileStamp] = [:]

  /// `forcedConfiguration` (`--config`) governs every document; without it a document with
  /// a path takes the nearest `.libre.json`, one without a path (an HTTP request) none.
  public init(builtIn: Linter, forcedConfiguration: String? = nil, compile: @escaping LexiconCompiler) {
    self.builtIn = builtIn
    var flags = PolicyFlags()
    flags.configuration = forcedConfiguration
    self.flags = flags
    self.compile = { paths in
      do {
        return .success(try compile(paths))
      } catch {
        return .failure(LexiconCompileError(message: "\(error)"))
      }
    }
    policy = LintService.freshPolicy(flags: flags, builtIn: builtIn, compile: self.compile)
  }

  /// A policy that looks each configuration up afresh: an editor's files and their
  /// `.libre.json` come and go while the server runs.
  private static func freshPolicy(
    flags: PolicyFlags, builtIn: Linter, compile: @escaping LintPolicy.LexiconCompiler
  ) -> LintPolicy {
    var policy = LintPolicy(flags: flags, builtIn: builtIn, compile: compile)
    policy.cachesFolderLookups = false
    return policy
  }

  /// The settings of the document at `path` (nil: a text with no file). This is the one
  /// place the servers turn a path into settings; a broken configuration throws its error.
  /// A file the configuration's `ignore` skips is still linted, with its configuration
  /// left out, since an editor shows what it is asked to.
  public func settings(for path: String?, language: Language? = nil) throws(InputError) -> LintSettings {
    guard path != nil || flags.configuration != nil else {
      var input = defaults
      input.documentOptions.language = language
      return LintSettings(input: input)
    }
    let key = path ?? "-"
    let resolved: Result<InputSettings?, InputError> = lock.withLock {
      if let found = flags.configuration ?? Configuration.find(for: key) {
        let stamp = FileStamp(path: found)
        if let known = stamps[found], known != stamp {
          policy = LintService.freshPolicy(flags: flags, builtIn: builtIn, compile: compile)
          stamps.removeAll()
        }
        stamps[found] = stamp
      }
      do throws(InputError) {
        return .success(try policy.settings(for: key))
      } catch {
        return .failure(error)
      }
    }
    var input = try resolved.get() ?? defaults
    if let language { input.documentOptions.language = language }
    return LintSettings(input: input)
  }

  /// The settings of a text with no configuration: the built-in lexicons and defaults.
  private var defaults: InputSettings {
    InputSettings(configuration: nil, linter: builtIn, flags: flags, documentOptions: DocumentOptions())
  }

  /// The built-in rules with id `id` (one per language).
  public func rules(id: String) -> [Rule] {
    (builtIn.lexicons.rules + BuiltInRules.all).filter { $0.id == id }
  }

  /// Forgets every configuration read, so the next lint reads them again.
  public func forgetConfigurations() {
    lock.withLock {
      policy = LintService.freshPolicy(flags: flags, builtIn: builtIn, compile: compile)
      stamps.removeAll()
    }
  }

  /// Loads and lints `bytes` as the file `path` (its extension picks the format), with
  /// `settings`: the findings placed in `bytes`, the rule levels applied and the gates judged.
  public static func lint(
    _ bytes: [UInt8], path: String, settings: LintSettings, workspace: inout LintWorkspace,
    limits: InputLimits = InputLimits()
  ) throws(InputError) -> DocumentReport {
    let document = try DocumentLoader.load(path: path, bytes: bytes, options: LoadOptions(limits: limits))
    return settings.input.lint(document, workspace: &workspace, maxFindings: limits.findings).report
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
