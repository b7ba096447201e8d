// The stylesheet of the HTML report: readable on screen and on paper, colours with a contrast of
// at least 7:1 on white for text, and a print layout that keeps each question on one page.

export const HTML_STYLE = `
:root { color-scheme: light; --text: #1a1a1a; --muted: #4d4d4d; --rule: #c8c8c8; --band: #f3f6f9; --accent: #005a8c; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Noto Sans", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 1rem; line-height: 1.5; color: var(--text); background: #fff; }
.page { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .25rem; }
h2 { font-size: 1.5rem; margin: 2.5rem 0 1rem; padding-bottom: .25rem; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.15rem; margin: 2rem 0 .25rem; }
p, ul { margin: .5rem 0; }
.subtitle, .meta { color: var(--muted); }
a { color: var(--accent); }
a:focus, a:hover { outline: 2px solid var(--accent); outline-offset: 2px; }
nav ol { columns: 2 18rem; padding-left: 1.25rem; }
figure { margin: 1rem 0; }
figure img { display: block; max-width: 100%; height: auto; }
table { border-collapse: collapse; margin: .75rem 0; font-variant-numeric: tabular-nums; max-width: 100%; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; color: var(--text); }
th, td { border-bottom: 1px solid var(--rule); padding: .3rem .6rem; vertical-align: top; text-align: left; }
thead th { border-bottom: 2px solid var(--text); vertical-align: bottom; }
td.num, th.num { text-align: right; white-space: nowrap; }
thead th.num { white-space: normal; min-width: 5.5rem; }
tbody th[scope="row"] { font-weight: 600; min-width: 12rem; }
tr.muted th, tr.muted td { color: var(--muted); font-style: italic; }
.table-wrap { overflow-x: auto; }
.notes { color: var(--muted); font-size: .9rem; padding-left: 1.25rem; }
.findings li { margin: .35rem 0; }
.texts li { margin: .2rem 0; }
article { margin-bottom: 2rem; }
footer { margin-top: 3rem; color: var(--muted); font-size: .9rem; }
@media print {
  @page { size: A4; margin: 18mm 16mm; }
  body { font-size: 10.5pt; }
  .page { max-width: none; padding: 0; }
  nav { display: none; }
  h2 { break-after: avoid; }
  h3 { break-after: avoid; }
  article, figure, table { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
`;
