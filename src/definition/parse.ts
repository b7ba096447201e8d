// Survey text in, Survey or every problem out. Pure: text → YAML → schema (zod) → rules →
// normalised model. Each problem carries file:line:col so a person can go straight to it.
import type { z } from "zod";
import { countErrors, type Diagnostic, sortDiagnostics } from "./diagnostics.js";
import type { Survey } from "./model.js";
import { normalizeSurvey } from "./normalize.js";
import { checkRules } from "./rules.js";
import { QUESTION_TYPES, SurveyFile } from "./schema.js";
import { decodeSurveyBytes, type ParsedYaml, type Path, parseYaml } from "./source.js";
import { didYouMean } from "./suggest.js";

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
    const diags = schemaResult.error.issues.flatMap((i) => schemaDiagnostics(i, parsed, file));
    return { diagnostics: sortDiagnostics(dedupe(diags)), source: text };
  }
  const ruleDiags = checkRules(schemaResult.data).map((issue): Diagnostic => {
    const at = parsed.locate(issue.path, issue.key === undefined ? undefined : { key: issue.key });
    let { col, length } = at;
    if (issue.span) {
      // The span is inside the string value; skip an opening quote if the scalar is quoted.
      const firstChar = text.split(/\r?\n/)[at.line - 1]?.[at.col - 1];
      col += issue.span.start + (firstChar === "'" || firstChar === '"' ? 1 : 0);
      length = Math.max(1, issue.span.end - issue.span.start);
    }
    return {
      severity: issue.severity,
      code: issue.code,
      message: issue.message,
      ...(issue.hint ? { hint: issue.hint } : {}),
      file,
      line: at.line,
      col,
      length,
    };
  });
  const all = sortDiagnostics(ruleDiags);
  if (countErrors(all) > 0) return { diagnostics: all, source: text };
  return { survey: normalizeSurvey(schemaResult.data), diagnostics: all, source: text };
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

/** Every key name the format knows, for "did you mean" on unknown keys. */
const KNOWN_KEYS = [
  ...Object.keys(SurveyFile.shape),
  "id",
  "type",
  "text",
  "plain",
  "help",
  "required",
  "show_if",
  "choices",
  "other",
  "min",
  "max",
  "exclusive",
  "dont_know",
  "scale",
  "smileys",
  "labels",
  "items",
  "reverse",
  "integer",
  "unit",
  "max_length",
  "top",
  "points",
  "value",
  "label",
  "missing",
  "title",
  "questions",
  "intro",
  "importance",
  "performance",
  "minimum",
  "desired",
  "perceived",
];

function getAt(data: unknown, path: Path): unknown {
  let cur = data;
  for (const step of path)
    cur =
      cur != null && typeof cur === "object" ? (cur as Record<string, unknown>)[step as string] : undefined;
  return cur;
}

function schemaDiagnostics(issue: z.core.$ZodIssue, parsed: ParsedYaml, file: string): Diagnostic[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  const at = (p: Path, key?: string) => ({
    file,
    ...parsed.locate(p, key === undefined ? undefined : { key }),
  });
  const where = describePath(path, parsed.data);
  if (issue.code === "unrecognized_keys")
    return issue.keys.map((key) => ({
      severity: "error",
      code: "SURVEY_UNKNOWN_KEY",
      message: `Unknown key "${key}"${where ? ` in ${where}` : ""}.`,
      hint: didYouMean(key, KNOWN_KEYS) ?? "Remove it, or check the survey format in the README.",
      ...at(path, key),
    }));
  if (issue.code === "invalid_union" && "discriminator" in issue && issue.discriminator === "type") {
    const given = getAt(parsed.data, path);
    const parent = path.slice(0, -1);
    if (given === undefined)
      return [
        {
          severity: "error",
          code: "SURVEY_MISSING_FIELD",
          message: `${capital(describePath(parent, parsed.data))} has no type.`,
          hint: `Add type: one of ${QUESTION_TYPES.join(", ")}.`,
          ...at(parent, "id"),
        },
      ];
    return [
      {
        severity: "error",
        code: "SURVEY_UNKNOWN_TYPE",
        message: `Unknown question type "${String(given)}".`,
        hint: didYouMean(String(given), QUESTION_TYPES) ?? `Types: ${QUESTION_TYPES.join(", ")}.`,
        ...at(path),
      },
    ];
  }
  const value = getAt(parsed.data, path);
  const field = path.at(-1);
  if (value === undefined && issue.code === "invalid_type") {
    const parent = path.slice(0, -1);
    return [
      {
        severity: "error",
        code: "SURVEY_MISSING_FIELD",
        message: `${capital(describePath(parent, parsed.data) || "The survey")} is missing "${String(field)}".`,
        hint: missingHint(String(field)),
        ...at(parent, undefined),
      },
    ];
  }
  return [
    {
      severity: "error",
      code: "SURVEY_BAD_VALUE",
      message: `${String(field ?? "value")}${where ? ` (${where})` : ""}: ${friendly(issue)}`,
      ...at(path),
    },
  ];
}

function friendly(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_value" && issue.path.at(-1) === "kuulo")
    return "the format version must be 1 (kuulo: 1).";
  return issue.message.replace(/^Invalid input: /, "");
}

function missingHint(field: string): string {
  const hints: Record<string, string> = {
    kuulo: "Start the file with `kuulo: 1`.",
    choices: "Name a list under `choices:` or write the choices out.",
    points: "Say how many points (dots) each person spreads, e.g. points: 10.",
    top: "Say how many choices to put in order, e.g. top: 3.",
    text: "Every question needs its text, at least in the default language.",
  };
  return hints[field] ?? `Add ${field}: …`;
}

/** "question \"visit_freq\"" or "section \"use\"" from a data path, for messages. */
function describePath(path: Path, data: unknown): string {
  const qi = path.indexOf("questions");
  if (qi >= 0 && typeof path[qi + 1] === "number") {
    const q = getAt(data, path.slice(0, qi + 2)) as { id?: unknown } | undefined;
    return typeof q?.id === "string" ? `question "${q.id}"` : `question ${(path[qi + 1] as number) + 1}`;
  }
  if (path[0] === "sections" && typeof path[1] === "number") {
    const s = getAt(data, path.slice(0, 2)) as { id?: unknown } | undefined;
    return typeof s?.id === "string" ? `section "${s.id}"` : `section ${path[1] + 1}`;
  }
  if (path[0] === "choices" && path[1] !== undefined) return `choice list "${String(path[1])}"`;
  return "";
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
