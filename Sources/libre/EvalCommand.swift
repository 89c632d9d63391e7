import LibreFormats
import LibreKit

/// The options of `libre eval`.
struct EvalOptions {
  var paths: [String] = []
  var format = LintOptions.Format.text
  var language: Language?
  var lexicons: [String] = []
  /// `--max-input-size` and `--max-line-length`, for the documents and their gold files.
  var limits = InputLimits()

  static func parse(_ arguments: [String]) throws(UsageError) -> EvalOptions {
    var options = EvalOptions()
    var reader = ArgumentReader(arguments)
    while let item = reader.next() {
      switch item {
      case .path(let path): options.paths.append(path)
      case .option("--format", _), .option("-f", _):
        options.format = try ArgumentReader.format(try reader.value(for: "--format"))
      case .option("--lang", _): options.language = try ArgumentReader.language(try reader.value(for: "--lang"))
      case .option("--lexicon", _): options.lexicons.append(try reader.value(for: "--lexicon"))
      case .option(let flag, _) where flag == "--max-input-size" || flag == "--max-line-length":
        let text = try reader.value(for: flag)
        guard let size = InputLimits.parseSize(text) else {
          throw UsageError(description: "\(flag) takes a size in bytes, or with K, M or G (64M, 1G), not '\(text)'")
        }
        if flag == "--max-input-size" { options.limits.inputBytes = size } else { options.limits.lineBytes = size }
      case .option(_, let argument):
        throw UsageError(description: "unknown option '\(argument)' for eval (see libre --help)")
      }
    }
    if options.paths.isEmpty { options.paths = ["corpora"] }
    return options
  }
}

/// `libre eval`: lint every document that has a gold sidecar, exactly as `libre lint` would,
/// and compare the findings, labels and pair scores with the annotations.
enum EvalCommand {
  static func run(_ arguments: [String]) -> Int32 {
    let options: EvalOptions
    let linter: Linter
    do throws(UsageError) {
      options = try EvalOptions.parse(arguments)
      linter = Linter(lexicons: try Lexicons.compile(extra: options.lexicons))
    } catch {
      Output.error(error.description)
      return 2
    }
    var evaluated: [EvaluatedDocument] = []
    var errors: [InputError] = []
    var unannotated: [String] = []
    var workspace = LintWorkspace()
    for path in PathWalker.expand(options.paths) {
      let sidecar = GoldFile.sidecarPath(for: path)
      do {
        let bytes = try FileReader.read(path, limits: options.limits)
        guard GoldFile.isFile(sidecar) else {
          unannotated.append(path)
          continue
        }
        var load = LoadOptions()
        load.limits = options.limits
        let document = try DocumentLoader.load(path: path, bytes: bytes, options: load)
        let goldBytes = try FileReader.read(sidecar, limits: options.limits)
        switch GoldFile.parse(goldBytes, path: sidecar, document: document.text) {
        case .failure(let failure):
          errors += failure.errors
        case .success(let gold):
          let lintOptions = DocumentOptions(language: options.language, reps: gold.reps)
          let result = linter.lint(document, options: lintOptions, workspace: &workspace)
          let report = DocumentReport(document: document, result: result)
          evaluated.append(EvaluatedDocument(document: document, gold: gold, report: report))
        }
      } catch {
        errors.append(error)
      }
    }
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
