// The report as an Excel workbook (exceljs): an overview sheet, one sheet per section (and per
// analysis), the free-text appendix, and optionally the caller's raw data. Numbers stay numbers
// with a matching number format; hidden values are the text "< 5" or "–". Byte-identical output
// for the same input: fixed document dates and fixed ZIP entry dates.
import ExcelJS from "exceljs";
import type { Report } from "../../analysis/report.js";
import { buildView } from "./build-view.js";
import type { ReportRenderOptions } from "./options.js";
import type { Cell, ReportView, SectionView, Table } from "./view.js";
import { fixZipDates } from "./zip-dates.js";

export interface RawData {
  /** Sheet name, e.g. "Data". */
  name: string;
  columns: string[];
  rows: (string | number | null)[][];
}

export interface XlsxOptions extends ReportRenderOptions {
  /** Response-level rows (masked by the caller) for a data sheet; left out when absent. */
  raw?: RawData;
}

/** Used when the report has no time of its own; any fixed date keeps the bytes stable. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));
const BOLD = { bold: true } as const;
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF4" } };

function numFmt(c: Cell): string | undefined {
  if (c.kind === "share") return c.decimals === 0 ? "0%" : "0.0%";
  if (c.kind === "count") return "0";
  if (c.kind === "number") return c.decimals ? `0.${"0".repeat(c.decimals)}` : "0";
  return undefined;
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
function sheetName(title: string, used: Set<string>): string {
  const clean =
    title
      .replace(/[:\\/?*[\]]/g, " ")
      .replace(/\s+/g, " ")
      .trim() || "Sheet";
  let name = clean.slice(0, 31);
  for (let i = 2; used.has(name.toLowerCase()); i++)
    name = `${clean.slice(0, 31 - String(i).length - 1)} ${i}`;
  used.add(name.toLowerCase());
  return name;
}

function addTable(ws: ExcelJS.Worksheet, t: Table): void {
  const head = ws.addRow(t.columns.map((c) => c.title));
  head.font = BOLD;
  head.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: "bottom" };
  });
  for (const r of t.rows) {
    const row = ws.addRow(
      r.cells.map((c) => {
        // A difference keeps its interval, so it stays text; other numbers stay numbers.
        if (c.value !== null && c.kind !== "label" && c.kind !== "text" && c.kind !== "diff") return c.value;
        return c.text;
      }),
    );
    r.cells.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const fmt = c.value !== null && c.kind !== "diff" ? numFmt(c) : undefined;
      if (fmt) cell.numFmt = fmt;
      if (i > 0) cell.alignment = { horizontal: "right" };
    });
    if (r.muted) row.font = { italic: true, color: { argb: "FF4D4D4D" } };
  }
  ws.addRow([]);
}

function addSection(wb: ExcelJS.Workbook, s: SectionView, used: Set<string>): void {
  const ws = wb.addWorksheet(sheetName(s.title, used));
  ws.getColumn(1).width = 60;
  for (let i = 2; i <= 12; i++) ws.getColumn(i).width = 14;
  ws.addRow([s.title]).font = { bold: true, size: 14 };
  ws.addRow([]);
  for (const b of s.blocks) {
    const title = ws.addRow([b.title]);
    title.font = { bold: true, size: 12 };
    title.getCell(1).alignment = { wrapText: true };
    if (b.meta) ws.addRow([b.meta]).font = { italic: true };
    for (const t of b.tables) addTable(ws, t);
    for (const n of b.notes) ws.addRow([n]).getCell(1).alignment = { wrapText: true };
    ws.addRow([]);
  }
}

function addOverview(wb: ExcelJS.Workbook, view: ReportView, used: Set<string>): void {
  const ws = wb.addWorksheet(sheetName(view.words.overview, used));
  ws.getColumn(1).width = 90;
  ws.getColumn(2).width = 14;
  ws.addRow([view.title]).font = { bold: true, size: 16 };
  ws.addRow([view.subtitle]);
  ws.addRow([]);
  addTable(ws, view.overview);
  const list = (title: string, lines: string[]) => {
    if (lines.length === 0) return;
    ws.addRow([title]).font = BOLD;
    for (const l of lines) ws.addRow([l]).getCell(1).alignment = { wrapText: true };
    ws.addRow([]);
  };
  list(view.words.findings, view.findings);
  list(view.words.privacy, view.privacy);
  list(view.words.legend, view.legend);
  if (view.words.generated) ws.addRow([view.words.generated]).font = { italic: true };
}

export function buildWorkbook(view: ReportView, opts: { raw?: RawData; date: Date }): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Kuulo";
  wb.lastModifiedBy = "Kuulo";
  wb.created = opts.date;
  wb.modified = opts.date;
  wb.title = view.title;
  const used = new Set<string>();
  addOverview(wb, view, used);
  for (const s of [...view.sections, ...view.analyses]) addSection(wb, s, used);
  if (view.appendix.length > 0) {
    const ws = wb.addWorksheet(sheetName(view.words.appendix, used));
    ws.getColumn(1).width = 100;
    for (const g of view.appendix) {
      ws.addRow([g.title]).font = BOLD;
      ws.addRow([g.note]).font = { italic: true };
      for (const text of g.texts ?? []) ws.addRow([text]).getCell(1).alignment = { wrapText: true };
      ws.addRow([]);
    }
  }
  if (opts.raw) {
    const ws = wb.addWorksheet(sheetName(opts.raw.name, used), { views: [{ state: "frozen", ySplit: 1 }] });
    ws.addRow(opts.raw.columns).font = BOLD;
    // Strings are written as strings (never as formulas), so "=…" in an answer stays text.
    for (const r of opts.raw.rows) ws.addRow(r.map((v) => v ?? ""));
  }
  return wb;
}

export async function renderXlsx(report: Report, opts: XlsxOptions): Promise<Buffer> {
  const date = report.generatedAt ? new Date(report.generatedAt) : FIXED_DATE;
  const wb = buildWorkbook(buildView(report, opts), { ...(opts.raw ? { raw: opts.raw } : {}), date });
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return fixZipDates(bytes, date);
}
