import LibreFormats
import LibreKit
import LibreLexicons

#if canImport(Glibc)
  import Glibc
#endif

/// `libre-bench [--size MB] [--seed N] [--file PATH] [--phase all|tokenize|match|lint] [--eml N]`
///
/// Generates (or reads) a corpus and reports single-core MB/s for the tokenizer, the
/// matcher (tokenize + context + automaton) and the whole lint (rules and score included),
/// plus peak memory. Generated corpora are made and processed 1 MB at a time, so the peak
/// shows what the pipeline itself holds.
@main
struct Bench {
  static func main() { measure() }

  /// The benchmark proper, off the main actor: a main-actor caller pays an executor check
  /// in every callback it passes down.
  nonisolated static func measure() {
    var size = 100
    var seed: UInt64 = 42
    var file: String?
    var phase = "all"
    var emit: String?
    var emails: Int?
    var folder: String?
    var mailFolder: String?
    var lexiconFolder: String?
    var dfaStates: Int?
    var against: String?
    var chunk = 4
    var arguments = CommandLine.arguments.dropFirst().makeIterator()
    while let argument = arguments.next() {
      switch argument {
      case "--size": size = Int(arguments.next() ?? "") ?? size
      case "--seed": seed = UInt64(arguments.next() ?? "") ?? seed
      case "--file": file = arguments.next()
      case "--phase": phase = arguments.next() ?? phase
      case "--emit": emit = arguments.next()
      case "--eml": emails = Int(arguments.next() ?? "") ?? 5000
      case "--emit-folder": folder = arguments.next()
      case "--emit-mail": mailFolder = arguments.next()
      case "--lexicons": lexiconFolder = arguments.next()
      case "--against": against = arguments.next()
      case "--chunk":
        guard let megabytes = Int(arguments.next() ?? ""), megabytes > 0 else {
          print("--chunk needs a number of megabytes above 0")
          exit(2)
        }
        chunk = megabytes
      case "--dfa-states":
        guard let limit = Int(arguments.next() ?? ""), limit > 1 else {
          print("--dfa-states needs a number of states above 1")
          exit(2)
        }
        dfaStates = limit
      default:
        print(
          "usage: libre-bench [--size MB] [--seed N] [--file PATH] [--phase all|tokenize|match|lint] [--emit PATH] [--eml N] [--emit-folder DIR] [--emit-mail DIR [--eml N]] [--lexicons DIR] [--against DIR [--chunk MB]] [--dfa-states N]"
        )
        exit(2)
      }
    }
    let compileStart = ContinuousClock.now
    let sources = lexiconFolder.map(lexiconFiles) ?? BuiltInLexicons.sourceFiles
    guard let set = try? LexiconLoader.load(files: sources),
      let lexicons = try? CompiledLexicons.compile(set)
    else {
      print("the \(lexiconFolder ?? "built-in") lexicons do not compile")
      exit(2)
    }
    let linter = Linter(lexicons: lexicons)
    let compileTime = ContinuousClock.now - compileStart
    let loadStart = ContinuousClock.now
    _ = BuiltInLexicons.compiled()
    let loadTime = ContinuousClock.now - loadStart
    let patterns = lexicons.availableLanguages.map { language in
      let size = lexicons.automatonSize(language)
      return
        "\(language.rawValue) \(lexicons.patternCount(language)) (\(size.states) states, \(size.transitions) transitions)"
    }
    print(
      "lexicons: \(lexicons.rules.count) rules, patterns \(patterns.joined(separator: ", ")), compiled from JSON in \(milliseconds(compileTime)) ms, loaded precompiled in \(String(format2: seconds(loadTime) * 1000)) ms"
    )

    if let mailFolder {
      MailboxCorpus.emit(to: mailFolder, count: emails ?? 5000, seed: seed)
      return
    }
    if let folder {
      FolderCorpus.emit(to: folder, megabytes: size, seed: seed)
      return
    }
    if let emails {
      EmailCorpus.run(count: emails, seed: seed, linter: linter)
      print("peak memory (max RSS): \(peakMemoryMB()) MB")
      return
    }
    if let emit {
      // Write the generated corpus to a file (for profiling and for comparing with other tools).
      let descriptor = open(emit, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
      var generator = CorpusGenerator(seed: seed)
      var buffer: [UInt8] = []
      var produced = 0
      while produced < size << 20 {
        buffer.removeAll(keepingCapacity: true)
        // A form feed after each document lets `--file` split the corpus back into documents.
        let ends = generator.fill(&buffer, bytes: 1 << 20)
        for end in ends.reversed() { buffer.insert(0x0C, at: end) }
        produced += buffer.count
        _ = buffer.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      }
      close(descriptor)
      print("wrote \(produced) bytes to \(emit)")
      return
    }
    if let against {
      compare(
        with: against, reference: linter, referenceName: lexiconFolder ?? "built-in", file: file, size: size,
        seed: seed, chunk: chunk)
      return
    }
    var phases = Phases()
    if let dfaStates { phases.workspace = LintWorkspace(dfaStateLimit: dfaStates) }
    if let file {
      let (bytes, ends) = documents(in: file)
      phases.run(bytes, documentEnds: ends, linter: linter, phase: phase)
    } else {
      var generator = CorpusGenerator(seed: seed)
      var buffer: [UInt8] = []
      buffer.reserveCapacity(2 << 20)
      var produced = 0
      while produced < size << 20 {
        buffer.removeAll(keepingCapacity: true)
        let ends = generator.fill(&buffer, bytes: 1 << 20)
        produced += buffer.count
        phases.run(buffer, documentEnds: ends, linter: linter, phase: phase)
      }
    }
    phases.report()
    print("peak memory (max RSS): \(peakMemoryMB()) MB")
  }

  /// A corpus file's bytes and where its documents end (after each form feed, and at the end).
  static func documents(in file: String) -> (bytes: [UInt8], ends: [Int]) {
    guard let bytes = try? FileReader.read(file) else {
      print("cannot read \(file)")
      exit(2)
    }
    var ends = bytes.indices.filter { bytes[$0] == 0x0C }.map { $0 + 1 }
    if ends.last != bytes.count { ends.append(bytes.count) }
    return (bytes, ends)
  }

  /// Lints the corpus (the file, or `size` generated megabytes) with `reference` and with
  /// the lexicons in `folder`, taking turns every `chunk` megabytes.
  static func compare(
    with folder: String, reference: Linter, referenceName: String, file: String?, size: Int, seed: UInt64, chunk: Int
  ) {
    guard let set = try? LexiconLoader.load(files: lexiconFiles(folder)),
      let lexicons = try? CompiledLexicons.compile(set)
    else {
      print("the \(folder) lexicons do not compile")
      exit(2)
    }
    let other = Linter(lexicons: lexicons)
    var comparison = LexiconComparison()
    if let file {
      let (bytes, ends) = documents(in: file)
      comparison.run(file: bytes, documentEnds: ends, chunkBytes: chunk << 20, reference: reference, other: other)
    } else {
      var generator = CorpusGenerator(seed: seed)
      var buffer: [UInt8] = []
      var produced = 0
      while produced < size << 20 {
        buffer.removeAll(keepingCapacity: true)
        let ends = generator.fill(&buffer, bytes: min(chunk, size) << 20)
        produced += buffer.count
        comparison.run(buffer, documentEnds: ends, reference: reference, other: other)
      }
    }
    comparison.report(referenceName: referenceName, otherName: folder)
    print("peak memory (max RSS): \(peakMemoryMB()) MB")
  }

  /// The JSON files under `folder` (`en/…`, `fr/…`), for timing another set of lexicons
  /// (say, an older one from the history) against the built-in ones.
  static func lexiconFiles(_ folder: String) -> [(path: String, bytes: [UInt8])] {
    var files: [(path: String, bytes: [UInt8])] = []
    for language in ["en", "fr"] {
      for path in PathWalker.files(under: folder + "/" + language, extensions: ["json"]) {
        files.append((path, (try? FileReader.read(path)) ?? []))
      }
    }
    return files
  }

  static func peakMemoryMB() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss) / 1024
  }
}

