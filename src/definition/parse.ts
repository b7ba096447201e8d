// Survey text in, Survey or every problem out. Pure: text → YAML → schema (zod) → rules →
// normalised model. Each problem carries file:line:col so a person can go straight to it.
import { countErrors, type Diagnostic, sortDiagnostics } from "./diagnostics.js";
import type { Survey } from "./model.js";
import { normalizeSurvey } from "./normalize.js";
import { checkRules } from "./rules.js";
import { salvage } from "./salvage.js";
import { SurveyFile } from "./schema.js";
import { oneCommaProblemPerText, schemaDiagnostics } from "./schema-diagnostics.js";
import { decodeSurveyBytes, type ParsedYaml, parseYaml } from "./source.js";

export interface ParseResult {
  survey?: Survey;
  /** Errors and warnings, in file order. `survey` is set only when there are no errors. */
  diagnostics: Diagnostic[];
  /** The decoded text, for rendering excerpts. */
  source?: string;
}

export function parseSurveyBytes(bytes: Uint8Array, file: string): ParseResult {
  const decoded = decodeSurveyBytes(bytes, file);
  if ("diagnostic" in decoded) return { diagnostics: [decoded.diagnostic] };
  return parseSurvey(decoded.text, file);
}

export function parseSurvey(text: string, file: string): ParseResult {
  const { parsed, diagnostics } = parseYaml(text, file);
  if (!parsed) return { diagnostics, source: text };
  const schemaResult = SurveyFile.safeParse(parsed.data);
  if (!schemaResult.success) {
    const diags = oneCommaProblemPerText(schemaResult.error.issues).flatMap((i) =>
      schemaDiagnostics(i, parsed, file),
    );
    // Like a compiler, report everything in one run: when the schema problems can be set aside
    // (a misspelt key renamed, a stray key dropped), the cross-field rules (show_if, references,
    // duplicates) still run on the rest, so the next run does not bring new surprises.
    const salvaged = salvage(parsed.data, schemaResult.error.issues);
    if (salvaged) {
      const taken = new Set(diags.map((d) => d.line));
      for (const d of ruleDiagnostics(salvaged, parsed, text, file)) if (!taken.has(d.line)) diags.push(d);
    }
    return { diagnostics: sortDiagnostics(dedupe(diags)), source: text };
  }
  const all = sortDiagnostics(ruleDiagnostics(schemaResult.data, parsed, text, file));
  if (countErrors(all) > 0) return { diagnostics: all, source: text };
  return { survey: normalizeSurvey(schemaResult.data), diagnostics: all, source: text };
}

function ruleDiagnostics(data: SurveyFile, parsed: ParsedYaml, text: string, file: string): Diagnostic[] {
  return checkRules(data).map((issue): Diagnostic => {
    const at = parsed.locate(issue.path, issue.key === undefined ? undefined : { key: issue.key });
    let { col, length } = at;
    if (issue.span) {
      // The span is inside the string value; skip an opening quote if the scalar is quoted.
      const firstChar = text.split(/\r?\n/)[at.line - 1]?.[at.col - 1];
      col += issue.span.start + (firstChar === "'" || firstChar === '"' ? 1 : 0);
      length = Math.max(1, issue.span.end - issue.span.start);
    }
    // A duplicate says where the first one is: "… is used twice (the first one is on line 19)."
    const first = issue.first ? parsed.locate(issue.first) : undefined;
    const where = `line ${first?.line}, column ${first?.col}`;
    const message = !first
      ? issue.message
      : issue.message.endsWith(").")
        ? `${issue.message.slice(0, -2)}, on ${where}).`
        : `${issue.message.replace(/\.$/, "")} (the first one is on ${where}).`;
    return {
      severity: issue.severity,
      code: issue.code,
      message,
      ...(issue.hint ? { hint: issue.hint } : {}),
      file,
      line: at.line,
      col,
      length,
    };
  });
}

function dedupe(diags: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diags.filter((d) => {
    const k = `${d.line}:${d.col}:${d.code}:${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
