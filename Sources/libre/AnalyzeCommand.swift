import LibreFormats
import LibreKit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `libre analyze`: many inputs linted in parallel, each result written in input order as
/// it completes, and aggregates (per document, per rep, overall) built incrementally.
///
/// Threads: one producer lists or reads the inputs and feeds an `OrderedPipeline`; `--jobs`
/// workers each own a `LintWorkspace` and turn inputs into rendered records and summaries;
/// the main thread takes the outcomes back in order, writes them, updates the aggregate and
/// draws the progress bar. Nothing is kept per document once it is written.
enum AnalyzeCommand {
  static func run(_ arguments: [String]) -> Int32 {
    let options: AnalyzeOptions
    let policy: LintPolicy
    do throws(UsageError) {
      options = try AnalyzeOptions.parse(arguments)
      policy = try Lexicons.policy(options.lint.policy, limits: options.lint.lexiconLimits)
    } catch {
      Output.error(error.description)
      return 2
    }
    Output.quiet = options.quiet
    let linter = policy.builtIn
    // Paths are listed before the run, so the progress bar knows the total.
    var listed: [BatchWalker.Entry] = []
    var walk: [String] = []
    if !options.stdinJSONL || !options.paths.isEmpty || options.filesFrom != nil {
      do throws(InputError) {
        (listed, walk) = try listInputs(options)
      } catch {
        Output.error(error.description)
        return 2
      }
    }
    let output: OutputFile
    do throws(InputError) {
      output = try OutputFile(path: options.output)
    } catch {
      Output.error(error.description)
      return 2
    }
    var format = options.format.format(rules: linter.lexicons.rules + BuiltInRules.all)
    if options.format == .html {
      format = AnalysisHTMLFormat(
        scope: options.paths + (options.filesFrom.map { ["--files-from \($0)"] } ?? [])
          + (options.stdinJSONL ? ["--stdin-jsonl"] : []),
        date: ReportDate.now())
    }
    let worker = AnalysisWorker(
      linter: linter, options: options, format: format, policy: SharedPolicy(policy))
    let pipeline = OrderedPipeline<AnalysisInput, AnalysisOutcome>(window: options.jobs * 8)
    let stdinJSONL = options.stdinJSONL
    let limits = options.lint.limits
    let entries = listed
    do throws(DetachedThread.StartError) {
      for _ in 0..<options.jobs {
        try DetachedThread.start {
          var workspace = LintWorkspace()
          while let (sequence, input) = pipeline.take() {
            pipeline.complete(sequence, worker.process(input, workspace: &workspace))
          }
        }
      }
      try DetachedThread.start {
        for entry in entries {
          switch entry {
          case .file(let path) where MailboxStream.mayBeMailbox(path):
            // Several messages: one input each, read as the workers take them (flat memory).
            MailboxStream.read(path, limits: limits) { item in
              switch item {
              case .whole(let path): pipeline.submit(.file(path))
              case .message(let mailbox, let message): pipeline.submit(.message(mailbox: mailbox, message))
              case .failed(let error): pipeline.submit(.failed(error))
              }
            }
          case .file(let path): pipeline.submit(.file(path))
          case .failed(let error): pipeline.submit(.failed(error))
          }
        }
        if stdinJSONL {
          // One line is one document: it may hold as much as a file may.
          var reader = LineReader(descriptor: 0, maximum: limits.inputBytes)
          while let line = reader.next() {
            if reader.lastLineTooLong {
              pipeline.submit(.failed(limits.jsonlLineTooLarge(line: reader.lineNumber)))
              continue
            }
            // A blank line holds no document: not an input.
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            pipeline.submit(.jsonl(line: reader.lineNumber, bytes: line))
          }
        }
        pipeline.endInput()
      }
    } catch {
      Output.error(error.description)
      return 2
    }

    var consumer = Consumer(
      format: format, output: output, quiet: options.quiet,
      progress: ProgressBar(
        enabled: ProgressBar.wanted(quiet: options.quiet),
        total: stdinJSONL || listed.contains(where: AnalyzeCommand.holdsMailbox) ? nil : listed.count))
    consumer.named = Set(options.paths)
    consumer.consume(pipeline)
    if consumer.failedDocuments > Consumer.namedFailures {
      Output.gate(GateMessages.moreFail(consumer.failedDocuments, named: Consumer.namedFailures))
    }
    for line in walk { Output.note(line) }
    if consumer.ignored > 0 { Output.note(WalkMessages.ignoredCount(consumer.ignored)) }
    if !options.quiet {
      for (reason, count) in consumer.skipped.sorted(by: { $0.key < $1.key }) {
        Output.note("skipped \(count) message(s) \(reason)")
      }
    }
    do throws(InputError) {
      try output.close()
    } catch {
      // The records are not all written: no partial either, the aggregate may be cut short.
      Output.error(error.description)
      return 2
    }
    if let partial = options.emitPartial {
      do throws(InputError) {
        try OutputFile.write(AggregateCoding.encode(consumer.aggregate), to: partial)
      } catch {
        Output.error(error.description)
        return 2
      }
    }
    if consumer.aggregate.errors > 0 { return 2 }
    return consumer.gateFailed ? 1 : 0
  }

