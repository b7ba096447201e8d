// Shared state of one analysis run: the analysed responses, each slot's classified answers
// (computed once), the suppression ledger and the privacy tallies. Pure data and helpers.
import { type Slot, type SurveyResponse, surveySlots } from "../definition/answers.js";
import type { Survey } from "../definition/model.js";
import {
  type AnswerClassifier,
  answerClassifier,
  NOT_REACHED,
  NOT_SHOWN,
  passedBlankState,
  type SlotState,
  unansweredState,
} from "./classify.js";
import { emptyMaskCounts, type MaskCounts } from "./mask.js";
import type { Count, StatName } from "./report.js";
import type { Ledger } from "./suppress.js";

export interface Ctx {
  survey: Survey;
  minCell: number;
  ledger: Ledger;
  /** Analysed responses, sorted by id so that nothing depends on the order they came in. */
  responses: SurveyResponse[];
  /** Per slot id: one state per response, aligned with `responses`. */
  states: Map<string, SlotState[]>;
  /** Whether the states of every survey slot have been computed (on first use). */
  classified: boolean;
  /** Per show_if source: per response, 0 not evaluated yet, 1 shown, 2 not shown. */
  shown: Map<string, Uint8Array>;
  withheld: number;
  tooFewGroups: number;
  masked: MaskCounts;
}

export const BASE_CELL = "counts/analysed";
/** Costs for complementary suppression: keep totals and group sizes visible when possible. */
export const COST_MARGIN = 1;
export const COST_TOTAL = 2;
export const COST_BASE = 3;

export function createContext(
  survey: Survey,
  responses: SurveyResponse[],
  minCell: number,
  ledger: Ledger,
): Ctx {
  const sorted = [...responses].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    survey,
    minCell,
    ledger,
    responses: sorted,
    states: new Map(),
    classified: false,
    shown: new Map(),
    withheld: 0,
    tooFewGroups: 0,
    masked: emptyMaskCounts(),
  };
}

export function statesOf(ctx: Ctx, slot: Slot): SlotState[] {
  if (!ctx.classified) classifyAll(ctx);
  let s = ctx.states.get(slot.id);
  if (!s) {
    const classify = answerClassifier(slot);
    s = ctx.responses.map((r) => {
      const raw = r.answers[slot.id];
      return raw === undefined ? NOT_REACHED : classify(raw);
    });
    settleUnanswered(ctx, slot, s);
    ctx.states.set(slot.id, s);
  }
  return s;
}

/**
 * Every slot's states, in one pass over each response's answers: looking each slot up in every
 * response's own answers object in turn is slow, as every such object has its own shape.
 */
function classifyAll(ctx: Ctx): void {
  ctx.classified = true;
  const { responses } = ctx;
  const n = responses.length;
  const slots = surveySlots(ctx.survey).filter((slot) => !(slot.id in Object.prototype));
  const byKey = new Map<
    string,
    { classify: AnswerClassifier; states: (SlotState | undefined)[]; index: number }
  >();
  slots.forEach((slot, index) => {
    byKey.set(slot.id, {
      classify: answerClassifier(slot),
      states: new Array<SlotState | undefined>(n),
      index,
    });
  });
  // How far each response got, as the index of its last slot with a stored answer: a complete
  // response got to the end, so its blanks are skipped or not shown, never "not reached".
  const reached = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const r = responses[i]!;
    const answers = r.answers;
    let last = r.status === "complete" ? slots.length : -1;
    for (const key in answers) {
      const e = byKey.get(key);
      if (e === undefined) continue;
      const raw = answers[key];
      if (raw === undefined) continue;
      e.states[i] = e.classify(raw);
      if (e.index > last) last = e.index;
    }
    reached[i] = last;
  }
  for (const slot of slots) {
    const { states, index } = byKey.get(slot.id)!;
    for (let i = 0; i < n; i++) if (states[i] === undefined) states[i] = NOT_REACHED;
    settleUnanswered(ctx, slot, states as SlotState[]);
    for (let i = 0; i < n; i++)
      if (states[i] === NOT_REACHED && index <= reached[i]!)
        states[i] = passedBlankState(slot, responses[i]!.answers);
    ctx.states.set(slot.id, states as SlotState[]);
  }
}

/** Unanswered slots (NOT_REACHED so far) of a question with show_if: not shown, or not reached. */
function settleUnanswered(ctx: Ctx, slot: Slot, states: SlotState[]): void {
  const showIf = slot.question.showIf;
  if (showIf === undefined) return;
  let shown: Uint8Array | undefined;
  for (let i = 0; i < states.length; i++) {
    if (states[i] !== NOT_REACHED) continue;
    // One show_if is evaluated at most once per response (matrix items and questions share it).
    if (!shown) shown = shownOf(ctx, showIf);
    if (shown[i] === 0) shown[i] = unansweredState(showIf, ctx.responses[i]!.answers) === NOT_SHOWN ? 2 : 1;
    if (shown[i] === 2) states[i] = NOT_SHOWN;
  }
}

function shownOf(ctx: Ctx, showIf: string): Uint8Array {
  let m = ctx.shown.get(showIf);
  if (!m) {
    m = new Uint8Array(ctx.responses.length);
    ctx.shown.set(showIf, m);
  }
  return m;
}

/** The published form of a registered count (after the ledger is solved). */
export function countOf(ctx: Ctx, id: string, value: number): Count {
  if (!ctx.ledger.isHidden(id)) return { value, suppressed: false };
  return ctx.ledger.isComplement(id)
    ? { value: null, suppressed: true, complement: true }
    : { value: null, suppressed: true };
}

/** `{ complement: true }` for a count hidden only as a complement, to spread into a row. */
export function complementOf(c: Count): { complement?: true } {
  return c.complement ? { complement: true } : {};
}

/** Remember statistics withheld for privacy, for the summary. */
export function noteWithheld(ctx: Ctx, names: StatName[]): StatName[] {
  ctx.withheld += names.length;
  return names;
}

/** Sort helper with a plain code-unit comparison (locale-independent, so byte-identical output). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
