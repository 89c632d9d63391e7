import LibreFormats
import LibreKit

/// The options of `libre eval`.
struct EvalOptions {
  var paths: [String] = []
  var format = LintOptions.Format.text
  var language: Language?
  var lexicons: [String] = []

  static func parse(_ arguments: [String]) throws(UsageError) -> EvalOptions {
    var options = EvalOptions()
    var index = 0
    var onlyPaths = false
    func value(_ flag: String) throws(UsageError) -> String {
      if let equals = arguments[index].firstIndex(of: "=") {
        return String(arguments[index][arguments[index].index(after: equals)...])
      }
      index += 1
      guard index < arguments.count else { throw UsageError(description: "\(flag) needs a value") }
      return arguments[index]
    }
    while index < arguments.count {
      let argument = arguments[index]
      let flag = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
      if onlyPaths || !argument.hasPrefix("-") {
        options.paths.append(argument)
        index += 1
        continue
      }
      switch flag {
      case "--": onlyPaths = true
      case "--format", "-f":
        let text = try value(flag)
        guard let format = LintOptions.Format(rawValue: text) else {
          throw UsageError(description: "unknown format '\(text)' (text, json)")
        }
        options.format = format
      case "--lang":
        let text = try value(flag)
        if text == "auto" {
          options.language = nil
        } else if let language = Language(rawValue: text) {
          options.language = language
        } else {
          throw UsageError(description: "unknown language '\(text)' (auto, en, fr)")
        }
      case "--lexicon": options.lexicons.append(try value(flag))
      default: throw UsageError(description: "unknown option '\(argument)' for eval (see libre --help)")
      }
      index += 1
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
    for path in PathWalker.expand(options.paths) {
      let sidecar = GoldFile.sidecarPath(for: path)
      do {
        let bytes = try FileReader.read(path)
        guard GoldFile.isFile(sidecar) else {
          unannotated.append(path)
          continue
        }
        let document = try PlainTextLoader.load(path: path, bytes: bytes)
        switch GoldFile.parse(try FileReader.read(sidecar), path: sidecar, document: document.text) {
        case .failure(let failure):
          errors += failure.errors
        case .success(let gold):
          let result = document.text.withUnsafeBufferPointer { linter.lint($0, language: options.language) }
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
