import LibreKit
import Testing

/// One markup extractor (`HTMLText.extract`, `MarkdownText.extract`) run on test strings:
/// the text it keeps, and which original bytes a piece of that text comes from.
struct MarkupExtraction: Sendable {
  let extractor: @Sendable (MappedText) -> MappedText

  init(_ extractor: @escaping @Sendable (MappedText) -> MappedText) {
    self.extractor = extractor
  }

  func extract(_ input: String) -> (text: String, mapped: MappedText) {
    let mapped = extractor(MappedText(original: Array(input.utf8)))
    return (String(decoding: mapped.bytes, as: UTF8.self), mapped)
  }

  func text(_ input: String) -> String { extract(input).text }

  /// The original text `needle` of the extracted text comes from.
  func source(of needle: String, in input: String) -> String? {
    let (text, mapped) = extract(input)
    guard let range = text.utf8.ranges(of: needle.utf8).first else { return nil }
    let start = text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
    let original = mapped.originalRange(start..<start + needle.utf8.count)
    return String(decoding: Array(input.utf8)[original], as: UTF8.self)
  }

  /// Extracts each pathological input (runs of openers without closers, unterminated
  /// constructs) and expects the text no longer than the input plus the line breaks the
  /// scanner may add. The suites that call this carry a one-minute time limit: a scanner
  /// gone quadratic on these 100–200 KB inputs takes many minutes, a linear one a few
  /// seconds even in a debug build, so the limit catches hangs without timing anything.
  func expectLinearOutput(_ inputs: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    for input in inputs {
      let output = extractor(MappedText(original: Array(input.utf8)))
      #expect(output.bytes.count <= input.utf8.count * 2 + 2, "\(input.prefix(20))…", sourceLocation: sourceLocation)
    }
  }
}
