// Shared state of one analysis run: the analysed responses, each slot's classified answers
// (computed once), the suppression ledger and the privacy tallies. Pure data and helpers.
import type { Slot, SurveyResponse } from "../definition/answers.js";
import type { Survey } from "../definition/model.js";
import { answerClassifier, NOT_REACHED, NOT_SHOWN, type SlotState, unansweredState } from "./classify.js";
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
  /** Per answer key: the stored values, aligned with `responses` (built on first use). */
  columns: Map<string, unknown[]> | null;
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
    columns: null,
    shown: new Map(),
    withheld: 0,
    tooFewGroups: 0,
    masked: emptyMaskCounts(),
  };
}

export function statesOf(ctx: Ctx, slot: Slot): SlotState[] {
  let s = ctx.states.get(slot.id);
  if (!s) {
    const classify = answerClassifier(slot);
    const showIf = slot.question.showIf;
    const { responses } = ctx;
    const id = slot.id;
    const column = columnsOf(ctx).get(id);
    const out: SlotState[] = [];
    let shown: Uint8Array | undefined;
    for (let i = 0; i < responses.length; i++) {
      const raw = column === undefined ? undefined : column[i];
      if (raw !== undefined) out.push(classify(raw));
      else if (showIf === undefined) out.push(NOT_REACHED);
      else {
        // One show_if is evaluated at most once per response (matrix items and questions share it).
        if (!shown) shown = shownOf(ctx, showIf);
        if (shown[i] === 0) shown[i] = unansweredState(showIf, responses[i]!.answers) === NOT_SHOWN ? 2 : 1;
        out.push(shown[i] === 2 ? NOT_SHOWN : NOT_REACHED);
      }
    }
    s = out;
    ctx.states.set(slot.id, s);
  }
  return s;
}

/**
 * The answers by key, one pass over every response: looking a slot up in each response's own
 * answers object in turn is slow, as every response's object has its own shape.
 */
function columnsOf(ctx: Ctx): Map<string, unknown[]> {
  if (ctx.columns) return ctx.columns;
  const columns = new Map<string, unknown[]>();
  const { responses } = ctx;
  const n = responses.length;
  for (let i = 0; i < n; i++) {
    const answers = responses[i]!.answers;
    for (const key in answers) {
      let column = columns.get(key);
      if (column === undefined) {
        column = new Array<unknown>(n).fill(undefined);
        columns.set(key, column);
      }
      column[i] = answers[key];
    }
  }
  ctx.columns = columns;
  return columns;
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
