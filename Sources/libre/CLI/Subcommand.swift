/// A command of `libre`: its name, usage line, help text and options (from its option
/// table), and what runs it. `libre --help`, `libre COMMAND --help` and `docs/cli.md` are
/// made from `Subcommand.all`, so a new command is one entry.
struct Subcommand: Sendable {
  let name: String
  /// `libre lint [OPTIONS] [PATH…|-]`.
  let usage: String
  /// One sentence: what it does (the global help lists it).
  let summary: String
  /// More, under the summary in its own help.
  var description = ""
  var options: [HelpRenderer.Entry] = []
  /// Text at the end of its help (formats, exit codes).
  var notes = ""
  let run: @Sendable ([String]) -> Int32
}

/// An options type for commands without options.
struct NoOptions {}
