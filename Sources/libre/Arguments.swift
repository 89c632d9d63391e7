import LibreFormats
import LibreKit

/// A mistake on the command line.
struct UsageError: Error, CustomStringConvertible {
  var description: String
}

/// The options of `libre lint`, read by a small hand-written parser.
struct LintOptions {
  enum Format: String { case text, json }
  enum FailOn: String { case info, warning, error, none }

  var paths: [String] = []
  var format = Format.text
  var language: Language?
  var minimumScore: Int?
  var failOn = FailOn.error
  var lexicons: [String] = []
  var color: Bool?
  var includeQuoted = false
  /// `--explain-suppressed`: say which findings the context stage set aside, and why.
  var explainSuppressed = false
  /// `--rep NAME[,NAME]`: the seller's side of a call.
  var reps: [String] = []
  /// `--role all`: lint every speaker of a call alike.
  var everyone = false
  /// `--config PATH`: this configuration for every input instead of the nearest `.libre.json`.
  var configuration: String?
  /// The CI options of `libre lint` (report formats, `--output`, baselines, profiles).
  var ci = CIOptions()
  /// `--max-input-size` and the other limits (`LimitOptions.swift`).
  var limits = InputLimits()
  var lexiconLimits = LexiconLimits()

  /// Parses the arguments after the command name.
  static func parse(_ arguments: [String]) throws(UsageError) -> LintOptions {
    var options = LintOptions()
    var reader = ArgumentReader(arguments)
    while let item = reader.next() {
      guard case .option(let flag, let argument) = item else {
        if case .path(let path) = item { options.paths.append(path) }
        continue
      }
      switch flag {
      case "--format", "-f": try options.setFormat(try reader.value(for: flag))
      case "--lang":
        options.language = try ArgumentReader.language(try reader.value(for: flag))
        options.ci.languageGiven = true
      case "--min-score":
        let text = try reader.value(for: flag)
        guard let score = Int(text), (0...100).contains(score) else {
          throw UsageError(description: "--min-score takes a number from 0 to 100, not '\(text)'")
        }
        options.minimumScore = score
      case "--fail-on":
        let text = try reader.value(for: flag)
        guard let level = FailOn(rawValue: text) else {
          throw UsageError(description: "unknown --fail-on level '\(text)' (info, warning, error, none)")
        }
        options.failOn = level
        options.ci.failOnGiven = true
      case "--lexicon": options.lexicons.append(try reader.value(for: flag))
      case "--include-quoted": options.includeQuoted = true
      case "--explain-suppressed": options.explainSuppressed = true
      case "--rep":
        let names = try reader.value(for: flag).split(separator: ",").map {
          String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        }.filter { !$0.isEmpty }
        guard !names.isEmpty else { throw UsageError(description: "--rep takes speaker names: --rep Sam[,Alex]") }
        options.reps += names
      case "--config": options.configuration = try reader.value(for: flag)
      case "--role":
        let role = try reader.value(for: flag)
        switch role {
        case "all": options.everyone = true
        case "rep": options.everyone = false
        default: throw UsageError(description: "unknown --role '\(role)' (rep: lint the rep only; all: everyone)")
        }
      case "--no-color": options.color = false
      case "--color": options.color = true
      default:
        var known = try options.ci.parse(flag, &reader)
        if !known { known = try options.readLimit(flag, &reader) }
        guard known else {
          throw UsageError(description: "unknown option '\(argument)' (see libre --help)")
        }
      }
    }
    return options
  }
}

/// Walks command-line arguments for the commands' small hand-written parsers: options,
/// their values (`--lang fr` or `--lang=fr`), and paths (`-` is a path; after `--`, all are).
struct ArgumentReader {
  enum Item {
    /// An option: its name without any `=value`, and the argument as written.
    case option(String, String)
    case path(String)
  }

  private let arguments: [String]
  private var index = 0
  private var onlyPaths = false
  /// The `=value` part of the current option, if it had one.
  private var attached: String?

  init(_ arguments: [String]) { self.arguments = arguments }

  /// The short options that take a value, which may be attached (`-j1`).
  static let shortOptionsWithValues: Set<String> = ["-j", "-o", "-f"]

