import Foundation
import LibreFormats
import LibreKit
import LibreLexicons
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The HTML report of `libre analyze --format html`: one self-contained, escaped,
/// well-formed page whose tables and charts match the aggregate.
@Suite struct AnalysisHTMLTests {
  static let linter = Linter(lexicons: BuiltInLexicons.compiled())

  static let call = """
    WEBVTT

    00:00:01.000 --> 00:00:05.000
    <v Alex>Thanks for your time. <script>alert(1)</script> Did you read the quote?

    00:00:06.000 --> 00:00:10.000
    <v Sam>I need to think about it & talk to my CFO.

    00:00:11.000 --> 00:00:20.000
    <v Alex>There's nothing to think about. You need to sign today, the offer ends Friday.

    00:00:21.000 --> 00:00:25.000
    <v Sam>We don't have budget approved yet.

    00:00:26.000 --> 00:00:35.000
    <v Alex>Of course, take your time. You are free to say no, no pressure at all.
    """

  static let email = "Hi \"Jo\" & <b>team</b>,\nYou must sign today — reply by Friday! It's the last chance.\n"

  /// Loads and lints `text` as the CLI does.
  static func report(_ path: String, _ text: String, reps: [String] = []) throws -> DocumentReport {
    let document = try DocumentLoader.load(path: path, bytes: Array(text.utf8), options: LoadOptions())
    return DocumentReport(document: document, result: linter.lint(document, options: DocumentOptions(reps: reps)))
  }

  /// A whole page as `libre analyze` writes it: header, records, footer.
  static func page() throws -> (html: String, aggregate: AnalysisAggregate) {
    let format = AnalysisHTMLFormat()
    var aggregate = AnalysisAggregate()
    var html = format.header()
    let inputs = [
      ("calls/<call>.vtt", call, ["Alex"], "Alex"), ("mail/a&b.txt", email, [], "north"),
      ("mail/c.txt", "You are free to decline.\n", [], "north"),
    ]
    for (index, (path, text, reps, group)) in inputs.enumerated() {
      let report = try report(path, text, reps: reps)
      let summary = DocumentSummary(report: report, group: group)
      if index > 0 { html += format.separator }
      html += format.document(report, summary: summary)
      aggregate.add(summary)
    }
    let error = format.error(InputError(path: "bad<1>.txt", message: "cannot read: \"denied\""))
    aggregate.addError()
    html += format.footer(aggregate, errors: [error])
    return (html, aggregate)
  }

