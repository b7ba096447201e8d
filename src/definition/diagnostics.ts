// Problems found in a survey file, with a place in the source, and their rendering as
// `file:line:col severity CODE` + the source line with the span underlined. Rendering returns
// strings; printing is the command's job.
import { capText } from "../errors.js";

export type Severity = "error" | "warning";

export interface Diagnostic {
  severity: Severity;
  /** Stable name, e.g. SURVEY_UNKNOWN_REF. */
  code: string;
  message: string;
  hint?: string;
  file: string;
  /** 1-based; 0 when the problem has no place in the file (e.g. the file is empty). */
  line: number;
  col: number;
  /** Length of the span to underline on `line` (at least 1). */
  length: number;
}

export function countErrors(diags: Diagnostic[]): number {
  return diags.filter((d) => d.severity === "error").length;
}

export function sortDiagnostics(diags: Diagnostic[]): Diagnostic[] {
  return [...diags].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
}

export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
  cyan(s: string): string;
}
const noPaint: Paint = { red: (s) => s, yellow: (s) => s, bold: (s) => s, dim: (s) => s, cyan: (s) => s };

/** Longest source line and message echoed: a 900 kB line is shown as 200 characters around the spot. */
const MAX_EXCERPT = 200;
const MAX_MESSAGE = 400;

function excerpt(line: string, col: number): { shown: string; col: number } {
  if (line.length <= MAX_EXCERPT) return { shown: line, col };
  const start = Math.max(0, Math.min(col - 1 - 60, line.length - MAX_EXCERPT));
  const end = start + MAX_EXCERPT;
  const shown = `${start > 0 ? "…" : ""}${line.slice(start, end)}${end < line.length ? "…" : ""}`;
  return { shown, col: col - start + (start > 0 ? 1 : 0) };
}

/** Render one diagnostic; `source` is the file's text (for the excerpt), if known. */
export function renderDiagnostic(d: Diagnostic, source: string | undefined, paint: Paint = noPaint): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.col}` : d.file;
  const sev = d.severity === "error" ? paint.red(paint.bold("error")) : paint.yellow(paint.bold("warning"));
  const lines = [`${where} ${sev} ${paint.bold(d.code)}`, `  ${capText(d.message, MAX_MESSAGE)}`];
  const text = source !== undefined && d.line > 0 ? source.split(/\r?\n/)[d.line - 1] : undefined;
  if (text !== undefined) {
    const { shown, col } = excerpt(text.replace(/\t/g, " "), d.col);
    const gutter = String(d.line);
    const pad = " ".repeat(gutter.length);
    const width = Math.max(1, Math.min(d.length, Math.max(1, shown.length - (col - 1))));
    lines.push(`    ${paint.dim(`${gutter} |`)} ${shown}`);
    lines.push(
      `    ${paint.dim(`${pad} |`)} ${" ".repeat(Math.max(0, col - 1))}${paint.red("^".repeat(width))}`,
    );
  }
  if (d.hint) lines.push(`  ${paint.cyan("hint:")} ${d.hint}`);
  return lines.join("\n");
}
