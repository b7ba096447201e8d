// The report as an A4 PDF (pdfkit, bundled fonts embedded): a cover with the key numbers and the
// privacy note, a contents page, the key findings, every question's chart with its table, the
// free-text appendix, page numbers. The same view and charts as the HTML report; pure: no files,
// no clock (fixed metadata dates), so the same Report gives the same bytes.
import type { Report } from "../../analysis/report.js";
import {
  type Block,
  createPdf,
  measureBlock,
  Pen,
  pageArea,
  placeGroup,
  stack,
  stampPages,
} from "../pdf/index.js";
import { buildView } from "./build-view.js";
import { chartSpecs } from "./chart-specs.js";
import type { ReportRenderOptions } from "./options.js";
import { coverParts, footerStamp } from "./pdf-cover.js";
import {
  anchor,
  blockHeading,
  bullet,
  chartImage,
  sectionHeading,
  type TocEntry,
  text,
  tocLines,
} from "./pdf-parts.js";
import { tableBlock } from "./pdf-table.js";
import { PDF_THEME as T } from "./pdf-theme.js";
import type { ReportView, SectionView, Block as ViewBlock } from "./view.js";
import { withoutReverseMark } from "./view-common.js";

export interface ReportPdfOptions extends ReportRenderOptions {
  /**
   * Chart PNGs by chart id, drawn by the caller, or promised: the layout takes each chart when it
   * gets to it, so it runs while the later charts are still being drawn. Missing ones are drawn here.
   */
  charts?: ReadonlyMap<string, Buffer | Promise<Buffer>>;
}

type Pngs = ReadonlyMap<string, Buffer | Promise<Buffer>>;

type Doc = PDFKit.PDFDocument;

const dest = (kind: string, id: string) => `${kind}-${id.replace(/[^A-Za-z0-9_.-]/g, "-")}`;

function newPage(doc: Doc): void {
  doc.addPage();
  doc.x = pageArea(doc).left;
  doc.y = pageArea(doc).top;
}

/**
 * One question: heading, chart, tables and notes, kept on one page. When they cannot share a page
 * even so, the chart is drawn smaller first; only then are they split, after the chart (the
 * heading and the chart are one part, so a heading never stays alone at the foot of a page).
 * `lead` goes before the heading: the section's heading, or an anchor for the contents' links.
 */
function questionParts(doc: Doc, b: ViewBlock, png: Buffer | undefined, lead: Block): Block[] {
  const a = pageArea(doc);
  const pen = new Pen(doc, false);
  const rest: Block[] = b.tables.map((t) => tableBlock(pen, t, a.width));
  const notes = b.notes.map((n) => bullet(n, text(T.small, { color: T.muted }), T.rule, 2));
  // The notes explain the marks in the tables: the tables and their notes share a page when they
  // fit on one, else the notes go with the last table; never on to a page of their own.
  const fits = (block: Block) => measureBlock(doc, block, a.width) <= a.bottom - a.top;
  const whole = rest.length > 0 && notes.length > 0 ? stack(...rest, ...notes) : undefined;
  const last = rest.at(-1);
  const withLast = last && notes.length > 0 ? stack(last, ...notes) : undefined;
  if (whole && fits(whole)) rest.splice(0, rest.length, whole);
  else if (withLast && fits(withLast)) rest[rest.length - 1] = withLast;
  else rest.push(...notes);
  const head = stack(lead, blockHeading(b.title, b.meta));
  if (!png) return [head, ...rest];
  const fixed = [head, ...rest].reduce((sum, p) => sum + measureBlock(doc, p, a.width), 0);
  const page = a.bottom - a.top;
  // Never shrink a chart below 55 % of the page: then splitting reads better than squinting.
  const room = Math.max(page - fixed - 2, page * 0.55);
  const chart = chartImage(png, `Chart-${b.chartId ?? b.id}`, Math.min(room, page * 0.72));
  return [stack(head, chart), ...rest];
}

async function placeSection(doc: Doc, s: SectionView, pngs: Pngs, toc: TocEntry[]): Promise<void> {
  for (const [i, b] of s.blocks.entries()) {
    // A section's heading goes with its first question, never alone at the foot of a page.
    const lead = i === 0 ? sectionHeading(s.title, dest("s", s.id)) : anchor(dest("q", b.id));
    const png = b.chartId ? await pngs.get(b.chartId) : undefined;
    const parts = questionParts(doc, b, png, lead);
    const start = placeGroup(doc, parts, { spaceBefore: i === 0 ? 26 : T.gapBetweenBlocks });
    if (i === 0) toc.push({ title: s.title, dest: dest("s", s.id), page: start, level: 0 });
    // The contents have no room for the "(–)" mark's explanation: the question's page has it.
    toc.push({
      title: withoutReverseMark(b.title),
      dest: i === 0 ? dest("s", s.id) : dest("q", b.id),
      page: start,
      level: 1,
    });
  }
}

function placeAppendix(doc: Doc, view: ReportView, toc: TocEntry[]): void {
  if (view.appendix.length === 0) return;
  newPage(doc);
  const start = placeGroup(doc, [sectionHeading(view.words.appendix, "appendix")]);
  toc.push({ title: view.words.appendix, dest: "appendix", page: start, level: 0 });
  for (const g of view.appendix) {
    const items = (g.texts ?? []).map((t) => bullet(t, text(T.body - 0.5, { gap: 1.5 }), T.rule, 3));
    // The heading keeps a few texts with it; the rest of a long list runs on over pages.
    placeGroup(doc, [blockHeading(g.title, g.note), ...items.slice(0, 3)], { spaceBefore: 16 });
    for (const item of items.slice(3)) placeGroup(doc, [item]);
  }
}

