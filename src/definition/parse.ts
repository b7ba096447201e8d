// Survey text in, Survey or every problem out. Pure: text → YAML → schema (zod) → rules →
// normalised model. Each problem carries file:line:col so a person can go straight to it.
import type { z } from "zod";
import { countErrors, type Diagnostic, sortDiagnostics } from "./diagnostics.js";
import type { Survey } from "./model.js";
import { normalizeSurvey } from "./normalize.js";
import { checkRules } from "./rules.js";
import { QUESTION_TYPES, SurveyFile } from "./schema.js";
import { decodeSurveyBytes, type ParsedYaml, type Path, parseYaml } from "./source.js";
import { closest, didYouMean } from "./suggest.js";

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

/**
 * The data with the schema's problems set aside where that is safe (an unknown key close to a
 * known one renamed, other unknown keys and keys that are not language codes dropped), if the
 * result then fits the schema; otherwise undefined and the rules wait for the next run.
 */
function salvage(data: unknown, issues: readonly z.core.$ZodIssue[]): SurveyFile | undefined {
  let copy = structuredClone(data);
  for (let round = 0; round < 3; round++) {
    let changed = false;
    for (const issue of issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
      if (issue.code === "unrecognized_keys") {
        const obj = getAt(copy, path) as Record<string, unknown> | undefined;
        if (!obj || typeof obj !== "object") continue;
        for (const key of issue.keys) {
          const near = closest(key, KNOWN_KEYS);
          if (near && !(near in obj)) obj[near] = obj[key];
          delete obj[key];
          changed = true;
        }
      } else if (issue.code === "invalid_key") {
        const obj = getAt(copy, path.slice(0, -1)) as Record<string, unknown> | undefined;
        if (obj && typeof obj === "object") {
          delete obj[String(path.at(-1))];
          changed = true;
        }
      } else if (
        issue.code === "invalid_union" &&
        "discriminator" in issue &&
        issue.discriminator === "type"
      ) {
        const q = getAt(copy, path.slice(0, -1)) as Record<string, unknown> | undefined;
        const misspelt = q && typeof q === "object" && q.type === undefined ? typeKeyOf(q) : undefined;
        if (q && misspelt) {
          q.type = q[misspelt];
          delete q[misspelt];
          changed = true;
        }
      }
    }
    const again = SurveyFile.safeParse(copy);
    if (again.success) return again.data;
    if (!changed) return undefined;
    issues = again.error.issues;
    copy = structuredClone(copy);
  }
  return undefined;
}

/** The key of a question object that is a misspelling of `type` (`tpye: multi`), if any. */
function typeKeyOf(q: Record<string, unknown>): string | undefined {
  return Object.keys(q).find(
    (k) => k !== "type" && !KNOWN_KEYS.includes(k) && closest(k, KNOWN_KEYS) === "type",
  );
}

/**
 * A text with an unquoted comma (`{ fi: Kun tulet, mitä teet?, en: … }`) falls apart into keys
 * that are not language codes, one issue each; one diagnostic per text says what happened.
 */
function oneCommaProblemPerText(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    if (i.code !== "invalid_key") return true;
    const parent = JSON.stringify(i.path.slice(0, -1));
    if (seen.has(parent)) return false;
    seen.add(parent);
    return true;
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
  // "A list name or the choices written out": when the choices are written out, say what is
  // wrong inside the list (which choice, which key) rather than "Invalid input" on the whole.
  if (
    issue.code === "invalid_union" &&
    !("discriminator" in issue && issue.discriminator) &&
    issue.errors.length
  ) {
    const branch = issue.errors.find((b) => !b.some((i) => i.path.length === 0 && i.code === "invalid_type"));
    if (branch)
      return branch.flatMap((sub) =>
        schemaDiagnostics({ ...sub, path: [...issue.path, ...sub.path] } as z.core.$ZodIssue, parsed, file),
      );
  }
  if (issue.code === "invalid_key" && issue.origin === "record") {
    const key = String(path.at(-1));
    const parentPath = path.slice(0, -1);
    if (parentPath.length === 1 && parentPath[0] === "waves")
      return [
        {
          severity: "error",
          code: "SURVEY_BAD_VALUE",
          message: `"${key}" is not a wave code: use letters, digits, _ or -, as in the sessions' --wave.`,
          hint: "For example waves: { baseline: { fi: Alkukartoitus, sv: Kartläggning, en: Baseline } }",
          ...at(parentPath, key),
        },
      ];
    const map = getAt(parsed.data, parentPath) as Record<string, unknown> | undefined;
    const keys = map && typeof map === "object" ? Object.keys(map) : [];
    const before = keys[keys.indexOf(key) - 1];
    if (map && map[key] === null && before !== undefined && typeof map[before] === "string")
      return [
        {
          severity: "error",
          code: "SURVEY_UNQUOTED_COMMA",
          message: `A comma outside quotes splits the ${before} text${where ? ` of ${where}` : ""}: "${key}" is read as a key of its own.`,
          hint: `Put the whole text in quotes: ${before}: "${String(map[before])}, ${key}"`,
          ...at(parentPath, key),
        },
      ];
    return [
      {
        severity: "error",
        code: "SURVEY_BAD_VALUE",
        message: `"${key}"${where ? ` (${where})` : ""} is not a language code such as fi, sv or en.`,
        hint: "Write texts as { fi: …, sv: …, en: … }; a text with a comma or a colon goes in quotes.",
        ...at(parentPath, key),
      },
    ];
  }
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
    const question = getAt(parsed.data, parent) as Record<string, unknown> | undefined;
    const misspelt =
      given === undefined && question && typeof question === "object" ? typeKeyOf(question) : undefined;
    if (misspelt)
      return [
        {
          severity: "error",
          code: "SURVEY_UNKNOWN_KEY",
          message: `Unknown key "${misspelt}" in ${describePath(parent, parsed.data)}: did you mean type?`,
          hint: `Write type: ${String(question?.[misspelt])} (one of ${QUESTION_TYPES.join(", ")}).`,
          ...at(parent, misspelt),
        },
      ];
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
    // A misspelt key (`lable:`) is reported as unknown with "did you mean label?"; the missing
    // key it was meant to be is the same mistake, so it is not reported twice.
    const obj = getAt(parsed.data, parent);
    if (
      obj &&
      typeof obj === "object" &&
      Object.keys(obj).some((k) => !KNOWN_KEYS.includes(k) && closest(k, KNOWN_KEYS) === String(field))
    )
      return [];
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
    const question =
      typeof q?.id === "string" ? `question "${q.id}"` : `question ${(path[qi + 1] as number) + 1}`;
    // Inside a list written out in the question: which choice or statement, counted from 1.
    const list = path[qi + 2];
    const n = path[qi + 3];
    if ((list === "choices" || list === "scale" || list === "items") && typeof n === "number")
      return `${list === "items" ? "statement" : "choice"} ${n + 1} of ${question}`;
    return question;
  }
  if (path[0] === "sections" && typeof path[1] === "number") {
    const s = getAt(data, path.slice(0, 2)) as { id?: unknown } | undefined;
    return typeof s?.id === "string" ? `section "${s.id}"` : `section ${path[1] + 1}`;
  }
  if (path[0] === "choices" && path[1] !== undefined)
    return typeof path[2] === "number"
      ? `choice ${path[2] + 1} of list "${String(path[1])}"`
      : `choice list "${String(path[1])}"`;
  return "";
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
