import LibreFormats
import LibreKit

/// Hover and code actions on findings: the rule's explanation, "disable RULE on this line",
/// "disable RULE here, with a reason" (a suppression comment in the syntax of the file's
/// format), and "show rule".
enum LSPCodeActions {
  /// The command "show rule" runs (`workspace/executeCommand`).
  static let showRuleCommand = "libre.showRule"

  /// The findings of `document` whose span holds byte `offset` (or touches it at its end).
  static func findings(at offset: Int, in document: OpenDocument) -> [LocatedFinding] {
    document.report?.findings.filter { $0.span.lowerBound <= offset && offset <= $0.span.upperBound } ?? []
  }

  /// The findings overlapping byte range `range`.
  static func findings(overlapping range: Range<Int>, in document: OpenDocument) -> [LocatedFinding] {
    document.report?.findings.filter {
      $0.span.lowerBound <= range.upperBound && range.lowerBound <= $0.span.upperBound
    } ?? []
  }

  /// The hover of the findings under a position: each rule's message, suggestion and source.
  static func hover(_ located: [LocatedFinding], positions: TextPositions) -> JSONOutput {
    guard let first = located.first else { return .null }
    let text = located.map { explanation(of: $0.finding.rule) }.joined(separator: "\n\n---\n\n")
    return .object([
      ("contents", .object([("kind", .string("markdown")), ("value", .string(text))])),
      ("range", LSPDiagnostics.range(first.span, positions)),
    ])
  }

  /// A rule explained in Markdown (what `libre explain` says first).
  static func explanation(of rule: Rule) -> String {
    """
    **\(rule.id)** (\(rule.polarity.rawValue), \(rule.category), \(rule.severity.rawValue))

    \(rule.message)

    \(LSPMessages.suggestion) \(rule.suggestion)

    Source: \(rule.source)
    """
  }

  /// The code actions for the findings overlapping a range of `document`.
  static func actions(for located: [LocatedFinding], in document: OpenDocument) -> [JSONOutput] {
    guard let positions = document.positions, document.positions?.bytes == document.text else { return [] }
    var actions: [JSONOutput] = []
    var seen: Set<String> = []
    for finding in located {
      let rule = finding.finding.rule
      let line = positions.line(ofByte: finding.span.lowerBound)
      guard seen.insert("\(rule.id):\(line)").inserted else { continue }
      let diagnostic = LSPDiagnostics.diagnostic(
        range: LSPDiagnostics.range(finding.span, positions), severity: LSPDiagnostics.severity(of: rule),
        code: rule.id, message: "\(rule.message)\n\(LSPMessages.suggestion) \(rule.suggestion)")
      for reason in [nil, LSPMessages.reasonPlaceholder] {
        let comment = suppression(rule: rule.id, reason: reason, format: document.report?.format ?? "text")
        let indent = leadingWhitespace(line: line, positions: positions)
        let edit = JSONOutput.object([
          ("range", LSPDiagnostics.range(line: line, 0, line, 0)), ("newText", .string(indent + comment + "\n")),
        ])
        actions.append(
          .object([
            (
              "title",
              .string(reason == nil ? LSPMessages.disableOnLine(rule.id) : LSPMessages.disableWithReason(rule.id))
            ),
            ("kind", .string("quickfix")),
            ("diagnostics", .array([diagnostic])),
            ("edit", .object([("changes", .object([(document.uri, .array([edit]))]))])),
          ]))
      }
      // A bare Command (the result may mix them with code actions): a code action that
      // holds a command is read as a Command with an object for its name by some clients.
      actions.append(
        .object([
          ("title", .string(LSPMessages.showRule(rule.id))), ("command", .string(showRuleCommand)),
          ("arguments", .array([.string(rule.id)])),
        ]))
    }
    return actions
  }

  /// The comment that silences `rule` on the next line, in the syntax of `format`: an HTML
  /// comment in HTML and Markdown, a line of its own elsewhere (see "Inline suppression" in
  /// the README).
  static func suppression(rule: String, reason: String?, format: String) -> String {
    let directive = "libre-disable-next-line \(rule)" + (reason.map { " -- \($0)" } ?? "")
    switch format {
    case "html", "markdown": return "<!-- \(directive) -->"
    default: return directive
    }
  }

  static func leadingWhitespace(line: Int, positions: TextPositions) -> String {
    guard let content = positions.lineContent(line) else { return "" }
    let bytes = positions.bytes[content].prefix { $0 == 0x20 || $0 == 0x09 }
    return String(decoding: bytes, as: UTF8.self)
  }
}
