import LibreLexicons
import Testing

@testable import LibreKit

/// The shipped lexicons, compiled once for all the example tests.
enum ShippedLexicons {
  static let linter: Linter = {
    let files = BuiltInLexicons.files.map { (path: "lexicons/" + $0.path, bytes: Array($0.text.utf8)) }
    do {
      return Linter(lexicons: try CompiledLexicons.compile(try LexiconLoader.load(files: files)))
    } catch {
      fatalError("the shipped lexicons do not compile:\n\(error)")
    }
  }()
}

/// One example of one rule: a text where the rule must (or must not) fire.
struct LexiconExample: Sendable, CustomTestStringConvertible {
  var ruleID: String
  var language: Language
  var text: String
  var mustMatch: Bool

  var testDescription: String { "\(language.rawValue) \(ruleID) \(mustMatch ? "✓" : "✗") \(text)" }

  static let all: [LexiconExample] = ShippedLexicons.linter.lexicons.rules.flatMap { rule in
    rule.matchingExamples.map { LexiconExample(ruleID: rule.id, language: rule.language, text: $0, mustMatch: true) }
      + rule.nonMatchingExamples.map {
        LexiconExample(ruleID: rule.id, language: rule.language, text: $0, mustMatch: false)
      }
  }

  /// Every example's plain text, then one text of each language that mixes pressure,
  /// freedom, false freedom and negation: a sequence for comparing ways of linting.
  static let plainTextsAndMixes: [String] =
    all.map(\.plain.text) + [
      "You must sign today. No obligation, but the price ends tonight! You don't have to decide today.",
      "Vous n'êtes pas obligé de répondre. Il ne reste plus que 2 places, dépêchez-vous !",
    ]

  /// The text without its `⟦ ⟧` markers, and the marked byte range if there is one.
  var plain: (text: String, span: Range<Int>?) {
    guard let open = text.firstIndex(of: "⟦"), let close = text.firstIndex(of: "⟧"), open < close else {
      return (text, nil)
    }
    let before = String(text[..<open])
    let inside = String(text[text.index(after: open)..<close])
    let after = String(text[text.index(after: close)...])
    let start = before.utf8.count
    return (before + inside + after, start..<start + inside.utf8.count)
  }
}

/// Findings of one rule in a text, as byte ranges.
func spans(of ruleID: String, in text: String, _ language: Language) -> [Range<Int>] {
  ShippedLexicons.linter.lint(
    Document(path: "example.txt", format: "text", text: Array(text.utf8)),
    options: DocumentOptions(language: language, keepsRequestCues: true)
  ).findings
    .filter { $0.rule.id == ruleID }
    .map { $0.start..<$0.end }
}

@Suite struct LexiconExampleTests {
  @Test func everyLanguageHasRulesAndEveryRuleHasATwin() {
    let rules = ShippedLexicons.linter.lexicons.rules
    let english = Set(rules.filter { $0.language == .english }.map(\.id))
    let french = Set(rules.filter { $0.language == .french }.map(\.id))
    #expect(!english.isEmpty)
    #expect(english == french, "rules without a twin: \(english.symmetricDifference(french).sorted())")
    for rule in rules {
      #expect(rule.matchingExamples.count >= 2, "\(rule.id) [\(rule.language.rawValue)] needs 2 matching examples")
      #expect(!rule.nonMatchingExamples.isEmpty, "\(rule.id) [\(rule.language.rawValue)] needs a non-matching example")
      #expect(!rule.source.isEmpty && !rule.suggestion.isEmpty && !rule.message.isEmpty)
    }
  }

  @Test(arguments: LexiconExample.all)
  func example(_ example: LexiconExample) {
    let (text, span) = example.plain
    let found = spans(of: example.ruleID, in: text, example.language)
    if example.mustMatch {
      #expect(!found.isEmpty, "should fire")
      if let span { #expect(found.contains(span), "expected the span \(span), found \(found)") }
    } else {
      #expect(found.isEmpty, "should not fire, found \(found)")
    }
  }

  /// A placeholder inserted before the text shifts every span by exactly its length.
  @Test(arguments: LexiconExample.all.filter(\.mustMatch))
  func placeholderMutationKeepsSpansRight(_ example: LexiconExample) {
    let (text, _) = example.plain
    let prefix = "{{first_name}} — "
    let before = spans(of: example.ruleID, in: text, example.language)
    let after = spans(of: example.ruleID, in: prefix + text, example.language)
    let shift = prefix.utf8.count
    #expect(after == before.map { ($0.lowerBound + shift)..<($0.upperBound + shift) })
  }
}

/// Negated, a pressure example must not fire as pressure: a negator put right before the
/// marked span either drops the match or turns it into its declared opposite (rules that keep
/// their meaning under negation, like "you must not wait", are left out).
@Suite struct NegationMutationTests {
  static let negatable: [LexiconExample] = LexiconExample.all.filter { example in
    guard example.mustMatch, example.plain.span != nil,
      let rule = ShippedLexicons.linter.lexicons.rule(example.ruleID, language: example.language),
      rule.polarity == .pressure
    else { return false }
    if case .keep = rule.whenNegated { return false }
    return true
  }

  @Test func thereAreNegatableExamplesInBothLanguages() {
    #expect(NegationMutationTests.negatable.filter { $0.language == .english }.count >= 20)
    #expect(NegationMutationTests.negatable.filter { $0.language == .french }.count >= 20)
  }

  @Test(arguments: NegationMutationTests.negatable)
  func negatedExampleDoesNotFireAsPressure(_ example: LexiconExample) throws {
    let (text, span) = example.plain
    let range = try #require(span)
    let bytes = Array(text.utf8)
    let negator = example.language == .english ? "never " : "pas "
    let mutated =
      String(decoding: bytes[..<range.lowerBound], as: UTF8.self) + negator
      + String(decoding: bytes[range.lowerBound...], as: UTF8.self)
    let shift = negator.utf8.count
    let findings = ShippedLexicons.linter.lint(Array(mutated.utf8), language: example.language).findings
    let onSpan = findings.filter {
      $0.rule.id == example.ruleID && $0.start < range.upperBound + shift && $0.end > range.lowerBound + shift
    }
    #expect(onSpan.isEmpty, "negated, still fires: \(mutated)")
  }
}
