// Zod schema issues turned into diagnostics a person can act on: where (file:line:col, which
// question or choice), what is wrong, and how to write it instead.
import type { z } from "zod";
import type { Diagnostic } from "./diagnostics.js";
import { getAt, KNOWN_KEYS, typeKeyOf } from "./known-keys.js";
import { QUESTION_TYPES } from "./schema.js";
import type { ParsedYaml, Path } from "./source.js";
import { closest, didYouMean } from "./suggest.js";

/**
 * A text with an unquoted comma (`{ fi: Kun tulet, mitä teet?, en: … }`) falls apart into keys
 * that are not language codes, one issue each; one diagnostic per text says what happened.
 */
export function oneCommaProblemPerText(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    if (i.code !== "invalid_key") return true;
    const parent = JSON.stringify(i.path.slice(0, -1));
    if (seen.has(parent)) return false;
    seen.add(parent);
    return true;
  });
}

/** Where a diagnostic points: the file and the line, column and length of a path (or its key). */
type At = (p: Path, key?: string) => Pick<Diagnostic, "file" | "line" | "col" | "length">;

export function schemaDiagnostics(issue: z.core.$ZodIssue, parsed: ParsedYaml, file: string): Diagnostic[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  const at: At = (p, key) => ({
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
  if (issue.code === "invalid_key" && issue.origin === "record")
    return [recordKeyDiagnostic(path, where, parsed, at)];
  if (issue.code === "unrecognized_keys")
    return issue.keys.map((key) => ({
      severity: "error",
      code: "SURVEY_UNKNOWN_KEY",
      message: `Unknown key "${key}"${where ? ` in ${where}` : ""}.`,
      hint: didYouMean(key, KNOWN_KEYS) ?? "Remove it, or check the survey format in the README.",
      ...at(path, key),
    }));
  if (issue.code === "invalid_union" && "discriminator" in issue && issue.discriminator === "type")
    return [typeDiagnostic(path, parsed, at)];
  const value = getAt(parsed.data, path);
  const field = path.at(-1);
  if (value === undefined && issue.code === "invalid_type") return missingFieldDiagnostics(path, parsed, at);
  return [
    {
      severity: "error",
      code: "SURVEY_BAD_VALUE",
      message: `${String(field ?? "value")}${where ? ` (${where})` : ""}: ${friendly(issue)}`,
      ...at(path),
    },
  ];
}

/** A key of a map that is not allowed: a wave code, a text split by a comma, or not a language. */
function recordKeyDiagnostic(path: Path, where: string, parsed: ParsedYaml, at: At): Diagnostic {
  const key = String(path.at(-1));
  const parentPath = path.slice(0, -1);
  if (parentPath.length === 1 && parentPath[0] === "waves")
    return {
      severity: "error",
      code: "SURVEY_BAD_VALUE",
      message: `"${key}" is not a wave code: use letters, digits, _ or -, as in the sessions' --wave.`,
      hint: "For example waves: { baseline: { fi: Alkukartoitus, sv: Kartläggning, en: Baseline } }",
      ...at(parentPath, key),
    };
  const map = getAt(parsed.data, parentPath) as Record<string, unknown> | undefined;
  const keys = map && typeof map === "object" ? Object.keys(map) : [];
  const before = keys[keys.indexOf(key) - 1];
  if (map && map[key] === null && before !== undefined && typeof map[before] === "string")
    return {
      severity: "error",
      code: "SURVEY_UNQUOTED_COMMA",
      message: `A comma outside quotes splits the ${before} text${where ? ` of ${where}` : ""}: "${key}" is read as a key of its own.`,
      hint: `Put the whole text in quotes: ${before}: "${String(map[before])}, ${key}"`,
      ...at(parentPath, key),
    };
  return {
    severity: "error",
    code: "SURVEY_BAD_VALUE",
    message: `"${key}"${where ? ` (${where})` : ""} is not a language code such as fi, sv or en.`,
    hint: "Write texts as { fi: …, sv: …, en: … }; a text with a comma or a colon goes in quotes.",
    ...at(parentPath, key),
  };
}

/** A question whose type is misspelt as a key, missing, or not a known type. */
function typeDiagnostic(path: Path, parsed: ParsedYaml, at: At): Diagnostic {
  const given = getAt(parsed.data, path);
  const parent = path.slice(0, -1);
  const question = getAt(parsed.data, parent) as Record<string, unknown> | undefined;
  const misspelt =
    given === undefined && question && typeof question === "object" ? typeKeyOf(question) : undefined;
  if (misspelt)
    return {
      severity: "error",
      code: "SURVEY_UNKNOWN_KEY",
      message: `Unknown key "${misspelt}" in ${describePath(parent, parsed.data)}: did you mean type?`,
      hint: `Write type: ${String(question?.[misspelt])} (one of ${QUESTION_TYPES.join(", ")}).`,
      ...at(parent, misspelt),
    };
  if (given === undefined)
    return {
      severity: "error",
      code: "SURVEY_MISSING_FIELD",
      message: `${capital(describePath(parent, parsed.data))} has no type.`,
      hint: `Add type: one of ${QUESTION_TYPES.join(", ")}.`,
      ...at(parent, "id"),
    };
  return {
    severity: "error",
    code: "SURVEY_UNKNOWN_TYPE",
    message: `Unknown question type "${String(given)}".`,
    hint: didYouMean(String(given), QUESTION_TYPES) ?? `Types: ${QUESTION_TYPES.join(", ")}.`,
    ...at(path),
  };
}

/** A required key that is not there, unless a misspelt key already stands for it. */
function missingFieldDiagnostics(path: Path, parsed: ParsedYaml, at: At): Diagnostic[] {
  const field = path.at(-1);
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
