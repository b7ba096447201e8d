// The import pipeline: records from a CSV/XLSX source → header plan → per-row mapping and checks
// → new rows written in batches into one transaction → commit, or roll back when any row failed
// (unless --skip-invalid, which sends failed rows to a rejects file). Returns a summary; prints
// nothing itself. Memory stays bounded: one batch of records at a time.
import { type ResponseSource, surveySlots } from "../definition/answers.js";
import type { Survey } from "../definition/model.js";
import { ExitCode, KuuloError } from "../errors.js";
import { slotOrder } from "../store/index.js";
import { checkRecord, type RecordContext } from "./check-record.js";
import { makeRowChecker } from "./check-row.js";
import { columnCatalog, planColumns } from "./columns.js";
import { DiagnosticLog } from "./diagnostics.js";
import type { EncodingName } from "./encoding.js";
import { makeRowMapper } from "./map-row.js";
import { openSource } from "./open-source.js";
import type { PrepareOptions } from "./prepare.js";
import type { RecordSource, SourceInfo, SourceRecord } from "./read-csv.js";
import { headerStop, isBlank, namedWidth } from "./record-steps.js";
import { RejectsWriter } from "./rejects.js";
import type { ImportTarget, PreparedRow } from "./target.js";

export interface ImportOptions {
  survey: Survey;
  file: string;
  format: "csv" | "xlsx" | "json";
  target: ImportTarget;
  fileHash: string;
  encoding?: EncodingName;
  delimiter?: string;
  skipInvalid?: boolean;
  /** Write rejected rows here (always with --skip-invalid; also without it when given). */
  rejectsPath?: string;
  dryRun?: boolean;
  ignoreColumns?: string[];
  sessionId?: string;
  wave?: string;
  source?: ResponseSource;
  maxDiagnostics?: number;
  now: () => Date;
  newId: () => string;
  onProgress?: (p: { bytes: number; rows: number }) => void;
}

export interface ImportSummary {
  file: string;
  info: SourceInfo;
  rowsRead: number;
  blankRows: number;
  imported: number;
  rejected: number;
  duplicates: number;
  rowsWithWarnings: number;
  committed: boolean;
  rejectsFile?: string;
  log: DiagnosticLog;
}

const WRITE_BATCH = 500;

export async function runImport(opts: ImportOptions): Promise<ImportSummary> {
  const { survey, file, target } = opts;
  const catalog = columnCatalog(survey);
  const source: RecordSource = openSource(file, opts.format, {
    isKnown: (h: string) => catalog.has(h.trim().toLowerCase()),
    survey,
    ...(opts.encoding ? { encoding: opts.encoding } : {}),
    ...(opts.delimiter ? { delimiter: opts.delimiter } : {}),
  });
  const s: ImportSummary = {
    file,
    info: source.info,
    rowsRead: 0,
    blankRows: 0,
    imported: 0,
    rejected: 0,
    duplicates: 0,
    rowsWithWarnings: 0,
    committed: false,
    log: new DiagnosticLog(opts.maxDiagnostics ?? 50),
  };
  let ctx: RecordContext | undefined;
  let rejects: RejectsWriter | undefined;
  let pending: PreparedRow[] = [];
  let records = 0;
  // After the first bad row of an all-or-nothing import, rows are still checked (to list every
  // problem) but no longer written: the transaction will be rolled back anyway.
  const flush = () => {
    if (opts.skipInvalid === true || s.rejected === 0) storeRows(pending, s, opts);
    pending = [];
  };
  target.begin({ survey, file, fileHash: opts.fileHash });
  try {
    for await (const batch of source.batches()) {
      for (const rec of batch) {
        records++;
        if (isBlank(rec.fields)) {
          if (ctx) s.blankRows++;
          continue;
        }
        if (!ctx) {
          ctx = readHeader(rec, source, s.log, opts);
          if (opts.rejectsPath || opts.skipInvalid)
            rejects = new RejectsWriter(opts.rejectsPath!, ctx.header, source.info.delimiter ?? ";");
          continue;
        }
        s.rowsRead++;
        const checked = checkRecord(rec, ctx);
        if (checked.diagnostics.length > 0) s.log.addAll(checked.diagnostics);
        if (!checked.ok) {
          s.rejected++;
          rejects?.add(rec.fields, checked.reason);
          continue;
        }
        if (checked.diagnostics.length > 0) s.rowsWithWarnings++;
        pending.push(checked.row);
        if (pending.length >= WRITE_BATCH) flush();
      }
      flush();
      opts.onProgress?.({ bytes: source.bytesRead, rows: s.rowsRead });
    }
    checkWholeFile(source, s, records, ctx !== undefined);
    settle(s, opts);
    if (rejects) {
      const written = await rejects.finish();
      if (written) s.rejectsFile = written;
    }
    return s;
  } catch (e) {
    target.rollback();
    rejects?.discard();
    throw e;
  }
}

