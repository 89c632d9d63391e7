import Testing

@testable import LibreKit

/// A workspace carries buffers from one text to the next (the phrase rules' exception and
/// candidate lists among them): what a text leaves there must never reach the next one.
@Suite struct WorkspaceReuseTests {
  /// Every lexicon example, `unless` exceptions and negated matches among them, linted one
  /// after another in one workspace, gives what each gives alone in a fresh one.
  @Test func aSharedWorkspaceLintsEachTextAsAFreshOneDoes() {
    let linter = ShippedLexicons.linter
    let texts = LexiconExample.plainTextsAndMixes
    var shared = LintWorkspace()
    for text in texts {
      let bytes = Array(text.utf8)
      let reused = bytes.withUnsafeBufferPointer { linter.lint($0, language: nil, workspace: &shared) }
      let fresh = linter.lint(bytes)
      #expect(reused.findings.map(\.rule.id) == fresh.findings.map(\.rule.id), "\(text)")
      #expect(reused.findings.map(\.start) == fresh.findings.map(\.start), "\(text)")
      #expect(reused.findings.map(\.end) == fresh.findings.map(\.end), "\(text)")
      #expect(reused.findings.map(\.negatedFrom) == fresh.findings.map(\.negatedFrom), "\(text)")
    }
  }

  /// The same, rule by rule: a text where it must not fire (often by an `unless`
  /// exception) next to one where it must, in both orders. A list kept from the text
  /// before would except or keep the wrong match.
  @Test func aTextWhereARuleMustNotFireNeverReachesTheNext() {
    let linter = ShippedLexicons.linter
    var shared = LintWorkspace()
    var compared = 0
    for rule in Set(LexiconExample.all.map(\.ruleID)).sorted() {
      let examples = LexiconExample.all.filter { $0.ruleID == rule }
      guard let miss = examples.first(where: { !$0.mustMatch }), let hit = examples.first(where: \.mustMatch) else {
        continue
      }
      for text in [miss.plain.text, hit.plain.text, hit.plain.text, miss.plain.text] {
        let bytes = Array(text.utf8)
        let reused = bytes.withUnsafeBufferPointer { linter.lint($0, language: nil, workspace: &shared) }
        let fresh = linter.lint(bytes)
        #expect(reused.findings.map(\.rule.id) == fresh.findings.map(\.rule.id), "\(text)")
        #expect(reused.findings.map(\.start) == fresh.findings.map(\.start), "\(text)")
        compared += 1
      }
    }
    #expect(compared > 100)
  }
}
