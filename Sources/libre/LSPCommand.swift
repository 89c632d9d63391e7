import LibreServer

#if canImport(Glibc)
  import Glibc
#endif

/// `libre lsp`: the language server, over standard input and output, until the client
/// sends `exit` or closes standard input.
enum LSPCommand {
  /// The options of `libre lsp`.
  struct Options {
    var configuration: String?

    static let table: [OptionSpec<Options>] = [
      OptionSpec(["--config"], "FILE", "use this configuration instead of the nearest .libre.json of each file") {
        options, text throws(UsageError) in options.configuration = text
      },
      OptionSpec(["--stdio"], "talk over standard input and output (the default and only transport; editors pass it)") {
        _, _ throws(UsageError) in
      },
    ]
  }

  static func run(_ arguments: [String]) -> Int32 {
    var options = Options()
    do throws(UsageError) {
      let operands = try OptionParser.parse(arguments, table: Options.table, command: "lsp", into: &options)
      if let extra = operands.first { throw UsageError(description: "lsp takes no paths, not '\(extra)'") }
    } catch {
      Output.error(error.description)
      return 2
    }
    let configuration = options.configuration
    do throws(UsageError) {
      let service = try ServerSetup.service(configuration: configuration)
      return LanguageServer(service: service).run(input: 0, output: 1)
    } catch {
      Output.error(error.description)
      return 2
    }
  }
}
