import LibreFormats
import LibreKit
import Testing

/// The prose of Markdown: code, URLs and markers out, words and placeholders in, lines kept.
@Suite struct MarkdownTextTests {
  static let extraction = MarkupExtraction(MarkdownText.extract)

  static func text(_ markdown: String) -> String { extraction.text(markdown) }

  @Test func skipsFencedAndIndentedCodeKeepingLines() {
    let markdown = """
      Intro line.

      ```swift
      let urgent = "Act now!"
      ```
      ~~~~js
      Buy now ``` still code
      ~~~~

          indented code: sign today

      After the code.
      """
    #expect(Self.text(markdown) == "Intro line.\n\n\n\n\n\n\n\n\n\n\nAfter the code.")
  }

  @Test func anUnclosedFenceRunsToTheEnd() {
    #expect(Self.text("Text\n```python\ncode\nmore") == "Text\n\n\n")
  }

  /// Template libraries keep their emails in fences: untagged or prose-tagged fences are
  /// prose, code-tagged ones are not.
  @Test func aFencedTemplateIsProse() {
    let markdown = """
      ## Template 1

      ```
      Hi {{first_name}}, act now: only 2 spots left.
      ```

      ```text
      No pressure at all.
      ```

      ```email
      Reply by Friday.
      ```

      ```json
      {"urgent": "sign today"}
      ```
      """
    let text = Self.text(markdown)
    #expect(text.contains("Hi {{first_name}}, act now: only 2 spots left."))
    #expect(text.contains("No pressure at all."))
    #expect(text.contains("Reply by Friday."))
    #expect(!text.contains("sign today"))
  }

  @Test func indentedLinesInsideListsAreProse() {
    #expect(Self.text("- item\n\n    continued item text\n") == "- item\n\ncontinued item text\n")
  }

  @Test func skipsInlineCode() {
    #expect(Self.text("Run `act now` then ``a ` b`` done") == "Run  then  done")
    #expect(Self.text("A lone ` backtick stays") == "A lone ` backtick stays")
  }

  @Test func keepsLinkTextAndDropsURLs() {
    let markdown = "Read [our *case* study](https://x.io/a_(b)) or [the guide][guide], see <https://x.io> and <a@b.co>."
    #expect(Self.text(markdown) == "Read our case study or the guide, see  and .")
    #expect(Self.extraction.source(of: "case study", in: markdown) == "case* study")
    #expect(Self.text("[guide]: https://x.io/guide \"Guide\"\nText") == "\nText")
    #expect(Self.text("[First Name]: your account is ready") == "[First Name]: your account is ready")
  }

  @Test func dropsImages() {
    #expect(Self.text("Look ![Buy now!](logo.png) here") == "Look  here")
  }

  @Test func removesEmphasisAndHeadingMarkers() {
    #expect(Self.text("# Last *chance* ##\n## **Act** _now_ ~~today~~\n###### h6") == "Last chance\nAct now today\nh6")
    #expect(
      Self.text("#hashtag and snake_case_name and 2 * 3 and ~5 min")
        == "#hashtag and snake_case_name and 2 * 3 and ~5 min")
    #expect(Self.text("* bullet\n- dash\n1. one") == "* bullet\n- dash\n1. one")
    #expect(Self.text("Escaped \\*stars\\* stay") == "Escaped *stars* stay")
    #expect(Self.text("Title\n=====\n\n---\n***\n-- \nSam") == "Title\n\n\n\n\n-- \nSam")
  }

  @Test func keepsPlaceholdersUntouched() {
    let markdown = """
      Hi {{first_name}}, {{{ html_body }}} {% if vip_plan %}*VIP*{% endif %} {# note_x #} {first_name}
      [First Name] [FIRST_NAME] [[company_name]] %FIRST_NAME% *|FNAME|* {{ contact.first_name }}
      """
    #expect(
      Self.text(markdown) == """
        Hi {{first_name}}, {{{ html_body }}} {% if vip_plan %}VIP{% endif %} {# note_x #} {first_name}
        [First Name] [FIRST_NAME] [[company_name]] %FIRST_NAME% *|FNAME|* {{ contact.first_name }}
        """)
  }

  @Test func keepsBareURLsWhole() {
    #expect(Self.text("See https://x.io/_a_b_ and www.y.com/*x*") == "See https://x.io/_a_b_ and www.y.com/*x*")
  }

  @Test func skipsFrontMatter() {
    #expect(Self.text("---\ntitle: Offer\nsubject: Act now\n---\nHello") == "Hello")
    #expect(Self.text("---\nNot front matter\n") == "\nNot front matter\n")
  }

  @Test func commentsAreDroppedButSuppressionCommentsKept() {
    let markdown = """
      Hi <!-- internal --> there <b>bold</b>
      <!-- libre-disable-next-line pressure.urgency.deadline -- real date -->
      Offer ends Friday. <!-- libre-enable -->
      <!--
      multi-line note
      -->Done.
      """
    #expect(
      Self.text(markdown)
        == "Hi  there bold\nlibre-disable-next-line pressure.urgency.deadline -- real date\nOffer ends Friday. \n"
        + "libre-enable\nDone.")
    #expect(Self.extraction.source(of: "libre-enable", in: markdown) == "libre-enable")
  }

  @Test func decodesEntities() {
    let markdown = "Caf&eacute; &amp; &copy;"
    #expect(Self.text(markdown) == "Café & ©")
    #expect(Self.extraction.source(of: "é", in: markdown) == "&eacute;")
  }

  @Test func quotesStayForQuotedReplies() {
    #expect(Self.text("> quoted *text*\nmine") == "> quoted text\nmine")
  }

  @Test(.timeLimit(.minutes(1))) func pathologicalInputsStayLinear() {
    let inputs = [
      String(repeating: "[", count: 100_000), String(repeating: "`", count: 100_000),
      String(repeating: "` ``", count: 30_000), String(repeating: "[a](", count: 20_000),
      String(repeating: "<!--", count: 50_000), String(repeating: "*_", count: 100_000),
    ]
    Self.extraction.expectLinearOutput(inputs)
  }
}
