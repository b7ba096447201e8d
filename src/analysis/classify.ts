// What one response says about one slot: a valid answer, a "don't know", skipped, not shown
// (show_if false), not reached (would have been shown: a partial response stopped before it),
// or a stored value that does not fit. Pure; uses the expression module for show_if.
import type { Slot, SurveyResponse } from "../definition/answers.js";
import { compileShowIf, evaluate } from "../definition/expr/index.js";
import type { Choice } from "../definition/model.js";
import { hasChoices } from "../definition/model.js";

export type SlotState =
  | { state: "valid"; value: ValidValue }
  | { state: "missing"; code: string }
  | { state: "skipped" | "notShown" | "notReached" | "invalid" };

/** choice: a code; choices and ranking: codes in order; number; text; allocation: points by code. */
export type ValidValue = string | string[] | number | Record<string, number>;

// Built once per question, not once per response and slot.
const CODES = new WeakMap<object, Map<string, Choice>>();
function codesOf(q: object, choices: Choice[]): Map<string, Choice> {
  let m = CODES.get(q);
  if (!m) {
    m = new Map(choices.map((c) => [c.value, c]));
    CODES.set(q, m);
  }
  return m;
}

export function classify(slot: Slot, r: SurveyResponse): SlotState {
  const raw = r.answers[slot.id];
  if (raw === undefined) {
    const src = slot.question.showIf;
    return src !== undefined && !evaluate(compileShowIf(src), r.answers)
      ? { state: "notShown" }
      : { state: "notReached" };
  }
  if (raw === null) return { state: "skipped" };
  const q = slot.question;
  const choices: Choice[] = hasChoices(q) ? q.choices : [];
  const byCode = codesOf(q, choices);
  switch (slot.kind) {
    case "choice": {
      const code = typeof raw === "number" ? String(raw) : raw;
      if (typeof code !== "string") return { state: "invalid" };
      if (code.trim() === "") return { state: "skipped" };
      const c = byCode.get(code);
      if (!c) return { state: "invalid" };
      return c.missing ? { state: "missing", code } : { state: "valid", value: code };
    }
    case "choices": {
      if (!Array.isArray(raw)) return { state: "invalid" };
      if (raw.length === 0) return { state: "skipped" };
      if (raw.some((c) => !byCode.has(c))) return { state: "invalid" };
      const picked = new Set(raw);
      const valid = choices.filter((c) => !c.missing && picked.has(c.value)).map((c) => c.value);
      if (valid.length > 0) return { state: "valid", value: valid };
      return { state: "missing", code: choices.find((c) => picked.has(c.value))!.value };
    }
    case "ranking": {
      if (!Array.isArray(raw)) return { state: "invalid" };
      if (raw.length === 0) return { state: "skipped" };
      if (raw.some((c) => !byCode.has(c)) || new Set(raw).size !== raw.length) return { state: "invalid" };
      const ranked = raw.filter((c) => !byCode.get(c)!.missing);
      if (ranked.length === 0) return { state: "missing", code: raw[0]! };
      const top = q.type === "ranking" ? q.top : ranked.length;
      return { state: "valid", value: ranked.slice(0, top) };
    }
    case "number":
      return typeof raw === "number" && Number.isFinite(raw)
        ? { state: "valid", value: raw }
        : { state: "invalid" };
    case "text":
      if (typeof raw !== "string") return { state: "invalid" };
      return raw.trim() === "" ? { state: "skipped" } : { state: "valid", value: raw };
    case "allocation": {
      if (typeof raw !== "object" || Array.isArray(raw)) return { state: "invalid" };
      const points: Record<string, number> = {};
      let total = 0;
      for (const [code, v] of Object.entries(raw)) {
        if (!byCode.has(code) || typeof v !== "number" || !Number.isFinite(v) || v < 0)
          return { state: "invalid" };
        if (v > 0) points[code] = v;
        total += v;
      }
      return total === 0 ? { state: "skipped" } : { state: "valid", value: points };
    }
  }
}

/** Numeric value of a scale code, or null for codes that are not numbers. */
export function codeNumber(code: string): number | null {
  return /^-?\d+(\.\d+)?$/.test(code) ? Number(code) : null;
}
