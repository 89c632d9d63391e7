import LibreFormats
import LibreKit

/// The options of `libre lint`, set by its option table (`LintOptionTable.swift`).
struct LintOptions: Sendable {
  var paths: [String] = []
  /// What overrides every configuration: language, gates, reps, profile, `--config`, lexicons.
  var policy = PolicyFlags()
  var color = ColorChoice.auto
  /// `-q, --quiet`: no warnings or notes (errors are still printed).
  var quiet = false
  var includeQuoted = false
  /// `--explain-suppressed`: say which findings the context stage set aside, and why.
  var explainSuppressed = false
  /// `--include` / `--exclude`: which files a folder walk takes.
  var includes: [Glob] = []
  var excludes: [Glob] = []
  /// The CI options of `libre lint` (report formats, `--output`, baselines).
  var ci = CIOptions()
  /// `--max-input-size` and the other limits.
  var limits = InputLimits()
  var lexiconLimits = LexiconLimits()

  /// Parses the arguments after the command name.
  static func parse(_ arguments: [String]) throws(UsageError) -> LintOptions {
    var options = LintOptions()
    options.paths = try OptionParser.parse(arguments, table: LintOptions.table, command: "lint", into: &options)
    return options
  }

  /// How the loaders read each input.
  var loadOptions: LoadOptions { LoadOptions(includeQuoted: includeQuoted, limits: limits) }

  /// What a folder walk takes.
  var filter: PathFilter { PathFilter(includes: includes, excludes: excludes) }
}

/// `--color`: `auto` colors a terminal unless `NO_COLOR` is set or `TERM` is `dumb`
/// (`FORCE_COLOR` colors anything); `always` and `never` decide alone.
enum ColorChoice: String, Sendable, CaseIterable {
  case auto, always, never
}

extension LintOptions {
  /// The options of `lint` that `analyze` shares, meaning the same thing in both.
  static let shared: [OptionSpec<LintOptions>] = [
    OptionSpec(["--lang"], "auto|en|fr", "language of the texts (default auto: stop-word detection)") {
      options, text throws(UsageError) in
      options.policy.language = try OptionValues.language(text)
    },
    OptionSpec(["--min-score"], "N", "exit 1 when a document scores below N (0–100)") {
      options, text throws(UsageError) in
      options.policy.minScore = try OptionValues.number(text, flag: "--min-score", in: 0...100)
    },
    OptionSpec(
      ["--fail-on"], "LEVEL",
      "exit 1 on a pressure finding of LEVEL or worse: info, warning, error (default), none"
    ) { options, text throws(UsageError) in
      options.policy.failOn = try OptionValues.choice(text, flag: "--fail-on", as: FailLevel.self)
    },
    OptionSpec(["--lexicon"], "PATH", "add a lexicon file or folder (repeatable)") { options, text throws(UsageError) in
      options.policy.lexicons.append(text)
    },
    OptionSpec(
      ["--include-quoted"],
      "also lint quoted replies and signatures ('>' lines, \"On … wrote:\", « Le … a écrit : », Outlook headers, "
        + "'-- ' signatures)"
    ) { options, _ throws(UsageError) in options.includeQuoted = true },
    OptionSpec(
      ["--explain-suppressed"],
      "also say which phrases the context stage set aside and why (a log line, a footer, quoted speech, an "
        + "epistemic modal…)"
    ) { options, _ throws(UsageError) in options.explainSuppressed = true },
    OptionSpec(["--rep"], "NAME[,NAME]", "the seller's side of a call (default: a heuristic, printed)") {
      options, text throws(UsageError) in
      let names = text.split(separator: ",").map {
        String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
      }
      .filter { !$0.isEmpty }
      guard !names.isEmpty else { throw UsageError(description: "--rep takes speaker names: --rep Sam[,Alex]") }
      options.policy.reps += names
    },
    OptionSpec(["--role"], "rep|all", "lint the rep only (default) or every speaker alike") {
      options, text throws(UsageError) in
      options.policy.everyone = try OptionValues.choice(text, flag: "--role", among: ["rep", "all"]) == "all"
    },
    OptionSpec(
      ["--config"], "PATH",
      "use this configuration instead of the nearest .libre.json (found from each file's folder upward; keys: "
        + "language, lexicons, rules, minScore, failOn, ignore, speakers, profiles; schema: "
        + "schemas/libre-config.schema.json)"
    ) { options, text throws(UsageError) in options.policy.configuration = text },
    OptionSpec(
      ["--profile"], "NAME",
      "the configuration's profile for every input: coldEmail, followUp, transcript (default: by the profiles' "
        + "files globs, and transcript for calls)"
    ) { options, text throws(UsageError) in
      options.policy.profile = try OptionValues.choice(text, flag: "--profile", as: Channel.self)
    },
    OptionSpec(
      ["--include"], "GLOB",
      "walk only files matching GLOB (repeatable; * ? ** on the path relative to the folder walked, or on the "
        + "file name)"
    ) { options, text throws(UsageError) in options.includes.append(Glob(text)) },
    OptionSpec(["--exclude"], "GLOB", "skip files and folders matching GLOB (repeatable)") {
      options, text throws(UsageError) in
      options.excludes.append(Glob(text))
    },
    OptionSpec(["--quiet", "-q"], "no warnings or notes (errors are still printed)") { options, _ throws(UsageError) in
      options.quiet = true
    },
  ]

  /// The options of `lint` alone: reports, colors, baselines.
  static let own: [OptionSpec<LintOptions>] = [
    OptionSpec(
      ["--format", "-f"], "FORMAT",
      "text (default), json, jsonl (a record per finding), csv, sarif (2.1.0), github (workflow annotations; "
        + "with GITHUB_STEP_SUMMARY set, a Markdown job summary too), junit, checkstyle, markdown"
    ) { options, text throws(UsageError) in
      options.ci.report = try OptionValues.choice(text, flag: "--format", as: ReportFormat.self)
    },
    OptionSpec(["--output", "-o"], "FILE", "write the report to FILE (the exit code still gates)") {
      options, text throws(UsageError) in
      options.ci.output = text
    },
    OptionSpec(
      ["--color"], "auto|always|never", optionalValue: true,
      "colors: auto (default) colors a terminal unless NO_COLOR is set or TERM is dumb, FORCE_COLOR colors "
        + "anything; --color alone means always"
    ) { options, text throws(UsageError) in
      options.color = text.isEmpty ? .always : try OptionValues.choice(text, flag: "--color", as: ColorChoice.self)
    },
    OptionSpec(["--no-color"], "the same as --color=never") { options, _ throws(UsageError) in options.color = .never },
    OptionSpec(
      ["--write-baseline"], "FILE", group: "BASELINES",
      "record today's findings and scores, keyed by path relative to FILE's folder (this run exits 0 unless an "
        + "input fails)"
    ) { options, text throws(UsageError) in options.ci.writeBaseline = text },
    OptionSpec(
      ["--baseline"], "FILE", group: "BASELINES",
      "fail only on findings FILE does not have, or on a score below the one it recorded; list the fixed ones"
    ) { options, text throws(UsageError) in options.ci.baseline = text },
  ]

  /// Every option of `lint`.
  static let table: [OptionSpec<LintOptions>] = own.prefix(4) + shared + own.dropFirst(4) + limitTable
}

extension OptionValues {
  /// `auto` or a language code.
  static func language(_ text: String) throws(UsageError) -> LanguageChoice {
    let name = try choice(text, flag: "--lang", among: ["auto"] + Language.allCases.map(\.rawValue))
    return Language(rawValue: name).map(LanguageChoice.fixed) ?? .auto
  }
}
