import LibreFormats
import LibreKit
import LibreLexicons
import Testing

/// A file of several templates is linted template by template: its own score each, and no
/// document rule pairs the sentences of two templates.
@Suite struct TemplateSegmentsTests {
  static let linter = Linter(lexicons: BuiltInLexicons.compiled())

  static let library = """
    # Outreach templates

    ## Template 1: first touch

    ```
    Hi {{first_name}}, would you be open to a short call next week? You're free to say no.
    ```

    ## Template 2: last chance

    ```
    Last chance: the discount ends tonight.

    Only 2 spots left.

    You must sign today.
    ```
    """

  static func lint(_ text: String, path: String) throws -> LintResult {
    let document = try DocumentLoader.load(path: path, bytes: Array(text.utf8), options: LoadOptions())
    return linter.lint(document)
  }

  @Test func aLibraryOfTemplatesGetsAScoreForEach() throws {
    let result = try Self.lint(Self.library, path: "library.md")
    #expect(result.templateScores.map(\.title) == ["Template 1: first touch", "Template 2: last chance"])
    #expect(result.templateScores[0].score.score > result.templateScores[1].score.score)
    // The freedom statement of template 1 is not taken back by template 2's deadline.
    #expect(!result.findings.contains { $0.rule.id == "pressure.false-freedom.contradicted" })
    #expect(result.findings.contains { $0.rule.polarity == .freedom && $0.scoringNote == nil })
  }

  @Test func frenchTitlesAndSeparatorsSplitToo() throws {
    let relances = """
      Relance 1
      Bonjour, je me permets de revenir vers vous. Aucune obligation de répondre.

      Relance 2
      Dernière chance : l'offre expire ce soir.
      """
    #expect(try Self.lint(relances, path: "relances.txt").templateScores.count == 2)
    let separated = "First note, no pressure at all.\n---\nSecond note: act now.\n---\nThird note, take your time.\n"
    #expect(try Self.lint(separated, path: "notes.txt").templateScores.count == 3)
  }

  @Test func oneEmailIsNotSplit() throws {
    let email = "Subject: Step 1 of the pilot\n\nHi Sam,\n\nHere is step 2 of the plan: we call on Monday.\n"
    #expect(try Self.lint(email, path: "mail.txt").templateScores.isEmpty)
    #expect(TemplateSegments.segments(Array("Template 1\nHello there.\n".utf8)) == nil)
  }
}
