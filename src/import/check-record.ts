// One data record of an import, checked: its cells read and mapped, the whole row checked, the
// response prepared and hashed. Pure apart from the injected clock and id source: it decides,
// the pipeline (run-import.ts) counts, logs and stores.
import type { Survey } from "../definition/model.js";
import type { SlotOrder } from "../store/index.js";
import type { RowChecker } from "./check-row.js";
import type { ColumnPlan } from "./columns.js";
import type { ImportDiagnostic } from "./diagnostics.js";
import type { CellProblem, RowMapper } from "./mapped-row.js";
import { legacyRowContentHash, type PrepareOptions, prepareResponse, rowContentHash } from "./prepare.js";
import type { RecordSource, SourceRecord } from "./read-csv.js";
import { readRow, reasonOf, toDiagnostic } from "./record-steps.js";
import type { PreparedRow } from "./target.js";

/** What checking a record needs, fixed once the header is read. */
export interface RecordContext {
  survey: Survey;
  file: string;
  format: "csv" | "xlsx" | "json";
  source: RecordSource;
  header: string[];
  plan: ColumnPlan;
  /** Cells up to the last named column: a row with fewer is ragged. */
  width: number;
  mapper: RowMapper;
  checker: RowChecker;
  prepare: PrepareOptions;
  /** The survey's slot ids, sorted once for every row's hash. */
  order: SlotOrder;
}

export type CheckedRecord =
  /** The row has errors: it is rejected, with the reason for the rejects file. */
  | { ok: false; diagnostics: ImportDiagnostic[]; reason: string }
  /** The row can be stored; `diagnostics` holds its warnings. */
  | { ok: true; diagnostics: ImportDiagnostic[]; row: PreparedRow };

const NONE: ReadonlySet<string> = new Set();
/** Frozen: shared by every row without a problem, so nothing may add to it. */
const NO_DIAGNOSTICS = Object.freeze([]) as unknown as ImportDiagnostic[];

/** Every problem of one record (cell, row and meta checks), and the row to store when it has no error. */
export function checkRecord(rec: SourceRecord, ctx: RecordContext): CheckedRecord {
  const { survey, file } = ctx;
  const row = readRow(rec, ctx.header, ctx.width, ctx.source, ctx.mapper, ctx.plan.formColumn);
  let problems = row.problems;
  if (!row.ragged) {
    // A question whose cell could not be read is not checked again as a whole.
    const unreadable =
      problems.length === 0
        ? NONE
        : new Set(problems.flatMap((p) => (p.severity === "error" && p.question ? [p.question] : [])));
    const checked = ctx.checker(row.answers, unreadable);
    if (problems.length === 0) problems = checked;
    else if (checked.length > 0) problems = [...problems, ...checked];
  }
  const prepared = prepareResponse(survey, row.answers, row.meta, ctx.prepare);
  if (prepared.problems.length > 0) problems.push(...prepared.problems);
  problems = partialExport(ctx.format, prepared.response.status, problems);
  const form = row.meta.form_no;
  // Nearly every row has no problem: no arrays are made for it.
  const diagnostics =
    problems.length === 0
      ? NO_DIAGNOSTICS
      : problems.map((p) => toDiagnostic(p, file, rec.line, form, rec.where));
  const errors =
    diagnostics.length === 0 ? NO_DIAGNOSTICS : diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) return { ok: false, diagnostics, reason: reasonOf(errors) };
  const ready: PreparedRow = {
    response: prepared.response,
    contentHash: rowContentHash(survey.id, row.answers, row.meta, prepared.response.sessionId, ctx.order),
    legacyHash: () => legacyRowContentHash(survey.id, row.answers, row.meta, ctx.order),
    line: rec.line,
  };
  if (form) ready.form = form;
  if (rec.where) ready.where = rec.where;
  return { ok: true, diagnostics, row: ready };
}

/**
 * A JSON export holds unfinished kiosk sessions as they were stored: a partial response lacks
 * required answers by nature, and must import back as it is.
 */
function partialExport(
  format: RecordContext["format"],
  status: string,
  problems: CellProblem[],
): CellProblem[] {
  if (format !== "json" || status !== "partial" || problems.length === 0) return problems;
  return problems.filter((p) => p.code !== "CSV_REQUIRED_MISSING");
}
