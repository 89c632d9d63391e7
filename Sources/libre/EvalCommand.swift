import LibreFormats
import LibreKit

/// The options of `libre eval`.
struct EvalOptions {
  enum Format: String, CaseIterable { case text, json }

  var paths: [String] = []
  var format = Format.text
  /// The language, lexicons and configuration, as `lint` takes them.
  var policy = PolicyFlags()
  /// `--max-input-size` and `--max-line-length`, for the documents and their gold files.
  var limits = InputLimits()

  static let table: [OptionSpec<EvalOptions>] = [
    OptionSpec(["--format", "-f"], "text|json", "output format (default text; json has schemaVersion 1)") {
      options, text throws(UsageError) in
      options.format = try OptionValues.choice(text, flag: "--format", as: Format.self)
    },
    OptionSpec(["--lang"], "auto|en|fr", "language given to the linter (default: the configuration's, else auto)") {
      options, text throws(UsageError) in
      options.policy.language = try OptionValues.language(text)
    },
    OptionSpec(["--lexicon"], "PATH", "add a lexicon file or folder (repeatable)") { options, text throws(UsageError) in
      options.policy.lexicons.append(text)
    },
    OptionSpec(
      ["--config"], "PATH",
      "use this configuration instead of the nearest .libre.json (its rules levels apply, as in lint)"
    ) { options, text throws(UsageError) in options.policy.configuration = text },
    OptionSpec(["--max-input-size"], "SIZE", "largest document or gold file (default 64M)") {
      options, text throws(UsageError) in
      options.limits.inputBytes = try OptionValues.size(text, flag: "--max-input-size")
    },
    OptionSpec(["--max-line-length"], "SIZE", "longest line in them (default 4M)") {
      options, text throws(UsageError) in
      options.limits.lineBytes = try OptionValues.size(text, flag: "--max-line-length")
    },
  ]

  static func parse(_ arguments: [String]) throws(UsageError) -> EvalOptions {
    var options = EvalOptions()
    options.paths = try OptionParser.parse(arguments, table: table, command: "eval", into: &options)
    if options.paths.isEmpty { options.paths = ["corpora"] }
    return options
  }
}

extension OptionValues {
  /// A size in bytes, or with K, M or G.
  static func size(_ text: String, flag: String) throws(UsageError) -> Int {
    guard let size = InputLimits.parseSize(text) else {
      throw UsageError(description: "\(flag) takes a size in bytes, or with K, M or G (64M, 1G), not '\(text)'")
    }
    return size
  }
}

/// `libre eval`: lint every document that has a gold sidecar, exactly as `libre lint` would
/// (the same policy: configuration, rule levels, language), and compare the findings,
/// labels and pair scores with the annotations.
enum EvalCommand {
  static func run(_ arguments: [String]) -> Int32 {
    let options: EvalOptions
    var policy: LintPolicy
    do throws(UsageError) {
      options = try EvalOptions.parse(arguments)
      policy = try Lexicons.policy(options.policy, limits: LexiconLimits())
    } catch {
      Output.error(error.description)
      return 2
    }
    var evaluated: [EvaluatedDocument] = []
    var errors: [InputError] = []
    var unannotated: [String] = []
    var workspace = LintWorkspace()
    var walker = BatchWalker()
    let entries = walker.expand(options.paths)
    walker.warn()
    for entry in entries {
      do throws(InputError) {
        guard case .file(let path) = entry else {
          if case .failed(let error) = entry { throw error }
          continue
        }
        let sidecar = GoldFile.sidecarPath(for: path)
        let bytes = try FileReader.read(path, limits: options.limits)
        guard GoldFile.isFile(sidecar) else {
          unannotated.append(path)
          continue
        }
        guard var settings = try policy.settings(for: path) else { continue }
        for warning in policy.takeWarnings() { Output.warning(warning) }
        var load = LoadOptions()
        load.limits = options.limits
        let document = try DocumentLoader.load(path: path, bytes: bytes, options: load)
        let goldBytes = try FileReader.read(sidecar, limits: options.limits)
        switch GoldFile.parse(goldBytes, path: sidecar, document: document.text) {
        case .failure(let failure):
          errors += failure.errors
        case .success(let gold):
          settings.documentOptions.reps = gold.reps
          let report = settings.lint(document, workspace: &workspace).report
          evaluated.append(EvaluatedDocument(document: document, gold: gold, report: report))
        }
      } catch {
        errors.append(error)
      }
    }
    for line in walker.report { Output.note(line) }
    for error in errors { Output.error(error.description) }
    let evaluation = Evaluation(documents: evaluated)
    for warning in evaluation.warnings { Output.warning(warning) }
    switch options.format {
    case .text:
      Output.standard(EvaluationTextReporter.render(evaluation, errors: errors, unannotated: unannotated))
    case .json:
      Output.standard(EvaluationJSONReporter.render(evaluation, errors: errors, unannotated: unannotated))
    }
    return errors.isEmpty ? 0 : 2
  }
}
