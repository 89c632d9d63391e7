import LibreServer

#if canImport(Glibc)
  import Glibc
#endif

/// `libre lsp`: the language server, over standard input and output, until the client
/// sends `exit` or closes standard input.
enum LSPCommand {
  static let usage = """
    libre lsp [--config FILE]
      Language Server Protocol 3.17 over stdio: diagnostics, hover and code actions for
      emails, templates and transcripts. Start it from an editor (see docs/editors.md).
    """

  static func run(_ arguments: [String]) -> Int32 {
    var configuration: String?
    var index = 0
    while index < arguments.count {
      switch arguments[index] {
      case "--help", "-h":
        Output.standard(usage + "\n")
        return 0
      case "--stdio": break
      case "--config" where index + 1 < arguments.count:
        configuration = arguments[index + 1]
        index += 1
      default:
        Output.error("unknown option '\(arguments[index])' for lsp (see libre lsp --help)")
        return 2
      }
      index += 1
    }
    do throws(UsageError) {
      let service = try ServerSetup.service(configuration: configuration)
      return LanguageServer(service: service).run(input: 0, output: 1)
    } catch {
      Output.error(error.description)
      return 2
    }
  }
}
