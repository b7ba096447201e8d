// A report table (view.ts) as PDF blocks: a header and rows, numbers right-aligned in columns as
// narrow as their contents allow, the row labels wrapped in what is left. Draws only the texts the
// view gives, so a hidden count is "< 5" here exactly as in HTML; never computes a number.

import type { Block } from "../pdf/flow.js";
import { FONT, type Pen, type TextStyle } from "../pdf/index.js";
import { PDF_THEME as T } from "./pdf-theme.js";
import type { Table } from "./view.js";

export interface TableLayout {
  size: number;
  /** Column widths, the label column first; they add up to the table's width. */
  widths: number[];
}

const PAD = 4;
/** The label column is never squeezed below this; smaller type comes first. */
const MIN_LABEL = 130;

const numeric = (t: Table, i: number) =>
  i > 0 && t.columns[i]?.kind !== "label" && t.columns[i]?.kind !== "text";

function style(size: number, bold = false, color: string = T.text): TextStyle {
  return { font: bold ? FONT.bold : FONT.regular, size, color, lineGap: 0.5 };
}

/**
 * The longest single word of a header, which the column must hold without breaking. Measured with
 * a trailing space because PDFKit's line wrapper does so: a word that fits only without its space
 * is broken letter by letter ("sam" / "aa").
 */
function longestWord(pen: Pen, text: string, s: TextStyle): number {
  // Split at breakable spaces only: a no-break space ("95\u00a0%") keeps its neighbours together.
  return Math.max(0, ...text.split(/[ \t\n]+/).map((w) => pen.widthOf(`${w} `, s)));
}

/** Widths for `width`: numeric columns as wide as their widest cell, the label column the rest. */
export function layoutTable(pen: Pen, t: Table, width: number): TableLayout {
  let size: number = T.tableSize;
  for (;;) {
    const head = style(size, true);
    const body = style(size);
    // A header may wrap onto several lines, but no word of it may break (+1 for rounding).
    const widths = t.columns.map((c, i) => {
      if (i === 0) return 0;
      const cells = t.rows.map((r) => pen.widthOf(r.cells[i]?.text ?? "", body));
      return Math.max(...cells, longestWord(pen, c.title, head), numeric(t, i) ? 24 : 60) + 2 * PAD + 1;
    });
    const label = width - widths.reduce((s, w) => s + w, 0);
    if (label >= MIN_LABEL || size <= T.tableMinSize) {
      // Room to spare beyond what the labels need widens the number columns up to a comfortable
      // width, so that their headers wrap onto fewer lines.
      const labelNeeds =
        Math.max(...t.rows.map((r) => pen.widthOf(r.cells[0]?.text ?? "", body))) + 2 * PAD + 1;
      let spare = Math.max(0, label - Math.max(labelNeeds, MIN_LABEL));
      for (let i = 1; i < widths.length && spare > 0; i++) {
        const want = Math.min(spare, Math.max(0, size * 6.5 - (widths[i] ?? 0)));
        widths[i] = (widths[i] ?? 0) + want;
        spare -= want;
      }
      widths[0] = Math.max(width - widths.reduce((s, w) => s + w, 0), 60);
      // Too wide even in the smallest type: squeeze the numbers proportionally.
      const total = widths.reduce((s, w) => s + w, 0);
      return { size, widths: total > width ? widths.map((w) => (w * width) / total) : widths };
    }
    size -= 0.5;
  }
}

function rowHeight(pen: Pen, texts: string[], layout: TableLayout, s: TextStyle): number {
  return (
    Math.max(...texts.map((tx, i) => pen.measure(tx, (layout.widths[i] ?? 0) - 2 * PAD, s))) + 2 * PAD - 1
  );
}

function cells(
  pen: Pen,
  texts: string[],
  t: Table,
  layout: TableLayout,
  x: number,
  y: number,
  s: TextStyle,
): void {
  let cx = x;
  texts.forEach((tx, i) => {
    const w = layout.widths[i] ?? 0;
    pen.text(tx, cx + PAD, y + PAD - 0.5, w - 2 * PAD, { ...s, align: numeric(t, i) ? "right" : "left" });
    cx += w;
  });
}

/** The caption and the column headers, with a heavier rule below (repeated on a new page). */
export function tableHead(t: Table, layout: TableLayout): Block {
  return (pen, x, y, width) => {
    const s = style(layout.size, true);
    const titles = t.columns.map((c) => c.title);
    const h = rowHeight(pen, titles, layout, s);
    const captionStyle = style(layout.size + 0.5, true, T.muted);
    const ch = pen.text(t.caption, x, y, width, captionStyle) + 2;
    // Headers sit on the rule, as in a printed table, whatever their number of lines.
    let cx = x;
    titles.forEach((tx, i) => {
      const w = layout.widths[i] ?? 0;
      const th = pen.measure(tx, w - 2 * PAD, s);
      pen.text(tx, cx + PAD, y + ch + h - PAD - th, w - 2 * PAD, {
        ...s,
        align: numeric(t, i) ? "right" : "left",
      });
      cx += w;
    });
    pen.line(x, y + ch + h, x + width, y + ch + h, { stroke: T.text, lineWidth: 1 });
    return ch + h + 1;
  };
}

/** One row; "don't know" and totals (muted) in grey italics' place: grey. */
export function tableRow(t: Table, layout: TableLayout, index: number): Block {
  return (pen, x, y, width) => {
    const row = t.rows[index]!;
    const body = style(layout.size, false, row.muted ? T.muted : T.text);
    const texts = row.cells.map((c) => c.text);
    const h = rowHeight(pen, texts, layout, body);
    if (index % 2 === 1) pen.rect(x, y, width, h, { fill: T.band });
    cells(pen, texts, t, layout, x, y, body);
    pen.line(x, y + h, x + width, y + h, { stroke: T.rule, lineWidth: 0.5 });
    return h;
  };
}

/** The whole table as one block (kept on one page), with space after it. */
export function tableBlock(pen: Pen, t: Table, width: number): Block {
  const layout = layoutTable(pen, t, width);
  const parts = [tableHead(t, layout), ...t.rows.map((_, i) => tableRow(t, layout, i))];
  return (p, x, y, w) => {
    let h = 0;
    for (const part of parts) h += part(p, x, y + h, w);
    return h + T.gapAfterTable;
  };
}