  mutating func next() -> Item? {
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if onlyPaths || !argument.hasPrefix("-") || argument == "-" { return .path(argument) }
      if argument == "--" {
        onlyPaths = true
        continue
      }
      if let equals = argument.firstIndex(of: "=") {
        attached = String(argument[argument.index(after: equals)...])
        return .option(String(argument[..<equals]), argument)
      }
      // `-j1`, `-ojson.out`: a short option with its value attached, as getopt reads it.
      let short = String(argument.prefix(2))
      if argument.count > 2 && ArgumentReader.shortOptionsWithValues.contains(short) {
        attached = String(argument.dropFirst(2))
        return .option(short, argument)
      }
      attached = nil
      return .option(argument, argument)
    }
    return nil
  }

  /// The value of the option just read.
  mutating func value(for flag: String) throws(UsageError) -> String {
    if let attached {
      self.attached = nil
      return attached
    }
    guard index < arguments.count else { throw UsageError(description: "\(flag) needs a value") }
    index += 1
    return arguments[index - 1]
  }

  static func format(_ text: String) throws(UsageError) -> LintOptions.Format {
    guard let format = LintOptions.Format(rawValue: text) else {
      throw UsageError(description: "unknown format '\(text)' (text, json)")
    }
    return format
  }

  /// `auto` (nil: detect) or a language code.
  static func language(_ text: String) throws(UsageError) -> Language? {
    if text == "auto" { return nil }
    guard let language = Language(rawValue: text) else {
      throw UsageError(description: "unknown language '\(text)' (auto, en, fr)")
    }
    return language
  }
}

