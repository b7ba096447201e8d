// Blocks of the paper form that lay answers side by side: rows of boxes for scales (with
// smiley faces or numbers above), one per line when they do not fit, and skip notes under them.
import type { Choice, Question } from "../definition/model.js";
import type { Block } from "./pdf/flow.js";
import type { Pen, TextStyle } from "./pdf/pen.js";
import { smiley, smileyMoods, tickBox } from "./pdf/shapes.js";
import {
  answerRow,
  choiceLabel,
  codeWidth,
  type FormContext,
  fitsTwoColumns,
  type RowSpec,
  routeNote,
  rowColumns,
} from "./questionnaire-pdf-parts.js";
import { answerList } from "./questionnaire-pdf-route-words.js";
import type { Target } from "./questionnaire-pdf-routing.js";

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
    const specs: RowSpec[] = choices.map((c, i) => {
      const vi = valid.indexOf(c);
      return {
        marker: "tick",
        // A numeric scale names its ends beside the first and last number.
        label:
          opts.ends && vi === 0
            ? opts.ends.min
            : opts.ends && vi === valid.length - 1
              ? opts.ends.max
              : choiceLabel(c, ctx),
        code: codes[i] ?? "",
        codeWidth: cw,
        face: opts.faces && vi >= 0 ? moods[vi] : undefined,
        faceSlot: opts.faces,
        goTo: opts.routed ? ctx.routing.goTo.get(opts.routed.id)?.get(c.value) : undefined,
      };
    });
    // Short answers of a plain form go in two columns: the scale keeps its order, read down the
    // left column first, and a statement takes half the height.
    if (ctx.plain && fitsTwoColumns(specs, pen, ctx, width)) return rowColumns(specs, ctx)(pen, x, y, width);
    let h = 0;
    for (const spec of specs) h += answerRow(spec, ctx)(pen, x, y + h, width);
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
