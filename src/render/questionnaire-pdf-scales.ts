// Blocks of the paper form that lay answers side by side: rows of boxes for scales (with
// smiley faces or numbers above), the matrix grid, and a matrix asked as single questions.
import type { Choice, MatrixQuestion, Question } from "../definition/model.js";
import type { Block } from "./pdf/flow.js";
import type { Pen, TextStyle } from "./pdf/pen.js";
import { smiley, smileyMoods, tickBox } from "./pdf/shapes.js";
import { itemColumn } from "./questionnaire-pdf-codes.js";
import {
  answerRow,
  choiceLabel,
  codeOffset,
  codeWidth,
  type FormContext,
  routeNote,
} from "./questionnaire-pdf-parts.js";
import { answerList, itemLetter, type Target } from "./questionnaire-pdf-routing.js";
import { COLOR } from "./questionnaire-pdf-theme.js";

/** Measured with a trailing space, as PDFKit's line wrapper measures a word that has one. */
function widestWord(pen: Pen, texts: string[], style: TextStyle): number {
  const words = texts.flatMap((t) => t.split(/\s+/)).filter(Boolean);
  return Math.max(0, ...words.map((w) => pen.widthOf(`${w} `, style)));
}

/** The same answers one per line, each with its face when the scale has faces. */
function verticalScale(choices: Choice[], ctx: FormContext, opts: ScaleRowOptions): Block {
  const valid = choices.filter((c) => !c.missing);
  const moods = smileyMoods(valid.length);
  return (pen, x, y, width) => {
    const codes = choices.map((c) => opts.code(c) ?? "");
    const cw = codeWidth(pen, codes, ctx.theme);
    const th = ctx.theme;
    const labelOf = (c: Choice, vi: number) =>
      opts.ends && vi === 0
        ? opts.ends.min
        : opts.ends && vi === valid.length - 1
          ? opts.ends.max
          : choiceLabel(c, ctx);
    // Short answers of a plain form go in two columns, read down the left one first: the
    // scale keeps its order, and a statement takes half the height.
    const routed = opts.routed ? ctx.routing.goTo.get(opts.routed.id) : undefined;
    const gutter = 16;
    const leftW = th.indent + (width - th.indent - gutter) / 2;
    const faceW = opts.faces ? 2 * th.face + 10 : 0;
    const room = leftW - th.indent - th.box - 12 - faceW - cw;
    const twoColumns =
      ctx.plain &&
      choices.length >= 4 &&
      !routed &&
      choices.every(
        (c, i) => pen.widthOf(labelOf(c, valid.indexOf(c)), th.body) <= room && codes[i] !== undefined,
      );
    if (twoColumns) {
      const half = Math.ceil(choices.length / 2);
      // Left column first, then the right one: the drawing (and a screen reader) keeps the order.
      const tops: number[] = [];
      let h = 0;
      for (const col of [0, 1] as const) {
        let at = 0;
        for (let r = 0; r < half; r++) {
          const i = col * half + r;
          const c = choices[i];
          if (!c) break;
          const vi = valid.indexOf(c);
          const face = opts.faces ? (vi >= 0 ? moods[vi] : undefined) : undefined;
          const row = answerRow(
            {
              marker: "tick",
              label: labelOf(c, vi),
              code: codes[i] ?? "",
              codeWidth: cw,
              face,
              faceSlot: opts.faces,
            },
            ctx,
          );
          const cx = col === 0 ? x : x + leftW + gutter - th.indent;
          if (col === 0) tops.push(at);
          const rh = row(pen, cx, y + (tops[r] ?? at), leftW);
          at = (tops[r] ?? at) + rh;
        }
        h = Math.max(h, at);
      }
      return h;
    }
    let h = 0;
    choices.forEach((c, i) => {
      const vi = valid.indexOf(c);
      const face = opts.faces ? (vi >= 0 ? moods[vi] : undefined) : undefined;
      // A numeric scale names its ends beside the first and last number.
      const label =
        opts.ends && vi === 0
          ? opts.ends.min
          : opts.ends && vi === valid.length - 1
            ? opts.ends.max
            : choiceLabel(c, ctx);
      const row = answerRow(
        {
          marker: "tick",
          label,
          code: codes[i] ?? "",
          codeWidth: cw,
          face,
          faceSlot: opts.faces,
          goTo: opts.routed ? ctx.routing.goTo.get(opts.routed.id)?.get(c.value) : undefined,
        },
        ctx,
      );
      h += row(pen, x, y + h, width);
    });
    return h;
  };
}

export interface ScaleRowOptions {
  faces: boolean;
  /** Print each choice's label under its box (numeric scales print the number above instead). */
  numbersAbove: boolean;
  /** The grey code under each box, or null for none. */
  code: (c: Choice) => string | null;
  /** Words for the two ends of a numeric scale, printed under the first and last box. */
  ends?: { min: string; max: string };
  /** One answer per line even when a row would fit (the plain-language form). */
  vertical?: boolean;
  /** The question whose skip logic to print: arrows one per line, sentences under a row. */
  routed?: Question;
}