func milliseconds(_ duration: Duration) -> Int {
  Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
}

func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Accumulated time and counts per phase.
struct Phases: ~Copyable {
  var bytes = 0
  var documents = 0
  var tokenizeTime = Duration.zero
  var matchTime = Duration.zero
  var lintTime = Duration.zero
  var tokens = 0
  var matches = 0
  var findings = 0
  var workspace = LintWorkspace()
  let tokenizer = Tokenizer()

  mutating func run(_ buffer: [UInt8], documentEnds: [Int], linter: Linter, phase: String) {
    bytes += buffer.count
    documents += documentEnds.count
    buffer.withUnsafeBufferPointer { all in
      if phase == "all" || phase == "tokenize" {
        let start = ContinuousClock.now
        let counted = tokenizer.countTokens(all)
        tokenizeTime += ContinuousClock.now - start
        tokens += counted.tokens
      }
      var begin = 0
      if phase == "all" || phase == "match" {
        let start = ContinuousClock.now
        for end in documentEnds {
          let document = UnsafeBufferPointer(rebasing: all[begin..<end])
          matches += linter.rawMatchCount(document, language: nil, workspace: &workspace)
          begin = end
        }
        matchTime += ContinuousClock.now - start
      }
      begin = 0
      if phase == "all" || phase == "lint" {
        let start = ContinuousClock.now
        for end in documentEnds {
          let result = linter.lint(
            UnsafeBufferPointer(rebasing: all[begin..<end]), language: nil, workspace: &workspace)
          findings += result.findings.count
          begin = end
        }
        lintTime += ContinuousClock.now - start
      }
    }
  }

  borrowing func report() {
    let megabytes = Double(bytes) / 1_048_576
    print("corpus: \(String(format2: megabytes)) MB, \(documents) documents, \(tokens) tokens")
    func line(_ name: String, _ time: Duration, _ extra: String) {
      guard time > .zero else { return }
      let rate = megabytes / seconds(time)
      print("\(name): \(String(format2: seconds(time))) s, \(String(format2: rate)) MB/s\(extra)")
    }
    if tokenizeTime > .zero {
      line("tokenize", tokenizeTime, ", \(String(format2: Double(tokens) / seconds(tokenizeTime) / 1e6)) Mtok/s")
    }
    line("match (tokenize + ids + context + automaton)", matchTime, ", \(matches) raw matches")
    line("lint end to end (rules, negation, score)", lintTime, ", \(findings) findings")
    let dfa = workspace.matcherStatistics
    print(
      "lazy DFA: \(dfa.statesBuilt) states built, \(dfa.transitions) hashed transitions held, \(dfa.resets) resets of a full cache"
    )
  }
}

extension String {
  init(format2 value: Double) {
    guard value.isFinite else {
      self = "n/a"
      return
    }
    let scaled = Int((value * 100).rounded())
    let fraction = abs(scaled % 100)
    self = "\(scaled / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }
}
