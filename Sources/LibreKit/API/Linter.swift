/// Lints texts with a set of compiled lexicons: tokenize, mark context, match, apply the
/// rules, score. A `Linter` is immutable and can be shared by threads.
public struct Linter: Sendable {
  public let lexicons: CompiledLexicons
  /// Texts longer than this are read in windows cut at paragraph breaks, so memory stays
  /// flat whatever the size of the input.
  public static let windowSize = 4 << 20

  /// The id of `?`, for counting questions without building strings.
  let questionMark: Int32

  /// Per id, which way its stop word leans (an `Int8` in each byte): +1 a French stop word
  /// only, -1 an English one only, 0 both or neither. Detection adds them up: one load and
  /// one add a token, where counting each language apart took two of each and more.
  let stopwordLean: [Int8]

  /// The tables of English and French (nil: no lexicon), read per document without
  /// hashing a dictionary key.
  let englishTables: LanguageTables?
  let frenchTables: LanguageTables?

  /// Per language, the count's packed tally of each id (without lexicons for a language,
  /// only `?` has one) and the roles the context pass marks: see
  /// `TextCounter.tallies(roles:questionMark:)`.
  let englishTallies: [UInt64]
  let frenchTallies: [UInt64]

  @inline(__always)
  func tallies(_ language: Language) -> [UInt64] { language == .english ? englishTallies : frenchTallies }

  @inline(__always)
  func tables(_ language: Language) -> LanguageTables? {
    switch language {
    case .english: return englishTables
    case .french: return frenchTables
    }
  }

  public init(lexicons: CompiledLexicons) {
    self.lexicons = lexicons
    questionMark = lexicons.vocabulary.lookup("?")
    englishTables = lexicons.languages[.english]
    frenchTables = lexicons.languages[.french]
    englishTallies = TextCounter.tallies(roles: englishTables?.roles ?? [], questionMark: questionMark)
    frenchTallies = TextCounter.tallies(roles: frenchTables?.roles ?? [], questionMark: questionMark)
    var lean = [Int8](repeating: 0, count: lexicons.vocabulary.count + 1)
    for (tables, vote) in [(englishTables, Int8(-1)), (frenchTables, 1)] {
      guard let tables else { continue }
      for id in lean.indices where tables.role(Int32(id)).contains(.stopword) { lean[id] += vote }
    }
    stopwordLean = lean
  }

  /// Lints UTF-8 `text`; `language` nil means detect it from the stop words.
  public func lint(_ text: UnsafeBufferPointer<UInt8>, language: Language? = nil) -> LintResult {
    var workspace = LintWorkspace()
    return lint(text, language: language, workspace: &workspace)
  }

  /// Lints `text` (UTF-8 bytes).
  public func lint(_ text: [UInt8], language: Language? = nil) -> LintResult {
    text.withUnsafeBufferPointer { lint($0, language: language) }
  }

  /// Lints `text` as one email body, reusing the buffers of `workspace`.
  public func lint(
    _ text: UnsafeBufferPointer<UInt8>, language: Language?, workspace: inout LintWorkspace
  ) -> LintResult {
    lint(
      text, segments: [Segment(range: 0..<text.count, part: .body)], options: DocumentOptions(language: language),
      workspace: &workspace)
  }

  /// What one pass over a text gives: the phrase findings and the counts.
  struct TextScan {
    var language: Language
    var findings: [Finding]
    var counter: TextCounter
    var report: TokenizerReport
    /// The code of a language Libre does not lint, when detection found one.
    var unsupportedLanguage: String?
  }

