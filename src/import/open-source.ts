// Chooses the reader for a data file (Excel workbook or delimited text) by its first bytes and
// name, and reads a small file whole for commands that need every row at once (verify-entry).
import { closeSync, openSync, readSync } from "node:fs";
import { extname } from "node:path";
import type { Survey } from "../definition/model.js";
import { ExitCode, fileError, KuuloError } from "../errors.js";
import {
  checkInputFile,
  checkWorkbookSize,
  MAX_CSV_BYTES,
  MAX_JSON_BYTES,
  MAX_XLSX_BYTES,
} from "../input-file.js";
import type { EncodingName } from "./encoding.js";
import { CsvSource, type RecordSource, type SourceRecord } from "./read-csv.js";
import { JsonSource } from "./read-json.js";
import { XlsxSource } from "./read-xlsx.js";

export interface SourceOptions {
  encoding?: EncodingName;
  delimiter?: string;
  isKnown: (header: string) => boolean;
  /** Needed to read a JSON export (its responses become the export's columns). */
  survey?: Survey;
}

/**
 * "xlsx" for a zip (or anything named .xlsx/.xlsm, so a damaged workbook is named as one); "json"
 * for a file named .json or whose text begins with "{" (a CSV header never does).
 */
export function sniffFormat(path: string): "csv" | "xlsx" | "json" {
  let head = Buffer.alloc(0);
  // Not a folder, a device or a pipe, and not beyond what even a streamed CSV may be.
  checkInputFile(path, { maxBytes: MAX_CSV_BYTES, code: "IMPORT_TOO_LARGE", what: "a file to import" });
  try {
    const fd = openSync(path, "r");
    try {
      head = Buffer.alloc(64);
      const n = readSync(fd, head, 0, 64, 0);
      head = head.subarray(0, n);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw fileError(e, path, "read");
  }
  const ext = extname(path).toLowerCase();
  const zip = head.length >= 4 && head.readUInt32BE(0) === 0x504b0304;
  if (zip) {
    // Before any database is opened or created: a workbook too large, or a zip bomb.
    const size = checkInputFile(path, {
      maxBytes: MAX_XLSX_BYTES,
      code: "XLSX_TOO_LARGE",
      what: "a workbook",
    });
    checkWorkbookSize(path, size);
    return "xlsx";
  }
  if (ext === ".xlsx" || ext === ".xlsm" || ext === ".xls") return "xlsx";
  if (head.length >= 4 && head.readUInt32BE(0) === 0xd0cf11e0) return "xlsx";
  if (ext === ".json" || /^(\uFEFF)?\s*\{/.test(head.toString("utf8"))) {
    checkInputFile(path, { maxBytes: MAX_JSON_BYTES, code: "JSON_TOO_LARGE", what: "a JSON export" });
    return "json";
  }
  return "csv";
}

export function openSource(path: string, format: "csv" | "xlsx" | "json", opts: SourceOptions): RecordSource {
  if (format === "json") {
    if (!opts.survey)
      throw new KuuloError(
        "JSON_NOT_SUPPORTED",
        `${path} is a JSON file; this command reads CSV or Excel files`,
        ExitCode.dataError,
        {
          hint: "Give the typed-in forms as .csv or .xlsx.",
        },
      );
    return new JsonSource(path, opts.survey);
  }
  if (format === "xlsx") return new XlsxSource(path, opts.isKnown);
  return new CsvSource(path, {
    isKnown: opts.isKnown,
    ...(opts.encoding ? { encoding: opts.encoding } : {}),
    ...(opts.delimiter ? { delimiter: opts.delimiter } : {}),
  });
}

/** Header and non-blank rows of a whole file (double-entry files are a few hundred forms). */
export async function readWholeFile(
  source: RecordSource,
): Promise<{ header: string[]; rows: SourceRecord[] }> {
  let header: string[] | undefined;
  const rows: SourceRecord[] = [];
  for await (const batch of source.batches())
    for (const r of batch) {
      if (r.fields.every((f) => f.trim() === "")) continue;
      if (!header) header = r.fields.map((h) => h.replace(/^\uFEFF/, "").trim());
      else rows.push(r);
    }
  return { header: header ?? [], rows };
}
