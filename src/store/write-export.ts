// Writing an export: CSV (written directly, formula cells neutralised, optional BOM and `;`), JSON
// or XLSX (exceljs, streamed, with a Codebook sheet), plus the codebook as CSV and Markdown.
// Every file follows the output rules (src/output-file.ts): all names checked first, written under
// temporary names, flushed and renamed at the end: never half an export, never over an input.
import type { SurveyResponse } from "../definition/answers.js";
import { defaultLanguage, type Survey } from "../definition/model.js";
import { fileError, KuuloError } from "../errors.js";
import { translator } from "../i18n/index.js";
import { checkOutputs, type OutputRules, PendingOutput } from "../output-file.js";
import { answersScanner, type SlotValues } from "./answers-scan.js";
import { CODEBOOK_HEADER, type CodebookRow, codebookMarkdown, codebookRows } from "./codebook.js";
import { type Cell, type ExportPlan, exportColumns, exportPlan } from "./export-table.js";
import { looksLikeFormula, mayNeedNeutralizing, neutralizeCell } from "./neutralize.js";
import type { StoredResponse } from "./read.js";
import { decodeAnswers } from "./rows.js";

export type ExportFormat = "csv" | "xlsx" | "json";

export interface ExportOptions {
  format: ExportFormat;
  /** The file to write; without it CSV and JSON go to `stdout` and no codebook is written. */
  out?: string;
  stdout?: { write(chunk: string): unknown };
  labels?: boolean;
  lang?: string;
  delimiter?: string;
  bom?: boolean;
  decimalComma?: boolean;
  /** What the export may not write over (the database, the survey file) and --force. */
  rules?: OutputRules;
  /** Responses written so far: called now and then while writing. */
  onProgress?: (done: number) => void;
}

export interface ExportResult {
  rows: number;
  /** Text cells that began like a formula and got a leading apostrophe (CSV only). */
  neutralized: number;
  files: string[];
}

/** `answers.csv` → `answers.codebook.csv` and `answers.codebook.md`. */
export function codebookPaths(out: string): { csv: string; md: string } {
  const base = out.replace(/\.(csv|tsv|txt|xlsx|json)$/i, "");
  return { csv: `${base}.codebook.csv`, md: `${base}.codebook.md` };
}

/**
 * Writes the responses (as objects, or as stored with their answers still JSON text: a CSV reads
 * those straight into its cells).
 */
export async function writeExport(
  survey: Survey,
  rows: Iterable<SurveyResponse | StoredResponse>,
  o: ExportOptions,
): Promise<ExportResult> {
  // To standard output nothing can be taken back: read (and decode) every response first, so
  // that a damaged database fails before the header line is printed.
  if (!o.out) rows = [...decoded(rows)];
  const columns = exportColumns(survey);
  const lang = o.lang ?? defaultLanguage(survey);
  const plan = exportPlan(survey, columns, { labels: o.labels === true, lang });
  const responses = counted(decoded(rows), o.onProgress);
  const header = columns.map((c) => c.name);
  const book = codebookRows(survey, columns, lang);
  if (o.out) {
    const paths = codebookPaths(o.out);
    checkOutputs([o.out, paths.csv, paths.md], o.rules);
  }
  const files = new Files();
  try {
    let result: { rows: number; neutralized: number };
    if (o.format === "xlsx") {
      const tmp = files.temp(o.out!);
      try {
        const cells = (function* () {
          for (const r of responses) {
            const values = plan.valuesOf(r.answers);
            yield plan.readers.map((read) => read(values, r));
          }
        })();
        result = await writeXlsx(tmp, header, cells, book, lang);
      } catch (e) {
        throw e instanceof KuuloError ? e : fileError(e, o.out!, "write");
      }
    } else {
      const sink = o.out ? files.sink(o.out) : { write: (s: string) => o.stdout?.write(s), close: () => {} };
      try {
        result =
          o.format === "csv"
            ? writeCsv(sink, header, rows, responseCells(plan), o, o.onProgress)
            : writeJson(sink, survey, columns, responses);
      } finally {
        sink.close();
      }
    }
    if (o.out) {
      const paths = codebookPaths(o.out);
      const csvSink = files.sink(paths.csv);
      writeCsv(
        csvSink,
        CODEBOOK_HEADER,
        book,
        (r, out) => {
          for (let i = 0; i < CODEBOOK_HEADER.length; i++) out[i] = r[CODEBOOK_HEADER[i]!];
        },
        o,
      );
      csvSink.close();
      const mdSink = files.sink(paths.md);
      mdSink.write(codebookMarkdown(survey, book, lang));
      mdSink.close();
    }
    return { ...result, files: files.commit() };
  } catch (e) {
    files.abandon();
    throw e;
  }
}

