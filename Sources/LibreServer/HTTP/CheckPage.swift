/// The page `GET /` serves: a rep pastes an email (or drops a transcript), sees the findings
/// highlighted, the score, the explanations and suggestions, updating as they type. One
/// file, no external assets (it works offline), usable from the keyboard; it calls
/// `POST /v2/check`, whose offsets are UTF-16 code units, as JavaScript strings count.
enum CheckPage {
  /// The page's headers: nothing may be loaded from elsewhere.
  static let headers: [(name: String, value: String)] = [
    (
      "Content-Security-Policy",
      "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'"
    )
  ]

  static let bytes = Array((head + style + body + script).utf8)

  static let head = """
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Libre — check an email</title>

    """

  static let style = """
    <style>
    :root { color-scheme: light dark; --pressure: #c62828; --freedom: #2e7d32; --note: #1565c0; --muted: #666; }
    * { box-sizing: border-box; }
    body { font: 15px/1.5 system-ui, sans-serif; margin: 0; padding: 1rem 1.5rem 2rem; max-width: 78rem; margin-inline: auto; }
    header { display: flex; align-items: baseline; gap: 1rem; flex-wrap: wrap; }
    h1 { font-size: 1.3rem; margin: 0 0 .5rem; }
    .hint { color: var(--muted); margin: 0; }
    main { display: grid; grid-template-columns: 1fr 1fr; gap: 1.25rem; margin-top: 1rem; }
    @media (max-width: 60rem) { main { grid-template-columns: 1fr; } }
    label { font-weight: 600; display: block; margin-bottom: .25rem; }
    textarea { width: 100%; min-height: 22rem; font: 14px/1.5 ui-monospace, monospace; padding: .6rem; border: 1px solid #999; border-radius: 6px; resize: vertical; }
    textarea.dragging { outline: 3px dashed var(--freedom); }
    .controls { display: flex; gap: .75rem; align-items: center; margin-top: .5rem; flex-wrap: wrap; }
    select, button { font: inherit; padding: .25rem .5rem; }
    #preview { white-space: pre-wrap; font: 14px/1.5 ui-monospace, monospace; border: 1px solid #ccc; border-radius: 6px; padding: .6rem; min-height: 6rem; overflow-wrap: anywhere; }
    mark { border-radius: 3px; padding: 0 1px; color: inherit; }
    mark.pressure { background: rgba(198,40,40,.18); border-bottom: 2px solid var(--pressure); }
    mark.freedom { background: rgba(46,125,50,.16); border-bottom: 2px solid var(--freedom); }
    mark.engagement { background: rgba(21,101,192,.12); border-bottom: 2px dotted var(--note); }
    mark.current { outline: 2px solid currentColor; }
    #score { font-size: 2rem; font-weight: 700; }
    #grade { color: var(--muted); }
    ol { padding-left: 1.2rem; }
    li { margin: .5rem 0; }
    li button { all: unset; cursor: pointer; display: block; border-left: 4px solid var(--pressure); padding: .25rem .5rem; border-radius: 3px; }
    li.freedom button { border-color: var(--freedom); }
    li.engagement button { border-color: var(--note); border-left-style: dotted; }
    .legend { margin: .5rem 0 0; }
    .legend mark { font-size: .85rem; }
    li button:focus-visible, li button:hover { background: rgba(127,127,127,.15); outline: 2px solid #1565c0; }
    .rule { font: 12px ui-monospace, monospace; color: var(--muted); }
    .suggestion { display: block; margin-top: .15rem; }
    #status { color: var(--muted); min-height: 1.5em; }
    </style>
    </head>

    """

  static let body = """
    <body>
    <header>
    <h1>Libre</h1>
    <p class="hint">Paste an email or drop a transcript: Libre marks the pressure and the freedom it gives the reader.
    Nothing leaves this machine.</p>
    </header>
    <main>
    <section aria-labelledby="text-label">
    <label id="text-label" for="text">Email or transcript</label>
    <textarea id="text" spellcheck="true" placeholder="Paste an email here, or drop a .eml, .vtt, .srt or .json file."></textarea>
    <div class="controls">
    <label for="language" style="display:inline;font-weight:400">Language</label>
    <select id="language"><option value="auto">detect</option><option value="en">English</option><option value="fr">French</option></select>
    <span id="status" role="status" aria-live="polite"></span>
    </div>
    </section>
    <section aria-labelledby="result-label">
    <h2 id="result-label" style="font-size:1.1rem;margin:0 0 .25rem">Result</h2>
    <p><span id="score">—</span> <span id="grade"></span></p>
    <div id="preview" aria-label="The text with findings highlighted"></div>
    <p class="legend hint"><mark class="pressure">pressure</mark> costs points,
    <mark class="freedom">freedom</mark> earns them, <mark class="engagement">notes</mark> do not change the score.</p>
    <h3 style="font-size:1rem">Findings <span id="count" class="hint"></span></h3>
    <ol id="findings"></ol>
    </section>
    </main>

    """