  /// Tokenizes, matches and counts `text` window by window.
  func scan(
    _ text: UnsafeBufferPointer<UInt8>, language: Language?, segments: [Segment],
    workspace: inout LintWorkspace
  ) -> TextScan {
    var chosen = language
    var unsupported: String?
    if chosen == nil {
      switch LanguageIdentifier.identify(text) {
      case .supported(let found): chosen = found
      case .unsupported(let code): (chosen, unsupported) = (.english, code)
      case .unknown: break
      }
    }
    var findings: [Finding] = []
    var counter = TextCounter(segments: segments)
    var report = TokenizerReport()
    var windowStart = 0
    var sentenceBase = 0
    repeat {
      let windowEnd = Linter.windowEnd(text, from: windowStart)
      let window = UnsafeBufferPointer(rebasing: text[windowStart..<windowEnd])
      let windowReport = tokenize(window, base: windowStart, into: &workspace)
      report.invalidUTF8Sequences += windowReport.invalidUTF8Sequences
      report.overlongWords += windowReport.overlongWords
      if report.firstInvalidOffset == nil, let offset = windowReport.firstInvalidOffset {
        report.firstInvalidOffset = offset + windowStart
      }
      let tokens = UnsafeBufferPointer(workspace.tokens.tokens)
      if chosen == nil { chosen = detectLanguage(tokens) }
      let tables = self.tables(chosen!)
      // Counted first: the count notes where sentences start, which the findings need.
      workspace.sentenceStarts.removeAll(keepingCapacity: true)
      let sentences = self.tallies(chosen!).withUnsafeBufferPointer {
        counter.count(tokens, tallies: $0, sentenceStarts: &workspace.sentenceStarts)
      }
      if let tables, unsupported == nil {
        let found = analyze(&workspace, tables: tables, sentenceBase: sentenceBase)
        if windowStart == 0 && windowEnd == text.count {
          // Most texts are one window: taking its array is free where appending copies it.
          findings = found
        } else {
          if findings.capacity == 0 && !found.isEmpty {
            findings.reserveCapacity(
              Linter.expectedFindings(
                found, in: windowEnd - windowStart, of: text.count - windowStart, segments: segments.count))
          } else if findings.capacity - findings.count < found.count {
            // A guess too small (a sparse first window) grows by half: linear time whatever
            // the windows, and less than doubling.
            findings.reserveCapacity(max(findings.count + found.count, findings.count * 3 / 2))
          }
          findings += found
        }
      }
      sentenceBase += sentences
      windowStart = windowEnd
    } while windowStart < text.count
    (counter.metrics.words, counter.metrics.questions) = counter.totals
    return TextScan(
      language: chosen ?? .english, findings: findings, counter: counter, report: report,
      unsupportedLanguage: unsupported)
  }

  /// Room for the findings of a text read in windows, judged from the first window that
  /// has any: as many a byte in the text from that window on, and room for what the
  /// document rules may add (a flag per freedom statement or request at most, one per
  /// segment). Grown window by window, the array doubled, and held three times the findings
  /// at a copy.
  static func expectedFindings(_ found: [Finding], in windowBytes: Int, of textBytes: Int, segments: Int) -> Int {
    var flagged = 0
    for index in found.indices where found[index].rule.polarity == .freedom || found[index].rule.polarity == .request {
      flagged += 1
    }
    let scale = Double(textBytes) / Double(max(1, windowBytes))
    return Int((Double(found.count + flagged) * scale).rounded(.up)) + segments + 1
  }

  /// The tokens of `text` with their vocabulary ids (for tools and tests).
  public func tokens(_ text: [UInt8]) -> [Token] {
    var workspace = LintWorkspace()
    text.withUnsafeBufferPointer { _ = tokenize($0, base: 0, into: &workspace) }
    return Array(workspace.tokens.tokens)
  }

  /// The folded form of a token id (for tools and tests).
  public func word(_ id: Int32) -> String { lexicons.vocabulary.word(id) }

  func tokenize(
    _ window: UnsafeBufferPointer<UInt8>, base: Int, into workspace: inout LintWorkspace
  ) -> TokenizerReport {
    workspace.tokens.removeAll()
    var recorder = TokenRecorder(lookup: lexicons.lookup, buffer: workspace.tokens, base: base)
    return recorder.record(window, with: workspace.tokenizer)
  }

  /// Marks negators, negation particles and scope breakers on `tokens`, for the language
  /// of `tables` (whose roles the context pass reads from the count's table).
  func markContext(_ tokens: UnsafeMutableBufferPointer<Token>, tables: LanguageTables) {
    tallies(tables.profile.language).withUnsafeBufferPointer { ContextPass.mark(tokens, tables: tables, tallies: $0) }
  }

  private func analyze(_ workspace: inout LintWorkspace, tables: LanguageTables, sentenceBase: Int) -> [Finding] {
    let tokens = workspace.tokens.tokens
    markContext(tokens, tables: tables)
    workspace.matches.removeAll(keepingCapacity: true)
    tables.automaton.match(
      UnsafeBufferPointer(tokens), into: &workspace.matches, scratch: workspace.scratch,
      deferring: tables.exceptionEntries)
    guard !workspace.matches.isEmpty else { return [] }
    return workspace.sentenceStarts.withUnsafeBufferPointer { starts in
      PhraseRules(rules: lexicons.rules, negationTargets: lexicons.negationTargets, tables: tables).findings(
        tokens: UnsafeBufferPointer(tokens), matches: workspace.matches,
        sentences: SentenceStarts(starts: starts, base: sentenceBase), scratch: workspace.scratch)
    }
  }

