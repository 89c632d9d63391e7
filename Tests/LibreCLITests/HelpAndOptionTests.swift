import Foundation
import Testing

/// Every command explains itself from its option table, and the command line reads
/// options one way everywhere.
@Suite struct HelpAndOptionTests {
  static let commands = [
    "lint", "analyze", "eval", "merge", "rules", "explain", "init", "check-lexicon", "serve", "lsp",
  ]

  @Test(arguments: commands)
  func eachCommandHasItsOwnHelp(command: String) throws {
    let long = try CLI.run([command, "--help"])
    let short = try CLI.run([command, "-h"])
    let viaHelp = try CLI.run(["help", command])
    #expect(long.status == 0 && short.status == 0 && viaHelp.status == 0, "\(long.stderr)")
    #expect(long.stdout == short.stdout && long.stdout == viaHelp.stdout)
    #expect(long.stdout.hasPrefix("usage: libre "), "\(long.stdout)")
    #expect(long.stdout.contains(command == "lint" ? "[lint]" : command))
    #expect(long.stderr.isEmpty)
  }

  @Test func lintsHelpListsItsOptionsAndAnalyzeSharesThem() throws {
    let lint = try CLI.run(["lint", "--help"]).stdout
    let analyze = try CLI.run(["analyze", "--help"]).stdout
    for flag in ["--min-score N", "--fail-on LEVEL", "--exclude GLOB", "-q, --quiet", "--color[=auto|always|never]"] {
      #expect(lint.contains(flag), "lint --help lacks \(flag)")
    }
    // The laid-out blocks keep their layout.
    #expect(lint.contains("\n  1  a finding or a score breached the threshold"), "\(lint)")
    #expect(lint.contains("\n  libre-disable-line RULE -- reason        the line it is on\n"))
    for flag in ["--min-score N", "--exclude GLOB", "-q, --quiet", "-j, --jobs N", "--max-input-size SIZE"] {
      #expect(analyze.contains(flag), "analyze --help lacks \(flag)")
    }
  }

  /// The README's usage block is `libre --help`, word for word.
  @Test func readmeUsageBlockIsTheHelp() throws {
    let root = try CLI.packageRoot()
    let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    let heading = try #require(readme.range(of: "\n## Usage\n"), "README has no ## Usage heading")
    let after = readme[heading.upperBound...]
    let open = try #require(after.range(of: "```text\n"))
    let close = try #require(after[open.upperBound...].range(of: "\n```\n"))
    let block = String(after[open.upperBound..<close.lowerBound]) + "\n"
    let help = try CLI.run(["--help"])
    #expect(help.status == 0)
    #expect(block == help.stdout, "README's usage block differs from libre --help:\n\(help.stdout)")
  }

  /// `docs/cli.md` is every command's help, generated (LIBRE_UPDATE_GOLDEN=1 rewrites it).
  @Test func docsCLIIsEveryCommandsHelp() throws {
    var expected = "# Command-line reference\n\n"
    expected += "Generated from the option tables: each section is the output of `libre COMMAND --help`.\n"
    expected += "`libre --help` lists the commands (and is the README's usage block).\n"
    for command in Self.commands {
      let help = try CLI.run([command, "--help"])
      expected += "\n## libre \(command)\n\n```text\n\(help.stdout)```\n"
    }
    let url = try CLI.packageRoot().appendingPathComponent("docs/cli.md")
    if ProcessInfo.processInfo.environment["LIBRE_UPDATE_GOLDEN"] == "1" {
      try expected.write(to: url, atomically: true, encoding: .utf8)
    }
    let actual = try String(contentsOf: url, encoding: .utf8)
    #expect(actual == expected, "docs/cli.md is out of date: run LIBRE_UPDATE_GOLDEN=1 swift test --filter docsCLI")
  }

