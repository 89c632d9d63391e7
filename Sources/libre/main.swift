import LibreFormats

#if canImport(Glibc)
  import Glibc
#endif

/// Dispatches to a command; `lint` is the default when the first argument is not one.
func runLibre(_ arguments: [String]) -> Int32 {
  guard let first = arguments.first else { return LintCommand.run([]) }
  switch first {
  case "--help", "-h", "help":
    Output.standard(HelpText.usage)
    return 0
  case "--version":
    Output.standard("\(ToolInfo.name) \(ToolInfo.version)\n")
    return 0
  case "lint": return LintCommand.run(Array(arguments.dropFirst()))
  case "rules": return RulesCommand.list(Array(arguments.dropFirst()))
  case "explain": return RulesCommand.explain(Array(arguments.dropFirst()))
  case "eval": return EvalCommand.run(Array(arguments.dropFirst()))
  case "analyze": return AnalyzeCommand.run(Array(arguments.dropFirst()))
  case "merge": return MergeCommand.run(Array(arguments.dropFirst()))
  case "init": return InitCommand.run(Array(arguments.dropFirst()))
  case "check-lexicon": return CheckLexiconCommand.run(Array(arguments.dropFirst()))
  case "serve": return ServeCommand.run(Array(arguments.dropFirst()))
  case "lsp": return LSPCommand.run(Array(arguments.dropFirst()))
  default: return LintCommand.run(arguments)
  }
}

signal(SIGPIPE, SIG_IGN)
TemporaryFiles.installHandlers()
let status = runLibre(Array(CommandLine.arguments.dropFirst()))
if Output.standardOutputError != 0 {
  // A report that never reached standard output (a full disk) is an error, not a pass.
  let failure = OutputFile.cannotWrite(OutputFile.standardOutputName, Output.standardOutputError)
  Output.error(failure.description)
  exit(2)
}
exit(status)