  @Test func escapesEveryMarkupCharacter() {
    #expect(
      HTMLEscape.text("<script>alert('x') & \"y\"</script>")
        == "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;")
    #expect(HTMLEscape.text("bell\u{7} tab\tok") == "bell\u{FFFD} tab\tok")
    #expect(HTMLEscape.text("élan – ok") == "élan – ok")
  }

  @Test func scriptInInputShowsAsText() throws {
    let html = try Self.page().html
    // One script element, the report's own (it sorts the per-rep table); the cue's tags are
    // markup, left out of its highlighted line, never written as tags.
    #expect(html.components(separatedBy: "<script").count == 2)
    #expect(!html.contains("<script>alert"))
    #expect(html.contains("alert(1) Did you read the quote?"))
    #expect(html.contains("calls/&lt;call&gt;.vtt"))
    #expect(html.contains("mail/a&amp;b.txt"))
    #expect(html.contains("bad&lt;1&gt;.txt"))
  }

  @Test func selfContainedWithoutExternalReferences() throws {
    let html = try Self.page().html
    #expect(!html.contains("http://") && !html.contains("https://"))
    #expect(!html.contains("src="))
    #expect(!html.contains("@import") && !html.contains("url("))
    let hrefs = html.components(separatedBy: "href=\"").dropFirst()
    #expect(!hrefs.isEmpty)
    for href in hrefs { #expect(href.hasPrefix("#")) }
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.hasSuffix("</html>\n"))
  }

  @Test func pageIsWellFormedXMLWithCharts() throws {
    let html = try Self.page().html
    let page = try PageReader(html)
    #expect(page.elements["svg", default: 0] >= 4)  // histogram, two category charts, a timeline
    #expect(page.elements["rect", default: 0] >= 10)
    #expect(
      html.components(separatedBy: "<svg").count == html.components(separatedBy: "</svg>").count)
    #expect(page.elements["details", default: 0] == 3)
    #expect(page.ids.contains("summary"))
  }

  @Test func repTableMatchesTheAggregate() throws {
    let (html, aggregate) = try Self.page()
    let rows = try PageReader(html).tables["reps", default: []]
    #expect(rows.count == aggregate.groups.count && !rows.isEmpty)
    #expect(rows.map { $0.first ?? "" } == aggregate.groups.keys.sorted())
    for row in rows {
      let group = try #require(aggregate.groups[row[0]])
      #expect(row[1] == String(group.documents))
      #expect(row[4] == String(group.pressureFindings))
      #expect(row[5] == String(group.freedomFindings))
    }
    #expect(html.contains("inputs = 3 results + 1 errors"))
    #expect(html.contains("Failed inputs (1)"))
  }

  @Test func callHasATimelineWithPressureFreedomAndHesitation() throws {
    let report = try Self.report("call.vtt", Self.call, reps: ["Alex"])
    let svg = try #require(HTMLTimeline.render(report))
    _ = try PageReader("<div>\(svg)</div>")
    #expect(svg.contains("class=\"pressure\""))
    #expect(svg.contains("class=\"freedom\""))
    #expect(svg.contains("class=\"hesitation\""))
    #expect(svg.contains("time in the call"))
    #expect(svg.contains("<title>"))
    #expect(!svg.contains("<script"))
    // An email has no timeline.
    #expect(HTMLTimeline.render(try Self.report("mail.txt", Self.email)) == nil)
  }

  @Test func findingIsHighlightedInItsLine() throws {
    let report = try Self.report("mail.txt", Self.email)
    let located = try #require(report.findings.first { $0.excerpt.lowercased() == "you must" })
    let html = HTMLDocumentSection.highlight(located)
    #expect(html == "<mark>You must</mark> sign today — reply by Friday! It&#39;s the last chance.")
  }

  @Test func histogramBinsMatchScores() {
    var counts = [Int](repeating: 0, count: 101)
    counts[5] = 2
    counts[100] = 1
    let svg = HTMLCharts.histogram(counts)
    #expect(svg.contains("<title>score 0–9: 2 document(s)</title>"))
    #expect(svg.contains("<title>score 90–100: 1 document(s)</title>"))
    #expect(svg.contains(">documents</text>") && svg.contains("score (0 = heavy pressure"))
  }
}

/// Parses a page as XML and keeps what the tests look at: element counts, ids, and the
/// cell texts of each table's body rows, by the class of the section holding the table.
final class PageReader: NSObject, XMLParserDelegate {
  var elements: [String: Int] = [:]
  var ids: Set<String> = []
  var tables: [String: [[String]]] = [:]
  private var sections: [String] = []
  private var stack: [String] = []
  private var row: [String]?
  private var cell: String?
  private var inBody = false

  init(_ text: String) throws {
    super.init()
    let parser = XMLParser(data: Data(text.utf8))
    parser.delegate = self
    guard parser.parse() else {
      throw PageError(description: "not well-formed: \(parser.parserError.map(String.init(describing:)) ?? "?")")
    }
  }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    elements[name, default: 0] += 1
    if let id = attributes["id"] { ids.insert(id) }
    stack.append(name)
    switch name {
    case "section": sections.append(attributes["class"] ?? "")
    case "tbody": inBody = true
    case "tr" where inBody: row = []
    case "td" where row != nil: cell = ""
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { cell? += string }

  func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
    stack.removeLast()
    switch name {
    case "section": sections.removeLast()
    case "tbody": inBody = false
    case "td":
      if let text = cell { row?.append(text) }
      cell = nil
    case "tr":
      if let cells = row { tables[sections.last ?? "", default: []].append(cells) }
      row = nil
    default: break
    }
  }
}

struct PageError: Error, CustomStringConvertible {
  var description: String
}
