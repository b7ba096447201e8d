// Reads an Excel workbook's data sheet as batches of records (cells as text, the sheet row as
// the line). Formulas give their cached result; merged cells, error cells, password-protected
// and damaged files are reported by cell or file. Big workbooks go through exceljs's streaming
// reader (which cannot see merges); small ones are loaded whole so merges can be named.
import { open, stat } from "node:fs/promises";
import type ExcelJS from "exceljs";
import { ExitCode, fileError, KuuloError } from "../errors.js";
import { checkInputFile, checkWorkbookSize, MAX_XLSX_BYTES } from "../input-file.js";
import type { CellNote, RecordSource, SourceInfo, SourceRecord } from "./read-csv.js";
import { retryBeforeFirst } from "./retry-before-first.js";

/** Above this size a workbook is streamed and merged cells are not detected. */
export const XLSX_STREAM_BYTES = 20_000_000;
const BATCH = 2000;

export class XlsxSource implements RecordSource {
  info: SourceInfo = { format: "xlsx" };
  bytesRead = 0;
  problem = null;

  constructor(
    private readonly path: string,
    private readonly isKnown: (header: string) => boolean,
    /** Workbooks larger than this are streamed (tests lower it). */
    private readonly streamAbove = XLSX_STREAM_BYTES,
  ) {}

  async *batches(): AsyncGenerator<SourceRecord[]> {
    const size = await checkWorkbookFile(this.path);
    if (size > this.streamAbove) {
      yield* this.streamedWithRetry();
      this.bytesRead = size;
      return;
    }
    const { default: excel } = await import("exceljs"); // a large library: loaded only for workbooks
    const wb = new excel.Workbook();
    readWithoutNotes(wb);
    try {
      await wb.xlsx.readFile(this.path);
    } catch (e) {
      throw damaged(this.path, e);
    }
    const ws = this.pickSheet(wb.worksheets);
    if (!ws) return;
    this.info.sheet = ws.name;
    let batch: SourceRecord[] = [];
    const width = ws.actualColumnCount > 0 ? ws.columnCount : 0;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const fields: string[] = [];
      const notes: CellNote[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        // A merged cell repeats its neighbour's value: two forms would silently share one answer.
        if (cell.isMerged && cell.master !== cell)
          notes.push({
            index: c - 1,
            address: cell.address,
            code: "XLSX_MERGED_CELL",
            message: `is merged with ${cell.master.address}; unmerge the cells and type each form's answer in its own cell`,
          });
        fields.push(this.cellText(cell.value, c - 1, cell.address, notes));
      }
      batch.push({ fields, line: rowNumber, ...(notes.length > 0 ? { notes } : {}) });
    });
    this.bytesRead = size;
    while (batch.length > 0) {
      yield batch.slice(0, BATCH);
      batch = batch.slice(BATCH);
    }
  }

  private pickSheet<T extends { name: string; getRow(n: number): ExcelJS.Row; state?: string }>(
    sheets: T[],
  ): T | undefined {
    const visible = sheets.filter((s) => s.state === undefined || s.state === "visible");
    const score = (s: T) => {
      const values = s.getRow(1).values;
      const cells = Array.isArray(values) ? values : [];
      return cells.filter((v) => typeof v === "string" && this.isKnown(v.trim())).length;
    };
    let best: T | undefined;
    let bestScore = -1;
    for (const s of visible) {
      const sc = score(s);
      if (sc > bestScore) {
        best = s;
        bestScore = sc;
      }
    }
    return best;
  }

  /**
   * exceljs's streaming reader now and then fails on a sound file before giving a single row
   * (a race in how it parks worksheets that come before the workbook part; "reading 'sheets'").
   * A file that fails every time is reported as damaged, as before.
   */
  private streamedWithRetry(): AsyncGenerator<SourceRecord[]> {
    return retryBeforeFirst(
      () => this.streamed(),
      (e) => e instanceof KuuloError && e.code === "XLSX_CORRUPT",
      3,
    );
  }

  private async *streamed(): AsyncGenerator<SourceRecord[]> {
    const { default: excel } = await import("exceljs");
    const reader = new excel.stream.xlsx.WorkbookReader(this.path, {
      worksheets: "emit",
      sharedStrings: "cache",
      hyperlinks: "ignore",
      styles: "ignore",
      entries: "ignore",
    });
    try {
      for await (const ws of reader) {
        let batch: SourceRecord[] = [];
        for await (const row of ws) {
          const values = Array.isArray(row.values) ? row.values : [];
          const fields: string[] = [];
          const notes: CellNote[] = [];
          for (let c = 1; c < values.length; c++)
            fields.push(
              this.cellText(values[c] as ExcelJS.CellValue, c - 1, `${colName(c)}${row.number}`, notes),
            );
          batch.push({ fields, line: row.number, ...(notes.length > 0 ? { notes } : {}) });
          if (batch.length >= BATCH) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length > 0) yield batch;
        this.info.sheet = "first sheet";
        return; // the data sheet is the first one in a workbook from `kuulo template`
      }
    } catch (e) {
      if (e instanceof KuuloError) throw e;
      throw damaged(this.path, e);
    }
  }

  /** A cell as the text a person sees; numbers without float noise; formulas as their result. */
  private cellText(
    v: ExcelJS.CellValue | undefined,
    index: number,
    address: string,
    notes: CellNote[],
  ): string {
    if (v === null || v === undefined) return "";
    if (typeof v === "string") return v.includes("_x") ? decodeEscapes(v) : v;
    if (typeof v === "number") return numberText(v);
    if (typeof v === "boolean") return v ? "1" : "0";
    if (v instanceof Date) return v.toISOString().replace(/T00:00:00\.000Z$/, "");
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("formula" in v || "sharedFormula" in v)
      return this.cellText(
        (v as { result?: ExcelJS.CellValue }).result as ExcelJS.CellValue,
        index,
        address,
        notes,
      );
    if ("error" in v) {
      notes.push({
        index,
        address,
        code: "XLSX_ERROR_CELL",
        value: String(v.error),
        message: `holds the Excel error ${String(v.error)} instead of a value; fix the formula or type the value`,
      });
      return "";
    }
    if ("text" in v) return typeof v.text === "string" ? v.text : "";
    return String(v);
  }
}

