// The import pipeline: records from a CSV/XLSX source → header plan → per-row mapping and checks
// → new rows written in batches into one transaction → commit, or roll back when any row failed
// (unless --skip-invalid, which sends failed rows to a rejects file). Returns a summary; prints
// nothing itself. Memory stays bounded: one batch of records at a time.
import type { ResponseSource } from "../definition/answers.js";
import type { Survey } from "../definition/model.js";
import { ExitCode, KuuloError } from "../errors.js";
import { makeRowChecker } from "./check-row.js";
import { type ColumnPlan, columnCatalog, planColumns } from "./columns.js";
import { DiagnosticLog } from "./diagnostics.js";
import type { EncodingName } from "./encoding.js";
import { makeRowMapper, type RowMapper } from "./map-row.js";
import { openSource } from "./open-source.js";
import { legacyRowContentHash, prepareResponse, rowContentHash } from "./prepare.js";
import type { RecordSource, SourceInfo } from "./read-csv.js";
import { headerStop, isBlank, namedWidth, readRow, reasonOf, toDiagnostic } from "./record-steps.js";
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
const NONE: ReadonlySet<string> = new Set();

export async function runImport(opts: ImportOptions): Promise<ImportSummary> {
  const { survey, file, target } = opts;
  const catalog = columnCatalog(survey);
  const isKnown = (h: string) => catalog.has(h.trim().toLowerCase());
  const source: RecordSource = openSource(file, opts.format, {
    isKnown,
    survey,
    ...(opts.encoding ? { encoding: opts.encoding } : {}),
    ...(opts.delimiter ? { delimiter: opts.delimiter } : {}),
  });
  const log = new DiagnosticLog(opts.maxDiagnostics ?? 50);
  const checker = makeRowChecker(survey);
  const now = opts.now().toISOString();
  const prepareOpts = {
    now,
    ...(target.sessionDate ? { sessionDate: target.sessionDate.bind(target) } : {}),
    newId: opts.newId,
    ...(opts.sessionId ? { sessionId: opts.sessionId } : {}),
    ...(opts.wave ? { wave: opts.wave } : {}),
    ...(opts.source ? { source: opts.source } : {}),
  };
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
    log,
  };
  let header: string[] | undefined;
  let plan: ColumnPlan | undefined;
  let mapper: RowMapper | undefined;
  let width = 0;
  let rejects: RejectsWriter | undefined;
  let pending: PreparedRow[] = [];
  let records = 0;
  // After the first bad row of an all-or-nothing import, rows are still checked (to list every
  // problem) but no longer written: the transaction will be rolled back anyway.
  const writing = () => opts.skipInvalid === true || s.rejected === 0;
  const flush = () => {
    if (pending.length > 0 && writing()) {
      const outcomes = target.write(pending);
      outcomes.forEach((outcome, i) => {
        if (outcome === "stored") s.imported++;
        else {
          s.duplicates++;
          const row = pending[i]!;
          log.add({
            severity: "warning",
            code: "CSV_DUPLICATE_ROW",
            file,
            line: row.line,
            ...(row.form ? { form: row.form } : {}),
            ...(row.where ? { where: row.where } : {}),
            message:
              opts.format === "json"
                ? "was imported before (the same response id, or the same answers); skipped"
                : "was imported before (the same answers, form number included); skipped",
          });
        }
      });
    }
    pending = [];
  };

  target.begin({ survey, file, fileHash: opts.fileHash });
  try {
    for await (const batch of source.batches()) {
      for (const rec of batch) {
        records++;
        if (isBlank(rec.fields)) {
          if (header) s.blankRows++;
          continue;
        }
        if (!header || !plan) {
          header = rec.fields.map((h) => h.replace(/^\uFEFF/, "").trim());
          plan = planColumns(survey, header, {
            file,
            ...(opts.ignoreColumns ? { ignore: opts.ignoreColumns } : {}),
          });
          headerStop(plan, header, source.info, file, log, opts.survey, {
            ...(opts.ignoreColumns ? { ignore: opts.ignoreColumns } : {}),
            ...(target.otherSurveys ? { others: () => target.otherSurveys!() } : {}),
          });
          mapper = makeRowMapper(survey, plan, { restoreApostrophe: source.info.format === "csv" });
          width = namedWidth(plan);
          if (opts.rejectsPath || opts.skipInvalid)
            rejects = new RejectsWriter(opts.rejectsPath!, header, source.info.delimiter ?? ";");
          continue;
        }
        s.rowsRead++;
        const row = readRow(rec, header, width, source, mapper!, plan.formColumn);
        const unreadable =
          row.problems.length === 0
            ? NONE
            : new Set(
                row.problems.flatMap((p) => (p.severity === "error" && p.question ? [p.question] : [])),
              );
        let problems = row.problems;
        if (!row.ragged) {
          const checked = checker(row.answers, unreadable);
          if (problems.length === 0) problems = checked;
          else if (checked.length > 0) problems = [...problems, ...checked];
        }
        const prepared = prepareResponse(survey, row.answers, row.meta, prepareOpts);
        if (prepared.problems.length > 0) problems.push(...prepared.problems);
        // A JSON export holds unfinished kiosk sessions as they were stored: a partial response
        // lacks required answers by nature, and must import back as it is.
        if (opts.format === "json" && prepared.response.status === "partial" && problems.length > 0)
          problems = problems.filter((p) => p.code !== "CSV_REQUIRED_MISSING");
        const form = row.meta.form_no;
        if (problems.length > 0) {
          const diags = problems.map((p) => toDiagnostic(p, file, rec.line, form, rec.where));
          log.addAll(diags);
          const errors = diags.filter((d) => d.severity === "error");
          if (errors.length > 0) {
            s.rejected++;
            rejects?.add(rec.fields, reasonOf(errors));
            continue;
          }
          s.rowsWithWarnings++;
        }
        const ready: PreparedRow = {
          response: prepared.response,
          contentHash: rowContentHash(survey.id, row.answers, row.meta, prepared.response.sessionId),
          legacyHash: () => legacyRowContentHash(survey.id, row.answers, row.meta),
          line: rec.line,
        };
        if (form) ready.form = form;
        if (rec.where) ready.where = rec.where;
        pending.push(ready);
        if (pending.length >= WRITE_BATCH) flush();
      }
      flush();
      await rejects?.drain();
      opts.onProgress?.({ bytes: source.bytesRead, rows: s.rowsRead });
    }
    const recoded = source.info.recoded ?? [];
    for (const r of recoded)
      log.add({
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
    if (records === 0 || !header)
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
    const ok = s.rejected === 0 || opts.skipInvalid === true;
    if (ok && !opts.dryRun && s.imported > 0) {
      target.commit({
        rowsRead: s.rowsRead,
        stored: s.imported,
        rejected: s.rejected,
        duplicates: s.duplicates,
      });
      s.committed = true;
    } else target.rollback();
    if (!ok) s.imported = 0;
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

/** The start of a line, enough to recognise it. */
function excerpt(text: string): string {
  const t = text.trim();
  return t.length > 60 ? `${t.slice(0, 60)}…` : t;
}