/** The header record: the column plan (a header that cannot be imported stops everything here). */
function readHeader(
  rec: SourceRecord,
  source: RecordSource,
  log: DiagnosticLog,
  opts: ImportOptions,
): RecordContext {
  const { survey, file, target } = opts;
  const header = rec.fields.map((h) => h.replace(/^\uFEFF/, "").trim());
  const ignore = opts.ignoreColumns ? { ignore: opts.ignoreColumns } : {};
  const plan = planColumns(survey, header, { file, ...ignore });
  headerStop(plan, header, source.info, file, log, survey, {
    ...ignore,
    ...(target.otherSurveys ? { others: () => target.otherSurveys!() } : {}),
  });
  return {
    survey,
    file,
    format: opts.format,
    source,
    header,
    plan,
    width: namedWidth(plan),
    mapper: makeRowMapper(survey, plan, { restoreApostrophe: source.info.format === "csv" }),
    checker: makeRowChecker(survey),
    prepare: prepareOptions(opts),
    order: slotOrder(surveySlots(survey).map((s) => s.id)),
  };
}

function prepareOptions(opts: ImportOptions): PrepareOptions {
  const { target } = opts;
  return {
    now: opts.now().toISOString(),
    ...(target.sessionDate ? { sessionDate: target.sessionDate.bind(target) } : {}),
    newId: opts.newId,
    ...(opts.sessionId ? { sessionId: opts.sessionId } : {}),
    ...(opts.wave ? { wave: opts.wave } : {}),
    ...(opts.source ? { source: opts.source } : {}),
  };
}

/** Writes a batch of checked rows; a row imported before is counted and named as a duplicate. */
function storeRows(rows: PreparedRow[], s: ImportSummary, opts: ImportOptions): void {
  if (rows.length === 0) return;
  const outcomes = opts.target.write(rows);
  outcomes.forEach((outcome, i) => {
    if (outcome === "stored") {
      s.imported++;
      return;
    }
    s.duplicates++;
    const row = rows[i]!;
    s.log.add({
      severity: "warning",
      code: "CSV_DUPLICATE_ROW",
      file: opts.file,
      line: row.line,
      ...(row.form ? { form: row.form } : {}),
      ...(row.where ? { where: row.where } : {}),
      message:
        opts.format === "json"
          ? "was imported before (the same response id, or the same answers); skipped"
          : "was imported before (the same answers, form number included); skipped",
    });
  });
}

/** What only the whole file shows: mixed encodings, an unclosed quote, no rows at all. */
function checkWholeFile(source: RecordSource, s: ImportSummary, records: number, hasHeader: boolean): void {
  const { file } = s;
  for (const r of source.info.recoded ?? [])
    s.log.add({
      severity: "warning",
      code: "CSV_MIXED_ENCODING",
      file,
      line: r.line,
      message: `is not UTF-8 like the rest of the file; it was read as Windows-1252: "${excerpt(r.text)}" — check that it reads right`,
    });
  if (source.problem?.code === "CSV_RECORD_TOO_LARGE")
    throw new KuuloError(
      "CSV_RECORD_TOO_LARGE",
      `the record starting on line ${source.problem.line} is longer than any form could be`,
      ExitCode.dataError,
      {
        location: { file, line: source.problem.line },
        hint: 'A quote (") on that line is probably never closed. Nothing was imported.',
      },
    );
  if (records === 0 || !hasHeader)
    throw new KuuloError("CSV_EMPTY_FILE", `${file} is empty`, ExitCode.dataError, {
      location: { file },
      hint: "Save the sheet again from Excel, or check that this is the right file. Nothing was imported.",
    });
  if (s.rowsRead === 0)
    throw new KuuloError(
      "CSV_HEADER_ONLY",
      `${file} has a header line but no rows of answers`,
      ExitCode.dataError,
      {
        location: { file, line: 2 },
        hint: "Type the forms below the header line (one form per row) and save again.",
      },
    );
}

/** Commit when every row is valid (or --skip-invalid) and something new was stored; else roll back. */
function settle(s: ImportSummary, opts: ImportOptions): void {
  const ok = s.rejected === 0 || opts.skipInvalid === true;
  if (ok && !opts.dryRun && s.imported > 0) {
    opts.target.commit({
      rowsRead: s.rowsRead,
      stored: s.imported,
      rejected: s.rejected,
      duplicates: s.duplicates,
    });
    s.committed = true;
  } else opts.target.rollback();
  if (!ok) s.imported = 0;
}

/** The start of a line, enough to recognise it. */
function excerpt(text: string): string {
  const t = text.trim();
  return t.length > 60 ? `${t.slice(0, 60)}…` : t;
}
