/// `libre analyze --format html`: one self-contained page (inline CSS and SVG, no script, no
/// network). Documents are written as they come; failed inputs and the summary, which need
/// the whole run, are written in the footer and shown at the top by the style sheet (a flex
/// column with `order`), with a "jump to summary" link for readers that ignore styles.
///
/// The page is also well-formed XML (XHTML-compatible): void elements are self-closed and
/// every piece of input text goes through `HTMLEscape.text`.
public struct AnalysisHTMLFormat: AnalysisRecordFormat {
  /// The page title.
  public var title: String

  public init(title: String = "Libre report") {
    self.title = title
  }

  /// The page head with the style sheet, the title bar and the opening of the documents.
  public func header() -> String {
    let title = HTMLEscape.text(title)
    return """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"/>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <meta name="generator" content="\(ToolInfo.name) \(ToolInfo.version)"/>
      <title>\(title)</title>
      <style>
      \(HTMLStyle.css)
      </style></head>
      <body><main class="report">
      <header class="top"><h1>\(title)<span>pressure and freedom in sales emails and calls</span></h1>
      <a href="#summary">jump to summary ↓</a></header>
      <section class="documents" id="documents"><h2>Documents</h2>

      """
  }

  /// One document's `<details>`.
  public func document(_ report: DocumentReport, summary: DocumentSummary) -> String {
    HTMLDocumentSection.render(report, summary: summary)
  }

  /// One failed input as a list item of the errors section.
  public func error(_ error: InputError) -> String {
    var out = "<li><code>\(HTMLEscape.text(error.path))"
    if let line = error.line { out += ":\(line)" }
    return out + "</code> — \(HTMLEscape.text(error.message))</li>"
  }

  /// Nothing: document sections follow one another.
  public var separator: String { "" }

  /// Failed inputs are listed together, in their own section near the summary.
  public var errorsAtEnd: Bool { true }

  /// The end of the documents, the summary, the failed inputs and the end of the page.
  public func footer(_ aggregate: AnalysisAggregate, errors: [String]) -> String {
    var out = aggregate.documents == 0 ? "<p class=\"empty\">No document could be analyzed.</p>" : ""
    out += "</section>\n"
    out += HTMLSummarySection.render(aggregate)
    if !errors.isEmpty {
      out += "<section class=\"errors\" id=\"errors\"><h2>Failed inputs (\(errors.count))</h2><ul>"
      out += errors.joined(separator: "\n") + "</ul></section>\n"
    }
    out += "<footer class=\"note\">\(ToolInfo.name) \(ToolInfo.version) · "
    out += "\(aggregate.inputs) input(s) = \(aggregate.documents) result(s) + \(aggregate.errors) error(s)</footer>"
    return out + "\n</main></body></html>\n"
  }
}