  /// Whether an entry is a file named as a mailbox (its messages are not counted up front).
  static func holdsMailbox(_ entry: BatchWalker.Entry) -> Bool {
    guard case .file(let path) = entry else { return false }
    return MailboxStream.mailboxExtensions.contains(FileReader.fileExtension(path))
  }

  /// The longest line of a `--files-from` list: PATH_MAX, the longest path the system takes.
  static let longestListedPath = 4096

  /// The paths named, then those of `--files-from`, walked with the filters.
  static func listInputs(_ options: AnalyzeOptions) throws(InputError) -> ([BatchWalker.Entry], walk: [String]) {
    var paths = options.paths
    if let list = options.filesFrom {
      var reader: LineReader
      var opened: Int32 = 0
      if list == "-" {
        reader = LineReader(descriptor: 0, maximum: AnalyzeCommand.longestListedPath)
      } else {
        opened = open(list, O_RDONLY | O_CLOEXEC)
        guard opened >= 0 else {
          throw InputError(path: list, message: "cannot open: \(String(cString: strerror(errno)))")
        }
        reader = LineReader(descriptor: opened, maximum: AnalyzeCommand.longestListedPath)
      }
      // A list is a file or a pipe (`<(find …)`); a device such as /dev/zero never ends.
      var info = stat()
      let kind = fstat(list == "-" ? 0 : opened, &info) == 0 ? info.st_mode & S_IFMT : S_IFREG
      if kind == S_IFCHR || kind == S_IFBLK || kind == S_IFSOCK || kind == S_IFDIR {
        if opened > 0 { close(opened) }
        throw InputError(path: list, message: "is \(FileReader.kindName(kind)), not a list of paths")
      }
      while let line = reader.next() {
        if reader.lastLineTooLong {
          if opened > 0 { close(opened) }
          throw InputError(
            path: list, line: reader.lineNumber,
            message: "longer than \(AnalyzeCommand.longestListedPath) bytes: not a path")
        }
        if !line.isEmpty { paths.append(String(decoding: line, as: UTF8.self)) }
      }
      if opened > 0 { close(opened) }
    }
    var walker = BatchWalker(filter: options.filter)
    let entries = walker.expand(paths)
    walker.warn()
    if !options.quiet, let warning = Maildir.inDeliveryWarning(walker.inDelivery) { Output.warning(warning) }
    return (entries, walker.report)
  }
}

/// The main thread's side of the run: outcomes in order to the output and the aggregate.
struct Consumer {
  let format: any AnalysisRecordFormat
  let output: OutputFile
  let quiet: Bool
  var progress: ProgressBar
  var aggregate = AnalysisAggregate()
  var gateFailed = false
  /// Inputs their configuration's `ignore` matched.
  var ignored = 0
  /// Documents that failed the gates.
  var failedDocuments = 0
  /// How many failing documents are named on stderr, each with why.
  static let namedFailures = 20
  /// The paths named on the command line (an ignored one gets a notice).
  var named: Set<String> = []
  /// Error records held for the footer (JSON's `errors` array).
  var heldErrors: [String] = []
  /// Inputs not analyzed, by reason (said at the end).
  var skipped: [String: Int] = [:]

  init(format: any AnalysisRecordFormat, output: OutputFile, quiet: Bool, progress: ProgressBar) {
    self.format = format
    self.output = output
    self.quiet = quiet
    self.progress = progress
  }

  mutating func consume(_ pipeline: OrderedPipeline<AnalysisInput, AnalysisOutcome>) {
    output.write(format.header())
    var done = 0
    loop: while true {
      switch pipeline.next(timeout: 0.1) {
      case .end: break loop
      case .waiting:
        progress.update(done: done)
        continue
      case .output(let outcome):
        done += 1
        handle(outcome)
        progress.update(done: done)
        // Nowhere to write (a full disk, a reader gone): stop rather than lint for nothing.
        if output.failed { break loop }
      }
    }
    progress.update(done: done, force: true)
    progress.clear()
    output.write(format.footer(aggregate, errors: heldErrors))
  }

  mutating func handle(_ outcome: AnalysisOutcome) {
    switch outcome {
    case .document(let summary, let record, let warnings, let failures, let path):
      if !quiet && !warnings.isEmpty {
        progress.clear()
        for warning in warnings { Output.warning(warning) }
      }
      if aggregate.documents > 0 { output.write(format.separator) }
      output.write(bytes: record)
      aggregate.add(summary)
      if !failures.isEmpty {
        gateFailed = true
        failedDocuments += 1
        // The first ones are named with why; a large batch gets the count at the end.
        if failedDocuments <= Consumer.namedFailures {
          progress.clear()
          Output.gate(GateMessages.documentFails(path, failures))
        }
      }
    case .ignored(let path, let warnings):
      progress.clear()
      for warning in warnings { Output.warning(warning) }
      if named.contains(path) { Output.note(WalkMessages.ignoredNamed(path)) }
      ignored += 1
    case .failure(let error, let record):
      // Errors always reach stderr, even with --quiet: a lost input must not go unnoticed.
      progress.clear()
      Output.error(error.description)
      aggregate.addError()
      if format.errorsAtEnd { heldErrors.append(record) } else { output.write(record) }
    case .skipped(let reason):
      skipped[reason, default: 0] += 1
    }
  }
}
