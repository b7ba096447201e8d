// A matrix as a grid on the paper form: the scale across the top, one row of boxes per statement.
// Header cells hold at most two lines; when the scale's words need more, the columns are numbered
// and a legend line above the grid says what each number means. Draws and measures alike.
import type { MatrixQuestion } from "../definition/model.js";
import type { Block } from "./pdf/flow.js";
import type { Pen, TextStyle } from "./pdf/pen.js";
import { smiley, smileyMoods, tickBox } from "./pdf/shapes.js";
import { itemColumn } from "./questionnaire-pdf-codes.js";
import { choiceLabel, codeOffset, type FormContext } from "./questionnaire-pdf-parts.js";
import { itemLetter } from "./questionnaire-pdf-route-words.js";
import { COLOR } from "./questionnaire-pdf-theme.js";

/** The most lines a column header may take: more reads as a wall of words above a box. */
export const MAX_HEADER_LINES = 2;

export interface GridPlan {
  /** Columns headed by numbers, explained by a legend line above the grid. */
  numbered: boolean;
  /** Each statement on its own line with its boxes under it (the plain form), or beside it. */
  stacked: boolean;
  /** Width of the statements' text when they sit beside the boxes. */
  itemWidth: number;
  /** Left edge (relative to the grid) and width of each answer column. */
  cols: { left: number; width: number }[];
  /** Header text: the column words (at most MAX_HEADER_LINES lines each), or the numbers. */
  heads: string[];
  label: TextStyle;
}

/** Lines `text` takes when wrapped to `width`. */
export function linesOf(pen: Pen, text: string, width: number, style: TextStyle): number {
  if (text === "") return 0;
  return Math.round(pen.measure(text, width, style) / pen.lineHeight(style));
}

/** Measured with a trailing space, as PDFKit's line wrapper measures a word that has one. */
function widestWord(pen: Pen, text: string, style: TextStyle): number {
  const words = text.split(/\s+/).filter(Boolean);
  return Math.max(0, ...words.map((w) => pen.widthOf(`${w} `, style)));
}

/** The narrowest column (text width + 4) in which `text` takes at most MAX_HEADER_LINES lines. */
function narrowest(pen: Pen, text: string, style: TextStyle, min: number): number {
  let w = Math.max(min, widestWord(pen, text, style) + 4);
  while (linesOf(pen, text, w - 4, style) > MAX_HEADER_LINES) w += 2;
  return w;
}

/**
 * Column widths: the points of the scale evenly spaced, "don't know" columns as wide as they
 * need. On the plain form the statements stand on their own lines, so the columns may use the
 * whole width after the item letters, at body size; on the ordinary form the statements keep at
 * least 28 % of the width beside the boxes, and the header may be set down to 9 pt.
 */
export function gridPlan(pen: Pen, q: MatrixQuestion, ctx: FormContext, width: number): GridPlan {
  const th = ctx.theme;
  const words = q.choices.map((c) => choiceLabel(c, ctx));
  const stacked = ctx.plain;
  const avail = stacked ? width : width * 0.72;
  const minCol = th.box + 14;
  const sizes = stacked ? [th.body.size] : [th.small.size, th.small.size - 0.5, 9.5, 9];
  for (const size of sizes) {
    const label: TextStyle = { ...(stacked ? th.body : th.small), size, lineGap: 0, align: "center" };
    // A word that cannot fit even the whole width on its own line (unlikely) makes `narrowest` grow
    // without end; words wider than the room go to numbers first.
    if (words.some((w) => widestWord(pen, w, label) + 4 > avail)) continue;
    const own = words.map((w) => narrowest(pen, w, label, minCol));
    const needs = evenScale(own, q);
    if (needs.reduce((a, b) => a + b, 0) <= avail) return place(needs, words, label, false);
  }
  // Numbers in the header, words in the legend.
  const label: TextStyle = { ...th.question, lineGap: 0, align: "center" };
  const heads = numberHeads(words);
  const own = heads.map((h) => Math.max(minCol, pen.widthOf(h, label) + 10));
  return place(evenScale(own, q), heads, label, true);

  function place(needs: number[], heads: string[], label: TextStyle, numbered: boolean): GridPlan {
    const used = needs.reduce((a, b) => a + b, 0);
    // Spare room widens the columns a little (clearer boxes), up to a comfortable width; on the
    // plain form the columns stand centred under the statements.
    // Numbered columns beside the statements stay narrow, leaving the statements the room.
    const cap = stacked ? 100 : numbered ? 40 : 92;
    const spare = Math.max(0, Math.min((avail - used) / needs.length, cap - Math.max(...needs)));
    const total = used + spare * needs.length;
    let left = stacked ? (width - total) / 2 : width - total;
    const cols = needs.map((w) => {
      const col = { left, width: w + spare };
      left += w + spare;
      return col;
    });
    return { numbered, stacked, itemWidth: stacked ? width : width - total, cols, heads, label };
  }
}

/**
 * The numbers over numbered columns: a label's own leading number ("1 Worst", "7"), else the next
 * number not taken, so that a scale written as numbers keeps them.
 */
export function numberHeads(labels: string[]): string[] {
  const own = labels.map((l) => /^(\d+)(?:\s|$)/.exec(l.trim())?.[1]);
  let next = Math.max(0, ...own.map((n) => Number(n ?? 0)));
  return own.map((n) => n ?? String(++next));
}

/** A legend entry's words: the label without the number it starts with (empty for "7"). */
function legendWords(label: string): string {
  return label.trim().replace(/^\d+(?:\s+|$)/, "");
}

/** The points of the scale share one width; "don't know" columns keep their own. */
function evenScale(own: number[], q: MatrixQuestion): number[] {
  const scale = Math.max(0, ...own.filter((_, i) => !q.choices[i]?.missing));
  return own.map((w, i) => (q.choices[i]?.missing ? w : scale));
}

