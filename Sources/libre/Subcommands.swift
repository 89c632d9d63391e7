/// Every command of `libre`, and the global help made from them.
extension Subcommand {
  /// Every command, in the order the help lists them.
  static let all: [Subcommand] = [
    Subcommand(
      name: "lint", usage: "libre [lint] [OPTIONS] [PATH…|-]",
      summary:
        "Lint emails, templates and call transcripts: each finding with its line, a score per document, and an exit "
        + "code that gates (the default command; '-' or nothing reads stdin).",
      description: HelpTexts.walk,
      options: LintOptions.table.map(\.helpEntry), notes: HelpTexts.lintNotes, run: LintCommand.run),
    Subcommand(
      name: "analyze", usage: "libre analyze [OPTIONS] PATH…",
      summary:
        "Analyze many emails and calls in parallel: a summary (score distribution, top rules and phrases, per rep), "
        + "or one record per document (csv, jsonl, json, html).",
      description: HelpTexts.walk + " " + HelpTexts.analyze,
      options: AnalyzeOptions.table.map(\.helpEntry), notes: HelpTexts.exitCodes, run: AnalyzeCommand.run),
    Subcommand(
      name: "eval", usage: "libre eval [OPTIONS] [CORPUS_DIR…]",
      summary:
        "Score the rules against an annotated corpus (default: corpora): span precision/recall/F1 per language, "
        + "polarity and category, label accuracy, pair order, trap false alarms, misses and false alarms.",
      description: HelpTexts.eval, options: EvalOptions.table.map(\.helpEntry), run: EvalCommand.run),
    Subcommand(
      name: "merge", usage: "libre merge [OPTIONS] PARTIAL…",
      summary:
        "Add up the partials of analyze --emit-partial and print the summary one run over all the inputs would print.",
      options: MergeOptions.table.map(\.helpEntry), run: MergeCommand.run),
    Subcommand(
      name: "rules", usage: "libre rules [--lang en|fr]", summary: "List the rules.",
      options: RulesOptions.table.map(\.helpEntry), run: RulesCommand.list),
    Subcommand(
      name: "explain", usage: "libre explain RULE-ID [--lang en|fr]",
      summary: "Show a rule with its patterns, examples and source.",
      options: RulesOptions.table.map(\.helpEntry), run: RulesCommand.explain),
    Subcommand(
      name: "init", usage: "libre init [--force] [FOLDER]",
      summary: "Write a starter .libre.json, every key explained in \"$comment\" keys.",
      options: InitOptions.table.map(\.helpEntry), run: InitCommand.run),
    Subcommand(
      name: "check-lexicon", usage: "libre check-lexicon PATH…",
      summary: "Check a lexicon: its fields, its patterns, its examples (exit 1 when an example fails).",
      run: CheckLexiconCommand.run),
    Subcommand(
      name: "serve", usage: "libre serve [OPTIONS]",
      summary:
        "HTTP server: LanguageTool's POST /v2/check and GET /v2/languages, POST /api/lint (Libre's JSON), a page to "
        + "paste an email into (GET /) and GET /healthz, until SIGINT or SIGTERM (docs/server.md).",
      options: ServeCommand.Options.table.map(\.helpEntry), run: ServeCommand.run),
    Subcommand(
      name: "lsp", usage: "libre lsp [--config FILE]",
      summary:
        "Language server (LSP 3.17 over stdio) for editors: diagnostics, hover and code actions for emails, "
        + "templates and transcripts (docs/editors.md).",
      options: LSPCommand.Options.table.map(\.helpEntry), run: LSPCommand.run),
  ]

  /// The options `libre --help` lists, the ones most runs use.
  static let commonOptions: Set<String> = [
    "--format", "--output", "--lang", "--min-score", "--fail-on", "--config", "--profile", "--exclude", "--quiet",
    "--color", "--no-color", "--baseline", "--write-baseline", "--lexicon",
  ]

  static func named(_ name: String) -> Subcommand? { all.first { $0.name == name } }

  /// `libre --help`: the commands and what is common to them.
  static var globalHelp: String {
    var out = "libre — finds where sales writing affirms the reader's freedom and where it applies pressure\n\n"
    out += "USAGE\n"
    for command in all { out += "  \(command.usage)\n" }
    out += "  libre help COMMAND | libre COMMAND --help | libre --version\n\nCOMMANDS\n"
    for command in all {
      let lead = "  " + command.name
      let body = HelpRenderer.wrap(command.summary, indent: 18)
      out += lead + String(repeating: " ", count: 18 - lead.count) + body.dropFirst(18) + "\n"
    }
    out += "\nCOMMON OPTIONS (lint and analyze; every option: libre lint --help)\n"
    for spec in LintOptions.table where commonOptions.contains(spec.names[0]) {
      out += HelpRenderer.option(HelpRenderer.Entry(synopsis: spec.synopsis, help: spec.help, group: ""))
    }
    out += "\n" + HelpRenderer.wrap(HelpTexts.formats, indent: 0) + "\n\n"
    out += HelpRenderer.wrap(HelpTexts.defaults, indent: 0) + "\n\n"
    out += HelpTexts.suppression + "\n" + HelpTexts.exitCodes
    return out
  }
}