/** One row of boxes, one per answer, "don't know" set a little apart. */
export function scaleRow(choices: Choice[], ctx: FormContext, opts: ScaleRowOptions): Block {
  const th = ctx.theme;
  const valid = choices.filter((c) => !c.missing);
  const apart = choices.filter((c) => c.missing);
  const moods = smileyMoods(valid.length);
  return (pen, x, y, width) => {
    const avail = width - th.indent;
    // "Don't know" gets a wider column set a little apart: its label is long and not on the scale.
    const wide = 1.6;
    const col = Math.min(
      th.plain ? 104 : 92,
      avail / (valid.length + apart.length * wide + (apart.length ? 0.4 : 0)),
    );
    const widthOf = (c: Choice) => (c.missing ? col * wide : col);
    const labels = choices.map((c) => (opts.numbersAbove && !c.missing ? "" : choiceLabel(c, ctx)));
    const labelStyle: TextStyle = { ...th.body, align: "center" };
    // Labels never shrink below body size: when a word does not fit a column, list the answers
    // one per line instead.
    if (
      opts.vertical ||
      choices.some((c, i) => widestWord(pen, [labels[i] ?? ""], labelStyle) > widthOf(c) - 6)
    )
      return verticalScale(choices, ctx, opts)(pen, x, y, width);
    let h = 0;
    let belowBoxes = 0;
    let left = x + th.indent;
    choices.forEach((c, i) => {
      if (c.missing && i > 0 && !choices[i - 1]?.missing) left += col * 0.4;
      const cw = widthOf(c);
      const cx = left + cw / 2;
      left += cw;
      let cy = y;
      const vi = valid.indexOf(c);
      if (opts.faces && vi >= 0) {
        smiley(pen, cx, cy + th.face, th.face, moods[vi] ?? 0);
        cy += 2 * th.face + 5;
      } else if (opts.faces) cy += 2 * th.face + 5;
      if (opts.numbersAbove) {
        if (!c.missing)
          pen.text(choiceLabel(c, ctx), cx - cw / 2, cy, cw, { ...th.question, align: "center" });
        cy += pen.lineHeight(th.question);
      }
      tickBox(pen, cx - th.box / 2, cy, th.box);
      cy += th.box + 4;
      if (!c.missing) belowBoxes = Math.max(belowBoxes, cy - y);
      cy += pen.text(labels[i] ?? "", cx - cw / 2 + 3, cy, cw - 6, labelStyle);
      const code = opts.code(c);
      if (code) {
        const w = pen.widthOf(code, th.code);
        pen.label(code, cx - w / 2, cy + 1, th.code);
        cy += pen.lineHeight(th.code) + 1;
      }
      h = Math.max(h, cy - y);
    });
    if (opts.ends && valid.length > 1) {
      const first = x + th.indent;
      const last = first + col * valid.length;
      const half = (last - first) / 2 - 6;
      // Under the numbered boxes, beside the taller "don't know" column if there is one.
      const top = y + belowBoxes + 2;
      const a = pen.text(opts.ends.min, first, top, half, th.help);
      const b = pen.text(opts.ends.max, last - half, top, half, { ...th.help, align: "right" });
      h = Math.max(h, top - y + Math.max(a, b));
    }
    h += th.rowGap + 2;
    if (opts.routed) for (const note of goToNotes(opts.routed, ctx)) h += note(pen, x, y + h, width);
    return h;
  };
}

/** "If you answered ”A” or ”B”, go to question 9." under a row of boxes, one per target. */
export function goToNotes(q: Question, ctx: FormContext): Block[] {
  const routes = ctx.routing.goTo.get(q.id);
  if (!routes || routes.size === 0) return [];
  const byTarget = new Map<string, { target: Target; codes: string[] }>();
  for (const [code, target] of routes) {
    const key = target.kind === "end" ? "end" : String(target.number);
    const entry = byTarget.get(key) ?? { target, codes: [] };
    entry.codes.push(code);
    byTarget.set(key, entry);
  }
  return [...byTarget.values()].map(({ target, codes }) => {
    const answers = answerList(q, codes, ctx.survey, { lang: ctx.lang, plain: ctx.plain });
    const text =
      target.kind === "end"
        ? ctx.t("print.ifAnsweredGoToEnd", { answers })
        : ctx.t("print.ifAnsweredGoTo", { answers, n: target.number });
    const note = routeNote(text, ctx);
    return (pen, x, y, width) =>
      note(pen, x + ctx.theme.indent, y, width - ctx.theme.indent) + ctx.theme.rowGap;
  });
}

interface GridLayout {
  itemWidth: number;
  /** Left edge (relative to the grid) and width of each answer column. */
  cols: { left: number; width: number }[];
  label: TextStyle;
}

/**
 * Column widths for the grid: the scale's columns as wide as its longest word needs (so no
 * word is broken), spare room shared out, the statements keeping at least 28 % of the width.
 * The header type shrinks (down to 8 pt) only when the words cannot fit otherwise.
 */
