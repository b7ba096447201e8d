// Blocks of the paper form that list answers one per line: the question head, tick-box rows,
// write-in lines, number boxes, ranking and dot-voting boxes. Each block measures and draws alike.
import { type Choice, hasOther, type Question, type Survey, type Text } from "../definition/model.js";
import { choiceColumnsOf } from "../definition/types/traits.js";
import { pickText, translator } from "../i18n/index.js";
import type { Block } from "./pdf/flow.js";
import type { Pen } from "./pdf/pen.js";
import { arrowRight, smiley, tickBox, writeLine } from "./pdf/shapes.js";
import { choiceColumn, otherColumn } from "./questionnaire-pdf-codes.js";
import type { Routing, Target } from "./questionnaire-pdf-routing.js";
import { COLOR, type FormTheme } from "./questionnaire-pdf-theme.js";

export interface FormContext {
  survey: Survey;
  lang: string;
  plain: boolean;
  theme: FormTheme;
  routing: Routing;
  t: ReturnType<typeof translator>;
  /** A survey text in the form's language; with `plain`, its plain wording where there is one. */
  txt: (text: Text | undefined, plain?: Text) => string;
}

export function formContext(
  survey: Survey,
  lang: string,
  plain: boolean,
  theme: FormTheme,
  routing: Routing,
): FormContext {
  const def = survey.languages[0] ?? lang;
  return {
    survey,
    lang,
    plain,
    theme,
    routing,
    t: translator(lang),
    txt: (text, plainText) => pickText(text, lang, def, plain ? plainText : undefined),
  };
}

export function choiceLabel(c: Choice, ctx: FormContext): string {
  return ctx.txt(c.label, c.plain);
}

export function goToText(target: Target, ctx: FormContext): string {
  return target.kind === "end" ? ctx.t("print.goToEnd") : ctx.t("print.goTo", { n: target.number });
}

/** A shaded note with an arrow: skip instructions. */
export function routeNote(text: string, ctx: FormContext): Block {
  const th = ctx.theme;
  return (pen, x, y, width) => {
    const pad = 6;
    const arrowW = th.box + 8;
    const h = pen.measure(text, width - arrowW - 2 * pad, th.route) + 2 * pad;
    if (pen.drawing) {
      pen.rect(x, y, width, h, { fill: COLOR.panel });
      const mid = y + pad + pen.lineHeight(th.route) / 2;
      arrowRight(pen, x + pad, mid, th.box, th.box * 0.55);
    }
    pen.text(text, x + pad + arrowW, y + pad, width - arrowW - 2 * pad, th.route);
    return h;
  };
}

/** The question's number and text, its help and how to answer, and "Answer only if …". */
export function headBlock(
  q: Question,
  ctx: FormContext,
  opts: { number: string; instruction?: string; code?: string },
): Block {
  const th = ctx.theme;
  const text = ctx.txt(q.text, q.plain);
  const help = q.help ? ctx.txt(q.help) : "";
  const onlyIf = ctx.routing.onlyIf.get(q.id);
  return (pen, x, y, width) => {
    let h = 0;
    if (onlyIf) h += routeNote(onlyIf, ctx)(pen, x, y, width) + th.rowGap + 2;
    const codeW = opts.code ? pen.widthOf(opts.code, th.code) + 10 : 0;
    pen.label(opts.number, x, y + h, th.question);
    const qh = pen.text(text, x + th.indent, y + h, width - th.indent - codeW, th.question);
    if (opts.code) pen.labelRight(opts.code, x + width, y + h + codeOffset(pen, th, th.question), th.code);
    h += qh;
    const w = width - th.indent;
    if (help) h += 2 + pen.text(help, x + th.indent, y + h, w, th.help);
    if (opts.instruction) h += 2 + pen.text(opts.instruction, x + th.indent, y + h, w, th.help);
    return h + th.rowGap + 2;
  };
}

/** Vertical offset that centres a code on the first line of text in `style`. */
export function codeOffset(pen: Pen, th: FormTheme, style: FormTheme["body"]): number {
  return (pen.lineHeight(style) - pen.lineHeight(th.code)) / 2 + 0.5;
}

type Marker = "tick" | "digit" | "points";

