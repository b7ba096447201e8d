// How one typed cell becomes an answer value: choice codes or labels in any language (case and
// spaces ignored), numbers with a decimal comma, tick marks, joined lists. Pure; each failure
// says what was expected and, when something is close, what was probably meant.
import type { Choice } from "../definition/model.js";
import { closest } from "../definition/suggest.js";

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Dashes (hyphen, en and em dash, minus…), typographic quotes and apostrophes, invisible marks. */
const DASHES = /[\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u00B4`\uFF07]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\uFF02]/g;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/**
 * Lower-case, trimmed, inner runs of white space (no-break and thin spaces too) as one space,
 * Unicode-normalised, every dash as "-" and every quote as ' or ": a Finnish keyboard has no
 * en dash, and Word turns ' into ’, so "25-34 vuotta" and "25 — 34 vuotta" are the label
 * "25–34 vuotta" (spaces around a dash do not count either).
 */
export function normalizeKey(s: string): string {
  return s
    .normalize("NFC")
    .replace(INVISIBLE, "")
    .replace(DASHES, "-")
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .trim()
    .replace(/\s+/g, " ")
    .replace(/ ?- ?/g, "-")
    .toLocaleLowerCase("fi");
}

export interface ChoiceIndex {
  /** Exact strings (codes and labels as written) → code: the fast path. */
  exact: Map<string, string>;
  /** Normalised codes and labels → code. */
  loose: Map<string, string>;
  codes: string[];
  /** Labels in the default language, for "expected one of". */
  display: string[];
  /** Everything a person might have meant, for "did you mean". */
  candidates: string[];
  /** The most list separators (; , |) any code or label holds: how many pieces joined can name one. */
  maxSeparators?: number;
  /** Which of the list separators (; , |) some code or label holds ("" when none does). */
  separators?: string;
}

export function indexChoices(choices: readonly Choice[], defaultLang: string): ChoiceIndex {
  const exact = new Map<string, string>();
  const loose = new Map<string, string>();
  const candidates: string[] = [];
  // Codes first, so that a label never shadows a code.
  for (const c of choices) {
    exact.set(c.value, c.value);
    loose.set(normalizeKey(c.value), c.value);
  }
  for (const c of choices) {
    for (const t of [...Object.values(c.label), ...Object.values(c.plain ?? {})]) {
      if (!exact.has(t)) exact.set(t, c.value);
      const k = normalizeKey(t);
      if (!loose.has(k)) loose.set(k, c.value);
      // "Muu, mikä?" is also "Muu, mikä" on a form.
      const bare = k.replace(/[\s?:.!]+$/, "");
      if (bare && !loose.has(bare)) loose.set(bare, c.value);
      candidates.push(t);
    }
  }
  const display = choices.map((c) => c.label[defaultLang] ?? Object.values(c.label)[0] ?? c.value);
  let maxSeparators = 0;
  let separators = "";
  for (const k of [...exact.keys(), ...loose.keys()]) {
    const held = k.replace(/[^;,|]/g, "");
    maxSeparators = Math.max(maxSeparators, held.length);
    for (const c of held) if (!separators.includes(c)) separators += c;
  }
  return { exact, loose, codes: choices.map((c) => c.value), display, candidates, maxSeparators, separators };
}

function expectedList(ix: ChoiceIndex): string {
  return ix.codes
    .map((code, i) => (ix.display[i] && ix.display[i] !== code ? `${code} = ${ix.display[i]}` : code))
    .join(", ");
}

export function parseChoice(raw: string, ix: ChoiceIndex): Parsed<string> {
  const hit = ix.exact.get(raw) ?? ix.loose.get(normalizeKey(raw));
  if (hit !== undefined) return { ok: true, value: hit };
  const n = parseNumber(raw);
  // 3.0 from a spreadsheet is the code 3.
  if (n.ok && Number.isInteger(n.value) && ix.exact.has(String(n.value)))
    return { ok: true, value: String(n.value) };
  const near = closest(raw.trim(), ix.candidates) ?? closest(raw.trim(), ix.codes);
  const mean = near === undefined ? "" : `; did you mean ${JSON.stringify(near)}?`;
  return {
    ok: false,
    message: `is not a choice${mean} (expected one of: ${expectedList(ix)}; case, dashes, quotes and spaces of any kind count as the same)`,
  };
}

const NUMBER_RE = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;

/** "3,5", " 12 ", "1 000" (spaces or no-break spaces between digit groups), "-2". */
export function parseNumber(raw: string): Parsed<number> {
  let s = raw.trim();
  if (/\d[\s\u00a0\u202f]\d/.test(s)) s = s.replace(/(?<=\d)[\s\u00a0\u202f](?=\d{3}\b)/g, "");
  if (s.startsWith("\u2212")) s = `-${s.slice(1)}`; // a typographic minus from Word
  if (!NUMBER_RE.test(s)) return { ok: false, message: "is not a number (write digits, e.g. 12 or 3,5)" };
  return { ok: true, value: Number(s.replace(",", ".")) };
}

const TRUE_FLAGS = new Set([
  "x",
  "1",
  "kyllä",
  "kylla",
  "k",
  "ja",
  "j",
  "yes",
  "y",
  "true",
  "tosi",
  "sant",
  "✓",
  "✔",
]);
const FALSE_FLAGS = new Set(["0", "ei", "e", "nej", "no", "n", "false", "epätosi", "falskt", "-"]);

/** A tick-box cell: true (picked), false (explicitly not) or null (blank). */
export function parseFlag(raw: string): Parsed<boolean | null> {
  const k = normalizeKey(raw);
  if (k === "") return { ok: true, value: null };
  if (TRUE_FLAGS.has(k)) return { ok: true, value: true };
  if (FALSE_FLAGS.has(k)) return { ok: true, value: false };
  return {
    ok: false,
    message: "is not a tick mark (use x or 1 for picked, leave blank or 0 for not picked)",
  };
}

export function isTrueFlag(raw: string): boolean {
  return TRUE_FLAGS.has(normalizeKey(raw));
}

const LIST_SEPARATORS = /[;,|]/;

/**
 * The codes of a joined list whose every piece is a code or label exactly as written, when no
 * code or label holds a separator the cell uses (so each piece stands alone: "Muu, mikä?" is
 * no reason to search "a|b" for longer runs): what parseChoiceList gives then, without that
 * search. Undefined when any piece needs more.
 */
export function exactChoiceList(raw: string, ix: ChoiceIndex): string[] | undefined {
  if (raw.includes("\n")) return undefined;
  if (ix.separators === undefined) {
    if (ix.maxSeparators !== 0) return undefined;
  } else for (const c of ix.separators) if (raw.includes(c)) return undefined;
  const codes: string[] = [];
  for (const piece of raw.split(LIST_SEPARATORS)) {
    if (piece === "") continue;
    const hit = ix.exact.get(piece);
    if (hit === undefined) return undefined;
    codes.push(hit);
  }
  return codes;
}

/**
 * Split a joined list ("1;3", "fines, hours", "Muu, mikä?|Sakot") into codes. Labels may hold
 * commas themselves, so at each point the longest run of pieces that names a choice wins.
 */
export function parseChoiceList(raw: string, ix: ChoiceIndex): { codes: string[]; bad: string[] } {
  const pieces = raw.split(/([;,|\n])/);
  const tokens: string[] = [];
  const seps: string[] = [];
  for (let i = 0; i < pieces.length; i++) (i % 2 === 0 ? tokens : seps).push(pieces[i]!);
  const codes: string[] = [];
  const bad: string[] = [];
  // Pieces joined by n of ; , | can name only a code or label holding as many (a line break
  // becomes a space, so any length then): longer runs are not tried, as they could not match.
  const span = ix.maxSeparators === undefined || raw.includes("\n") ? tokens.length : ix.maxSeparators;
  let i = 0;
  while (i < tokens.length) {
    let matched = false;
    for (let j = Math.min(tokens.length - 1, i + span); j >= i; j--) {
      let text = tokens[i]!;
      for (let k = i + 1; k <= j; k++) text += seps[k - 1]! + tokens[k]!;
      if (text.trim() === "") break;
      const hit = ix.exact.get(text) ?? ix.loose.get(normalizeKey(text));
      if (hit !== undefined) {
        codes.push(hit);
        i = j + 1;
        matched = true;
        break;
      }
    }
    if (!matched) {
      if (tokens[i]!.trim() !== "") bad.push(tokens[i]!.trim());
      i++;
    }
  }
  return { codes, bad };
}

export function parseInteger(raw: string, what: string, min: number, max: number): Parsed<number> {
  const n = parseNumber(raw);
  if (!n.ok || !Number.isInteger(n.value) || n.value < min || n.value > max)
    return { ok: false, message: `is not a valid ${what} (expected a whole number from ${min} to ${max})` };
  return n;
}
