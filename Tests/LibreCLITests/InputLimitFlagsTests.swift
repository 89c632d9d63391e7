import Foundation
import Testing

/// The input limits hold for every way a document comes in: a `--stdin-jsonl` line (one
/// document), the text inside it, and the files `libre eval` reads. Past one: an error
/// `FILE:LINE:` naming the limit and its flag, exit 2, and the rest goes on.
@Suite struct InputLimitFlagsTests {
  @Test func aJSONLLineOverTheInputSizeIsAnErrorAndTheNextLinesAreRead() throws {
    let huge = #"{"id": "huge", "text": ""# + String(repeating: "word ", count: 2000) + #""}"#
    let long = #"{"id": "long", "text": ""# + String(repeating: "x", count: 1500) + #"\nok"}"#
    let input = [
      #"{"id": "first", "text": "You must sign today."}"#, huge, long, #"{"id": "last", "text": "Thanks."}"#,
    ].joined(separator: "\n")
    let run = try CLI.run(
      ["analyze", "--stdin-jsonl", "-f", "jsonl", "--quiet", "--max-input-size", "8K", "--max-line-length", "1K"],
      stdin: input)
    #expect(run.status == 2)
    #expect(
      run.stderr.contains(
        "libre: error: <stdin>:2: line longer than the maximum input size of 8 KiB (one JSONL line is one document)"),
      "\(run.stderr)")
    #expect(run.stderr.contains("--max-input-size SIZE"))
    #expect(
      run.stderr.contains(
        "libre: error: <stdin>:3: long: line 1 of \"text\" is longer than the maximum line length of 1 KiB"))
    #expect(run.stderr.contains("--max-line-length SIZE"))
    let paths = run.stdout.split(separator: "\n").compactMap {
      (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["path"] as? String
    }
    #expect(paths.contains("first") && paths.contains("last"))
    // Raised, the same lines are documents.
    let raised = try CLI.run(["analyze", "--stdin-jsonl", "-f", "jsonl", "--quiet"], stdin: input)
    #expect(raised.status == 0 || raised.status == 1, "\(raised.stderr)")
  }

  @Test func evalHoldsItsDocumentsAndGoldFilesToTheLimits() throws {
    let dir = try EvalCommandTests.corpus()
    defer { dir.remove() }
    let fine = try dir.run(["eval", "corpus"])
    #expect(fine.status == 0, "\(fine.stderr)")
    let size = try dir.run(["eval", "--max-input-size", "100", "corpus"])
    #expect(size.status == 2)
    #expect(
      size.stderr.contains("libre: error: corpus/en/p01-respectful.txt: ")
        && size.stderr.contains("over the maximum input size of 100 bytes"), "\(size.stderr)")
    #expect(size.stderr.contains("(raise it with --max-input-size SIZE)"))
    let line = try dir.run(["eval", "--max-line-length", "60", "corpus"])
    #expect(line.status == 2)
    #expect(line.stderr.contains("libre: error: corpus/en/p01-respectful.txt:3: line longer than the maximum line"))
    #expect(line.stderr.contains("--max-line-length"))
    let bad = try dir.run(["eval", "--max-input-size", "lots", "corpus"])
    #expect(bad.status == 2 && bad.stderr.contains("--max-input-size takes a size"))
  }
}