enum HelpText {
  static let usage = """
    libre — finds where sales writing affirms the reader's freedom and where it applies pressure

    USAGE
      libre lint [OPTIONS] [PATH…|-]   lint emails, templates and call transcripts (the default
                                        command; '-' or nothing = stdin)
      libre rules [--lang en|fr]        list the rules
      libre explain RULE-ID [--lang en|fr]
                                        show a rule with its examples and source
      libre eval [OPTIONS] [CORPUS_DIR…] score the rules against an annotated corpus (default
                                        corpora): span precision/recall/F1 per language,
                                        polarity and category, label accuracy, pair order,
                                        trap false alarms, misses and false alarms
      libre analyze [OPTIONS] PATH…     analyze many emails and calls in parallel: a summary
                                        (score distribution, top rules and phrases, per rep),
                                        or one record per document (csv, jsonl, json, html)
      libre merge [OPTIONS] PARTIAL…    add up the partials of analyze --emit-partial and print
                                        the summary one run over all the inputs would print
      libre init [--force] [FOLDER]     write a starter .libre.json (explained in "$comment" keys)
      libre check-lexicon PATH…         check a lexicon: its fields, its patterns, its examples
      libre --version | --help

    OPTIONS (lint)
      -f, --format FORMAT      text (default), json, jsonl (a record per finding), csv, sarif
                               (2.1.0), github (workflow annotations; with GITHUB_STEP_SUMMARY
                               set, a Markdown job summary too), junit, checkstyle, markdown
      -o, --output FILE        write the report to FILE (the exit code still gates)
      --lang auto|en|fr        language of the texts (default auto: stop-word detection)
      --min-score N            exit 1 when a document scores below N (0–100)
      --fail-on LEVEL          exit 1 on a finding of LEVEL or worse: info, warning, error
                               (default), none
      --lexicon PATH           add a lexicon file or folder (repeatable)
      --no-color, --color      force colors off or on (NO_COLOR is honored)
      --include-quoted         also lint quoted replies and signatures ('>' lines, "On … wrote:",
                               « Le … a écrit : », Outlook headers, '-- ' signatures)
      --explain-suppressed     also say which phrases the context stage set aside and why
                               (a log line, a footer, quoted speech, an epistemic modal…)
      --rep NAME[,NAME]        the seller's side of a call (default: a heuristic, printed)
      --role rep|all           lint the rep only (default) or every speaker alike
      --config PATH            use this configuration instead of the nearest .libre.json
                               (found from each file's folder upward; keys: language,
                               lexicons, rules, minScore, failOn, ignore, speakers, profiles;
                               schema: schemas/libre-config.schema.json)
      --profile NAME           the configuration's profile for every input: coldEmail,
                               followUp, transcript (default: by the profiles' files globs)
      --write-baseline FILE    record today's findings and scores (this run exits 0 unless
                               an input fails)
      --baseline FILE          fail only on findings FILE does not have, or on a score below
                               the one it recorded; list the fixed ones

    LIMITS (lint and analyze; past one: an error naming it, or for MIME a warning)
      --max-input-size SIZE    largest input file (default 64M; K, M, G suffixes); lint
                               reads a larger plain-text file in sections instead
      --section-size SIZE      lint: a plain-text file larger than this is linted in sections
                               of about this size (default 1M; document rules run per section)
      --max-line-length SIZE   longest line (default 4M)
      --max-mime-depth N       MIME nesting depth read (default 32)
      --max-mime-parts N       MIME parts read per message (default 1000)
      --max-cues N             cues per transcript (default 1000000)
      --max-cue-length SIZE    text per cue (default 1000000 bytes)
      --max-patterns N         patterns in all lexicons with --lexicon (default 50000)
      --max-pattern-length N   bytes per pattern with --lexicon (default 1000)
      --max-findings N         findings reported per document (default 1000; 0: all); past
                               it a warning gives the total, and the score counts them all
      --max-columns N          characters of a source line shown around a finding (default
                               200; a longer line is cut with …; 0: whole lines)

    OPTIONS (eval)
      -f, --format text|json   output format (default text; json has schemaVersion 1)
      --lang auto|en|fr        language given to the linter (default auto)
      --lexicon PATH           add a lexicon file or folder (repeatable)
      --max-input-size SIZE    largest document or gold file (default 64M)
      --max-line-length SIZE   longest line in them (default 4M)
      Each document (any format lint reads) with an X.gold.json sidecar is evaluated
      (format: corpora/README.md).
      eval exits 0 when it could evaluate everything, 2 on a usage or lexicon error, a bad
      sidecar or an unreadable file (the other documents are still evaluated).

    OPTIONS (analyze)
      -f, --format text|csv|jsonl|json|html
                               text: a summary table (default); csv: a row per input (RFC
                               4180); jsonl: a record per input, then a summary record;
                               json: documents, errors and summary (schemaVersion 1);
                               html: a self-contained report page (charts, per-rep table,
                               call timelines, findings highlighted), best with -o FILE
      -o, --output FILE        write the report to FILE instead of stdout
      --include GLOB           walk only files matching GLOB (repeatable; * ? ** on the path
                               relative to the folder walked, or on the file name)
      --exclude GLOB           skip files and folders matching GLOB (repeatable)
      --files-from FILE|-      also analyze the paths listed in FILE, one a line
      --stdin-jsonl            read documents from stdin, one JSON object a line:
                               {"id", "text"} or {"id", "segments": [{speaker, text, start,
                               end}]}, with optional "rep" and fields for --group-by
      -j, --jobs N             worker threads (default: the processors online)
      --group-by sender|rep|folder|FIELD
                               the per-rep table's key: the call's rep or the email's
                               sender address (rep, the default), the sender only, the
                               file's folder, or a field of the JSONL line
      --since DATE, --until DATE
                               only emails whose Date: header falls on or between these
                               days (YYYY-MM-DD); the others are counted and said
      --me ADDRESS[,ADDRESS]   the user's addresses: only mail they sent is analyzed
      --received skip|apart    with --me, received mail is skipped (default) or filed
                               apart under "(received) SENDER"
      --by week|month          trends: per ISO week or month (the email's Date:, a JSONL
                               "date", else the file's date), overall and per rep
      --emit-partial FILE      also write the mergeable aggregate (for libre merge)
      -q, --quiet              no progress bar and no warnings (errors are still printed)
      --lang, --min-score, --fail-on, --lexicon, --include-quoted, --explain-suppressed,
      --rep, --role, --config,
      and the limits (--max-input-size…): as lint
      Every input appears once, as a result or an error. Results come out in input order
      whatever --jobs. Exit 2 if any input failed (after the others), else 1 if a gate
      tripped, else 0. A progress bar goes to stderr when it is a terminal.

    OPTIONS (merge)
      -f, --format text|json   the summary as analyze prints it (default text)
      -o, --output FILE        write it to FILE
      --emit-partial FILE      write the merged partial (merges can be merged)

    Formats: plain text, Markdown, HTML, .eml (MIME), mbox (each message its own document,
    FILE#N), WebVTT, SRT, SBV, plain transcripts (`Speaker: text`, Otter, Zoom) and JSON
    transcripts (segments, WhisperX, AWS Transcribe, Deepgram, AssemblyAI, Rev.ai), by
    extension, else by content. Directories are walked for .txt .text .md .markdown .html
    .htm .eml .mbox .mbx .vtt .srt .sbv and .json files, and a Maildir (cur/ new/) for its
    messages (README files, which describe a folder, are skipped; name one to lint it).

    SUPPRESSION
      In any comment of the file, or on a line of its own:
      libre-disable RULE[,RULE] -- reason      until libre-enable (RULE may be a glob: pressure.urgency.*)
      libre-disable-next-line RULE -- reason   the next line only
      libre-enable [RULE]

    EXIT CODES
      0  no finding at or above --fail-on, and every score at or above --min-score
         (thresholds from the flags, else the nearest .libre.json and its profile)
      1  a finding or a score breached the threshold, or a --baseline gate
      2  usage, configuration, lexicon, baseline or input error (the other inputs are
         still linted)

    """
}