export interface RowSpec {
  marker: Marker;
  label: string;
  /** Grey code at the right edge. */
  code: string;
  /** Width reserved for codes in this question, so that labels line up. */
  codeWidth: number;
  goTo?: Target | undefined;
  /** A line to write on under the label (for "other"), with its own code. */
  writeIn?: string | undefined;
  /** A smiley after the box, from -1 (sad) to 1 (happy). */
  face?: number | undefined;
  /** Keep the smiley's space even without a face, so that labels line up ("don't know"). */
  faceSlot?: boolean;
}

function markerSize(marker: Marker, th: FormTheme): { w: number; h: number } {
  if (marker === "tick") return { w: th.box, h: th.box };
  const h = Math.round(th.box * 1.4);
  return { w: marker === "digit" ? h : Math.round(th.box * 2.4), h };
}

/** One answer: a box, its label, the code, then maybe a write-in line and a skip arrow. */
export function answerRow(spec: RowSpec, ctx: FormContext): Block {
  const th = ctx.theme;
  return (pen, x, y, width) => {
    const line = pen.lineHeight(th.body);
    const m = markerSize(spec.marker, th);
    const bx = x + th.indent;
    const faceW = spec.face === undefined && !spec.faceSlot ? 0 : 2 * th.face + 10;
    const lx = bx + m.w + (th.plain ? 12 : 10) + faceW;
    const lw = x + width - spec.codeWidth - lx;
    const top = Math.max(0, (m.h - line) / 2);
    tickBox(pen, bx, y + Math.max(0, (line - m.h) / 2), m.h, { width: m.w });
    if (spec.face !== undefined)
      smiley(pen, lx - faceW + th.face, y + top + line / 2, th.face * 0.8, spec.face);
    const lh = pen.text(spec.label, lx, y + top, lw, th.body);
    pen.labelRight(spec.code, x + width, y + top + codeOffset(pen, th, th.body), th.code);
    let h = Math.max(m.h, top + lh);
    if (spec.writeIn !== undefined) {
      h += th.writeLine;
      writeLine(pen, lx, x + width - spec.codeWidth, y + h);
      if (spec.writeIn) pen.labelRight(spec.writeIn, x + width, y + h - pen.lineHeight(th.code), th.code);
      h += 4;
    }
    if (spec.goTo) {
      h += 2;
      arrowRight(pen, lx, y + h + line / 2, th.box, th.box * 0.5);
      h += pen.text(goToText(spec.goTo, ctx), lx + th.box + 6, y + h, lw - th.box - 6, th.route);
    }
    // Boxes to write a number in need clear air between them, or they read as one long box.
    return h + (spec.marker === "tick" ? th.rowGap : Math.max(th.rowGap, 5));
  };
}

/** Width to reserve at the right for the widest of these codes. */
export function codeWidth(pen: Pen, codes: string[], th: FormTheme): number {
  return Math.max(0, ...codes.map((c) => pen.widthOf(c, th.code))) + 12;
}

/** Rows of a single-, multi-, ranking- or allocate-question, one per choice. */
export function choiceRows(q: Extract<Question, { choices: Choice[] }>, ctx: FormContext): Block[] {
  // Per-choice columns are ticks, ranks or points; otherwise one code per answer (and "other"
  // has a text column of its own, where with ticks the tick column holds the text too).
  const perChoice = choiceColumnsOf(q);
  const marker: Marker = perChoice === "rank" ? "digit" : perChoice === "points" ? "points" : "tick";
  const routes = ctx.routing.goTo.get(q.id);
  const exclusive = new Set("exclusive" in q ? q.exclusive : []);
  const other = hasOther(q);
  const codes = q.choices.map((c) => (perChoice ? choiceColumn(q, c.value) : c.value));
  if (other && !perChoice) codes.push(otherColumn(q));
  const specs = (pen: Pen): RowSpec[] =>
    q.choices.map((c, i) => {
      const extra = exclusive.has(c.value) ? ` ${ctx.t("print.onlyThis")}` : "";
      const isOther = other && c.value === "other";
      // With ticks, `q.other` is both the tick column and the text column: one code is enough.
      const writeIn = isOther ? (perChoice ? "" : otherColumn(q)) : undefined;
      return {
        marker,
        label: choiceLabel(c, ctx) + extra,
        code: codes[i] ?? c.value,
        codeWidth: codeWidth(pen, codes, ctx.theme),
        goTo: routes?.get(c.value),
        writeIn,
      };
    });
  // Short answers without skip arrows or write-in lines go in two columns (see rowColumns).
  const columns: Block = (pen, x, y, width) => rowColumns(specs(pen), ctx)(pen, x, y, width);
  const twoColumns = (pen: Pen, width: number) => fitsTwoColumns(specs(pen), pen, ctx, width);
  return q.choices.map(
    (_, i): Block =>
      (pen, x, y, width) => {
        if (twoColumns(pen, width)) return i === 0 ? columns(pen, x, y, width) : 0;
        const spec = specs(pen)[i];
        return spec ? answerRow(spec, ctx)(pen, x, y, width) : 0;
      },
  );
}

