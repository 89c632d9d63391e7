import LibreKit
import Testing

/// Inline suppression comments: every comment syntax, reasons, unused ones, globs.
struct SuppressionTests {
  static func lint(_ text: String) -> LintResult {
    DocumentSupport.linter.lint(
      Document(path: "t.html", format: "text", text: Array(text.utf8)), options: DocumentOptions(language: .english))
  }

  static let deadline = "The offer ends Friday."

  @Test(arguments: [
    "<!-- libre-disable-next-line pressure.urgency.deadline -- the date is real -->",
    "{# libre-disable-next-line pressure.urgency.deadline -- the date is real #}",
    "{{!-- libre-disable-next-line pressure.urgency.deadline -- the date is real --}}",
    "{{! libre-disable-next-line pressure.urgency.deadline -- the date is real }}",
    "libre-disable-next-line pressure.urgency.deadline -- the date is real",
    "<!-- libre-disable-next-line pressure.urgency.* -- the date is real -->",
  ])
  func nextLineIsSilencedInEveryCommentSyntax(comment: String) {
    let plain = Self.lint(Self.deadline)
    #expect(plain.findings.contains { $0.rule.id == "pressure.urgency.deadline" }, "fires without the comment")
    let result = Self.lint(comment + "\n" + Self.deadline + "\n" + Self.deadline)
    let hits = result.findings.filter { $0.rule.id == "pressure.urgency.deadline" }
    #expect(hits.count == 1, "only the next line is silenced")
    #expect(result.suppressedFindings == 1)
    #expect(result.suppressionNotices.isEmpty)
  }

  @Test func disableUntilEnable() {
    let text = """
      <!-- libre-disable pressure.urgency -- seasonal template -->
      \(Self.deadline)
      <!-- libre-disable pressure.urgency.deadline -- seasonal template -->
      \(Self.deadline)
      <!-- libre-enable pressure.urgency.deadline -->
      \(Self.deadline)
      """
    let result = Self.lint(text)
    #expect(result.findings.filter { $0.rule.id == "pressure.urgency.deadline" }.count == 2)
    #expect(result.suppressedFindings == 1)
    // `pressure.urgency` names no rule id (not a glob): it silenced nothing.
    #expect(
      result.suppressionNotices.map(\.message) == ["unused suppression: pressure.urgency found nothing to silence here"]
    )
  }

  @Test func missingReasonAndUnusedAreReported() {
    let result = Self.lint("libre-disable-next-line pressure.scarcity.limited-spots\nHello there.\n")
    let messages = result.suppressionNotices.map(\.message)
    #expect(messages.count == 2)
    #expect(messages.contains { $0.contains("without a reason") })
    #expect(messages.contains { $0.hasPrefix("unused suppression") })
  }

  @Test func frenchNoticesInFrench() {
    let text = "<!-- libre-disable-next-line pressure.urgency.deadline -->\nL'offre se termine vendredi.\n"
    let result = DocumentSupport.linter.lint(
      Document(path: "t.html", format: "text", text: Array(text.utf8)), options: DocumentOptions(language: .french))
    #expect(
      result.suppressionNotices.map(\.message) == [
        "suppression de pressure.urgency.deadline sans raison : ajoutez-la après `--`"
      ])
    #expect(result.suppressedFindings == 1)
  }

  @Test func aWordContainingTheKeywordIsNoDirective() {
    let result = Self.lint("see notlibre-disable here\n" + Self.deadline)
    #expect(result.suppressedFindings == 0 && result.suppressionNotices.isEmpty)
  }

  @Test(arguments: [
    ("pressure.*", "pressure.urgency.deadline", true), ("pressure.urgency.*", "pressure.scarcity.x", false),
    ("*.deadline", "pressure.urgency.deadline", true), ("pressure.urgency.deadline", "pressure.urgency.deadline", true),
    ("pressure.*.x", "pressure.a.x", true), ("pressure.*.x", "pressure.a.y", false),
  ])
  func globs(pattern: String, id: String, expected: Bool) {
    let text = "libre-disable-next-line \(pattern) -- test\n"
    let directives = Suppressions(original: Array(text.utf8)).directives
    #expect(directives.count == 1 && directives[0].rules == [pattern] && directives[0].reason == "test")
    #expect(Suppressions.matches(pattern, id) == expected)
  }

  @Test func aSuppressedPhraseDoesNotTakeTheFreedomBack() throws {
    // Found by the corpus: a silenced real deadline still cancelled the freedom credit.
    let text = """
      No pressure at all.
      <!-- libre-disable-next-line pressure.urgency.deadline -- contractual notice date -->
      The offer ends Friday.
      """
    let result = Self.lint(text)
    let freedom = try #require(result.findings.first { $0.rule.polarity == .freedom })
    #expect(freedom.contribution > 0)
    #expect(!result.findings.contains { $0.rule.id == BuiltInRules.falseFreedomID })
    #expect(result.suppressedFindings == 1)
  }

  @Test func documentRuleFindingsCanBeSilenced() {
    let request = "Can we book a call on Thursday? Here is the deck."
    #expect(Self.lint(request).findings.contains { $0.rule.id == BuiltInRules.requestWithoutFreedomID })
    let silenced = Self.lint("libre-disable request.without-freedom.* -- internal note\n" + request)
    #expect(!silenced.findings.contains { $0.rule.id == BuiltInRules.requestWithoutFreedomID })
    #expect(silenced.suppressionNotices.isEmpty)
  }
}
