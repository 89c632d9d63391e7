import LibreFormats
import LibreKit

#if canImport(Glibc)
  import Glibc
#endif

/// The options of `libre analyze`, read by the same small parser as `lint`.
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
  var includes: [Glob] = []
  var excludes: [Glob] = []
  var jobs = AnalyzeOptions.processorCount()
  var quiet = false
  var format = AnalysisFormatName.text
  var output: String?
  var emitPartial: String?
  var groupBy = GroupBy.rep
  /// The options analyze shares with lint (language, gates, lexicons, quoting, roles,
  /// configuration), read by lint's own parser so they mean the same thing.
  var lint = LintOptions()
  /// `--since`, `--until`, `--me`, `--received` (see `MailOptions`).
  var mail = MailOptions()
  /// `--by week|month`: trends per period.
  var by: TrendPeriod?

  static func parse(_ arguments: [String]) throws(UsageError) -> AnalyzeOptions {
    var options = AnalyzeOptions()
    // `lint`'s shared options are read by its parser, so they mean the same thing here.
    var shared: [String] = []
    var reader = ArgumentReader(arguments)
    while let item = reader.next() {
      guard case .option(let flag, let argument) = item else {
        if case .path(let path) = item { options.paths.append(path) }
        continue
      }
      switch flag {
      case "--format", "-f":
        let text = try reader.value(for: flag)
        guard let format = AnalysisFormatName(rawValue: text) else {
          let names = AnalysisFormatName.allCases.map(\.rawValue).joined(separator: ", ")
          throw UsageError(description: "unknown format '\(text)' (\(names))")
        }
        options.format = format
      case "--include": options.includes.append(Glob(try reader.value(for: flag)))
      case "--exclude": options.excludes.append(Glob(try reader.value(for: flag)))
      case "--files-from": options.filesFrom = try reader.value(for: flag)
      case "--stdin-jsonl": options.stdinJSONL = true
      case "--jobs", "-j":
        let text = try reader.value(for: flag)
        guard let jobs = Int(text), (1...1024).contains(jobs) else {
          throw UsageError(description: "--jobs takes a number of threads from 1 to 1024, not '\(text)'")
        }
        options.jobs = jobs
      case "--quiet", "-q": options.quiet = true
      case "--output", "-o": options.output = try reader.value(for: flag)
      case "--emit-partial": options.emitPartial = try reader.value(for: flag)
      case "--group-by":
        let text = try reader.value(for: flag)
        switch text {
        case "rep": options.groupBy = .rep
        case "folder": options.groupBy = .folder
        case "sender": options.groupBy = .sender
        case "": throw UsageError(description: "--group-by takes sender, rep, folder or a JSONL field name")
        default: options.groupBy = .field(text)
        }
      case "--by":
        let text = try reader.value(for: flag)
        guard let period = TrendPeriod(rawValue: text) else {
          throw UsageError(description: "--by takes week or month, not '\(text)'")
        }
        options.by = period
      case _ where MailOptions.flags.contains(flag):
        try options.mail.read(flag, value: try reader.value(for: flag))
      case "--lang", "--min-score", "--fail-on", "--lexicon", "--rep", "--role", "--config":
        shared += [flag, try reader.value(for: flag)]
      case "--include-quoted", "--explain-suppressed": shared.append(flag)
      case _ where LintOptions.limitFlags.contains(flag): shared += [flag, try reader.value(for: flag)]
      default: throw UsageError(description: "unknown option '\(argument)' for analyze (see libre --help)")
      }
    }
    options.lint = try LintOptions.parse(shared)
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

  var filter: PathFilter { PathFilter(includes: includes, excludes: excludes) }

  /// The header fields this run reads from each email: the sender always (a rep, sent or
  /// received, the emails-by-sender tally every partial carries alike), the date for `--since`/`--until`/`--by`, the Message-ID for the
  /// JSON records.
  var wantedMessageFields: MessageFields.Wanted {
    MessageFields.Wanted(
      messageID: format == .json || format == .jsonl,
      date: mail.since != nil || mail.until != nil || by != nil,
      sender: true)
  }

  var documentOptions: DocumentOptions {
    DocumentOptions(language: lint.language, reps: lint.reps, everyone: lint.everyone)
  }

  /// The processors this process may run on (the default of `--jobs`).
  static func processorCount() -> Int {
    max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
  }
}
