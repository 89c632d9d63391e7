import LibreKit

/// The one place that decides how an input is linted and judged, for every command
/// (`lint`, `analyze`, `eval`, and any later one such as an editor server).
///
/// Precedence, strongest first: the flags (`PolicyFlags`), the profile that applies to the
/// file, the nearest `.libre.json` (or `--config`), the defaults. Each configuration is
/// read once and each set of lexicons compiled once per policy. The gates are
/// `GateSettings` (fail-on, min-score, and a baseline's recorded score through
/// `GateSettings.judge`); which large inputs are read in sections is `Sectioning`.
///
///     var policy = LintPolicy(flags: flags, builtIn: linter, compile: compileLexicons)
///     guard let settings = try policy.settings(for: path) else { /* ignored */ }
///     let judged = settings.lint(document, workspace: &workspace)
///     // judged.report.gateFailures says why it fails, empty when it passes
public struct LintPolicy: Sendable {
  /// Compiles the built-in lexicons plus the given extra files or folders.
  public typealias LexiconCompiler = @Sendable ([String]) -> Result<Linter, LexiconCompileError>

  public let flags: PolicyFlags
  /// The linter of the built-in lexicons and `flags.lexicons`.
  public let builtIn: Linter
  private let compile: LexiconCompiler
  private var loaded: [String: Result<Configuration, InputError>] = [:]
  private var linters: [[String]: Result<Linter, InputError>] = [:]
  /// Configurations whose rule patterns were checked, and those that failed.
  private var checked: [String: InputError?] = [:]
  /// Configurations passed over (world-writable, another user's), each said once.
  private var passedOver: Set<String> = []
  private var pendingWarnings: [String] = []
  /// The configuration lookup of each folder met (`Configuration.find` walks up the tree
  /// with a `stat` a level, which cost more than reading a short email): files of one
  /// folder share it. A server, whose files come and go, turns it off.
  public var cachesFolderLookups = true
  private var foundByFolder: [String: (found: String?, ignored: [String])] = [:]

  /// A policy for `flags`; `builtIn` lints with the built-in lexicons and `flags.lexicons`,
  /// `compile` builds the linter of a configuration's extra lexicons.
  public init(flags: PolicyFlags, builtIn: Linter, compile: @escaping LexiconCompiler) {
    self.flags = flags
    self.compile = compile
    self.builtIn = builtIn
    linters[[]] = .success(builtIn)
  }

  /// Warnings met while resolving settings since the last call (a configuration passed over).
  public mutating func takeWarnings() -> [String] {
    defer { pendingWarnings = [] }
    return pendingWarnings
  }

  /// The configuration that governs `path` (forced or nearest), nil when there is none; a
  /// broken one throws its error (`FILE:LINE: what is wrong`) for every input it governs.
  public mutating func configuration(for path: String) throws(InputError) -> Configuration? {
    var ignored: [String] = []
    let found: String?
    if let forced = flags.configuration {
      found = forced
    } else if cachesFolderLookups {
      let folder = path == "-" || path == "<stdin>" ? "." : Configuration.parent(of: path)
      if let known = foundByFolder[folder] {
        (found, ignored) = known
      } else {
        found = Configuration.find(for: path, ignored: &ignored)
        foundByFolder[folder] = (found, ignored)
      }
    } else {
      found = Configuration.find(for: path, ignored: &ignored)
    }
    for file in ignored where passedOver.insert(file).inserted {
      pendingWarnings.append(PolicyMessages.passedOver(file))
    }
    guard let file = found else { return nil }
    if loaded[file] == nil {
      do throws(InputError) {
        loaded[file] = .success(try Configuration.parse(try FileReader.readSettings(file), path: file))
      } catch {
        loaded[file] = .failure(error)
      }
    }
    return try loaded[file]!.get()
  }