const COMMENTS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const VML_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing";

/**
 * Makes the workbook reader leave the sheets' notes (comments) and their drawings out. Notes are
 * no data, and exceljs finds them only where Excel and exceljs put them: a workbook saved by
 * openpyxl, pandas or WPS Office keeps them at another path, and reading it failed with
 * "Cannot read properties of undefined (reading 'comments')". Without the sheet's links to its
 * notes the sheet reads the same whichever program wrote it.
 */
function readWithoutNotes(wb: ExcelJS.Workbook): void {
  type Rel = { Type?: string };
  const x = wb.xlsx as unknown as {
    _processWorksheetRelsEntry?: (
      stream: unknown,
      model: { worksheetRels: Rel[][] },
      sheetNo: string,
    ) => Promise<void>;
  };
  const original = x._processWorksheetRelsEntry;
  if (typeof original !== "function") return;
  x._processWorksheetRelsEntry = async function (stream, model, sheetNo) {
    await original.call(this, stream, model, sheetNo);
    const rels = model.worksheetRels[Number(sheetNo)];
    if (Array.isArray(rels))
      model.worksheetRels[Number(sheetNo)] = rels.filter(
        (r) => r.Type !== COMMENTS_REL && r.Type !== VML_REL,
      );
  };
}

/** Excel's escapes in cell text: _x000D_ is a carriage return, _x005F_ an underscore. */
function decodeEscapes(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

function colName(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function numberText(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(12)));
}

/** Size, or a clear error for a missing, encrypted, old-format or non-zip file. */
async function checkWorkbookFile(path: string): Promise<number> {
  let size: number;
  const head = Buffer.alloc(8);
  try {
    size = (await stat(path)).size;
    const fh = await open(path, "r");
    try {
      await fh.read(head, 0, 8, 0);
    } finally {
      await fh.close();
    }
  } catch (e) {
    throw fileError(e, path, "read");
  }
  if (head.readUInt32BE(0) === 0xd0cf11e0)
    throw new KuuloError(
      "XLSX_PROTECTED",
      `${path} is password-protected or an old .xls workbook`,
      ExitCode.dataError,
      {
        location: { file: path },
        hint: "Open it in Excel, remove the password (File → Info → Protect Workbook) and save as .xlsx, or save as CSV.",
      },
    );
  if (head.readUInt32BE(0) !== 0x504b0304)
    throw new KuuloError(
      "XLSX_CORRUPT",
      `${path} is not an Excel .xlsx workbook (or it is damaged)`,
      ExitCode.dataError,
      {
        location: { file: path },
        hint: "Open it in Excel and save it again as .xlsx or as CSV.",
      },
    );
  // Before exceljs unpacks anything: a small file may unpack to gigabytes (a zip bomb).
  checkInputFile(path, { maxBytes: MAX_XLSX_BYTES, code: "XLSX_TOO_LARGE", what: "a workbook" });
  checkWorkbookSize(path, size);
  return size;
}

function damaged(path: string, e: unknown): KuuloError {
  return new KuuloError(
    "XLSX_CORRUPT",
    `${path} cannot be read as a workbook: ${(e as Error)?.message ?? e}`,
    ExitCode.dataError,
    {
      location: { file: path },
      hint: "Open it in Excel and save it again as .xlsx, or save the sheet as CSV.",
      cause: e,
    },
  );
}
