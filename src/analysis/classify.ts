// What one response says about one slot: a valid answer, a "don't know", skipped, not shown
// (show_if false), not reached (would have been shown: a partial response stopped before it),
// or a stored value that does not fit. Pure; uses the expression module for show_if.
// A slot's classifier is built once (lookup tables per code); states without a value, and
// those of a single code, are shared objects: callers read states and never change them.
import {
  type Answers,
  OTHER_CODE,
  type Slot,
  type SlotKind,
  type SurveyResponse,
} from "../definition/answers.js";
import { compileShowIf, evaluate } from "../definition/expr/index.js";
import type { Choice } from "../definition/model.js";
import { hasChoices } from "../definition/model.js";

export type SlotState =
  | { state: "valid"; value: ValidValue }
  | { state: "missing"; code: string }
  | { state: "skipped" | "notShown" | "notReached" | "invalid" };

/** choice: a code; choices and ranking: codes in order; number; text; allocation: points by code. */
export type ValidValue = string | string[] | number | Record<string, number>;

export const SKIPPED: SlotState = { state: "skipped" };
export const NOT_SHOWN: SlotState = { state: "notShown" };
export const NOT_REACHED: SlotState = { state: "notReached" };
export const INVALID: SlotState = { state: "invalid" };

/** The state of a stored answer (anything but undefined, which show_if decides); null is skipped. */
export type AnswerClassifier = (raw: unknown) => SlotState;

const CLASSIFIERS = new WeakMap<Slot, AnswerClassifier>();

/** The classifier of a slot's stored answers, built once per slot object. */
export function answerClassifier(slot: Slot): AnswerClassifier {
  let f = CLASSIFIERS.get(slot);
  if (!f) {
    const answered = buildClassifier(slot);
    f = (raw) => (raw === null ? SKIPPED : answered(raw));
    CLASSIFIERS.set(slot, f);
  }
  return f;
}

/** Not shown (show_if false) or not reached, for a slot without an answer. */
export function unansweredState(showIf: string | undefined, answers: Answers): SlotState {
  return showIf !== undefined && !evaluate(compileShowIf(showIf), answers) ? NOT_SHOWN : NOT_REACHED;
}

/**
 * One slot of one response. A blank on a complete response was seen and left empty (skipped) or
 * not shown; only a partial response leaves "not reached" (the analysis also counts blanks before
 * a partial response's last answer as skipped, which needs the survey's order).
 */
export function classify(slot: Slot, r: SurveyResponse): SlotState {
  const raw = r.answers[slot.id];
  if (raw !== undefined) return answerClassifier(slot)(raw);
  const state = unansweredState(slot.question.showIf, r.answers);
  return state !== NOT_REACHED || r.status !== "complete" ? state : passedBlankState(slot, r.answers);
}

/**
 * A blank the person got past although show_if held: skipped. The "other" text of a question
 * whose "other" was not picked was never asked for, so it is not shown.
 */
export function passedBlankState(slot: Slot, answers: Answers): SlotState {
  if (slot.other) {
    const main = answers[slot.question.id];
    if (!(Array.isArray(main) ? main.includes(OTHER_CODE) : main === OTHER_CODE)) return NOT_SHOWN;
  }
  return SKIPPED;
}

/** What every classifier is built from: the slot, its choices and each code's first index. */
interface ClassifierInput {
  slot: Slot;
  choices: Choice[];
  index: Map<string, number>;
}

/** One code: the state of every code is made once; a code that is only blanks counts as skipped. */
function choiceClassifier({ choices, index }: ClassifierInput): AnswerClassifier {
  const stateOf = new Map<string, SlotState>();
  for (const [code, i] of index)
    if (code.trim() !== "")
      stateOf.set(code, choices[i]!.missing ? { state: "missing", code } : { state: "valid", value: code });
  return (raw) => {
    const code = typeof raw === "number" ? String(raw) : raw;
    if (typeof code !== "string") return INVALID;
    const s = stateOf.get(code);
    if (s !== undefined) return s;
    return code.trim() === "" ? SKIPPED : INVALID;
  };
}

