import LibreFormats
import LibreKit
import Testing

/// Generic labels name a side, not a person (issue 24): calls whose rep is only "Agent" or
/// « Conseiller » are grouped apart from named reps.
@Suite struct GenericRepGroupTests {
  @Test func aGenericLabelIsNotARepsName() throws {
    let call = "Agent: Hi, would you like to try our plan today?\nPat: I'm not sure.\nAgent: No problem.\n"
    let document = try DocumentLoader.load(path: "call.txt", bytes: Array(call.utf8), options: LoadOptions())
    let result = TemplateSegmentsTests.linter.lint(document)
    #expect(result.roles?.reps == ["Agent"])
    #expect(DocumentSummary.repGroup(result) == DocumentSummary.unnamedRep)
    let named = call.replacing("Agent:", with: "Karim:")
    let namedDocument = try DocumentLoader.load(path: "call.txt", bytes: Array(named.utf8), options: LoadOptions())
    #expect(DocumentSummary.repGroup(TemplateSegmentsTests.linter.lint(namedDocument)) == "Karim")
  }
}
