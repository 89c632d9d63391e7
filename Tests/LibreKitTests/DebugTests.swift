import Testing
@testable import LibreKit
@Test func debugDump() throws {
  let linter = try TestLexicons.linter(french: NegationTests.french)
  let text = Array("Vous n'êtes pas obligé de répondre.".utf8)
  var ws = LintWorkspace()
  _ = ws
  for t in linter.tokens(text) { print(linter.word(t.id), t.id, t.flags.rawValue) }
  let tables = linter.lexicons.languages[.french]!
  var tokens = linter.tokens(text)
  ContextPass.mark(&tokens, tables: tables)
  for t in tokens { print(linter.word(t.id), t.id, t.flags.rawValue) }
  var m: [RawMatch] = []
  var s = MatcherScratch()
  tokens.withUnsafeBufferPointer { tables.automaton.match($0, into: &m, scratch: &s) }
  print(m)
}