/** The same rows, telling `onProgress` every thousand how many have gone by. */
function* counted<T>(rows: Iterable<T>, onProgress: ((done: number) => void) | undefined): Generator<T> {
  let n = 0;
  for (const r of rows) {
    yield r;
    if (++n % 1000 === 0) onProgress?.(n);
  }
  if (n % 1000 !== 0) onProgress?.(n);
}

/** The responses as objects, their stored answers decoded. */
function* decoded(rows: Iterable<SurveyResponse | StoredResponse>): Generator<SurveyResponse> {
  for (const r of rows)
    yield typeof r.answers === "string" ? { ...r, answers: decodeAnswers(r.answers) } : (r as SurveyResponse);
}

/**
 * A response's cells: stored answers scanned straight from their text into values by slot (the
 * JSON parsed only when the text is not in its usual shape), then each column's reader.
 */
function responseCells(plan: ExportPlan): (r: SurveyResponse | StoredResponse, out: Cell[]) => void {
  const scan = answersScanner(plan.slotIds);
  const scanned: SlotValues = new Array(plan.slotIds.length);
  const { readers } = plan;
  return (r, out) => {
    const a = r.answers;
    const values =
      typeof a !== "string" ? plan.valuesOf(a) : scan(a, scanned) ? scanned : plan.valuesOf(decodeAnswers(a));
    for (let i = 0; i < readers.length; i++) out[i] = readers[i]!(values, r);
  };
}

interface Sink {
  write(s: string): void;
  close(): void;
}

/**
 * Rows of cells as CSV, written straight into text (no record objects per row): numbers as they
 * are (with a decimal comma when asked), text cells that begin like a formula neutralised, and a
 * cell quoted, its quotes doubled, when it holds a quote, the delimiter or any line break (a bare
 * line feed or carriage return too: Alt+Enter in Excel or a phone's new line would otherwise
 * split the row in Excel and in any reader). Records end in CRLF.
 */