/** Picked codes: the same picks give the same state, kept by the bit set of picked choices. */
function choicesClassifier({ choices, index }: ClassifierInput): AnswerClassifier {
  const n = choices.length;
  const byPicks = new Map<number, SlotState>();
  const stateOfPicks = (picked: boolean[]): SlotState => {
    const valid: string[] = [];
    for (let i = 0; i < n; i++) if (picked[i] && !choices[i]!.missing) valid.push(choices[i]!.value);
    if (valid.length > 0) return { state: "valid", value: valid };
    return { state: "missing", code: choices[picked.indexOf(true)]!.value };
  };
  return (raw) => {
    if (!Array.isArray(raw)) return INVALID;
    if (raw.length === 0) return SKIPPED;
    const picked: boolean[] = new Array(n).fill(false);
    let bits = 0;
    for (const c of raw) {
      const i = typeof c === "string" ? index.get(c) : undefined;
      if (i === undefined) return INVALID;
      picked[i] = true;
      if (i < 30) bits |= 1 << i;
    }
    if (n > 30) return stateOfPicks(picked);
    let s = byPicks.get(bits);
    if (s === undefined) {
      s = stateOfPicks(picked);
      byPicks.set(bits, s);
    }
    return s;
  };
}

/** Codes in rank order, each once; missing answers left out, the top N kept. */
function rankingClassifier({ slot, choices, index }: ClassifierInput): AnswerClassifier {
  const q = slot.question;
  const top = "top" in q ? q.top : undefined;
  return (raw) => {
    if (!Array.isArray(raw)) return INVALID;
    if (raw.length === 0) return SKIPPED;
    const ranked: string[] = [];
    for (let k = 0; k < raw.length; k++) {
      const c = raw[k];
      const i = typeof c === "string" ? index.get(c) : undefined;
      if (i === undefined) return INVALID;
      for (let j = 0; j < k; j++) if (raw[j] === c) return INVALID;
      if (!choices[i]!.missing) ranked.push(c);
    }
    if (ranked.length === 0) return { state: "missing", code: raw[0] };
    return { state: "valid", value: top === undefined ? ranked : ranked.slice(0, top) };
  };
}

/** Points per known code; no points at all counts as skipped. */
function allocationClassifier({ index }: ClassifierInput): AnswerClassifier {
  return (raw) => {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return INVALID;
    const points: Record<string, number> = {};
    let total = 0;
    for (const [code, v] of Object.entries(raw)) {
      if (!index.has(code) || typeof v !== "number" || !Number.isFinite(v) || v < 0) return INVALID;
      if (v > 0) points[code] = v;
      total += v;
    }
    return total === 0 ? SKIPPED : { state: "valid", value: points };
  };
}

const BY_SLOT_KIND: { [K in SlotKind]: (c: ClassifierInput) => AnswerClassifier } = {
  choice: choiceClassifier,
  choices: choicesClassifier,
  ranking: rankingClassifier,
  number: () => (raw) =>
    typeof raw === "number" && Number.isFinite(raw) ? { state: "valid", value: raw } : INVALID,
  text: () => (raw) => {
    if (typeof raw !== "string") return INVALID;
    return raw.trim() === "" ? SKIPPED : { state: "valid", value: raw };
  },
  allocation: allocationClassifier,
};

/** The classifier of answers other than null, by the kind of slot. */
function buildClassifier(slot: Slot): AnswerClassifier {
  const q = slot.question;
  const choices: Choice[] = hasChoices(q) ? q.choices : [];
  // Index of each code's first choice (codes are unique in a valid survey).
  const index = new Map<string, number>();
  choices.forEach((c, i) => {
    if (!index.has(c.value)) index.set(c.value, i);
  });
  return BY_SLOT_KIND[slot.kind]({ slot, choices, index });
}

/** Numeric value of a scale code, or null for codes that are not numbers. */
export function codeNumber(code: string): number | null {
  return /^-?\d+(\.\d+)?$/.test(code) ? Number(code) : null;
}