function gridLayout(pen: Pen, q: MatrixQuestion, ctx: FormContext, width: number): GridLayout {
  const th = ctx.theme;
  const n = q.choices.length;
  const labels = q.choices.map((c) => choiceLabel(c, ctx));
  const minItem = width * 0.28;
  let size = th.small.size;
  let needs: number[] = [];
  for (; size >= 8; size -= 0.5) {
    const style = { ...th.small, size };
    const own = labels.map((l) => Math.max(th.box + 16, widestWord(pen, [l], style) + 8));
    // The points of the scale stay evenly spaced; "don't know" columns take what they need.
    const scale = Math.max(...own.filter((_, i) => !q.choices[i]?.missing));
    needs = own.map((w, i) => (q.choices[i]?.missing ? w : scale));
    if (width - needs.reduce((a, b) => a + b, 0) >= minItem) break;
  }
  size = Math.max(size, 8);
  const used = needs.reduce((a, b) => a + b, 0);
  const spare = Math.max(0, width * 0.6 - used) / n;
  let left = width - used - spare * n;
  const itemWidth = Math.max(left, 0);
  const cols = needs.map((w) => {
    const col = { left, width: w + spare };
    left += w + spare;
    return col;
  });
  return { itemWidth, cols, label: { ...th.small, size } };
}

/** A matrix as a grid: statements down the side, the scale across, one box per cell. */
export function matrixGrid(q: MatrixQuestion, ctx: FormContext): { header: Block; rows: Block[] } {
  const th = ctx.theme;
  const moods = smileyMoods(q.choices.filter((c) => !c.missing).length);
  const header: Block = (pen, x, y, width) => {
    const g = gridLayout(pen, q, ctx, width);
    const labels = q.choices.map((c) => choiceLabel(c, ctx));
    // Labels sit on a common bottom line just above their codes, so each column reads down to its boxes.
    const tallest = Math.max(...labels.map((l, i) => pen.measure(l, (g.cols[i]?.width ?? 0) - 4, g.label)));
    const faces = q.smileys ? 2 * th.face + 4 : 0;
    const codeY = y + faces + tallest + 1;
    let vi = 0;
    q.choices.forEach((c, i) => {
      const col = g.cols[i] ?? { left: 0, width: 0 };
      const left = x + col.left;
      if (q.smileys && !c.missing) smiley(pen, left + col.width / 2, y + th.face, th.face, moods[vi++] ?? 0);
      const lh = pen.measure(labels[i] ?? "", col.width - 4, g.label);
      pen.text(labels[i] ?? "", left + 2, codeY - 1 - lh, col.width - 4, g.label);
      const w = pen.widthOf(c.value, th.code);
      pen.label(c.value, left + (col.width - w) / 2, codeY, th.code);
    });
    const h = codeY - y + pen.lineHeight(th.code) + 3;
    pen.line(x, y + h, x + width, y + h, { stroke: COLOR.rule, lineWidth: 0.8 });
    return h + 1;
  };
  const rows = q.items.map((item, r): Block => {
    const text = ctx.txt(item.text, item.plain);
    const code = itemColumn(q, item.id);
    return (pen, x, y, width) => {
      const g = gridLayout(pen, q, ctx, width);
      const pad = th.plain ? 7 : 5;
      const th1 = pen.measure(text, g.itemWidth - 10, th.body);
      const h = Math.max(th1 + pen.lineHeight(th.code), th.box) + 2 * pad;
      if (pen.drawing && r % 2 === 1) pen.rect(x, y, width, h, { fill: COLOR.zebra });
      pen.text(text, x + 4, y + pad, g.itemWidth - 10, th.body);
      pen.label(code, x + 4, y + pad + th1, th.code);
      for (const col of g.cols)
        tickBox(pen, x + col.left + (col.width - th.box) / 2, y + (h - th.box) / 2, th.box);
      pen.line(x, y + h, x + width, y + h, { stroke: COLOR.rule, lineWidth: 0.4 });
      return h;
    };
  });
  return { header, rows };
}

/** A matrix as a series of single questions (7a, 7b, …), each with its own row of boxes. */
export function matrixSeries(q: MatrixQuestion, number: number, ctx: FormContext): Block[] {
  const th = ctx.theme;
  return q.items.map((item, i): Block => {
    const text = ctx.txt(item.text, item.plain);
    const code = itemColumn(q, item.id);
    // One answer per line: the plain-language form asks a matrix this way.
    const row = scaleRow(q.choices, ctx, {
      faces: q.smileys,
      numbersAbove: false,
      code: (c) => c.value,
      vertical: true,
    });
    return (pen, x, y, width) => {
      const codeW = pen.widthOf(code, th.code) + 10;
      pen.label(`${number}${itemLetter(i)}`, x, y, th.question);
      let h = pen.text(text, x + th.indent, y, width - th.indent - codeW, th.question);
      pen.labelRight(code, x + width, y + codeOffset(pen, th, th.question), th.code);
      h += th.rowGap;
      h += row(pen, x, y + h, width);
      return h + th.rowGap;
    };
  });
}
