/// `libre analyze --format html`: one self-contained page (inline CSS and SVG, no network;
/// one small inline script sorts the per-rep table, and the page reads fully without it). Documents are written as they come; failed inputs and the summary, which need
/// the whole run, are written in the footer and shown at the top by the style sheet (a flex
/// column with `order`), with a "jump to summary" link for readers that ignore styles.
///
/// The page is also well-formed XML (XHTML-compatible): void elements are self-closed and
/// every piece of input text goes through `HTMLEscape.text`.
public struct AnalysisHTMLFormat: AnalysisRecordFormat {
  /// The page title.
  public var title: String
  /// What was analyzed, as the command named it (`templates, calls/`).
  public var scope: [String]
  /// When the report was made, as it is shown (`2026-12-08 00:50 UTC`); empty to leave it out.
  public var date: String

  public init(title: String = "Libre report", scope: [String] = [], date: String = "") {
    self.title = title
    self.scope = scope
    self.date = date
  }

  /// `path` as the report shows it: relative to the folder named on the command line that
  /// holds it (the scope line names that folder), else as given.
  public func displayPath(_ path: String) -> String {
    for root in scope where root != "." && root != "./" {
      let prefix = root.hasSuffix("/") ? root : root + "/"
      if path.hasPrefix(prefix) && path.count > prefix.count { return String(path.dropFirst(prefix.count)) }
    }
    var path = path
    while path.hasPrefix("./") { path.removeFirst(2) }
    return path
  }

  /// The line under the title: what was analyzed, and when.
  var scopeLine: String {
    var parts: [String] = []
    if !scope.isEmpty {
      parts.append("Scope: " + scope.map { "<code>\(HTMLEscape.text($0))</code>" }.joined(separator: ", "))
    }
    if !date.isEmpty { parts.append("made " + HTMLEscape.text(date)) }
    parts.append("\(ToolInfo.name) \(ToolInfo.version)")
    return "<p class=\"scope\">" + parts.joined(separator: " · ") + "</p>"
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
      <header class="top"><div><h1>\(title)<span>pressure and freedom in sales emails and calls</span></h1>
      \(scopeLine)</div>
      <a href="#summary">jump to summary ↓</a></header>
      <section class="documents" id="documents"><h2>Documents</h2>

      """
  }

  /// One document's `<details>`.
  public func document(_ report: DocumentReport, summary: DocumentSummary) -> String {
    HTMLDocumentSection.render(report, summary: summary, path: displayPath(summary.path))
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
    return out + "\n</main>\(AnalysisHTMLFormat.sortScript)</body></html>\n"
  }
}

extension AnalysisHTMLFormat {
  /// Sorts a `table.sortable` by the column whose header is clicked (numbers by their
  /// `data-value` or text, names by text), and marks the header with `aria-sort`.
  static let sortScript = """
    <script>//<![CDATA[
    document.querySelectorAll("table.sortable").forEach(function (table) {
      table.querySelectorAll("th").forEach(function (th, column) {
        th.querySelector("button").addEventListener("click", function () {
          var descending = th.getAttribute("aria-sort") === "ascending";
          table.querySelectorAll("th").forEach(function (other) { other.removeAttribute("aria-sort"); });
          th.setAttribute("aria-sort", descending ? "descending" : "ascending");
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          var key = function (row) {
            var cell = row.cells[column];
            var value = cell.getAttribute("data-value") || cell.textContent;
            var number = parseFloat(value);
            return isNaN(number) ? value.toLowerCase() : number;
          };
          rows.sort(function (a, b) {
            var x = key(a), y = key(b);
            var order = x < y ? -1 : x > y ? 1 : 0;
            return descending ? -order : order;
          });
          rows.forEach(function (row) { body.appendChild(row); });
        });
      });
    });
    //]]></script>
    """
}
