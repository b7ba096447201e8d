// The record-level steps of an import, before and around the row mapping: blank and ragged rows,
// an unterminated quote, the reader's cell notes, a header that stops everything, and turning a
// cell problem into a located diagnostic. Pure helpers of run-import.ts.
import type { Survey } from "../definition/model.js";
import { ExitCode, KuuloError } from "../errors.js";
import { type ColumnPlan, META_COLUMNS } from "./columns.js";
import { type DiagnosticLog, formatDiagnostic, type ImportDiagnostic, quoteValue } from "./diagnostics.js";
import { explainNothingImported } from "./explain.js";
import type { CellProblem, MappedRow, RowMapper } from "./map-row.js";
import type { RecordSource, SourceInfo, SourceRecord } from "./read-csv.js";
import { betterSurvey, looksLikeAnotherSurvey, surveyFit } from "./survey-match.js";

export function isBlank(fields: readonly string[]): boolean {
  for (const f of fields) if (f.trim() !== "") return false;
  return true;
}

/** Cells up to the last column with a name; Excel's trailing empty columns do not count. */
export function namedWidth(plan: ColumnPlan): number {
  let w = 0;
  for (const c of plan.columns) if (c.role.kind !== "unnamed") w = c.index + 1;
  return w;
}

/** A header that cannot be imported stops everything before the first row. */
export function headerStop(
  plan: ColumnPlan,
  header: string[],
  info: SourceInfo,
  file: string,
  log: DiagnosticLog,
  survey: Survey,
  match: { ignore?: readonly string[]; others?: () => readonly Survey[] } = {},
): void {
  const errors = plan.problems.filter((p) => p.severity === "error");
  for (const w of plan.problems) if (w.severity === "warning") log.add(w);
  const ignore = match.ignore ?? [];
  const fit = surveyFit(header, survey, ignore);
  const better = () => {
    const b = match.others ? betterSurvey(header, survey, match.others(), ignore) : undefined;
    return b
      ? {
          id: b.survey.id,
          text: `it fits the survey ${b.survey.id} better: ${b.fit.matching} of its ${b.fit.columns} question column(s) are columns of ${b.survey.id}`,
        }
      : undefined;
  };
  if (plan.answerColumns === 0) {
    const why = explainNothingImported(header, info, survey);
    const other = better();
    if (other) why.details.push(other.text);
    throw new KuuloError(
      "CSV_NOTHING_IMPORTED",
      `no column of ${file} is a question of ${survey.id}`,
      ExitCode.dataError,
      {
        location: { file, line: 1 },
        details: why.details,
        hint: why.hint,
      },
    );
  }
  const unknown = errors.filter((e) => e.code === "CSV_UNKNOWN_COLUMN");
  if (unknown.length > 0 && looksLikeAnotherSurvey(fit)) {
    // Said first, instead of one "unknown column" per column of the other survey.
    const other = better();
    const names = unknown.map((e) => e.column ?? "").filter((c) => c !== "");
    throw new KuuloError(
      "CSV_OTHER_SURVEY",
      `${file} looks like a file of another survey: only ${fit.matching} of its ${fit.columns} question column(s) are columns of ${survey.id}`,
      ExitCode.dataError,
      {
        location: { file, line: 1 },
        details: [
          ...(other ? [other.text] : []),
          `columns ${survey.id} does not have: ${names.slice(0, 6).join(", ")}${names.length > 6 ? `, … (${names.length} in all)` : ""}`,
        ],
        hint: other
          ? `Import it with the survey file of ${other.id}, or check that this is the right file. Nothing was imported.`
          : `Check that the survey file and the data file belong together ("npx kuulo template" prints the survey's header). Nothing was imported.`,
      },
    );
  }
  if (errors.length > 0)
    throw new KuuloError(
      errors[0]!.code,
      `the header of ${file} has ${errors.length} problem(s); nothing was imported`,
      ExitCode.dataError,
      {
        location: { file, line: 1 },
        details: errors.map((e) => formatDiagnostic(e)),
        hint: "Fix the header line (the column names) and import again.",
      },
    );
}

export function readRow(
  rec: SourceRecord,
  header: readonly string[],
  width: number,
  source: RecordSource,
  mapper: RowMapper,
  formColumn: number,
): MappedRow & { ragged: boolean } {
  const extra: CellProblem[] = [];
  const f = rec.fields;
  const headerLength = header.length;
  if (source.info.format === "csv") {
    if (source.problem?.code === "CSV_UNTERMINATED_QUOTE" && source.problem.line === rec.line)
      extra.push({
        severity: "error",
        code: "CSV_UNTERMINATED_QUOTE",
        message: `a quote (") opened on line ${source.problem.quoteLine ?? rec.line} is never closed, so the rest of the file became one cell`,
      });
    else if (f.length < width)
      extra.push({
        severity: "error",
        code: "CSV_RAGGED_ROW",
        message: `has ${f.length} cells but the header has ${width}; a delimiter is missing or a cell was merged`,
      });
    else if (f.length > headerLength && f.slice(headerLength).some((c) => c.trim() !== ""))
      extra.push({
        severity: "error",
        code: "CSV_RAGGED_ROW",
        message: `has ${f.length} cells but the header has ${headerLength}; is there an unquoted delimiter in a cell?`,
      });
  }
  // Cells of a ragged row sit under the wrong headers: reading them would only add noise.
  const mapped = extra.length > 0 ? { answers: {}, meta: {}, problems: [] } : mapper(f);
  if (mapped.meta.form_no === undefined && formColumn >= 0 && f[formColumn])
    mapped.meta.form_no = f[formColumn]!.trim();
  mapped.problems.unshift(...extra);
  for (const n of rec.notes ?? []) {
    const name = header[n.index] ?? "";
    mapped.problems.unshift({
      severity: "error",
      code: n.code,
      column: name && source.info.format !== "json" ? `${name} (${n.address})` : n.address,
      ...(name ? { question: name.split(".")[0]! } : {}),
      ...(n.value !== undefined ? { value: n.value } : {}),
      message: n.message,
    });
  }
  // Marked on the row itself: a copy of it per row was measurable garbage at a million rows.
  const out = mapped as MappedRow & { ragged: boolean };
  out.ragged = extra.length > 0;
  return out;
}

export function toDiagnostic(
  p: CellProblem,
  file: string,
  line: number,
  form: string | undefined,
  where?: string,
): ImportDiagnostic {
  const value = p.value !== undefined && p.value !== "" ? `${quoteValue(p.value)} ` : "";
  const column = p.column && where !== undefined ? jsonColumn(p.column) : p.column;
  return {
    severity: p.severity,
    code: p.code,
    file,
    line,
    ...(where !== undefined ? { where } : {}),
    ...(form ? { form } : {}),
    ...(column ? { column } : {}),
    ...(p.value !== undefined ? { value: p.value } : {}),
    message: `${value}${p.message}`,
  };
}

export function reasonOf(errors: ImportDiagnostic[]): string {
  const parts = errors.slice(0, 3).map((e) => `${e.column ? `${e.column}: ` : ""}${e.message}`);
  return parts.join(" | ") + (errors.length > 3 ? ` | … and ${errors.length - 3} more` : "");
}

/** A column of the export's table as the JSON names it: a meta field or an answer. */
function jsonColumn(column: string): string {
  if (column.includes('"')) return column;
  return (META_COLUMNS as readonly string[]).includes(column) ? `field "${column}"` : `answer "${column}"`;
}