  static let script = """
    <script>
    "use strict";
    const text = document.getElementById("text");
    const language = document.getElementById("language");
    const status = document.getElementById("status");
    const list = document.getElementById("findings");
    const preview = document.getElementById("preview");
    let fileName = "";
    let timer = 0;
    let sequence = 0;

    function schedule() { clearTimeout(timer); timer = setTimeout(check, 250); }

    async function check() {
      const mine = ++sequence;
      const body = new URLSearchParams({ text: text.value, language: language.value });
      if (fileName) body.set("name", fileName);
      if (!text.value.trim()) { render({ matches: [], libre: null }, ""); status.textContent = ""; return; }
      status.textContent = "Checking…";
      try {
        const response = await fetch("/v2/check", { method: "POST", body });
        const answer = await response.json();
        if (mine !== sequence) return;
        if (!response.ok) { status.textContent = answer.error ? answer.error.message : response.statusText; return; }
        status.textContent = "";
        render(answer, text.value);
      } catch (error) {
        status.textContent = "The server did not answer: " + error.message;
      }
    }

    function render(answer, source) {
      const spans = answer.matches.map(m => ({ offset: m.offset, length: m.length,
        kind: m.libre ? m.libre.polarity : "pressure",
        title: m.shortMessage, message: m.message, rule: m.rule.id }));
      if (answer.libre) {
        for (const c of answer.libre.credits) spans.push({ offset: c.offset, length: c.length, kind: "freedom",
          title: c.message, message: c.message, rule: c.ruleId });
        document.getElementById("score").textContent = answer.libre.score + "/100";
        document.getElementById("grade").textContent = "grade " + answer.libre.grade;
      } else {
        document.getElementById("score").textContent = "—";
        document.getElementById("grade").textContent = "";
      }
      spans.sort((a, b) => a.offset - b.offset || b.length - a.length);
      preview.replaceChildren();
      let at = 0;
      spans.forEach((span, index) => {
        if (span.offset < at) return;
        preview.append(source.slice(at, span.offset));
        const mark = document.createElement("mark");
        mark.className = span.kind;
        mark.id = "mark-" + index;
        mark.title = span.title;
        mark.textContent = source.slice(span.offset, span.offset + span.length);
        preview.append(mark);
        at = span.offset + span.length;
      });
      preview.append(source.slice(at));
      list.replaceChildren();
      spans.forEach((span, index) => {
        const item = document.createElement("li");
        item.className = span.kind;
        const button = document.createElement("button");
        button.type = "button";
        const quote = document.createElement("strong");
        quote.textContent = "“" + source.slice(span.offset, span.offset + span.length) + "” ";
        const rule = document.createElement("span");
        rule.className = "rule";
        rule.textContent = span.rule;
        const message = document.createElement("span");
        message.className = "suggestion";
        message.textContent = span.message;
        button.append(quote, rule, message);
        button.addEventListener("click", () => select(span, index));
        item.append(button);
        list.append(item);
      });
      const count = kind => spans.filter(span => span.kind === kind).length;
      document.getElementById("count").textContent =
        "(" + count("pressure") + " pressure, " + count("freedom") + " freedom, " + count("engagement") +
        (count("engagement") === 1 ? " note)" : " notes)");
    }

    function select(span, index) {
      for (const mark of preview.querySelectorAll("mark.current")) mark.classList.remove("current");
      const mark = document.getElementById("mark-" + index);
      if (mark) mark.classList.add("current");
      text.focus();
      text.setSelectionRange(span.offset, span.offset + span.length);
    }

    text.addEventListener("input", schedule);
    language.addEventListener("change", check);
    text.addEventListener("dragover", event => { event.preventDefault(); text.classList.add("dragging"); });
    text.addEventListener("dragleave", () => text.classList.remove("dragging"));
    text.addEventListener("drop", async event => {
      event.preventDefault();
      text.classList.remove("dragging");
      const file = event.dataTransfer.files[0];
      if (!file) return;
      fileName = file.name;
      text.value = await file.text();
      check();
    });
    // A link may carry the text to check: /#text=… (how the docs' screenshot is taken).
    if (location.hash.startsWith("#text=")) {
      text.value = decodeURIComponent(location.hash.slice(6));
    }
    if (text.value) check();
    </script>
    </body>
    </html>

    """
}
