import LibreKit
import Testing

/// Every example of the rules written in Swift runs, like the lexicon examples: it fires
/// on each of its examples and stays silent on each counter-example, in both languages.
struct BuiltInRuleExampleTests {
  struct Example: CustomTestStringConvertible, Sendable {
    var rule: Rule
    var text: String
    var fires: Bool
    var testDescription: String { "\(rule.language.rawValue) \(rule.id) \(fires ? "✓" : "✗") \(text)" }
  }

  static let all: [Example] = BuiltInRules.all.flatMap { rule in
    rule.matchingExamples.map { Example(rule: rule, text: $0, fires: true) }
      + rule.nonMatchingExamples.map { Example(rule: rule, text: $0, fires: false) }
  }

  /// A text as a document: one turn a line (`Speaker: words`) when it is a call.
  static func document(_ text: String) -> Document {
    let lines = text.split(separator: "\n").map(String.init)
    guard lines.count > 1 else { return Document(path: "example.txt", format: "text", text: Array(text.utf8)) }
    return DocumentSupport.call(
      lines.map { line in
        let colon = line.firstIndex(of: ":")!
        return (String(line[..<colon]), String(line[line.index(colon, offsetBy: 2)...]))
      })
  }

  @Test func everyBuiltInRuleHasExamplesInBothLanguages() {
    for rule in BuiltInRules.all {
      #expect(!rule.matchingExamples.isEmpty && !rule.nonMatchingExamples.isEmpty, "\(rule.id) \(rule.language)")
    }
    #expect(Set(BuiltInRules.all.map(\.language)) == Set(Language.allCases))
  }

  @Test(arguments: all)
  func example(_ example: Example) {
    let options = DocumentOptions(language: example.rule.language, reps: ["Rep"])
    let result = DocumentSupport.linter.lint(Self.document(example.text), options: options)
    let fired = result.findings.contains { $0.rule.id == example.rule.id }
    #expect(fired == example.fires, "\(result.findings.map(\.rule.id))")
  }
}
