import LibreKit
import LibreLexicons

/// Documents made in memory for the document and conversation rule tests.
enum DocumentSupport {
  static let linter = Linter(lexicons: BuiltInLexicons.compiled())

  /// A call from `(speaker, text)` turns, one segment each, separated by blank lines;
  /// times, when given, are `(start, end)` in seconds.
  static func call(_ turns: [(String, String)], times: [(Double, Double)]? = nil) -> Document {
    var text: [UInt8] = []
    var segments: [Segment] = []
    for (index, turn) in turns.enumerated() {
      if index > 0 { text += Array("\n\n".utf8) }
      let start = text.count
      text += Array(turn.1.utf8)
      segments.append(
        Segment(
          range: start..<text.count, part: .turn, speaker: turn.0, startTime: times?[index].0,
          endTime: times?[index].1))
    }
    var document = Document(path: "call.txt", format: "transcript", text: text)
    document.segments = segments
    return document
  }

  /// An email with a subject part and a body part.
  static func email(subject: String, body: String) -> Document {
    let text = Array((subject + "\n\n" + body).utf8)
    var document = Document(path: "mail.eml", format: "eml", text: text)
    let subjectEnd = subject.utf8.count
    document.segments = [
      Segment(range: 0..<subjectEnd, part: .subject), Segment(range: subjectEnd + 2..<text.count, part: .body),
    ]
    return document
  }

  static func lint(_ document: Document, _ options: DocumentOptions = DocumentOptions()) -> LintResult {
    linter.lint(document, options: options)
  }

  static func lint(_ text: String, _ language: Language? = nil) -> LintResult {
    linter.lint(
      Document(path: "mail.txt", format: "text", text: Array(text.utf8)), options: DocumentOptions(language: language))
  }

  /// The text a finding covers.
  static func excerpt(_ finding: Finding, _ document: Document) -> String {
    String(decoding: document.text[finding.start..<finding.end], as: UTF8.self)
  }
}
