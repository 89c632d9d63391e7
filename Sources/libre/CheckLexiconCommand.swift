import LibreFormats
import LibreKit
import LibreLexicons

/// `libre check-lexicon PATH…`: checks a user's lexicon the way the shipped ones are
/// checked: every field against the lexicon rules (`lexicons/schema.json`: the loader's
/// strict reading), every pattern compiled with the built-in lexicons, then every example
/// run, each failure as `FILE:LINE: …`. Exit 0 when all pass, 1 when an example fails, 2
/// when the lexicon does not load or compile.
enum CheckLexiconCommand {
  static func run(_ arguments: [String]) -> Int32 {
    var none = NoOptions()
    let paths: [String]
    do throws(UsageError) {
      paths = try OptionParser.parse(arguments, table: [], command: "check-lexicon", into: &none)
    } catch {
      Output.error(error.description)
      return 2
    }
    guard !paths.isEmpty else {
      Output.error("check-lexicon needs a lexicon file or folder (see libre check-lexicon --help)")
      return 2
    }
    var files: [(path: String, bytes: [UInt8])] = []
    let linter: Linter
    do {
      for path in paths { files += try LexiconFiles.read(path) }
      // A shipped lexicon checked from a checkout replaces its built-in copy, else every
      // rule of it would be defined twice.
      let builtIn = BuiltInLexicons.sourceFiles.filter { shipped in
        !files.contains { CheckLexiconCommand.isSameShippedFile($0.path, shipped.path) }
      }
      let set = try LexiconLoader.load(files: builtIn + files)
      linter = Linter(lexicons: try CompiledLexicons.compile(set))
    } catch {
      Output.error("\(error)")
      return 2
    }
    let userFiles = Set(files.map(\.path))
    let rules = linter.lexicons.rules.filter { userFiles.contains($0.location.file) }
    var failures: [String] = []
    var examples = 0
    for rule in rules {
      let text = files.first { $0.path == rule.location.file }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
      for (example, mustMatch) in rule.matchingExamples.map({ ($0, true) })
        + rule.nonMatchingExamples.map({ ($0, false) })
      {
        examples += 1
        if let problem = check(example, mustMatch: mustMatch, rule: rule, linter: linter) {
          let line = exampleLine(example, in: text, after: rule.location.line) ?? rule.location.line
          failures.append("\(rule.location.file):\(line): rule '\(rule.id)' [\(rule.language.rawValue)]: \(problem)")
        }
      }
    }
    for failure in failures { Output.error(failure) }
    let summary = "\(files.count) file(s), \(rules.count) rule(s), \(examples) example(s), \(failures.count) failure(s)"
    Output.standard(summary + "\n")
    return failures.isEmpty ? 0 : 1
  }

  /// What is wrong with one example, nil when it behaves: a `match` example must fire
  /// (on the span between `⟦ ⟧` when it marks one), a `noMatch` example must not.
  static func check(_ example: String, mustMatch: Bool, rule: Rule, linter: Linter) -> String? {
    var text = example
    var span: Range<Int>?
    if let open = example.firstIndex(of: "⟦"), let close = example.firstIndex(of: "⟧"), open < close {
      let before = String(example[..<open])
      let inside = String(example[example.index(after: open)..<close])
      text = before + inside + String(example[example.index(after: close)...])
      span = before.utf8.count..<before.utf8.count + inside.utf8.count
    }
    let document = Document(path: "example.txt", format: "text", text: Array(text.utf8))
    let found = linter.lint(document, options: DocumentOptions(language: rule.language, keepsRequestCues: true))
      .findings.filter { $0.rule.id == rule.id }.map { $0.start..<$0.end }
    if !mustMatch { return found.isEmpty ? nil : "the noMatch example \"\(example)\" matches" }
    if found.isEmpty { return "the match example \"\(example)\" does not match" }
    if let span, !found.contains(span) { return "the match example \"\(example)\" matches elsewhere than ⟦…⟧" }
    return nil
  }

  /// Whether `path` (as the user named it) is the shipped lexicon file `shipped`
  /// (`lexicons/en/pressure.json`): the same path, or one ending with it.
  static func isSameShippedFile(_ path: String, _ shipped: String) -> Bool {
    var path = path
    while path.hasPrefix("./") { path.removeFirst(2) }
    return path == shipped || path.hasSuffix("/" + shipped)
  }

  /// The line of `example` (as written in JSON) at or after line `start` of `text`.
  static func exampleLine(_ example: String, in text: String, after start: Int) -> Int? {
    let quoted = JSONWriter.quoted(example)
    var line = 1
    for row in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line >= start && row.contains(quoted) { return line }
      line += 1
    }
    return nil
  }
}