function writeCsv<R>(
  sink: Sink,
  header: readonly string[],
  rows: Iterable<R>,
  cellsOf: (row: R, out: Cell[]) => void,
  o: ExportOptions,
  onRow?: (n: number) => void,
): { rows: number; neutralized: number } {
  const delimiter = o.delimiter ?? ",";
  const special = new RegExp(`["\\r\\n${delimiter.replace(/[\\\]^-]/g, "\\$&")}]`);
  const decimalComma = o.decimalComma === true;
  let neutralized = 0;
  const field = (c: Cell): string => {
    if (c === null) return "";
    let s: string;
    if (typeof c === "number") s = decimalComma ? String(c).replace(".", ",") : String(c);
    else if (mayNeedNeutralizing(c)) {
      if (looksLikeFormula(c)) neutralized++;
      s = neutralizeCell(c);
    } else s = c;
    return special.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const width = header.length;
  if (o.bom) sink.write("\uFEFF");
  sink.write(`${header.map(field).join(delimiter)}\r\n`);
  let n = 0;
  let chunk = "";
  const cells: Cell[] = new Array(width).fill(null);
  for (const row of rows) {
    cellsOf(row, cells);
    let line = field(cells[0] as Cell);
    for (let i = 1; i < width; i++) line += delimiter + field(cells[i] as Cell);
    chunk += `${line}\r\n`;
    n++;
    if (chunk.length >= CHUNK) {
      sink.write(chunk);
      chunk = "";
      onRow?.(n);
    }
  }
  if (chunk !== "") sink.write(chunk);
  onRow?.(n);
  return { rows: n, neutralized };
}

/** Characters of text gathered before a write: few system calls, little memory. */
const CHUNK = 1 << 16;

function writeJson(
  sink: Sink,
  survey: Survey,
  columns: ReturnType<typeof exportColumns>,
  responses: Iterable<SurveyResponse>,
): { rows: number; neutralized: number } {
  // Answers in questionnaire order, so that the file reads like the questionnaire.
  const order = [...new Set(columns.flatMap((c) => (c.kind === "meta" ? [] : [c.slot.id])))];
  sink.write(
    `{\n  "survey": ${JSON.stringify({ id: survey.id, hash: survey.hash, title: survey.title })},\n  "responses": [`,
  );
  let n = 0;
  for (const r of responses) {
    const answers: SurveyResponse["answers"] = {};
    for (const slot of order) if (Object.hasOwn(r.answers, slot)) answers[slot] = r.answers[slot]!;
    sink.write(`${n === 0 ? "" : ","}\n    ${JSON.stringify({ ...r, answers })}`);
    n++;
  }
  sink.write(`${n === 0 ? "" : "\n  "}]\n}\n`);
  return { rows: n, neutralized: 0 };
}

async function writeXlsx(
  path: string,
  header: string[],
  rows: Iterable<Cell[]>,
  book: CodebookRow[],
  lang: string,
): Promise<{ rows: number; neutralized: number }> {
  const { default: ExcelJS } = await import("exceljs");
  const t = translator(lang);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = wb.addWorksheet(t("export.sheet.responses"), { views: [{ state: "frozen", ySplit: 1 }] });
  const head = sheet.addRow(header);
  head.font = { bold: true };
  head.commit();
  let n = 0;
  // Strings are written as strings, never as formulas: Excel shows "=…" as text here.
  for (const row of rows) {
    sheet.addRow(row.map((c) => (typeof c === "string" ? xlsxText(c) : (c ?? undefined)))).commit();
    n++;
  }
  sheet.commit();
  const cb = wb.addWorksheet(t("export.sheet.codebook"), { views: [{ state: "frozen", ySplit: 1 }] });
  const cbHead = cb.addRow([...CODEBOOK_HEADER]);
  cbHead.font = { bold: true };
  cbHead.commit();
  for (const r of book) cb.addRow(CODEBOOK_HEADER.map((k) => r[k])).commit();
  cb.commit();
  await wb.commit();
  return { rows: n, neutralized: 0 };
}

/**
 * Text for a workbook cell: a carriage return as Excel writes it (_x000D_), since the XML of a
 * workbook turns a bare CR into a line feed; a literal "_x0041_"-like run escaped so that it
 * reads back as written. The import decodes both.
 */
export function xlsxText(s: string): string {
  if (!s.includes("\r") && !s.includes("_x")) return s;
  return s.replace(/_x(?=[0-9A-Fa-f]{4}_)/g, "_x005F_x").replace(/\r/g, "_x000D_");
}

/** Output files under temporary names until everything is written. */
class Files {
  private readonly pending: PendingOutput[] = [];

  /** A temporary file for another writer (exceljs) to fill; its descriptor is closed. */
  temp(final: string): string {
    const p = new PendingOutput(final);
    p.close();
    this.pending.push(p);
    return p.tmp;
  }

  sink(final: string): Sink {
    const p = new PendingOutput(final);
    this.pending.push(p);
    return { write: (s) => p.write(s), close: () => p.close() };
  }

  commit(): string[] {
    for (const p of this.pending) {
      try {
        p.commit();
      } catch (e) {
        this.abandon();
        throw e;
      }
    }
    return this.pending.map((p) => p.path);
  }

  abandon(): void {
    for (const p of this.pending) p.abandon();
  }
}
