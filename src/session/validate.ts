// The checks an answer goes through, by its shape (codes in survey order, numbers as numbers,
// zero points left out); which applies to a question is its row in question-types.ts. Pure.
// Problems are message keys, so the person sees them in their own language.
import type { Choice, NumberQuestion } from "../definition/model.js";
import type { MessageKey } from "../i18n/index.js";

export interface Problem {
  key: MessageKey;
  vars?: Record<string, string | number>;
}
export type Checked<T> = { ok: true; value: T } | { ok: false; problem: Problem };

export const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
export const fail = (key: MessageKey, vars?: Problem["vars"]): Checked<never> => ({
  ok: false,
  problem: vars ? { key, vars } : { key },
});

/** Longest "other, what?" text kept. */
export const OTHER_MAX = 200;

function asCode(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isInteger(value)) return String(value);
  return null;
}

export function checkCode(choices: Choice[], value: unknown): Checked<string> {
  const code = asCode(value);
  if (code === null || !choices.some((c) => c.value === code))
    return fail("run.error.unknownChoice", { value: String(value) });
  return ok(code);
}

function checkCodes(choices: Choice[], value: unknown): Checked<string[]> {
  if (!Array.isArray(value)) return fail("run.error.notAList");
  const codes: string[] = [];
  for (const v of value) {
    const c = checkCode(choices, v);
    if (!c.ok) return c;
    if (codes.includes(c.value)) return fail("run.error.twice", { value: c.value });
    codes.push(c.value);
  }
  return ok(codes);
}

export function checkMulti(
  choices: Choice[],
  exclusive: string[],
  min: number | undefined,
  max: number | undefined,
  value: unknown,
): Checked<string[]> {
  const codes = checkCodes(choices, value);
  if (!codes.ok) return codes;
  const picked = choices.map((c) => c.value).filter((v) => codes.value.includes(v));
  if (picked.length === 0) return fail("run.error.nothingPicked");
  const alone = picked.find((c) => exclusive.includes(c));
  if (alone !== undefined && picked.length > 1) return fail("run.error.exclusive", { value: alone });
  // An exclusive answer ("none of these") stands for the whole question, so min does not apply.
  if (alone === undefined && min !== undefined && picked.length < min)
    return fail("run.error.pickAtLeast", { min });
  if (max !== undefined && picked.length > max) return fail("run.error.pickAtMost", { max });
  return ok(picked);
}

/** A number as people type it: decimal comma or point, spaces between thousands, a sign. */
export function parseNumberInput(raw: string): number | null {
  const s = raw
    .trim()
    .replace(/(?<=\d)[\s\u00a0\u202f](?=\d{3}\b)/g, "")
    .replace("−", "-");
  if (!/^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/.test(s)) return null;
  const n = Number(s.replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

/** Typed text for a number question; an empty field is a skip. */
export function checkNumberInput(q: NumberQuestion, raw: string): Checked<number | null> {
  if (raw.trim() === "") return ok(null);
  const n = parseNumberInput(raw);
  if (n === null) return fail("run.error.notNumber");
  return checkNumber(q, n);
}

export function checkNumber(q: NumberQuestion, value: unknown): Checked<number> {
  if (typeof value !== "number" || !Number.isFinite(value)) return fail("run.error.notNumber");
  const outside = (q.min !== undefined && value < q.min) || (q.max !== undefined && value > q.max);
  if (outside) {
    if (q.min !== undefined && q.max !== undefined)
      return fail("run.error.between", { min: q.min, max: q.max });
    if (q.min !== undefined) return fail("run.error.atLeast", { min: q.min });
    return fail("run.error.atMost", { max: q.max! });
  }
  if (q.integer && !Number.isInteger(value)) return fail("run.error.integer");
  return ok(value);
}

export function checkText(value: unknown, max: number): Checked<string | null> {
  if (typeof value !== "string") return fail("run.error.notText");
  const text = value.trim();
  if (text === "") return ok(null);
  const length = [...text].length;
  if (length > max) return fail("run.error.tooLong", { n: length, max });
  return ok(text);
}

/** How many a ranking asks for: its top N, or every choice when there are fewer. */
export function rankingLength(choices: Choice[], top: number): number {
  return Math.min(top, choices.length);
}

export function checkRanking(choices: Choice[], top: number, value: unknown): Checked<string[]> {
  const codes = checkCodes(choices, value);
  if (!codes.ok) return codes;
  const want = rankingLength(choices, top);
  if (codes.value.length !== want)
    return fail("run.error.rankingCount", { top: want, n: codes.value.length });
  return ok(codes.value);
}

export function checkAllocation(
  choices: Choice[],
  points: number,
  value: unknown,
): Checked<Record<string, number>> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return fail("run.error.notPoints");
  const given = value as Record<string, unknown>;
  const out: Record<string, number> = {};
  let total = 0;
  for (const [code, p] of Object.entries(given)) {
    if (!choices.some((c) => c.value === code)) return fail("run.error.unknownChoice", { value: code });
    if (typeof p !== "number" || !Number.isInteger(p) || p < 0) return fail("run.error.notPoints");
    total += p;
  }
  if (total > points) return fail("run.error.pointsOver", { n: total, points });
  if (total < points) return fail("run.error.pointsLeft", { n: points - total });
  for (const c of choices) {
    const p = given[c.value];
    if (typeof p === "number" && p > 0) out[c.value] = p;
  }
  return ok(out);
}

/** The "other, what?" text: optional, trimmed, bounded. */
export function checkOtherText(value: unknown): Checked<string | null> {
  if (value === null || value === undefined) return ok(null);
  return checkText(value, OTHER_MAX);
}
