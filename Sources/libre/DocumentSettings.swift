import LibreFormats
import LibreKit

/// What governs one input of `libre lint`: its configuration (forced or nearest), the
/// linter of its lexicons, and, once linted, its profile, rule levels and gates.
/// Precedence, weakest first: the configuration, its profile, the command line.
struct DocumentSettings {
  var configuration: Configuration?
  var linter: Linter
  var documentOptions: DocumentOptions

  /// The rule levels and gates for `document` (its profile chosen by path or, for a call,
  /// by kind).
  func policy(for path: String, document: Document, options: LintOptions) -> (rules: RuleSettings, gate: GateSettings) {
    var rules = RuleSettings()
    var gate = GateSettings()
    if let configuration {
      rules = configuration.rules
      gate = configuration.gate
      let isCall = document.effectiveSegments.contains { $0.speaker != nil }
      if let profile = configuration.profile(for: path, isCall: isCall, forced: options.ci.profile) {
        rules = rules.overridden(by: profile.rules)
        gate = gate.overridden(by: profile.gate)
      }
    }
    let given = GateSettings(
      minScore: options.minimumScore,
      failOn: options.ci.failOnGiven ? FailLevel(rawValue: options.failOn.rawValue) : nil)
    return (rules, gate.overridden(by: given))
  }
}

/// Finds each input's settings, reading each configuration once and compiling each set of
/// lexicons once.
struct SettingsResolver {
  let options: LintOptions
  private var configurations: ConfigurationCache
  private var linters: [[String]: Result<Linter, InputError>] = [:]
  /// Configurations whose rule patterns were checked, and those that failed.
  private var checked: Set<String> = []
  private var failedChecks: [String: InputError] = [:]

  init(options: LintOptions, builtIn: Linter) {
    self.options = options
    configurations = ConfigurationCache(forced: options.configuration)
    linters[[]] = .success(builtIn)
  }

  /// The settings of `path`, nil when its configuration ignores it.
  mutating func settings(for path: String) throws(InputError) -> DocumentSettings? {
    let configuration = try configurations.configuration(for: path)
    if let configuration, configuration.ignores(path) { return nil }
    let lexicons = configuration?.lexicons ?? []
    if linters[lexicons] == nil {
      do throws(UsageError) {
        linters[lexicons] = .success(Linter(lexicons: try Lexicons.compile(extra: options.lexicons + lexicons)))
      } catch {
        linters[lexicons] = .failure(
          InputError(path: configuration?.path ?? path, line: configuration?.lexiconsLine, message: error.description))
      }
    }
    let linter = try linters[lexicons]!.get()
    if let configuration, checked.insert(configuration.path).inserted {
      let ids = Set((linter.lexicons.rules + BuiltInRules.all).map(\.id))
      do throws(InputError) {
        try configuration.checkRules(against: ids)
      } catch {
        failedChecks[configuration.path] = error
      }
    }
    if let configuration, let error = failedChecks[configuration.path] { throw error }
    var language = options.language
    if !options.ci.languageGiven, let choice = configuration?.language { language = choice.language }
    let reps = options.reps.isEmpty ? configuration?.reps ?? [] : options.reps
    return DocumentSettings(
      configuration: configuration, linter: linter,
      documentOptions: DocumentOptions(language: language, reps: reps, everyone: options.everyone))
  }
}