/** Gap between two columns of answers. */
const COLUMN_GAP = 16;

/** Width of each of two columns of answers (the left one includes the number gutter). */
function columnWidth(ctx: FormContext, width: number): number {
  return ctx.theme.indent + (width - ctx.theme.indent - COLUMN_GAP) / 2;
}

/**
 * Whether answers may stand in two columns: four or more, each label (and its code) on one line
 * in half the width, none with a skip arrow or a line to write on.
 */
export function fitsTwoColumns(specs: RowSpec[], pen: Pen, ctx: FormContext, width: number): boolean {
  const th = ctx.theme;
  if (specs.length < 4 || specs.some((s) => s.goTo || s.writeIn !== undefined)) return false;
  const m = markerSize(specs[0]?.marker ?? "tick", th);
  return specs.every((s) => {
    const faceW = s.face === undefined && !s.faceSlot ? 0 : 2 * th.face + 10;
    const room = columnWidth(ctx, width) - th.indent - m.w - (th.plain ? 12 : 10) - faceW - s.codeWidth;
    return pen.widthOf(s.label, th.body) <= room;
  });
}

/** Answers in two columns, read down the left one first: the order is kept, the height halved. */
export function rowColumns(specs: RowSpec[], ctx: FormContext): Block {
  const th = ctx.theme;
  return (pen, x, y, width) => {
    const half = Math.ceil(specs.length / 2);
    const colW = columnWidth(ctx, width);
    // Left column first, then the right one: the drawing (and a screen reader) keeps the order.
    const tops: number[] = [];
    let h = 0;
    for (const col of [0, 1] as const) {
      let at = 0;
      for (let r = 0; r < half; r++) {
        const spec = specs[col * half + r];
        if (!spec) break;
        if (col === 0) tops.push(at);
        const cx = col === 0 ? x : x + colW + COLUMN_GAP - th.indent;
        at = (tops[r] ?? at) + answerRow(spec, ctx)(pen, cx, y + (tops[r] ?? at), colW);
      }
      h = Math.max(h, at);
    }
    return h;
  };
}

/** The "total" row under dot-voting boxes. */
export function totalRow(points: number, ctx: FormContext): Block {
  const th = ctx.theme;
  return (pen, x, y, width) => {
    const h = Math.round(th.box * 1.5);
    const w = Math.round(th.box * 2.4);
    const bx = x + th.indent;
    // A double border sets the total apart from the boxes that add up to it.
    pen.rect(bx - 2.5, y + 2.5, w + 5, h + 5, { stroke: COLOR.ink, lineWidth: 0.8 });
    tickBox(pen, bx, y + 5, h, { width: w });
    const lx = bx + w + (th.plain ? 12 : 10);
    const lh = pen.text(
      ctx.t("print.total", { points }),
      lx,
      y + 5 + (h - pen.lineHeight(th.route)) / 2,
      width - lx + x,
      th.route,
    );
    return Math.max(h, lh) + 5 + th.rowGap;
  };
}

/** Box for a number, with the unit after it. */
export function numberRow(unit: string, ctx: FormContext): Block {
  const th = ctx.theme;
  return (pen, x, y) => {
    const h = Math.round(th.box * 1.8);
    const w = th.plain ? 110 : 90;
    const bx = x + th.indent;
    tickBox(pen, bx, y, h, { width: w });
    if (unit) pen.label(unit, bx + w + 8, y + (h - pen.lineHeight(th.body)) / 2, th.body);
    return h + th.rowGap;
  };
}

/** Lines to write a text answer on; more lines for longer answers. */
export function writeInLines(maxLength: number, ctx: FormContext): Block {
  const th = ctx.theme;
  const n = maxLength <= 60 ? 1 : maxLength <= 200 ? 2 : maxLength <= 600 ? 3 : 4;
  return (pen, x, y, width) => {
    for (let i = 1; i <= n; i++) writeLine(pen, x + th.indent, x + width, y + i * th.writeLine);
    return n * th.writeLine + th.rowGap + 4;
  };
}
