import LibreFormats

/// `libre merge PARTIAL…`: the reduce step of a scale-out run. Reads the partial aggregates
/// that `libre analyze --emit-partial` wrote, adds them up (exactly: they are counts), and
/// prints the summary one run over all the inputs would print; `--emit-partial` writes the
/// merged partial again, so merges can themselves be merged (a tree of reducers).
enum MergeCommand {
  static func run(_ arguments: [String]) -> Int32 {
    let options: MergeOptions
    do throws(UsageError) {
      options = try MergeOptions.parse(arguments)
    } catch {
      Output.error(error.description)
      return 2
    }
    let (paths, format, outputPath, emitPartial) = (options.paths, options.format, options.output, options.emitPartial)
    var total = AnalysisAggregate()
    do throws(InputError) {
      for path in paths {
        total.merge(try AggregateCoding.decode(try FileReader.readSettings(path), path: path))
      }
      let output = try OutputFile(path: outputPath)
      output.write(render(total, format: format))
      try output.close()
      if let emitPartial { try OutputFile.write(AggregateCoding.encode(total), to: emitPartial) }
    } catch {
      // A partial that cannot be read would make the merged report silently wrong: stop.
      Output.error(error.description)
      return 2
    }
    return total.errors > 0 ? 2 : 0
  }

  /// The summary as `libre analyze` prints it: its text table, or its JSON with the
  /// `summary` member alone (there are no documents to list).
  static func render(_ aggregate: AnalysisAggregate, format: AnalysisFormatName) -> String {
    if format == .text { return AnalysisSummaryText.render(aggregate) }
    return JSONOutput.object([
      ("schemaVersion", .int(ToolInfo.jsonSchemaVersion)),
      ("tool", .object([("name", .string(ToolInfo.name)), ("version", .string(ToolInfo.version))])),
      ("summary", AnalysisSummaryJSON.summary(aggregate)),
    ]).serialized(pretty: true) + "\n"
  }
}

/// The options of `libre merge`.
struct MergeOptions {
  var paths: [String] = []
  var format = AnalysisFormatName.text
  var output: String?
  var emitPartial: String?

  static let table: [OptionSpec<MergeOptions>] = [
    OptionSpec(["--format", "-f"], "text|json", "the summary as analyze prints it (default text)") {
      options, text throws(UsageError) in
      let name = try OptionValues.choice(text, flag: "--format", among: ["text", "json"])
      options.format = AnalysisFormatName(rawValue: name)!
    },
    OptionSpec(["--output", "-o"], "FILE", "write it to FILE") { options, text throws(UsageError) in
      options.output = text
    },
    OptionSpec(["--emit-partial"], "FILE", "write the merged partial (merges can be merged)") {
      options, text throws(UsageError) in
      options.emitPartial = text
    },
  ]

  static func parse(_ arguments: [String]) throws(UsageError) -> MergeOptions {
    var options = MergeOptions()
    options.paths = try OptionParser.parse(arguments, table: table, command: "merge", into: &options)
    if options.paths.isEmpty { throw UsageError(description: "merge needs partial files: libre merge PARTIAL…") }
    return options
  }
}