/**
 * "1 = Täysin eri mieltä" … in a small table of as many even columns as the longest entry allows,
 * read down each column; an entry wider than the page wraps on its own line.
 */
function legend(q: MatrixQuestion, ctx: FormContext): Block {
  const th = ctx.theme;
  const style = th.body;
  const labels = q.choices.map((c) => choiceLabel(c, ctx));
  const heads = numberHeads(labels);
  // Numbers that are their own label ("2" … "8" on a 1–9 scale) need no explaining.
  const entries = labels.flatMap((l, i) => (legendWords(l) ? [`${heads[i]} = ${legendWords(l)}`] : []));
  return (pen, x, y, width) => {
    const gap = 18;
    const widest = Math.max(0, ...entries.map((e) => pen.widthOf(e, style)));
    const perRow = Math.max(1, Math.min(entries.length, Math.floor((width + gap) / (widest + gap))));
    const cell = (width + gap) / perRow - gap;
    // Read down the left column first, as the two-column answer lists are; drawn in that order
    // too (a screen reader keeps it), once the rows' heights are known.
    const rows = Math.ceil(entries.length / perRow);
    const heights = Array.from({ length: rows }, (_, r) =>
      Math.max(...entries.filter((_, i) => i % rows === r).map((e) => pen.measure(e, cell, style))),
    );
    const tops = heights.map((_, r) => heights.slice(0, r).reduce((a, b) => a + b, 0));
    entries.forEach((e, i) => {
      pen.text(e, x + Math.floor(i / rows) * (cell + gap), y + (tops[i % rows] ?? 0), cell, style);
    });
    return heights.reduce((a, b) => a + b, 0) + th.rowGap + 2;
  };
}

/** A matrix as a grid: the header (with its legend when numbered) and one row per statement. */
export function matrixGrid(
  q: MatrixQuestion,
  number: number,
  ctx: FormContext,
): { header: Block; rows: Block[] } {
  const th = ctx.theme;
  const moods = smileyMoods(q.choices.filter((c) => !c.missing).length);
  const key = legend(q, ctx);
  const header: Block = (pen, x, y, width) => {
    const g = gridPlan(pen, q, ctx, width);
    let h = g.numbered ? key(pen, x, y, width) : 0;
    // Labels sit on a common bottom line just above their codes, so each column reads down to its boxes.
    const tallest = Math.max(...g.heads.map((l, i) => pen.measure(l, (g.cols[i]?.width ?? 0) - 4, g.label)));
    // Faces a little smaller than beside a list: they head narrow columns, over the words.
    const r = th.face * 0.8;
    const faces = q.smileys ? 2 * r + 4 : 0;
    const codeY = y + h + faces + tallest + 1;
    let vi = 0;
    q.choices.forEach((c, i) => {
      const col = g.cols[i] ?? { left: 0, width: 0 };
      const left = x + col.left;
      if (q.smileys && !c.missing) smiley(pen, left + col.width / 2, y + h + r, r, moods[vi++] ?? 0);
      const head = g.heads[i] ?? "";
      const lh = pen.measure(head, col.width - 4, g.label);
      pen.text(head, left + 2, codeY - 1 - lh, col.width - 4, g.label);
      // A code the same as its column number would only repeat it.
      if (c.value === head) return;
      const w = pen.widthOf(c.value, th.code);
      pen.label(c.value, left + (col.width - w) / 2, codeY, th.code);
    });
    const codes = q.choices.some((c, i) => c.value !== g.heads[i]);
    h = codeY - y + (codes ? pen.lineHeight(th.code) : 0) + 3;
    pen.line(x, y + h, x + width, y + h, { stroke: COLOR.rule, lineWidth: 0.8 });
    return h + 1;
  };
  const rows = q.items.map((item, r): Block => {
    const text = ctx.txt(item.text, item.plain);
    const code = itemColumn(q, item.id);
    return (pen, x, y, width) => {
      const g = gridPlan(pen, q, ctx, width);
      const pad = th.plain ? 3 : 5;
      let h: number;
      if (g.stacked) {
        // "7a  Statement            code" on one line, its boxes under the column heads.
        const codeW = pen.widthOf(code, th.code) + 10;
        const tw = width - th.indent - codeW;
        const t = pen.measure(text, tw, th.body);
        h = t + 2 + th.box + 2 * pad;
        if (pen.drawing && r % 2 === 1) pen.rect(x, y, width, h, { fill: COLOR.zebra });
        pen.label(`${number}${itemLetter(r)}`, x + 2, y + pad, th.route);
        pen.text(text, x + th.indent, y + pad, tw, th.body);
        pen.labelRight(code, x + width - 2, y + pad + codeOffset(pen, th, th.body), th.code);
        for (const col of g.cols)
          tickBox(pen, x + col.left + (col.width - th.box) / 2, y + pad + t + 2, th.box);
      } else {
        const t = pen.measure(text, g.itemWidth - 10, th.body);
        h = Math.max(t + pen.lineHeight(th.code), th.box) + 2 * pad;
        if (pen.drawing && r % 2 === 1) pen.rect(x, y, width, h, { fill: COLOR.zebra });
        pen.text(text, x + 4, y + pad, g.itemWidth - 10, th.body);
        pen.label(code, x + 4, y + pad + t, th.code);
        for (const col of g.cols)
          tickBox(pen, x + col.left + (col.width - th.box) / 2, y + (h - th.box) / 2, th.box);
      }
      pen.line(x, y + h, x + width, y + h, { stroke: COLOR.rule, lineWidth: 0.4 });
      return h;
    };
  });
  return { header, rows };
}
