// Problems found in a survey file, with a place in the source, and their rendering as
// `file:line:col severity CODE` + the source line with the span underlined. Rendering returns
// strings; printing is the command's job.

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

interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
  cyan(s: string): string;
}
const noPaint: Paint = { red: (s) => s, yellow: (s) => s, bold: (s) => s, dim: (s) => s, cyan: (s) => s };

/** Render one diagnostic; `source` is the file's text (for the excerpt), if known. */
export function renderDiagnostic(d: Diagnostic, source: string | undefined, paint: Paint = noPaint): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.col}` : d.file;
  const sev = d.severity === "error" ? paint.red(paint.bold("error")) : paint.yellow(paint.bold("warning"));
  const lines = [`${where} ${sev} ${paint.bold(d.code)}`, `  ${d.message}`];
  const text = source !== undefined && d.line > 0 ? source.split(/\r?\n/)[d.line - 1] : undefined;
  if (text !== undefined) {
    const shown = text.replace(/\t/g, " ");
    const gutter = String(d.line);
    const pad = " ".repeat(gutter.length);
    const width = Math.max(1, Math.min(d.length, Math.max(1, shown.length - (d.col - 1))));
    lines.push(`    ${paint.dim(`${gutter} |`)} ${shown}`);
    lines.push(
      `    ${paint.dim(`${pad} |`)} ${" ".repeat(Math.max(0, d.col - 1))}${paint.red("^".repeat(width))}`,
    );
  }
  if (d.hint) lines.push(`  ${paint.cyan("hint:")} ${d.hint}`);
  return lines.join("\n");
}
