/// The report's style sheet, inlined in `<head>`: system fonts, a light palette (pressure
/// red and orange, freedom green, information grey, hesitation amber), a flex column whose
/// summary (written last) is shown first with `order`, and print rules.
///
/// It holds no `<` or `&`, so the page stays well-formed XML.
enum HTMLStyle {
  static let css = """
    :root {
      color-scheme: light;
      --ink: #1f2328; --muted: #59636e; --line: #d8dee4; --card: #ffffff; --page: #f6f8fa;
      --pressure: #c62828; --pressure-soft: #fdecea; --warning: #e8590c; --info: #8a939c;
      --freedom: #2e7d32; --freedom-soft: #e8f5e9; --hesitation: #f0a500; --accent: #0b5cad;
    }
    * { box-sizing: border-box; }
    body {
      margin: 0; background: var(--page); color: var(--ink);
      font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
    }
    .report { display: flex; flex-direction: column; gap: 16px; max-width: 1120px; margin: 0 auto; padding: 24px; }
    .top { order: -3; display: flex; align-items: baseline; justify-content: space-between; gap: 16px; }
    .top h1 { margin: 0; font-size: 26px; letter-spacing: -0.01em; }
    .top h1 span { color: var(--muted); font-weight: 400; font-size: 16px; margin-left: 8px; }
    .summary { order: -2; display: flex; flex-direction: column; gap: 16px; }
    .errors { order: -1; }
    section, .card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 16px 20px; }
    .summary > section { margin: 0; }
    h2 { font-size: 18px; margin: 0 0 12px; }
    h3 { font-size: 15px; margin: 0 0 8px; color: var(--muted); font-weight: 600; }
    a { color: var(--accent); }
    .stats { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; }
    .stat { border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; background: var(--page); }
    .stat b { display: block; font-size: 22px; line-height: 1.3; font-variant-numeric: tabular-nums; }
    .stat span { color: var(--muted); font-size: 13px; }
    .charts { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 16px; }
    svg { display: block; width: 100%; height: auto; font-family: inherit; }
    svg text { fill: var(--muted); font-size: 12px; }
    svg .axis { stroke: #9aa4ae; stroke-width: 1; }
    svg .grid { stroke: #eaeef2; stroke-width: 1; }
    svg .value { fill: var(--ink); font-size: 12px; }
    svg .pressure { fill: var(--pressure); stroke: var(--pressure); }
    svg .warning { fill: var(--warning); stroke: var(--warning); }
    svg .info { fill: var(--info); stroke: var(--info); }
    svg .freedom { fill: var(--freedom); stroke: var(--freedom); }
    svg .hesitation { fill: var(--hesitation); stroke: #b57a00; }
    svg .stem { stroke-width: 1.5; fill: none; }
    table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
    th, td { text-align: left; padding: 2px 10px; border-bottom: 1px solid var(--line); font-size: 14px; line-height: 1.45; }
    th { font-size: 13px; color: var(--muted); font-weight: 600; }
    td.n, th.n { text-align: right; }
    .phrases td.n, .phrases th.n { width: 4em; }
    .phrases .phrase { border-radius: 4px; padding: 0 4px; }
    .phrases.pressure .phrase { background: var(--pressure-soft); color: var(--pressure); }
    .phrases.freedom .phrase { background: var(--freedom-soft); color: var(--freedom); }
    .phrases.pressure h2 { color: var(--pressure); }
    .phrases.freedom h2 { color: var(--freedom); }
    table.sortable th button { all: unset; cursor: pointer; }
    table.sortable th button::after { content: " ↕"; color: var(--line); }
    table.sortable th[aria-sort="ascending"] button::after { content: " ↑"; color: var(--muted); }
    table.sortable th[aria-sort="descending"] button::after { content: " ↓"; color: var(--muted); }
    .charts.three { grid-template-columns: repeat(3, minmax(0, 1fr)); }
    .scope { color: var(--muted); font-size: 13px; margin: 2px 0 0; }
    .bad { color: var(--pressure); font-weight: 600; }
    .good { color: var(--freedom); font-weight: 600; }
    .documents { order: 0; display: flex; flex-direction: column; gap: 10px; padding: 0; background: none; border: 0; }
    .doc { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 10px 16px; }
    .doc > summary { cursor: pointer; list-style: none; }
    .doc > summary::-webkit-details-marker { display: none; }
    .doc-head { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; }
    .doc-head .path { font-weight: 600; word-break: break-all; }
    .doc-head .meta { color: var(--muted); font-size: 13px; }
    .doc-head .more { margin-left: auto; color: var(--accent); font-size: 13px; }
    .doc[open] .more { visibility: hidden; }
    .score { display: inline-block; min-width: 44px; text-align: center; border-radius: 6px; padding: 2px 8px;
      font-weight: 700; color: #fff; font-variant-numeric: tabular-nums; }
    .grade-A { background: #2e7d32; } .grade-B { background: #689f38; } .grade-C { background: #c29100; }
    .grade-D { background: #e8590c; } .grade-F { background: #c62828; }
    .pill { display: inline-block; border-radius: 999px; padding: 0 8px; font-size: 12px; font-weight: 600; }
    .pill.pressure { background: var(--pressure-soft); color: var(--pressure); }
    .pill.freedom { background: var(--freedom-soft); color: var(--freedom); }
    .pill.hesitation { background: #fff4d6; color: #8a5d00; }
    .timeline { display: block; margin-top: 8px; }
    .timeline svg text { font-size: 11px; }
    .callmeta { display: block; color: var(--muted); font-size: 13px; margin: 6px 0 0; }
    .findings { list-style: none; margin: 12px 0 4px; padding: 0; display: flex; flex-direction: column; gap: 8px; }
    .finding { border-left: 4px solid var(--info); padding: 6px 12px; background: var(--page); border-radius: 0 6px 6px 0; }
    .finding.pressure { border-color: var(--pressure); }
    .finding.pressure.sev-info { border-color: var(--warning); }
    .finding.freedom { border-color: var(--freedom); }
    .finding.hesitation { border-color: var(--hesitation); }
    .where { color: var(--muted); font-size: 12px; font-variant-numeric: tabular-nums; }
    .where code { color: var(--ink); }
    .sev { text-transform: uppercase; font-size: 11px; font-weight: 700; letter-spacing: 0.04em; }
    .message { margin: 2px 0; }
    .source { font: 13px/1.45 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; white-space: pre-wrap;
      word-break: break-word; background: var(--card); border: 1px solid var(--line); border-radius: 6px;
      padding: 6px 10px; margin: 4px 0; }
    mark { border-radius: 3px; padding: 0 2px; background: #e3e7eb; color: inherit; }
    .pressure mark { background: #ffd7d2; box-shadow: inset 0 -2px 0 var(--pressure); }
    .pressure.sev-info mark { background: #ffe6cc; box-shadow: inset 0 -2px 0 var(--warning); }
    .freedom mark { background: #d6f0d8; box-shadow: inset 0 -2px 0 var(--freedom); }
    .hesitation mark { background: #fff0c2; box-shadow: inset 0 -2px 0 var(--hesitation); }
    .suggestion { color: var(--muted); font-size: 13px; margin: 2px 0 0; }
    .legend { display: flex; align-items: center; gap: 16px; flex-wrap: wrap; color: var(--muted); font-size: 12px; margin-top: 4px; }
    .legend i { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 5px; }
    table.speakers { width: auto; min-width: 420px; margin: 8px 0 0; font-size: 14px; }
    .empty { color: var(--muted); font-style: italic; }
    footer.note { order: 1; color: var(--muted); font-size: 12px; text-align: center; }
    @media (max-width: 760px) { .stats, .charts { grid-template-columns: repeat(2, minmax(0, 1fr)); } .charts { grid-template-columns: minmax(0, 1fr); } }
    @media print {
      body { background: #fff; font-size: 11pt; }
      .report { padding: 0; max-width: none; }
      .top a { display: none; }
      section, .card, .doc { break-inside: avoid; border-color: #bbb; }
      .doc-head .more { display: none; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }
    """
}
