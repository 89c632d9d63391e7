import LibreFormats
import Testing

/// GitHub workflow commands: `%`, CR and LF are escaped in messages; properties also
/// escape `:` and `,`, which would end them.
struct GitHubEscapingTests {
  @Test func messagesEscapePercentAndLineBreaks() {
    #expect(GitHubReporter.escapeData("50% off\r\nnow") == "50%25 off%0D%0Anow")
    #expect(GitHubReporter.escapeData("a: b, c") == "a: b, c")
  }

  @Test func propertiesAlsoEscapeColonAndComma() {
    #expect(GitHubReporter.escapeProperty("q3, final: 100%") == "q3%2C final%3A 100%25")
    #expect(GitHubReporter.escapeProperty("line\nbreak") == "line%0Abreak")
  }
}
