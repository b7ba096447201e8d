// Problems found in a data file, each naming file, line, form, column and value and saying what
// was expected; a bounded collector (a million bad rows must not fill memory); plain-text rendering.
import type { Colors } from "../terminal/io.js";

export type ImportCode =
  | "CSV_BAD_VALUE"
  | "CSV_UNKNOWN_COLUMN"
  | "CSV_MISSING_COLUMN"
  | "CSV_DUPLICATE_HEADER"
  | "CSV_CONFLICTING_COLUMNS"
  | "CSV_RAGGED_ROW"
  | "CSV_UNTERMINATED_QUOTE"
  | "CSV_RECORD_TOO_LARGE"
  | "CSV_EMPTY_FILE"
  | "CSV_HEADER_ONLY"
  | "CSV_NOTHING_IMPORTED"
  | "CSV_REQUIRED_MISSING"
  | "CSV_HIDDEN_ANSWERED"
  | "CSV_EXCLUSIVE_CHOICE"
  | "CSV_TOO_FEW_CHOICES"
  | "CSV_TOO_MANY_CHOICES"
  | "CSV_RANKING"
  | "CSV_ALLOCATION"
  | "CSV_OTHER_NOT_PICKED"
  | "CSV_ABSENT_COLUMNS"
  | "CSV_DUPLICATE_ROW"
  | "CSV_DUPLICATE_ID"
  | "CSV_NOT_UTF8"
  | "CSV_MIXED_ENCODING"
  | "CSV_OTHER_SURVEY"
  | "XLSX_MERGED_CELL"
  | "XLSX_FORMULA"
  | "XLSX_ERROR_CELL"
  | "JSON_BAD_VALUE"
  | "JSON_UNKNOWN_ANSWER"
  | "JSON_OTHER_SURVEY";

export interface ImportDiagnostic {
  severity: "error" | "warning";
  code: ImportCode;
  file: string;
  /** Physical line where the record starts (CSV; header = 1) or the sheet row (XLSX). */
  line?: number;
  /** JSON: the response ("response 3 (id …)"), said instead of the line. */
  where?: string;
  /** The paper form's number (form_no column), when the file has one. */
  form?: string;
  column?: string;
  value?: string;
  /** What is wrong and what was expected, in one sentence. */
  message: string;
  hint?: string;
}

const MAX_VALUE_CHARS = 60;

export function quoteValue(v: string): string {
  const oneLine = v.replace(/\r\n|\r|\n/g, "⏎");
  return JSON.stringify(oneLine.length > MAX_VALUE_CHARS ? `${oneLine.slice(0, MAX_VALUE_CHARS)}…` : oneLine);
}

/** `forms.csv:37 (form 17): column visit_freq: "viikottain" is not a choice; … [CSV_BAD_VALUE]` */
export function formatDiagnostic(d: ImportDiagnostic, c?: Colors): string {
  let where = d.file;
  if (d.where !== undefined) where += `: ${d.where}`;
  else if (d.line !== undefined) where += `:${d.line}`;
  if (d.form) where += ` (form ${d.form})`;
  // A JSON diagnostic names its answer or field itself (answer "visit_freq", field "language").
  const col = d.column ? (d.where !== undefined ? `${d.column}: ` : `column ${d.column}: `) : "";
  const code = c ? c.dim(`[${d.code}]`) : `[${d.code}]`;
  const hint = d.hint ? `\n    ${c ? c.dim("hint:") : "hint:"} ${d.hint}` : "";
  return `${where}: ${col}${d.message} ${code}${hint}`;
}

/** Keeps the first `limit` errors and warnings, counts the rest, and counts per code. */
export class DiagnosticLog {
  readonly errors: ImportDiagnostic[] = [];
  readonly warnings: ImportDiagnostic[] = [];
  errorCount = 0;
  warningCount = 0;
  readonly byCode = new Map<ImportCode, number>();

  constructor(readonly limit = 50) {}

  add(d: ImportDiagnostic): void {
    this.byCode.set(d.code, (this.byCode.get(d.code) ?? 0) + 1);
    if (d.severity === "error") {
      this.errorCount++;
      if (this.errors.length < this.limit) this.errors.push(d);
    } else {
      this.warningCount++;
      if (this.warnings.length < this.limit) this.warnings.push(d);
    }
  }

  addAll(list: readonly ImportDiagnostic[]): void {
    for (const d of list) this.add(d);
  }
}

/** The listing printed after an import: errors, then warnings, each capped with a count. */
export function renderLog(log: DiagnosticLog, c?: Colors): string[] {
  const lines: string[] = [];
  const section = (title: string, list: ImportDiagnostic[], total: number) => {
    if (total === 0) return;
    lines.push(`${title} (${total}):`);
    for (const d of list) lines.push(`  ${formatDiagnostic(d, c)}`);
    if (total > list.length) lines.push(`  … and ${total - list.length} more`);
  };
  section(c ? c.red("Errors") : "Errors", log.errors, log.errorCount);
  section(c ? c.yellow("Warnings") : "Warnings", log.warnings, log.warningCount);
  if (log.errorCount + log.warningCount > log.errors.length + log.warnings.length) {
    const counts = [...log.byCode].map(([code, n]) => `${code} ×${n}`).join(", ");
    lines.push(`  By kind: ${counts}`);
  }
  return lines;
}