/** Contents lines in reading order, with page numbers still to be found. */
function plannedToc(view: ReportView): TocEntry[] {
  const entry = (title: string, d: string, level: 0 | 1): TocEntry => ({ title, dest: d, page: 99, level });
  return [
    ...(view.findings.length > 0 ? [entry(view.words.findings, "findings", 0)] : []),
    ...[...view.sections, ...view.analyses].flatMap((s) => [
      entry(s.title, dest("s", s.id), 0),
      ...s.blocks.map((b) => entry(b.title, dest("q", b.id), 1)),
    ]),
    ...(view.appendix.length > 0 ? [entry(view.words.appendix, "appendix", 0)] : []),
  ];
}

/** Fills the reserved contents pages once the page numbers are known. */
function drawToc(doc: Doc, view: ReportView, toc: TocEntry[], first: number, pages: number): void {
  const area = pageArea(doc);
  let page = first;
  doc.switchToPage(page);
  let y = area.top;
  for (const line of tocLines(view.words.contents, toc)) {
    const h = measureBlock(doc, line, area.width);
    if (y + h > area.bottom && page < first + pages - 1) {
      doc.switchToPage(++page);
      y = area.top;
    }
    y += line(new Pen(doc, true), area.left, y, area.width);
  }
  // Bookmarks for the viewer's side panel: sections, and their questions under them.
  let parent: PDFKit.PDFOutline = doc.outline;
  for (const e of toc) {
    // pdfkit takes a page number here, though its type definitions do not say so.
    const item = (e.level === 0 ? doc.outline : parent).addItem(e.title, { pageNumber: e.page } as {
      expanded?: boolean;
    });
    if (e.level === 0) parent = item;
  }
}

/** Lays the whole report out; the contents pages are reserved first and filled in at the end. */
async function layoutPdf(view: ReportView, pngs: Pngs, report: Report): Promise<Buffer> {
  const pdf = createPdf({
    title: view.title,
    lang: view.lang,
    subject: view.subtitle,
    keywords: `${report.survey.id} ${report.survey.hash.slice(0, 12)}`,
  });
  const { doc } = pdf;
  for (const part of coverParts(view, report)) placeGroup(doc, [part]);

  // Contents: measured before the page numbers are known, to reserve its pages.
  newPage(doc);
  const tocStart = doc.bufferedPageRange().count - 1;
  const area = pageArea(doc);
  const tocHeight = tocLines(view.words.contents, plannedToc(view)).reduce(
    (s, l) => s + measureBlock(doc, l, area.width),
    0,
  );
  const tocPages = Math.max(1, Math.ceil(tocHeight / (area.bottom - area.top)));
  for (let i = 1; i < tocPages; i++) newPage(doc);

  const toc: TocEntry[] = [];
  if (view.findings.length > 0) {
    newPage(doc);
    const start = placeGroup(doc, [sectionHeading(view.words.findings, "findings")]);
    toc.push({ title: view.words.findings, dest: "findings", page: start, level: 0 });
    for (const f of view.findings)
      placeGroup(doc, [bullet(f, text(T.body + 0.5, { gap: 2.5 }), T.accent, 9)]);
  }
  newPage(doc);
  for (const s of [...view.sections, ...view.analyses]) await placeSection(doc, s, pngs, toc);
  placeAppendix(doc, view, toc);

  drawToc(doc, view, toc, tocStart, tocPages);
  stampPages(doc, footerStamp(view));
  return pdf.finish();
}

/**
 * Marks the bundled font has no glyph for, and what stands in for them in the PDF (the HTML and
 * the terminal keep the originals). Without this a viewer would show an empty box.
 */
const STAND_INS: [RegExp, string][] = [
  [/↺/g, "†"],
  // Intl writes a true minus sign in Finnish and Swedish; the en dash is its printed stand-in.
  [/−/g, "–"],
  [/→/g, "–"],
  [/≈/g, "~"],
  [/≤/g, "<="],
  [/≥/g, ">="],
];

/** The view with every text printable in the bundled font (the view is plain data). */
function printable(view: ReportView): ReportView {
  let json = JSON.stringify(view);
  for (const [from, to] of STAND_INS) json = json.replace(from, to);
  return JSON.parse(json) as ReportView;
}

/** The PDF report; charts come from `opts.charts` or are drawn (deterministically) here. */
export async function renderReportPdf(report: Report, opts: ReportPdfOptions): Promise<Buffer> {
  const view = printable(buildView(report, opts));
  const pngs = new Map(opts.charts ?? []);
  const missing = chartSpecs(report, opts.lang).filter((e) => !pngs.has(e.id));
  if (missing.length > 0) {
    // Loaded only here: a caller that drew the charts on workers never loads chart.js on this thread.
    const { renderChart } = await import("../charts/index.js");
    for (const e of missing) pngs.set(e.id, renderChart(e.spec, { locale: opts.lang }));
  }
  return layoutPdf(view, pngs, report);
}
