// The report as a terminal summary: per question a compact table with bar glyphs (readable
// without colour), the key numbers and footnotes, fitted to a width (80 columns by default).
// Colour only through the paint functions passed in; none by default.
import type { Report } from "../../analysis/report.js";
import { buildView } from "./build-view.js";
import type { ReportRenderOptions } from "./options.js";
import { padEnd, padStart, textWidth, wrapLines } from "./text-layout.js";
import type { Block, Cell, ReportView, Table } from "./view.js";

export interface Paint {
  bold: (s: string) => string;
  dim: (s: string) => string;
  cyan: (s: string) => string;
}

export interface TerminalOptions extends ReportRenderOptions {
  /** Columns to fit (default 80, at least 60). */
  width?: number;
  paint?: Paint;
}

const plain: Paint = { bold: (s) => s, dim: (s) => s, cyan: (s) => s };
const BAR = 20;
const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/** A share 0…1 as a bar of BAR cells in eighths: "████████▌". */
export function bar(share: number, cells = BAR): string {
  const eighths = Math.round(Math.max(0, Math.min(1, share)) * cells * 8);
  return "█".repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/** A two-column table of statistics reads best as one line: "Mean 3,45 · Median 4 · …". */
function statLine(table: Table): string {
  return table.rows
    .filter((r) => r.cells[1]?.text)
    .map(
      (r) =>
        // "n < 5" for a small n; a shown one and one hidden as a complement read "n = 12", "n = –".
        `${r.cells[0]?.text}${r.cells[0]?.text === "n" && r.cells[1]?.hidden !== "suppressed" ? " =" : ""} ${r.cells[1]?.text}`,
    )
    .join(" · ");
}

function tableLines(table: Table, width: number, paint: Paint, more: string): string[] {
  if (table.columns.length === 2 && table.columns[1]?.kind === "number")
    return wrapLines(statLine(table), width - 2).map((l) => `  ${l}`);
  const hasBar = table.barColumn !== undefined;
  const others = table.columns.map((_, i) => i).filter((i) => i > 0 && i !== table.barColumn);
  // Wide enough for every value and the title's longest word (titles wrap onto more lines).
  const colWidth = (i: number) =>
    Math.max(
      1,
      ...table.rows.map((r) => textWidth(r.cells[i]?.text ?? "")),
      ...(table.columns[i]?.title ?? "").split(" ").map((w) => Math.min(textWidth(w), 16)),
    );
  // With bars: the bar's own value and one more column (the count), so labels keep their room.
  const valueCols = hasBar ? [table.barColumn!, ...others] : others;
  const wanted = hasBar ? valueCols.slice(0, 2) : valueCols;
  const minLabel = 28;
  const shown: number[] = [];
  let used = 2 + (hasBar ? BAR + 1 : 0);
  for (const i of wanted) {
    const w = colWidth(i) + 2;
    if (used + w + minLabel > width) break;
    shown.push(i);
    used += w;
  }
  const labelWidth = Math.min(
    width - used,
    Math.max(minLabel, ...table.rows.map((r) => textWidth(r.cells[0]?.text ?? ""))),
  );
  const lines: string[] = [];
  const headers = shown.map((i) => wrapLines(table.columns[i]?.title ?? "", colWidth(i)));
  const headerHeight = Math.max(0, ...headers.map((h) => h.length));
  for (let k = 0; k < headerHeight; k++) {
    let line = `  ${padEnd("", labelWidth)}${hasBar ? " ".repeat(BAR + 1) : ""}`;
    shown.forEach((i, j) => {
      line += `  ${padStart(headers[j]![headers[j]!.length - headerHeight + k] ?? "", colWidth(i))}`;
    });
    lines.push(paint.dim(line.trimEnd()));
  }
  for (const row of table.rows) {
    const label = wrapLines(row.cells[0]?.text ?? "", labelWidth);
    const share = hasBar ? row.cells[table.barColumn!] : undefined;
    const glyphs = share && share.value !== null && !row.muted ? bar(share.value) : "";
    let first = `  ${padEnd(label[0] ?? "", labelWidth)}${hasBar ? ` ${padEnd(glyphs, BAR)}` : ""}`;
    for (const i of shown) first += `  ${padStart(cellText(row.cells[i]), colWidth(i))}`;
    const rest = label.slice(1).map((l) => `  ${l}`);
    const out = [first.trimEnd(), ...rest];
    lines.push(
      ...(row.muted
        ? out.map(paint.dim)
        : out.map((l, k) => (k === 0 && glyphs ? l.replace(glyphs, paint.cyan(glyphs)) : l))),
    );
  }
  if (shown.length < valueCols.length) {
    const note = more.replace("{n}", String(valueCols.length - shown.length));
    lines.push(...wrapLines(note, width - 2).map((l) => paint.dim(`  ${l}`)));
  }
  return lines;
}

const cellText = (c: Cell | undefined) => c?.text ?? "";

function blockLines(b: Block, width: number, paint: Paint, more: string): string[] {
  const lines = [...wrapLines(b.title, width).map(paint.bold)];
  if (b.meta) lines.push(paint.dim(b.meta));
  // The main table (the one with bars) and any one-line statistics; wide distributions stay in files.
  const main = b.tables.filter((t) => t.barColumn !== undefined);
  const shown =
    main.length > 0
      ? [...main, ...b.tables.filter((t) => t.columns.length === 2 && t.columns[1]?.kind === "number")]
      : b.tables;
  for (const t of shown) lines.push(...tableLines(t, width, paint, more));
  for (const n of b.notes) lines.push(...wrapLines(n, width - 2).map((l) => paint.dim(`  ${l}`)));
  lines.push("");
  return lines;
}

function heading(text: string, width: number, paint: Paint): string[] {
  const words = wrapLines(text, width - 4);
  const last = words.at(-1) ?? "";
  return [
    ...words.slice(0, -1).map((w) => paint.bold(w)),
    paint.bold(`${last} ${"─".repeat(Math.max(3, width - textWidth(last) - 1))}`),
    "",
  ];
}

export function renderTerminalView(view: ReportView, opts: { width?: number; paint?: Paint }): string {
  const width = Math.max(60, opts.width ?? 80);
  const paint = opts.paint ?? plain;
  const lines: string[] = [
    ...wrapLines(view.title, width).map(paint.bold),
    view.subtitle,
    "═".repeat(width),
    "",
  ];
  const more = view.words.moreColumns;
  const overview = { ...view.overview, columns: view.overview.columns.map((c) => ({ ...c, title: "" })) };
  lines.push(...tableLines(overview, width, paint, more), "");
  for (const p of view.privacy) lines.push(...wrapLines(p, width).map(paint.dim));
  lines.push("");
  if (view.findings.length > 0) {
    lines.push(...heading(view.words.findings, width, paint));
    for (const f of view.findings) {
      const w = wrapLines(f, width - 2);
      lines.push(`• ${w[0] ?? ""}`, ...w.slice(1).map((l) => `  ${l}`));
    }
    lines.push("");
  }
  for (const s of [...view.sections, ...view.analyses]) {
    lines.push(...heading(s.title, width, paint));
    for (const b of s.blocks) lines.push(...blockLines(b, width, paint, more));
  }
  return `${lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}

/** The terminal summary of a Report. */
export function renderTerminal(report: Report, opts: TerminalOptions): string {
  return renderTerminalView(buildView(report, opts), opts);
}
