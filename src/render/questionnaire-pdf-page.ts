// The page furniture of the paper form: the opening (title, intro, how to tick), section
// headings, info texts, the closing text and the footer with the form number. Draws only.
import type { Question, Section } from "../definition/model.js";
import { panel, space, stack, textBlock } from "./pdf/blocks.js";
import type { Block, PageInfo } from "./pdf/flow.js";
import type { Pen, TextStyle } from "./pdf/pen.js";
import { arrowRight, tickBox } from "./pdf/shapes.js";
import type { FormContext } from "./questionnaire-pdf-parts.js";
import { COLOR } from "./questionnaire-pdf-theme.js";

/** Paragraphs of a survey text (blank lines in the YAML become breaks) with space between. */
export function paragraphs(text: string, style: TextStyle, gap: number): Block {
  const paras = text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
  return stack(...paras.map((p, i) => textBlock(p, style, { spaceAfter: i < paras.length - 1 ? gap : 0 })));
}

export function introBlock(ctx: FormContext): Block {
  const th = ctx.theme;
  const { survey, t } = ctx;
  const intro = survey.intro ? ctx.txt(survey.intro) : "";
  const howTo = t("print.howToTick");
  const note = { ...th.help, color: COLOR.code };
  return (pen, x, y, width) => {
    let h = pen.text(ctx.txt(survey.title), x, y, width, th.title) + 10;
    if (intro) h += paragraphs(intro, th.body, 8)(pen, x, y + h, width) + 12;
    const w = pen.widthOf(howTo, th.body);
    pen.text(howTo, x, y + h, width - th.box - 12, th.body);
    const line = pen.lineHeight(th.body);
    tickBox(pen, x + Math.min(w, width - th.box - 12) + 10, y + h + (line - th.box) / 2, th.box, {
      crossed: true,
    });
    h += pen.measure(howTo, width - th.box - 12, th.body) + 6;
    h += pen.text(t("print.codesNote"), x, y + h, width, note);
    return h + 6;
  };
}

export function sectionBlock(section: Section, ctx: FormContext): Block {
  const th = ctx.theme;
  const title = ctx.txt(section.title, section.plain);
  const intro = section.intro ? ctx.txt(section.intro) : "";
  return (pen, x, y, width) => {
    let h = pen.text(title, x, y, width, th.heading) + 2;
    pen.line(x, y + h, x + width, y + h, { stroke: COLOR.ink, lineWidth: 1.2 });
    h += 6;
    if (intro) h += paragraphs(intro, th.body, 6)(pen, x, y + h, width) + 4;
    return h + th.rowGap + 2;
  };
}

export function infoBlock(q: Question, ctx: FormContext): Block {
  const text = ctx.txt(q.text, q.plain);
  const help = q.help ? ctx.txt(q.help) : "";
  const inner = stack(paragraphs(text, ctx.theme.body, 6), help ? textBlock(help, ctx.theme.help) : space(0));
  const boxed = panel(inner, { fill: COLOR.panel, padding: 10 });
  return (pen, x, y, width) => boxed(pen, x, y, width) + ctx.theme.rowGap + 6;
}

/** The closing text, set apart in a panel. */
export function outroBlock(ctx: FormContext): Block | null {
  const outro = ctx.survey.outro ? ctx.txt(ctx.survey.outro) : "";
  if (!outro) return null;
  const boxed = panel(paragraphs(outro, ctx.theme.route, 6), { fill: COLOR.panel, padding: 10 });
  return (pen, x, y, width) => ctx.theme.questionGap + boxed(pen, x, y + ctx.theme.questionGap, width);
}

/** Form number box, page number, "turn the page" and the survey's id and version. */
export function footer(pen: Pen, page: PageInfo, ctx: FormContext): void {
  const th = ctx.theme;
  const { t, survey } = ctx;
  const left = page.margins.left;
  const right = page.width - page.margins.right;
  const y = page.height - page.margins.bottom + 12;
  const line = pen.lineHeight(th.footer);
  const boxH = line + 4;
  pen.line(left, y - 6, right, y - 6, { stroke: COLOR.rule, lineWidth: 0.5 });
  const label = t("print.formNo");
  const w = pen.label(label, left, y + 2, th.footer);
  tickBox(pen, left + w + 8, y, boxH, { width: 80 });
  pen.label("form_no", left + w + 8 + 80 + 6, y + (boxH - pen.lineHeight(th.code)) / 2, th.code);
  const pageText = t("print.page", { n: page.index + 1, total: page.count });
  const pw = pen.labelRight(pageText, right, y + 2, th.footer);
  pen.labelRight(`${survey.id} · ${survey.hash.slice(0, 12)}`, right, y + 2 + line, th.code);
  if (page.index < page.count - 1) {
    // Where the hand turns the page: just left of the page number, with an arrow.
    const style = { ...th.footer, font: th.route.font, color: COLOR.ink };
    const arrowEnd = right - pw - 20;
    arrowRight(pen, arrowEnd - 16, y + 2 + line / 2, 16, 6);
    pen.labelRight(t("print.turnPage"), arrowEnd - 22, y + 2, style);
  }
}