  @Test func didYouMean() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("a.txt", Texts.respectful)
    let command = try dir.run(["lnt", "a.txt"])
    #expect(command.status == 2)
    #expect(command.stderr.contains("unknown command 'lnt' (did you mean 'lint'?)"), "\(command.stderr)")
    let flag = try dir.run(["a.txt", "--formt", "json"])
    #expect(flag.status == 2)
    #expect(flag.stderr.contains("unknown option '--formt' for lint (did you mean '--format'?)"), "\(flag.stderr)")
    let analyzeFlag = try dir.run(["analyze", "--min-scor=3", "a.txt"])
    #expect(analyzeFlag.stderr.contains("(did you mean '--min-score'?)"), "\(analyzeFlag.stderr)")
    let profile = try dir.run(["--profile", "coldemail", "a.txt"])
    #expect(profile.status == 2)
    #expect(profile.stderr.contains("(did you mean 'coldEmail'?)"), "\(profile.stderr)")
    let format = try dir.run(["--format=sarf", "a.txt"])
    #expect(format.stderr.contains("(did you mean 'sarif'?)"), "\(format.stderr)")
    try dir.write(".libre.json", #"{"minScroe": 50}"#)
    let key = try dir.run(["a.txt"])
    #expect(key.status == 2)
    #expect(key.stderr.contains("unknown key \"minScroe\" (did you mean \"minScore\"?"), "\(key.stderr)")
    let rule = try dir.run(["explain", "pressure.urgency.act-nwo"])
    #expect(rule.stderr.contains("(did you mean 'pressure.urgency.act-now'?)"), "\(rule.stderr)")
  }

  /// A word that names a file is still read as one; an unknown word is not a missing file.
  @Test func aFileNamedLikeACommandIsLinted() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("notes", Texts.respectful)
    let result = try dir.run(["notes"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("notes: score"))
  }

  @Test func everyValueFlagTakesEquals() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("a.txt", Texts.respectful)
    let lint = try dir.run([
      "--format=json", "--lang=en", "--min-score=10", "--fail-on=warning", "--role=all", "--max-findings=5",
      "--max-input-size=1M", "--exclude=*.md", "--color=never", "a.txt",
    ])
    #expect(lint.status == 0, "\(lint.stderr)")
    #expect(try lint.documents().count == 1)
    let rules = try CLI.run(["rules", "--lang=fr"])
    #expect(rules.status == 0, "\(rules.stderr)")
    #expect(rules.stdout.contains("rule(s)"))
    let badValue = try dir.run(["--quiet=yes", "a.txt"])
    #expect(badValue.status == 2)
    #expect(badValue.stderr.contains("--quiet takes no value"))
  }

  @Test func colorsFollowFlagsAndEnvironment() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("a.txt", "Act now!\n")
    let escape = "\u{1B}["
    #expect(try dir.run(["--color=always", "a.txt"]).stdout.contains(escape))
    #expect(try dir.run(["--color", "a.txt"]).stdout.contains(escape))
    #expect(!(try dir.run(["--color=never", "a.txt"]).stdout.contains(escape)))
    #expect(!(try dir.run(["--no-color", "a.txt"]).stdout.contains(escape)))
    #expect(try dir.run(["a.txt"], environment: CLI.environment(["FORCE_COLOR": "1"])).stdout.contains(escape))
    #expect(!(try dir.run(["a.txt"], environment: CLI.environment(["FORCE_COLOR": "0"])).stdout.contains(escape)))
    let bad = try dir.run(["--color=sometimes", "a.txt"])
    #expect(bad.status == 2)
    // On a terminal: colored, unless TERM is dumb or NO_COLOR is set.
    let terminal = try CLI.runOnTerminal(["a.txt"], in: dir.url, environment: CLI.environment(["TERM": "xterm"]))
    #expect(terminal.contains(escape))
    let dumb = try CLI.runOnTerminal(["a.txt"], in: dir.url, environment: CLI.environment(["TERM": "dumb"]))
    #expect(!dumb.contains(escape), "\(dumb)")
    let noColor = try CLI.runOnTerminal(["a.txt"], in: dir.url, environment: CLI.environment(["NO_COLOR": "1"]))
    #expect(!noColor.contains(escape))
  }

  @Test func lintTakesQuietAndExclude() throws {
    let dir = try TempDir()
    defer { dir.remove() }
    try dir.write("docs/a.txt", "Act now!\n")
    try dir.write("docs/drafts/b.txt", "You must sign today.\n")
    try dir.write("docs/empty.txt", "")
    let all = try dir.run(["docs"])
    #expect(all.stdout.contains("docs/drafts/b.txt"))
    #expect(all.stderr.contains("warning: "), "\(all.stderr)")
    let excluded = try dir.run(["--exclude", "drafts", "docs"])
    #expect(!excluded.stdout.contains("docs/drafts/b.txt"))
    #expect(excluded.stdout.contains("docs/a.txt"))
    let quiet = try dir.run(["-q", "docs"])
    #expect(!quiet.stderr.contains("warning: "), "\(quiet.stderr)")
  }
}