  /// The settings of the input at `path` (`-` or `<stdin>` for standard input): nil when
  /// its configuration's `ignore` skips it.
  public mutating func settings(for path: String) throws(InputError) -> InputSettings? {
    let configuration = try configuration(for: path)
    if let configuration, configuration.ignores(path) { return nil }
    let extra = configuration?.lexicons ?? []
    if linters[extra] == nil {
      switch compile(flags.lexicons + extra) {
      case .success(let linter): linters[extra] = .success(linter)
      case .failure(let failure):
        linters[extra] = .failure(
          InputError(path: configuration?.path ?? path, line: configuration?.lexiconsLine, message: failure.message))
      }
    }
    let linter = try linters[extra]!.get()
    if let configuration {
      if checked[configuration.path] == nil {
        let ids = Set((linter.lexicons.rules + BuiltInRules.all).map(\.id))
        do throws(InputError) {
          try configuration.checkRules(against: ids)
          checked[configuration.path] = .some(nil)
        } catch {
          checked[configuration.path] = .some(error)
        }
      }
      if let failure = checked[configuration.path], let failure { throw failure }
    }
    var language = flags.language?.language
    if flags.language == nil, let choice = configuration?.language { language = choice.language }
    let reps = flags.reps.isEmpty ? configuration?.reps ?? [] : flags.reps
    return InputSettings(
      configuration: configuration, linter: linter, flags: flags,
      documentOptions: DocumentOptions(language: language, reps: reps, everyone: flags.everyone))
  }
}

/// A set of lexicons that did not compile, as the compiler said it.
public struct LexiconCompileError: Error, Sendable {
  public var message: String

  public init(message: String) { self.message = message }
}

/// What governs one input: its configuration, the linter of its lexicons, the options the
/// linter takes; and, once the document is read, its rule levels and gates.
public struct InputSettings: Sendable {
  public var configuration: Configuration?
  public var linter: Linter
  public var flags: PolicyFlags
  public var documentOptions: DocumentOptions

  /// Settings made by hand (a server's text that has no file and no configuration);
  /// `LintPolicy.settings(for:)` makes the others.
  public init(configuration: Configuration?, linter: Linter, flags: PolicyFlags, documentOptions: DocumentOptions) {
    self.configuration = configuration
    self.linter = linter
    self.flags = flags
    self.documentOptions = documentOptions
  }

  /// The rule levels and gates for `document` at `path`: the configuration's, then its
  /// profile's (chosen by `--profile`, by the profiles' `files`, or for a call, by kind),
  /// then the flags'.
  public func judgement(for path: String, document: Document) -> DocumentJudgement {
    var rules = RuleSettings()
    var gate = GateSettings()
    if let configuration {
      rules = configuration.rules
      gate = configuration.gate
      let isCall = document.effectiveSegments.contains { $0.speaker != nil }
      if let profile = configuration.profile(for: path, isCall: isCall, forced: flags.profile) {
        rules = rules.overridden(by: profile.rules)
        gate = gate.overridden(by: profile.gate)
      }
    }
    return DocumentJudgement(rules: rules, gate: gate.overridden(by: flags.gate))
  }

  /// Lints `document` with these settings: the linter, then the configured rule levels,
  /// then the report with its gate failures (the gates judged without a baseline).
  public func lint(
    _ document: Document, workspace: inout LintWorkspace, numberingOccurrences: Bool = true,
    maxFindings: Int = InputLimits.defaultFindings
  ) -> JudgedDocument {
    var result = linter.lint(document, options: documentOptions, workspace: &workspace)
    let judgement = judgement(for: document.path, document: document)
    judgement.rules.apply(to: &result)
    var report = DocumentReport(
      document: document, result: result, numberingOccurrences: numberingOccurrences, maxFindings: maxFindings)
    judgement.gate.judge(&report)
    return JudgedDocument(report: report, judgement: judgement)
  }
}

/// The rule levels and gates that apply to one document.
public struct DocumentJudgement: Sendable, Equatable {
  public var rules: RuleSettings
  public var gate: GateSettings

  public init(rules: RuleSettings = RuleSettings(), gate: GateSettings = GateSettings()) {
    self.rules = rules
    self.gate = gate
  }
}

/// A document linted by `InputSettings.lint`: its report (gate failures set) and what
/// judged it.
public struct JudgedDocument: Sendable {
  public var report: DocumentReport
  public var judgement: DocumentJudgement
}

/// What the policy says.
enum PolicyMessages {
  static func passedOver(_ path: String) -> String {
    "\(path): ignored: anyone may write it and another user owns it (--config reads it anyway)"
  }
}
