import LibreFormats
import LibreKit
import Testing

/// The visible text of HTML, and every kept byte's way back to the file.
@Suite struct HTMLTextTests {
  static let extraction = MarkupExtraction(HTMLText.extract)

  static func text(_ html: String) -> String { extraction.text(html) }

  @Test func stripsTagsAndCollapsesWhitespace() {
    #expect(Self.text("<p>Hello   <b>Sam</b>,\n  how  are\tyou?</p>") == "Hello Sam, how are you?\n")
    #expect(Self.text("Plain <i>fragment</i>") == "Plain fragment\n")
    #expect(Self.text("") == "")
  }

  @Test func decodesEntitiesAndMapsThemToTheirSource() {
    let html =
      "<p>Caf&eacute; &amp; cr&egrave;me &ndash; 5&nbsp;&euro; &#233;t&#xE9; &rsquo;&laquo;x&raquo; &bogus; &amp</p>"
    #expect(Self.text(html) == "Café & crème – 5\u{A0}€ été ’«x» &bogus; &\n")
    #expect(Self.extraction.source(of: "é", in: html) == "&eacute;")
    #expect(Self.extraction.source(of: "Café", in: html) == "Caf&eacute;")
    #expect(Self.extraction.source(of: "€", in: html) == "&euro;")
    #expect(Self.extraction.source(of: "été", in: html) == "&#233;t&#xE9;")
    #expect(Self.extraction.source(of: "crème", in: html) == "cr&egrave;me")
    // C1 references are read as Windows-1252, as browsers do; invalid ones as U+FFFD.
    #expect(Self.text("it&#146;s &#0; &#x110000;") == "it’s \u{FFFD} \u{FFFD}\n")
    #expect(Self.text("&Agrave;&ccedil;&hellip;&mdash;&ldquo;&rdquo;&lsquo;&quot;&apos;&lt;&gt;") == "Àç…—“”‘\"'<>\n")
  }

  @Test func keptTextPointsIntoTheFile() {
    let html = "<html><body>\n<div style=\"color:red\">You must sign today.</div></body></html>"
    #expect(Self.extraction.source(of: "must sign", in: html) == "must sign")
    let (_, mapped) = Self.extraction.extract(html)
    let offset = Array(html.utf8).firstIndex(of: UInt8(ascii: "Y"))!
    #expect(mapped.originalOffset(0) == offset)
  }

  @Test func dropsHeadStyleScriptAndTitle() {
    let html = """
      <!DOCTYPE html><html><head><title>Act now!</title><meta charset="utf-8">
      <style>p { color: red; } /* <p>not text</p> */</style>
      <script>if (a < b) { document.write("<p>Buy</p>") }</script></head>
      <body><p>Hi Sam,</p><SCRIPT type="x">var s = "</p>";</SCRIPT ><p>Thanks</p></body></html>
      """
    #expect(Self.text(html) == "Hi Sam,\n\nThanks\n")
  }

  @Test func dropsHiddenPreheadersWithTheirContent() {
    let html = """
      <body><div style="display:none;font-size:1px">Only 2 spots left! <span>Hurry</span></div>
      <span style="DISPLAY: NONE !important">hidden</span><div class="email-preheader">pre</div>
      <div style="max-height:0px;overflow:hidden"><div>nested</div><div>still hidden</div></div>
      <p style="font-size:0">zero</p><p style="opacity:0.0">clear</p><p hidden>attr</p>
      <span style="visibility: hidden">v</span><div style="mso-hide:all">mso</div>
      <p style="font-size:0.9em">Small but visible.</p><p style="opacity:0.5">Half visible.</p>
      <p>Hello Sam.</p></body>
      """
    #expect(Self.text(html) == "Small but visible.\n\nHalf visible.\n\nHello Sam.\n")
  }

  @Test func anUnclosedHiddenParagraphEndsAtTheNextBlock() {
    #expect(Self.text("<p style=\"display:none\">preview<p>Visible") == "Visible\n")
    #expect(Self.text("<div hidden>never closed<p>gone</p></body>after") == "after\n")
  }

