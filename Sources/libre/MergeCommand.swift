import LibreFormats

/// `libre merge PARTIAL…`: the reduce step of a scale-out run. Reads the partial aggregates
/// that `libre analyze --emit-partial` wrote, adds them up (exactly: they are counts), and
/// prints the summary one run over all the inputs would print; `--emit-partial` writes the
/// merged partial again, so merges can themselves be merged (a tree of reducers).
enum MergeCommand {
  static func run(_ arguments: [String]) -> Int32 {
    var paths: [String] = []
    var format = AnalysisFormatName.text
    var outputPath: String?
    var emitPartial: String?
    var reader = ArgumentReader(arguments)
    do throws(UsageError) {
      while let item = reader.next() {
        switch item {
        case .path(let path): paths.append(path)
        case .option(let flag, let argument):
          switch flag {
          case "--format", "-f":
            let text = try reader.value(for: flag)
            guard let chosen = AnalysisFormatName(rawValue: text), chosen == .text || chosen == .json else {
              throw UsageError(description: "unknown format '\(text)' for merge (text, json)")
            }
            format = chosen
          case "--output", "-o": outputPath = try reader.value(for: flag)
          case "--emit-partial": emitPartial = try reader.value(for: flag)
          default: throw UsageError(description: "unknown option '\(argument)' for merge (see libre --help)")
          }
        }
      }
      if paths.isEmpty { throw UsageError(description: "merge needs partial files: libre merge PARTIAL…") }
    } catch {
      Output.error(error.description)
      return 2
    }
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
