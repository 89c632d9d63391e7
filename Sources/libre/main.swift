import LibreFormats

#if canImport(Glibc)
  import Glibc
#endif

/// Dispatches to a command; `lint` is the default when the first argument is not one.
/// `--help`/`-h` anywhere before `--` prints the command's help.
func runLibre(_ arguments: [String]) -> Int32 {
  guard let first = arguments.first else { return LintCommand.run([]) }
  switch first {
  case "--help", "-h":
    Output.standard(Subcommand.globalHelp)
    return 0
  case "help":
    guard arguments.count > 1 else {
      Output.standard(Subcommand.globalHelp)
      return 0
    }
    guard let command = Subcommand.named(arguments[1]) else {
      Output.error(CLIMessages.unknownCommand(arguments[1], hint: commandHint(arguments[1])))
      return 2
    }
    Output.standard(HelpRenderer.render(command))
    return 0
  case "--version":
    Output.standard("\(ToolInfo.name) \(ToolInfo.version)\n")
    return 0
  default: break
  }
  let command: Subcommand
  var rest = Array(arguments.dropFirst())
  if let named = Subcommand.named(first) {
    command = named
  } else {
    if looksLikeCommand(first) {
      Output.error(CLIMessages.unknownCommand(first, hint: commandHint(first)))
      return 2
    }
    command = Subcommand.named("lint")!
    rest = arguments
  }
  let options = rest.prefix { $0 != "--" }
  if options.contains("--help") || options.contains("-h") {
    Output.standard(HelpRenderer.render(command))
    return 0
  }
  return command.run(rest)
}

/// Whether `word`, in a command's place, was meant as one: a plain word (no `/`, no `.`)
/// that names no file or folder.
func looksLikeCommand(_ word: String) -> Bool {
  guard !word.hasPrefix("-"), !word.contains("/"), !word.contains(".") else { return false }
  return access(word, F_OK) != 0
}

func commandHint(_ word: String) -> String {
  Suggestion.hint(for: word, among: Subcommand.all.map(\.name) + ["help"])
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