  @Test func blockElementsBecomeLineBreaks() {
    let html = """
      <h1>Title</h1><p>First paragraph.</p><p>Second<br>line</p><ul><li>one</li><li>two</li></ul>
      <div>a</div><div>b</div><div><br></div><div>c</div><table><tr><td>x</td><td>y</td></tr>
      <tr><td>z</td></tr></table>end<hr>after<br><br>para
      """
    #expect(
      Self.text(html)
        == "Title\n\nFirst paragraph.\n\nSecond\nline\n\none\ntwo\n\na\nb\n\nc\n\nx y\nz\n\nend\n\nafter\n\npara\n")
  }

  @Test func preKeepsItsLines() {
    #expect(Self.text("<pre>line 1\n  line 2</pre>after") == "line 1\n  line 2\n\nafter\n")
  }

  @Test func commentsAreDroppedButSuppressionCommentsKeptOnTheirOwnLine() {
    let html = """
      <p>Hi<!-- a note --> there</p><!-- libre-disable pressure.urgency.deadline -- the date is real -->
      <p>Offer ends Friday.<!--libre-enable--> Thanks</p><!--[if mso]><p>Outlook only</p><![endif]-->
      """
    #expect(
      Self.text(html)
        == "Hi there\n\nlibre-disable pressure.urgency.deadline -- the date is real\n\nOffer ends Friday.\nlibre-enable\nThanks\n"
    )
    #expect(
      Self.extraction.source(of: "libre-disable", in: html) == "libre-disable")
  }

  @Test func quotedRepliesArePrefixedForQuotedRepliesToStrip() {
    let html = """
      <div dir="ltr">Sounds good, thanks!</div><br><div class="gmail_quote"><div class="gmail_attr">On Mon, Jun 3, \
      2024 at 10:00 AM Sam &lt;sam@example.com&gt; wrote:<br></div><blockquote class="gmail_quote">Last chance!<br>\
      Sign today.</blockquote></div><p>After</p>
      """
    #expect(
      Self.text(html)
        == "Sounds good, thanks!\n\n> On Mon, Jun 3, 2024 at 10:00 AM Sam <sam@example.com> wrote:\n\n> Last chance!\n"
        + "> Sign today.\n\nAfter\n"
    )
    let stripped = QuotedReplies.strip(HTMLText.extract(MappedText(original: Array(html.utf8))))
    let kept = String(decoding: stripped.bytes, as: UTF8.self).split(whereSeparator: \.isWhitespace)
    #expect(kept == ["Sounds", "good,", "thanks!", "After"])
    #expect(
      Self.text("<p>Yes.</p><blockquote type=\"cite\"><p>Act now</p><blockquote>Old</blockquote></blockquote>")
        == "Yes.\n\n> Act now\n\n> Old\n")
  }

  @Test func survivesMalformedHTML() {
    #expect(Self.text("a < b and 3<4 <3 <> </> </ x> c") == "a < b and 3<4 <3 <> c\n")
    #expect(Self.text("<a href=\"x>y\" title='>'>link</a> text") == "link text\n")
    #expect(Self.text("<p>unclosed <b>bold <i>it") == "unclosed bold it\n")
    #expect(Self.text("before <div class=\"never closed") == "before\n")
    #expect(Self.text("before <!-- never closed") == "before\n")
    #expect(Self.text("a<!-->b<!--->c") == "abc\n")
    #expect(Self.text("x<![CDATA[ <p>raw</p> ]]>y") == "xy\n")
    #expect(Self.text("<?xml version=\"1.0\"?><p>ok</p>") == "ok\n")
    #expect(Self.text("<script>never closed <p>gone") == "")
    #expect(Self.text("<p>tail &") == "tail &\n")
    #expect(Self.text("<br/><br /><p/>x") == "x\n")
  }

  @Test(.timeLimit(.minutes(1))) func pathologicalInputsStayLinear() {
    let inputs = [
      String(repeating: "<", count: 200_000), String(repeating: "<a ", count: 100_000),
      String(repeating: "<!--", count: 100_000), String(repeating: "<div>", count: 100_000),
      String(repeating: "<span style=display:none>", count: 50_000), String(repeating: "&amp", count: 100_000),
      String(repeating: "<blockquote>x", count: 50_000), String(repeating: "</", count: 100_000),
    ]
    Self.extraction.expectLinearOutput(inputs)
  }

  @Test func sniffsHTML() {
    for html in [
      "<!DOCTYPE html><html>", "<html lang=en>", "  <div>Hi</div>", "Hi Sam,<br>thanks", "<p>Hello</p>",
      "<TABLE width=600>", "<body>", "\u{FEFF}<!doctype HTML>",
    ] {
      #expect(HTMLText.looksLikeHTML(Array(html.utf8)), "\(html)")
    }
    for text in ["Hi Sam,\n\nThanks.", "a <b and c", "<pizza> party", "<!-- libre-disable x -- y -->\nHi", "<3"] {
      #expect(!HTMLText.looksLikeHTML(Array(text.utf8)), "\(text)")
    }
  }
}