  /// How many tokens language detection reads: plenty for a verdict, and bounded.
  public static let detectionSample = 2000

  /// The language whose stop words are most frequent in the first tokens (English on a tie).
  public func detectLanguage(_ tokens: [Token]) -> Language {
    tokens.withUnsafeBufferPointer { detectLanguage($0) }
  }

  func detectLanguage(_ tokens: UnsafeBufferPointer<Token>) -> Language {
    let hasEnglish = englishTables != nil
    let hasFrench = frenchTables != nil
    guard hasEnglish && hasFrench else { return hasFrench ? .french : .english }
    // One pass over the sample: French stop words less English ones. Each token moves the
    // sum by one at most, so once the lead is more than the tokens left, the rest of the
    // sample cannot change the verdict (checked every 64 tokens, outside the inner loop).
    let frenchLead = stopwordLean.withUnsafeBufferPointer { lean in
      var sum = 0
      let sample = min(tokens.count, Linter.detectionSample)
      var index = 0
      while index < sample {
        let blockEnd = min(sample, index + 64)
        while index < blockEnd {
          // No test for unknown words (id 0, lean 0): a branch on them, at random, cost more.
          // Ids past the table (a prefix's) lean neither way.
          let id = UInt32(bitPattern: tokens[index].id)
          sum &+= id < UInt32(lean.count) ? Int(lean[Int(id)]) : 0
          index &+= 1
        }
        let left = sample - index
        if sum > left || sum + left <= 0 { break }
      }
      return sum
    }
    return frenchLead > 0 ? .french : .english
  }

  /// Where the window starting at `start` ends: at a blank line (LF or CRLF), else a line
  /// break, else a space, near `windowSize`; the whole rest when it is shorter.
  static func windowEnd(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    let limit = start + windowSize
    guard limit < text.count else { return text.count }
    let floor = start + windowSize / 2
    let breaks = TextCut.breaks(text, start: start, floor: floor, limit: limit)
    if let blankLine = breaks.blankLine { return blankLine }
    if let lineBreak = breaks.lineBreak { return lineBreak }
    var index = limit
    while index > floor {
      if text[index - 1] == 0x20 { return index }
      index -= 1
    }
    // No break at all: cut at a scalar boundary.
    var cut = limit
    while cut > start + 1, text[cut] & 0xC0 == 0x80 { cut -= 1 }
    return cut
  }
}

/// Buffers reused from one lint to the next (one per thread).
public struct LintWorkspace: ~Copyable {
  let tokenizer = Tokenizer()
  let tokens = TokenBuffer()
  var matches: [RawMatch] = []
  /// The tokens that start a sentence in the current window (`TextCounter.count`).
  var sentenceStarts: [Int32] = []
  let scratch: MatcherScratch

  public init() { scratch = MatcherScratch() }

  /// A workspace whose matcher keeps at most `dfaStateLimit` deterministic states per
  /// automaton (for the benchmark, and for tests of the reset).
  public init(dfaStateLimit: Int) { scratch = MatcherScratch(dfaStateLimit: dfaStateLimit) }

  /// Deterministic states the matcher built, transitions it holds, and how often its cache
  /// started over.
  public var matcherStatistics: (statesBuilt: Int, transitions: Int, resets: Int) { scratch.statistics }
}

extension Linter {
  /// Tokenizes, marks context and runs the automaton, without rules or scoring; returns the
  /// number of raw matches. For the benchmark's "match" phase.
  public func rawMatchCount(
    _ text: UnsafeBufferPointer<UInt8>, language: Language?, workspace: inout LintWorkspace
  ) -> Int {
    _ = tokenize(text, base: 0, into: &workspace)
    let tokens = workspace.tokens.tokens
    guard let tables = tables(language ?? detectLanguage(UnsafeBufferPointer(tokens))) else { return 0 }
    markContext(tokens, tables: tables)
    workspace.matches.removeAll(keepingCapacity: true)
    tables.automaton.match(UnsafeBufferPointer(tokens), into: &workspace.matches, scratch: workspace.scratch)
    return workspace.matches.count
  }
}
