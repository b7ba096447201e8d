// The printable questionnaire (`kuulo print`): an A4 PDF a person with weak reading skills can
// fill in, with data-entry codes for the staff. Returns bytes; never touches files or the clock.
import type { Choice, Question, Survey } from "../definition/model.js";
import { asks } from "../definition/types/traits.js";
import { textBlock } from "./pdf/blocks.js";
import { createPdf } from "./pdf/document.js";
import { type Block, type PageUse, pageUse, placeGroup, stampPages } from "./pdf/flow.js";
import { type Group, renderRowOf } from "./question-types.js";
import { footer, infoBlock, introBlock, outroBlock, sectionBlock } from "./questionnaire-pdf-page.js";
import { choiceRows, type FormContext, formContext } from "./questionnaire-pdf-parts.js";
import { planRouting } from "./questionnaire-pdf-routing.js";
import { formTheme } from "./questionnaire-pdf-theme.js";

export interface QuestionnairePdfOptions {
  lang: string;
  plain: boolean;
  /** Metadata date; fixed by default so the same survey gives the same bytes. */
  date?: Date;
}

export interface RenderedPdf {
  bytes: Buffer;
  pages: number;
  /** How full each page is, as laid out (the half-full rule is tested on these). */
  use: PageUse[];
}

/** A form's margins: the bottom one holds the footer (form number, page, "turn the page"). */
export const FORM_MARGINS = { top: 32, right: 50, bottom: 58, left: 50 };

export async function renderQuestionnairePdf(
  survey: Survey,
  opts: QuestionnairePdfOptions,
): Promise<RenderedPdf> {
  const theme = formTheme(opts.plain);
  const routing = planRouting(survey, opts);
  const ctx = formContext(survey, opts.lang, opts.plain, theme, routing);
  const pdf = createPdf({
    title: ctx.txt(survey.title),
    lang: opts.lang,
    subject: `${survey.id} ${survey.hash.slice(0, 12)}`,
    ...(opts.date ? { date: opts.date } : {}),
    margins: FORM_MARGINS,
  });
  const { doc } = pdf;
  placeGroup(doc, [introBlock(ctx)]);
  for (const g of formGroups(survey, ctx))
    placeGroup(doc, g.parts, {
      spaceBefore: g.spaceBefore ?? theme.questionGap,
      ...(g.repeat ? { repeat: g.repeat } : {}),
      ...(g.split ? { split: g.split } : {}),
    });
  stampPages(doc, (pen, page) => footer(pen, page, ctx));
  const pages = doc.bufferedPageRange().count;
  const use = pageUse(doc);
  return { bytes: await pdf.finish(), pages, use };
}

/**
 * The form's content as groups that must each share a page. Section headings and info texts go
 * with the question after them; the closing text goes with the last question.
 */
function formGroups(survey: Survey, ctx: FormContext): Group[] {
  const groups: Group[] = [];
  let pending: Block[] = [];
  for (const section of survey.sections) {
    pending.push(sectionBlock(section, ctx));
    // More air above a section heading than between questions: a new part of the form begins.
    let spaceBefore: number | undefined = ctx.theme.questionGap + 5;
    for (const q of section.questions) {
      if (!asks(q)) {
        pending.push(infoBlock(q, ctx));
        continue;
      }
      for (const g of questionGroups(q, ctx)) {
        // A heading stays with the first rows of its question, however they are split.
        const split = g.split && { ...g.split, keepFirst: g.split.keepFirst + pending.length };
        groups.push({
          ...g,
          parts: [...pending, ...g.parts],
          ...(split ? { split } : {}),
          ...(spaceBefore !== undefined ? { spaceBefore } : {}),
        });
        pending = [];
        spaceBefore = undefined;
      }
    }
  }
  const outro = outroBlock(ctx);
  if (outro) pending.push(outro);
  const last = groups.at(-1);
  if (last) {
    last.parts.push(...pending);
    if (last.split) last.split = { ...last.split, keepLast: last.split.keepLast + pending.length };
  } else if (pending.length) groups.push({ parts: pending });
  return groups;
}

/** Answers of a long list kept together at each side of a page break. */
const LIST_KEEP = 3;

function questionGroups(q: Question, ctx: FormContext): Group[] {
  const t = ctx.t;
  const n = ctx.routing.numbers.get(q.id) ?? 0;
  const number = `${n}.`;
  const continued = textBlock(t("print.continued", { n }), ctx.theme.help, { spaceAfter: ctx.theme.rowGap });
  /**
   * A list of answers under its question. A long one may go on to the next page under "Question
   * N continues" rather than leave most of a page empty, with at least three answers on each page.
   */
  const listGroup = (head: Block, q: Extract<Question, { choices: Choice[] }>, end?: Block): Group => {
    const rows = [...choiceRows(q, ctx), ...(end ? [end] : [])];
    return {
      parts: [head, ...rows],
      repeat: continued,
      ...(q.choices.length >= 2 * LIST_KEEP
        ? { split: { keepFirst: 1 + LIST_KEEP, keepLast: LIST_KEEP } }
        : {}),
    };
  };
  return renderRowOf(q).paper(q, { ctx, n, number, continued, listGroup });
}
