import LibreFormats
import LibreKit

#if canImport(Glibc)
  import Glibc
#endif

/// The options of `libre analyze`: its own table, plus the options it shares with `lint`
/// (read into `lint`, so they mean the same thing).
struct AnalyzeOptions: Sendable {
  /// What a document's group (the per-rep table) is.
  enum GroupBy: Sendable, Equatable {
    /// A call's rep names; a JSONL line's `group` field, else its `rep`.
    case rep
    /// The name of the folder holding the file.
    case folder
    /// A field of the JSONL line.
    case field(String)
    /// An email's `From:` address (calls: none).
    case sender
  }

  var paths: [String] = []
  var filesFrom: String?
  var stdinJSONL = false
  var jobs = AnalyzeOptions.processorCount()
  var format = AnalysisFormatName.text
  var output: String?
  var emitPartial: String?
  var groupBy = GroupBy.rep
  /// The options analyze shares with lint (language, gates, lexicons, quoting, roles,
  /// configuration, walks, limits).
  var lint = LintOptions()
  /// `--since`, `--until`, `--me`, `--received` (see `MailOptions`).
  var mail = MailOptions()
  /// `--by week|month`: trends per period.
  var by: TrendPeriod?

  var quiet: Bool { lint.quiet }

  static let own: [OptionSpec<AnalyzeOptions>] = [
    OptionSpec(
      ["--format", "-f"], "FORMAT",
      "text: a summary table (default); csv: a row per input (RFC 4180); jsonl: a record per input, then a "
        + "summary record; json: documents, errors and summary (schemaVersion 1); html: a self-contained report "
        + "page (charts, per-rep table, call timelines, findings highlighted), best with -o FILE"
    ) { options, text throws(UsageError) in
      options.format = try OptionValues.choice(text, flag: "--format", as: AnalysisFormatName.self)
    },
    OptionSpec(["--output", "-o"], "FILE", "write the report to FILE instead of stdout") {
      options, text throws(UsageError) in
      options.output = text
    },
    OptionSpec(["--files-from"], "FILE|-", "also analyze the paths listed in FILE, one a line") {
      options, text throws(UsageError) in
      options.filesFrom = text
    },
    OptionSpec(
      ["--stdin-jsonl"],
      "read documents from stdin, one JSON object a line: {\"id\", \"text\"} or {\"id\", \"segments\": [{speaker, "
        + "text, start, end}]}, with optional \"rep\" and fields for --group-by"
    ) { options, _ throws(UsageError) in options.stdinJSONL = true },
    OptionSpec(["--jobs", "-j"], "N", "worker threads (default: the processors online)") {
      options, text throws(UsageError) in
      options.jobs = try OptionValues.number(text, flag: "--jobs", in: 1...1024)
    },
    OptionSpec(
      ["--group-by"], "sender|rep|folder|FIELD",
      "the per-rep table's key: the call's rep or the email's sender address (rep, the default), the sender "
        + "only, the file's folder, or a field of the JSONL line"
    ) { options, text throws(UsageError) in
      switch text {
      case "rep": options.groupBy = .rep
      case "folder": options.groupBy = .folder
      case "sender": options.groupBy = .sender
      case "": throw UsageError(description: "--group-by takes sender, rep, folder or a JSONL field name")
      default: options.groupBy = .field(text)
      }
    },
    OptionSpec(
      ["--by"], "week|month",
      "trends: per ISO week or month (the email's Date:, a JSONL \"date\", else the file's date), overall and "
        + "per rep"
    ) { options, text throws(UsageError) in
      options.by = try OptionValues.choice(text, flag: "--by", as: TrendPeriod.self)
    },
    OptionSpec(
      ["--since"], "DATE",
      "only emails whose Date: header falls on or after this day (YYYY-MM-DD); the others are counted and said"
    ) { options, text throws(UsageError) in try options.mail.read("--since", value: text) },
    OptionSpec(["--until"], "DATE", "only emails whose Date: header falls on or before this day (YYYY-MM-DD)") {
      options, text throws(UsageError) in try options.mail.read("--until", value: text)
    },
    OptionSpec(["--me"], "ADDRESS[,ADDRESS]", "the user's addresses: only mail they sent is analyzed") {
      options, text throws(UsageError) in try options.mail.read("--me", value: text)
    },
    OptionSpec(
      ["--received"], "skip|apart",
      "with --me, received mail is skipped (default) or filed apart under \"(received) SENDER\""
    ) { options, text throws(UsageError) in try options.mail.read("--received", value: text) },
    OptionSpec(["--emit-partial"], "FILE", "also write the mergeable aggregate (for libre merge)") {
      options, text throws(UsageError) in
      options.emitPartial = text
    },
  ]

  /// Every option of `analyze`.
  static let table: [OptionSpec<AnalyzeOptions>] =
    own + LintOptions.shared.map { $0.lifted(\AnalyzeOptions.lint) }
    + LintOptions.limitTable.map { $0.lifted(\AnalyzeOptions.lint) }

  static func parse(_ arguments: [String]) throws(UsageError) -> AnalyzeOptions {
    var options = AnalyzeOptions()
    options.paths = try OptionParser.parse(arguments, table: table, command: "analyze", into: &options)
    let sources = (options.paths.isEmpty ? 0 : 1) + (options.filesFrom == nil ? 0 : 1) + (options.stdinJSONL ? 1 : 0)
    if sources == 0 {
      throw UsageError(description: "analyze needs inputs: PATH…, --files-from FILE|- or --stdin-jsonl")
    }
    if options.stdinJSONL && options.filesFrom == "-" {
      throw UsageError(description: "--stdin-jsonl and --files-from - both read standard input; choose one")
    }
    if options.paths.contains("-") {
      throw UsageError(description: "analyze reads stdin with --files-from - (paths) or --stdin-jsonl (documents)")
    }
    return options
  }

  var filter: PathFilter { lint.filter }

  /// The header fields this run reads from each email: the sender always (a rep, sent or
  /// received, the emails-by-sender tally every partial carries alike), the date for
  /// `--since`/`--until`/`--by`, the Message-ID for the JSON records.
  var wantedMessageFields: MessageFields.Wanted {
    MessageFields.Wanted(
      messageID: format == .json || format == .jsonl,
      date: mail.since != nil || mail.until != nil || by != nil,
      sender: true)
  }

  /// The processors this process may run on (the default of `--jobs`).
  static func processorCount() -> Int {
    max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
  }
}
