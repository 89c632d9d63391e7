import Testing

@testable import LibreFormats

/// The summary lowercases phrases byte by byte for Latin-1 and general punctuation: every
/// such scalar, alone or among others, must come out byte for byte as `String.lowercased`
/// gives it, and other texts go through `String.lowercased` itself.
@Suite struct PhraseLowercaseTests {
  static let fastScalars = Array(0x00...0xFF) + Array(0x2000...0x207F)

  @Test func everyLatin1AndPunctuationScalarLowercasesAsTheStandardLibrary() {
    for value in PhraseLowercaseTests.fastScalars {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let text = "Ab" + String(Character(scalar)) + "ÉZ"
      #expect(
        Array(DocumentSummary.lowercased(text).utf8) == Array(text.lowercased().utf8), "U+\(String(value, radix: 16))")
    }
  }

  @Test(arguments: [
    "", "ACT NOW", "Dépêchez-Vous", "N’HÉSITEZ PAS — À VOUS", "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß", "« Offre » …",
    "ŒUVRE", "İSTANBUL", "ΣΟΦΟΣ", "Straße ẞ", "KELVIN \u{212A}", "🎉 NOW", "ﬁNAL", "e\u{301}TÉ",
  ])
  func mixedTextsLowercaseAsTheStandardLibrary(text: String) {
    #expect(Array(DocumentSummary.lowercased(text).utf8) == Array(text.lowercased().utf8))
  }
}
