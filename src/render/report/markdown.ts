// The report as Markdown: headings, pipe tables with right-aligned numbers, footnotes under each
// table, chart images when the caller says where the PNG files are, and the free-text appendix.
// Respondents' texts are escaped so that they can never become links, HTML or formatting.
import type { Report } from "../../analysis/report.js";
import { buildView } from "./build-view.js";
import { chartSpecs } from "./chart-specs.js";
import type { ReportRenderOptions } from "./options.js";
import type { Block, ReportView, Table } from "./view.js";

export interface MarkdownOptions extends ReportRenderOptions {
  /** Chart id → relative path of its PNG file; charts without one are left out. */
  chartFiles?: Readonly<Record<string, string>>;
}

/** Markdown-significant characters escaped; "< 5" stays readable, "<b" cannot open a tag. */
export function escapeMd(s: string): string {
  return s
    .replace(/[\\`*_[\]|]/g, "\\$&")
    .replace(/<(?=[A-Za-z!?/])/g, "&lt;")
    .replace(/\r?\n/g, " ")
    .replace(/^(#+|[-+])(?=\s|$)/, "\\$1")
    .replace(/^>/, "\\>")
    .replace(/^(\d+)([.)])(?=\s|$)/, "$1\\$2");
}

function table(t: Table): string[] {
  const row = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const lines = [
    row(t.columns.map((c) => escapeMd(c.title))),
    row(t.columns.map((c, i) => (i === 0 || c.kind === "label" || c.kind === "text" ? "---" : "---:"))),
  ];
  for (const r of t.rows) {
    const cells = r.cells.map((c) => escapeMd(c.text));
    lines.push(row(r.muted ? cells.map((c) => (c ? `_${c}_` : c)) : cells));
  }
  return lines;
}

function block(b: Block, alts: Map<string, string>, files: Readonly<Record<string, string>>): string[] {
  const out = [`### ${escapeMd(b.title)}`, ""];
  if (b.meta) out.push(`_${escapeMd(b.meta)}_`, "");
  const file = b.chartId ? files[b.chartId] : undefined;
  if (b.chartId && file) out.push(`![${escapeMd(alts.get(b.chartId) ?? b.title)}](${encodeURI(file)})`, "");
  for (const t of b.tables) out.push(...table(t), "");
  for (const n of b.notes) out.push(`> ${escapeMd(n)}`);
  if (b.notes.length > 0) out.push("");
  return out;
}

export function renderMarkdownView(
  view: ReportView,
  alts: Map<string, string>,
  files: Readonly<Record<string, string>>,
): string {
  const out = [`# ${escapeMd(view.title)}`, "", escapeMd(view.subtitle), ""];
  out.push(`## ${escapeMd(view.words.overview)}`, "", ...table(view.overview), "");
  out.push(`## ${escapeMd(view.words.privacy)}`, "", ...view.privacy.map((p) => `- ${escapeMd(p)}`), "");
  out.push(`**${escapeMd(view.words.legend)}**`, "", ...view.legend.map((p) => `- ${escapeMd(p)}`), "");
  if (view.findings.length > 0)
    out.push(`## ${escapeMd(view.words.findings)}`, "", ...view.findings.map((f) => `- ${escapeMd(f)}`), "");
  for (const s of [...view.sections, ...view.analyses]) {
    out.push(`## ${escapeMd(s.title)}`, "");
    for (const b of s.blocks) out.push(...block(b, alts, files));
  }
  if (view.appendix.length > 0) {
    out.push(`## ${escapeMd(view.words.appendix)}`, "");
    for (const g of view.appendix) {
      out.push(`### ${escapeMd(g.title)}`, "", `_${escapeMd(g.note)}_`, "");
      if (g.texts) out.push(...g.texts.map((x) => `- ${escapeMd(x)}`), "");
    }
  }
  if (view.words.generated) out.push("---", "", `_${escapeMd(view.words.generated)}_`, "");
  return `${out.join("\n").trimEnd()}\n`;
}

export function renderMarkdown(report: Report, opts: MarkdownOptions): string {
  const alts = new Map(chartSpecs(report, opts.lang).map((e) => [e.id, e.alt]));
  return renderMarkdownView(buildView(report, opts), alts, opts.chartFiles ?? {});
}
