// Shared state of one analysis run: the analysed responses, each slot's classified answers
// (computed once), the suppression ledger and the privacy tallies. Pure data and helpers.
import type { Slot, SurveyResponse } from "../definition/answers.js";
import type { Survey } from "../definition/model.js";
import { classify, type SlotState } from "./classify.js";
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
    withheld: 0,
    tooFewGroups: 0,
    masked: emptyMaskCounts(),
  };
}

export function statesOf(ctx: Ctx, slot: Slot): SlotState[] {
  let s = ctx.states.get(slot.id);
  if (!s) {
    s = ctx.responses.map((r) => classify(slot, r));
    ctx.states.set(slot.id, s);
  }
  return s;
}

/** The published form of a registered count (after the ledger is solved). */
export function countOf(ctx: Ctx, id: string, value: number): Count {
  return ctx.ledger.isHidden(id) ? { value: null, suppressed: true } : { value, suppressed: false };
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
