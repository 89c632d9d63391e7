import LibreFormats
import LibreKit

/// `POST /v2/check`, as LanguageTool's HTTP API answers it: the matches of the pressure
/// findings with offsets and lengths in UTF-16 code units of the text sent, and, beside the
/// fields LanguageTool clients read, a `libre` object with the score and the freedom
/// statements that earned credit.
public enum LanguageToolCheck {
  /// A parsed check request.
  public struct Request: Sendable {
    public var text: AnnotatedText
    /// nil: detect.
    public var language: Language?
    /// The language code as sent (`en-US`), or nil for `auto`.
    public var languageCode: String?
    public var disabledRules: Set<String> = []
    /// A file name whose extension picks the format (`call.vtt`); Libre's own parameter
    /// `name`, for the page's dropped files. Without it the format is sniffed.
    public var name = "check.txt"
  }

  /// Reads a request's form fields (the body's and the query's).
  public static func parseRequest(_ fields: [(name: String, value: String)]) throws(HTTPError) -> Request {
    let value = { (name: String) in fields.first { $0.name == name }?.value }
    let text: AnnotatedText
    if let plain = value("text") {
      text = AnnotatedText(text: plain)
    } else if let data = value("data") {
      text = try AnnotatedText(json: Array(data.utf8))
    } else {
      throw HTTPError(status: 400, message: FormMessages.missingText)
    }
    let code = value("language") ?? "auto"
    var request = Request(text: text, language: nil, languageCode: nil)
    if code != "auto" {
      guard let language = LanguageToolLanguages.language(of: code) else {
        throw HTTPError(status: 400, message: FormMessages.unsupportedLanguage)
      }
      request.language = language
      request.languageCode = code
    }
    if let name = value("name"), !name.isEmpty, !name.contains("/") { request.name = name }
    if let disabled = value("disabledRules") {
      request.disabledRules = Set(disabled.split(separator: ",").map(String.init))
    }
    return request
  }

  /// The response to `request`, linted with `settings`.
  public static func respond(
    to request: Request, settings: LintSettings, workspace: inout LintWorkspace
  ) throws(InputError) -> JSONOutput {
    var settings = settings
    if let language = request.language { settings.documentOptions.language = language }
    let bytes = Array(request.text.plain.utf8)
    let report = try LintService.lint(bytes, path: request.name, settings: settings, workspace: &workspace)
    let positions = TextPositions(bytes)
    var matches: [JSONOutput] = []
    var credits: [JSONOutput] = []
    for located in report.findings where !request.disabledRules.contains(located.finding.rule.id) {
      let rule = located.finding.rule
      let span = located.span
      let start = request.text.originalOffset(positions.utf16Offset(ofByte: span.lowerBound))
      let end = max(start, request.text.originalOffset(positions.utf16Offset(ofByte: span.upperBound), end: true))
      if rule.polarity == .freedom {
        credits.append(
          .object([
            ("offset", .int(start)), ("length", .int(end - start)), ("message", .string(rule.message)),
            ("ruleId", .string(rule.id)),
          ]))
        continue
      }
      matches.append(match(located, offset: start, length: end - start, positions: positions))
    }
    let detected = LanguageToolLanguages.name(of: report.result.language)
    let code = request.languageCode ?? report.result.language.rawValue
    return .object([
      (
        "software",
        .object([
          ("name", .string("Libre")), ("version", .string(ToolInfo.version)), ("buildDate", .string("")),
          ("apiVersion", .int(1)), ("premium", .bool(false)), ("status", .string("")),
        ])
      ),
      ("warnings", .object([("incompleteResults", .bool(false))])),
      (
        "language",
        .object([
          ("name", .string(LanguageToolLanguages.name(of: request.language ?? report.result.language))),
          ("code", .string(code)),
          (
            "detectedLanguage",
            .object([
              ("name", .string(detected)), ("code", .string(report.result.language.rawValue)),
              ("confidence", .number(request.language == nil ? 0.9 : 1)),
            ])
          ),
        ])
      ),
      ("matches", .array(matches)),
      (
        "libre",
        .object([
          ("score", .int(report.result.score.score)), ("grade", .string(report.result.score.grade)),
          ("credits", .array(credits)),
        ])
      ),
    ])
  }

  /// One match: the rule's message and suggestion, the span, its context and line.
  static func match(_ located: LocatedFinding, offset: Int, length: Int, positions: TextPositions) -> JSONOutput {
    let rule = located.finding.rule
    let line = positions.lineContent(positions.line(ofByte: located.span.lowerBound)) ?? 0..<0
    let context = contextRange(located.span, line: line, bytes: positions.bytes)
    let contextOffset = positions.utf16Count(context.lowerBound..<max(context.lowerBound, located.span.lowerBound))
    let category = rule.category
    return .object([
      ("message", .string("\(rule.message) \(rule.suggestion)")),
      ("shortMessage", .string(rule.message)),
      ("replacements", .array([])),
      ("offset", .int(offset)),
      ("length", .int(length)),
      (
        "context",
        .object([
          ("text", .string(String(decoding: positions.bytes[context], as: UTF8.self))),
          ("offset", .int(contextOffset)), ("length", .int(length)),
        ])
      ),
      ("sentence", .string(String(decoding: positions.bytes[line], as: UTF8.self))),
      ("type", .object([("typeName", .string("Hint"))])),
      (
        "rule",
        .object([
          ("id", .string(rule.id)), ("description", .string(rule.message)), ("issueType", .string("style")),
          ("category", .object([("id", .string(category.uppercased())), ("name", .string(category))])),
        ])
      ),
      ("ignoreForIncompleteSentence", .bool(false)),
      ("contextForSureMatch", .int(0)),
      // Libre's own: what the finding does to the score (the page colours by it).
      (
        "libre",
        .object([("polarity", .string(rule.polarity.rawValue)), ("severity", .string(rule.severity.rawValue))])
      ),
    ])
  }

  /// Characters shown around a match in its context.
  static let contextCharacters = 40

  /// The match's span widened by up to `contextCharacters` characters each side, within
  /// its line (or the span alone when it crosses lines).
  static func contextRange(_ span: Range<Int>, line: Range<Int>, bytes: [UInt8]) -> Range<Int> {
    guard span.lowerBound >= line.lowerBound && span.upperBound <= line.upperBound else {
      return span.clamped(to: 0..<bytes.count)
    }
    var start = span.lowerBound
    var characters = 0
    while start > line.lowerBound && characters < contextCharacters {
      start -= 1
      if bytes[start] & 0xC0 != 0x80 { characters += 1 }
    }
    var end = span.upperBound
    characters = 0
    while end < line.upperBound && characters < contextCharacters {
      end += 1
      while end < line.upperBound && bytes[end] & 0xC0 == 0x80 { end += 1 }
      characters += 1
    }
    return start..<end
  }
}
