// The PDF report's cover (title, period, the survey's description, responses by source, session
// and wave, the privacy note, the legend of marks) and the footer stamped on every later page.
import type { Report } from "../../analysis/report.js";
import { translator } from "../../i18n/index.js";
import { type Block, type PageInfo, Pen } from "../pdf/index.js";
import { reportFormats } from "./format.js";
import { bullet, para, text } from "./pdf-parts.js";
import { tableBlock } from "./pdf-table.js";
import { PDF_THEME as T } from "./pdf-theme.js";
import type { ReportView } from "./view.js";

function heading(title: string): Block {
  return (pen, x, y, width) => pen.text(title, x, y, width, text(T.h2, { bold: true, color: T.accent })) + 5;
}

/** A list on a tinted panel with an accent rule on the left: the privacy note. */
function panel(items: string[]): Block {
  const pad = 9;
  const body = (pen: Pen, x: number, y: number, width: number) => {
    let h = 0;
    for (const item of items)
      h += bullet(item, text(T.meta + 0.5, { gap: 1.5 }), T.accent, 3)(pen, x, y + h, width);
    return h;
  };
  return (pen, x, y, width) => {
    const h = body(new Pen(pen.doc, false), x + pad, y + pad, width - 2 * pad) + 2 * pad - 3;
    pen.rect(x, y, width, h, { fill: T.panel });
    pen.rect(x, y, 3, h, { fill: T.accent });
    body(pen, x + pad + 3, y + pad, width - 2 * pad - 3);
    return h + 14;
  };
}

/**
 * The cover as parts placed one under another: a long overview (many sessions) lets the privacy
 * note run on to the next page rather than off the foot of this one.
 */
export function coverParts(view: ReportView, report: Report): Block[] {
  const fmt = reportFormats(view.lang, report.survey.languages[0] ?? view.lang);
  const description = report.survey.description ? fmt.text(report.survey.description) : "";
  const title: Block = (pen, x, y, width) => {
    // A band of the accent colour across the top edge of the page, outside the margins.
    pen.rect(0, 0, pen.doc.page.width, 14, { fill: T.accent });
    let h = 20;
    h += para(view.title, text(T.coverTitle, { bold: true, gap: 2 }), 8)(pen, x, y + h, width);
    h += para(view.subtitle, text(T.h2, { color: T.muted }), 12)(pen, x, y + h, width);
    h += para(description, text(T.body, { color: T.muted, gap: 2 }), 6)(pen, x, y + h, width);
    h += para(view.words.generated, text(T.meta, { color: T.muted }), 4)(pen, x, y + h, width);
    return h + 10;
  };
  const tableWidth = (width: number) => Math.min(width, 330);
  const overview: Block = (pen, x, y, width) => {
    const h = heading(view.words.overview)(pen, x, y, width);
    return h + tableBlock(pen, view.overview, tableWidth(width))(pen, x, y + h, tableWidth(width)) + 12;
  };
  const privacy: Block = (pen, x, y, width) => {
    const h = heading(view.words.privacy)(pen, x, y, width);
    return h + panel(view.privacy)(pen, x, y + h, width);
  };
  const legend: Block = (pen, x, y, width) => {
    let h = heading(view.words.legend)(pen, x, y, width);
    for (const line of view.legend)
      h += para(line, text(T.meta, { color: T.muted }), 2)(pen, x, y + h, width);
    return h + 10;
  };
  return [title, overview, privacy, legend];
}

/** Page numbers and the report's title at the foot of every page but the cover. */
export function footerStamp(view: ReportView): (pen: Pen, page: PageInfo) => void {
  const t = translator(view.lang);
  const style = text(T.small, { color: T.muted });
  return (pen, page) => {
    if (page.index === 0) return;
    const left = page.margins.left;
    const right = page.width - page.margins.right;
    const y = page.height - page.margins.bottom + 18;
    pen.line(left, y - 6, right, y - 6, { stroke: T.rule, lineWidth: 0.5 });
    const number = t("report.pdf.page", { page: page.index + 1, count: page.count });
    const numberWidth = pen.labelRight(number, right, y, style);
    // The title shortened with an ellipsis to leave room for the page number.
    let title = view.title;
    while (title.length > 8 && pen.widthOf(title, style) > right - left - numberWidth - 20)
      title = `${title.slice(0, -2).trimEnd()}…`;
    pen.label(title, left, y, style);
  };
}
