// The report as one self-contained, accessible HTML file: a language attribute, headings in order,
// landmarks, every chart inlined as a PNG data URI with alt text and followed by its data table
// (caption, th scope), footnotes, a print stylesheet, and no external resources at all. Loads no
// chart code: the charts come drawn.
import type { Report } from "../../analysis/report.js";
import { CHART_SCALE, pngSize } from "../charts/png.js";
import { buildView } from "./build-view.js";
import { chartSpecs } from "./chart-specs.js";
import type { ChartEntry } from "./chart-specs-common.js";
import { HTML_STYLE } from "./html-style.js";
import type { ReportRenderOptions } from "./options.js";
import type { Block, ReportView, SectionView, Table } from "./view.js";

export interface HtmlOptions extends ReportRenderOptions {
  /** Chart PNGs by chart id, when the caller has drawn them already (see html.ts for the others). */
  charts?: ReadonlyMap<string, Buffer>;
}

export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (ch) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "#39" }[ch]};`,
  );
}

/** Ids for fragments: the block ids are survey ids (letters, digits, _ and .), made attribute-safe. */
const anchor = (prefix: string, id: string) => `${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, "-")}`;

function table(t: Table): string {
  const numeric = (i: number) => i > 0 && t.columns[i]?.kind !== "label" && t.columns[i]?.kind !== "text";
  const head = t.columns
    .map((c, i) => `<th scope="col"${numeric(i) ? ' class="num"' : ""}>${escapeHtml(c.title)}</th>`)
    .join("");
  const body = t.rows
    .map((r) => {
      const cells = r.cells
        .map((c, i) =>
          i === 0
            ? `<th scope="row">${escapeHtml(c.text)}</th>`
            : `<td${numeric(i) ? ' class="num"' : ""}>${escapeHtml(c.text)}</td>`,
        )
        .join("");
      return `<tr${r.muted ? ' class="muted"' : ""}>${cells}</tr>`;
    })
    .join("\n");
  // A wide table scrolls sideways on a phone; keyboard users must be able to reach it too.
  return `<div class="table-wrap" role="region" tabindex="0" aria-label="${escapeHtml(t.caption)}"><table>\n<caption>${escapeHtml(t.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`;
}

function figure(entry: ChartEntry | undefined, png: Buffer | undefined): string {
  if (!entry || !png) return "";
  // In CSS pixels: the chart is drawn at CHART_SCALE times its layout size, sharp on a fine screen.
  const size = pngSize(png);
  const width = Math.round(size.width / CHART_SCALE);
  const height = Math.round(size.height / CHART_SCALE);
  return `<figure><img src="data:image/png;base64,${png.toString("base64")}" alt="${escapeHtml(entry.alt)}" width="${width}" height="${height}"></figure>`;
}

function block(b: Block, charts: Map<string, ChartEntry>, pngs: ReadonlyMap<string, Buffer>): string {
  const parts = [`<article id="${anchor("q", b.id)}">`, `<h3>${escapeHtml(b.title)}</h3>`];
  if (b.meta) parts.push(`<p class="meta">${escapeHtml(b.meta)}</p>`);
  if (b.chartId) parts.push(figure(charts.get(b.chartId), pngs.get(b.chartId)));
  for (const t of b.tables) parts.push(table(t));
  if (b.notes.length > 0)
    parts.push(`<ul class="notes">${b.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul>`);
  parts.push("</article>");
  return parts.filter(Boolean).join("\n");
}

function section(s: SectionView, charts: Map<string, ChartEntry>, pngs: ReadonlyMap<string, Buffer>): string {
  const id = anchor("s", s.id);
  return [
    `<section aria-labelledby="${id}">`,
    `<h2 id="${id}">${escapeHtml(s.title)}</h2>`,
    ...s.blocks.map((b) => block(b, charts, pngs)),
    "</section>",
  ].join("\n");
}

export function renderHtmlView(
  view: ReportView,
  entries: ChartEntry[],
  pngs: ReadonlyMap<string, Buffer>,
): string {
  const charts = new Map(entries.map((e) => [e.id, e]));
  const all = [...view.sections, ...view.analyses];
  const list = (items: string[], cls = "") =>
    `<ul${cls ? ` class="${cls}"` : ""}>${items.map((x) => `<li>${escapeHtml(x)}</li>`).join("\n")}</ul>`;
  const toc = [
    ["s-overview", view.words.overview],
    ...(view.findings.length > 0 ? [["s-findings", view.words.findings]] : []),
    ...all.map((s) => [anchor("s", s.id), s.title]),
    ...(view.appendix.length > 0 ? [["s-appendix", view.words.appendix]] : []),
  ];
  const parts = [
    "<!DOCTYPE html>",
    `<html lang="${escapeHtml(view.lang)}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(view.title)}</title>`,
    `<style>${HTML_STYLE}</style>`,
    "</head>",
    "<body>",
    '<div class="page">',
    `<header>\n<h1>${escapeHtml(view.title)}</h1>\n<p class="subtitle">${escapeHtml(view.subtitle)}</p>\n</header>`,
    `<nav aria-labelledby="toc"><h2 id="toc">${escapeHtml(view.words.contents)}</h2><ol>${toc
      .map(([id, title]) => `<li><a href="#${id}">${escapeHtml(title ?? "")}</a></li>`)
      .join("")}</ol></nav>`,
    '<main id="main">',
    `<section aria-labelledby="s-overview">\n<h2 id="s-overview">${escapeHtml(view.words.overview)}</h2>`,
    table(view.overview),
    `<h3>${escapeHtml(view.words.privacy)}</h3>`,
    list(view.privacy),
    `<h3>${escapeHtml(view.words.legend)}</h3>`,
    list(view.legend),
    "</section>",
  ];
  if (view.findings.length > 0)
    parts.push(
      `<section aria-labelledby="s-findings">\n<h2 id="s-findings">${escapeHtml(view.words.findings)}</h2>`,
      list(view.findings, "findings"),
      "</section>",
    );
  for (const s of all) parts.push(section(s, charts, pngs));
  if (view.appendix.length > 0) {
    parts.push(
      `<section aria-labelledby="s-appendix">\n<h2 id="s-appendix">${escapeHtml(view.words.appendix)}</h2>`,
    );
    for (const g of view.appendix) {
      parts.push(
        `<h3 id="${anchor("t", g.id)}">${escapeHtml(g.title)}</h3>`,
        `<p class="meta">${escapeHtml(g.note)}</p>`,
      );
      if (g.texts) parts.push(list(g.texts, "texts"));
    }
    parts.push("</section>");
  }
  parts.push("</main>");
  if (view.words.generated) parts.push(`<footer><p>${escapeHtml(view.words.generated)}</p></footer>`);
  parts.push("</div>", "</body>", "</html>");
  return `${parts.join("\n")}\n`;
}

/**
 * The HTML report with the charts the caller drew (`opts.charts`), loading no chart code: a chart
 * not given is left out. html.ts draws the missing ones.
 */
export function renderHtmlPage(report: Report, opts: HtmlOptions): string {
  return renderHtmlView(buildView(report, opts), chartSpecs(report, opts.lang), opts.charts ?? new Map());
}
