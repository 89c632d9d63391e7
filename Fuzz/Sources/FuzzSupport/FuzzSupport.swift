import LibreFormats
import LibreKit

#if canImport(Glibc)
  import Glibc
#endif

/// What the harnesses share: the input as bytes, the built-in linter (built once), and
/// checks of the invariants every loader and the linter promise. A broken invariant stops
/// the fuzzer with a message, like a crash, so it is kept as a finding.
public enum Fuzz {
  /// The fuzzer's input as an array.
  public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
  }

  /// The linter over the repository's lexicons (`lexicons/`, or `$LIBRE_LEXICONS`),
  /// compiled from their JSON once per process.
  public static let linter: Linter = {
    let root = getenv("LIBRE_LEXICONS").map { String(cString: $0) } ?? repositoryLexicons
    do {
      let files = try LexiconFiles.read(root)
      return Linter(lexicons: try CompiledLexicons.compile(try LexiconLoader.load(files: files)))
    } catch {
      fatalError("cannot load the lexicons under \(root): \(error)")
    }
  }()

  /// `lexicons/` of the repository this file is in.
  static var repositoryLexicons: String {
    var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(4)  // Fuzz/Sources/FuzzSupport/FuzzSupport.swift
    return parts.joined(separator: "/") + "/lexicons"
  }

  /// Stops the fuzzer when `condition` is false.
  public static func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("invariant broken: \(message())") }
  }

  /// A loaded document's ranges stay inside its text, and its map inside the original.
  public static func checkDocument(_ document: Document) {
    let count = document.text.count
    for segment in document.segments {
      check(segment.range.lowerBound >= 0 && segment.range.upperBound <= count, "segment \(segment.range) of \(count)")
      for cue in segment.cueStarts {
        check(cue.textOffset >= 0 && cue.textOffset <= count, "cue offset \(cue.textOffset) of \(count)")
      }
    }
    if count > 0 {
      let span = document.sourceMap.originalRange(0..<count)
      check(
        span.lowerBound >= 0 && span.upperBound <= document.original.count,
        "source map \(span) of \(document.original.count)")
    }
  }

  /// Lints `document` and renders both reports, checking that findings stay in the text.
  @discardableResult
  public static func lintAndReport(_ document: Document, options: DocumentOptions = DocumentOptions()) -> Int {
    checkDocument(document)
    let result = linter.lint(document, options: options)
    for finding in result.findings {
      check(
        finding.start >= 0 && finding.start <= finding.end && finding.end <= document.text.count,
        "finding \(finding.start)..<\(finding.end) of \(document.text.count)")
    }
    check((0...100).contains(result.score.score), "score \(result.score.score)")
    var run = RunReport()
    run.documents.append(DocumentReport(document: document, result: result))
    let json = JSONReporter.render(run)
    let text = TextReporter(color: false).render(run)
    return json.utf8.count + text.utf8.count
  }

  /// Loads `bytes` as the file `path` and lints it; an input error is a fine outcome.
  @discardableResult
  public static func pipeline(path: String, bytes: [UInt8], includeQuoted: Bool = false) -> Int {
    do {
      let document = try DocumentLoader.load(
        path: path, bytes: bytes, options: LoadOptions(includeQuoted: includeQuoted))
      return lintAndReport(document)
    } catch {
      check(!error.message.isEmpty, "an input error without a message")
      return 0
    }
  }

  /// The body of a loader's harness: the input as the file `path`, through the whole
  /// pipeline with quoted replies left out, then kept. Returns libFuzzer's 0.
  public static func pipelineBothWays(path: String, _ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = bytes(data, size)
    pipeline(path: path, bytes: input)
    pipeline(path: path, bytes: input, includeQuoted: true)
    return 0
  }
}
