// Shared state of one analysis run: the responses as columns and which of them are analysed,
// each slot's settled answer states (computed once, on first use), the suppression ledger and the
// privacy tallies. Pure data and helpers.
import { OTHER_CODE, type Slot } from "../definition/answers.js";
import { compileShowIf, evaluateWith } from "../definition/expr/index.js";
import type { Survey } from "../definition/model.js";
import { ExitCode, KuuloError } from "../errors.js";
import {
  ABSENT,
  MISSING,
  NOT_REACHED,
  NOT_SHOWN,
  type ResponseColumns,
  SKIPPED,
  type SlotColumn,
  VALID,
} from "./columns.js";
import { emptyMaskCounts, type MaskCounts } from "./mask.js";
import type { Count, StatName } from "./report.js";
import { picked, rowLookup } from "./row-view.js";
import type { Ledger } from "./suppress.js";

export interface Ctx {
  survey: Survey;
  minCell: number;
  ledger: Ledger;
  /** Every response the report draws on, as columns. */
  cols: ResponseColumns;
  /** The analysed ones (rows of `cols`), sorted by id so that nothing depends on the order they came in. */
  rows: Int32Array;
  /** Per slot id: its column and its settled states over `rows`. */
  data: Map<string, SlotData>;
  /** Per show_if source: per analysed response, 0 not evaluated yet, 1 shown, 2 not shown. */
  shown: Map<string, Uint8Array>;
  /** Per slot id: its numeric answers over `rows` (NaN where none); indices, IPA and gaps share items. */
  numeric: Map<string, Float64Array>;
  withheld: number;
  tooFewGroups: number;
  masked: MaskCounts;
}

/**
 * One slot over the analysed responses: `state[k]` is the state of response `rows[k]` (VALID,
 * MISSING, SKIPPED, NOT_SHOWN, NOT_REACHED or INVALID); its value is in `col` at row `rows[k]`.
 * The tallies every question needs are counted in the same pass that settles the states.
 */
export interface SlotData {
  col: SlotColumn;
  state: Uint8Array;
  rows: Int32Array;
  /** Responses per state. */
  byState: Float64Array;
  /**
   * Per choice index, the valid answers that are (or pick) it: one code (single, scale, a matrix
   * item) or the picked codes that are not "don't know" (multi); zeros for other kinds.
   */
  validByCode: Float64Array;
  /** Per choice index, the "don't know"-type answers (the code of a missing answer is its choice's). */
  missingByCode: Float64Array;
}

export const BASE_CELL = "counts/analysed";
/** Costs for complementary suppression: keep totals and group sizes visible when possible. */
export const COST_MARGIN = 1;
export const COST_TOTAL = 2;
export const COST_BASE = 3;

export function createContext(
  survey: Survey,
  cols: ResponseColumns,
  rows: Int32Array,
  minCell: number,
  ledger: Ledger,
): Ctx {
  return {
    survey,
    minCell,
    ledger,
    cols,
    rows,
    data: new Map(),
    shown: new Map(),
    numeric: new Map(),
    withheld: 0,
    tooFewGroups: 0,
    masked: emptyMaskCounts(),
  };
}

/** The analysed responses' states of a slot of the survey. */
export function slotData(ctx: Ctx, slot: Slot): SlotData {
  let d = ctx.data.get(slot.id);
  if (!d) {
    d = settle(ctx, slot);
    ctx.data.set(slot.id, d);
  }
  return d;
}

/**
 * The states of a slot's analysed rows. A row without a stored answer is not shown (its show_if
 * is false, evaluated on the row's other answers), not reached (a partial response that stopped
 * before it), or, when the response got past it, skipped ("other" texts: not shown unless "other"
 * was picked).
 */
function settle(ctx: Ctx, slot: Slot): SlotData {
  const { cols, rows } = ctx;
  const col = cols.bySlot.get(slot.id);
  if (!col)
    throw new KuuloError(
      "ANALYSIS_NO_COLUMN",
      `The responses were read without the slot ${slot.id}`,
      ExitCode.internal,
    );
  const n = rows.length;
  const state = new Uint8Array(n);
  const absent = absentState(ctx, slot, cols.slots.indexOf(col));
  const byState = new Float64Array(8);
  const validByCode = new Float64Array(col.codes.length);
  const missingByCode = new Float64Array(col.codes.length);
  const one = col.slot.kind === "choice";
  const picks = col.slot.kind === "choices" ? col.picks : null;
  // Locals, not property reads: the calls in the loop would make the engine read them every time.
  const { state: stored, code, width, missing } = col;
  for (let k = 0; k < n; k++) {
    const i = rows[k]!;
    let s = stored[i]!;
    if (s === ABSENT) s = absent(k, i);
    state[k] = s;
    byState[s]!++;
    if (s === VALID) {
      if (one) validByCode[code[i]!]!++;
      else if (picks) countPicks(picks, i * width, width, missing, validByCode);
    } else if (s === MISSING) missingByCode[code[i]!]!++;
  }
  return { col, state, rows, byState, validByCode, missingByCode };
}

/**
 * The state of analysed response k (row i) without a stored answer to the slot (at `index` in
 * the columns): not shown, not reached or skipped.
 */
function absentState(ctx: Ctx, slot: Slot, index: number): (k: number, i: number) => number {
  const { cols } = ctx;
  const showIf = slot.question.showIf;
  const expr = showIf === undefined ? undefined : compileShowIf(showIf);
  const view = rowLookup(cols);
  const main = slot.other ? cols.bySlot.get(slot.question.id) : undefined;
  const reached = cols.reached;
  let shown: Uint8Array | undefined;
  return (k, i) => {
    if (expr !== undefined) {
      // One show_if is evaluated at most once per response (matrix items and questions share it).
      if (!shown) shown = shownOf(ctx, showIf!);
      if (shown[k] === 0) shown[k] = evaluateWith(expr, view.at(i)) ? 1 : 2;
      if (shown[k] === 2) return NOT_SHOWN;
    }
    if (index > reached[i]!) return NOT_REACHED;
    if (slot.other) return main && picked(main, i, OTHER_CODE) ? SKIPPED : NOT_SHOWN;
    return SKIPPED;
  };
}

/** Add one row's picks (`width` words of bits from `at`) that are not "don't know" to `counts`. */
function countPicks(
  picks: Uint32Array,
  at: number,
  width: number,
  missing: readonly boolean[],
  counts: Float64Array,
): void {
  for (let w = 0; w < width; w++) {
    let bits = picks[at + w]!;
    while (bits !== 0) {
      const b = 31 - Math.clz32(bits);
      bits &= ~(1 << b);
      const c = w * 32 + b;
      if (!missing[c]) counts[c]!++;
    }
  }
}

function shownOf(ctx: Ctx, showIf: string): Uint8Array {
  let m = ctx.shown.get(showIf);
  if (!m) {
    m = new Uint8Array(ctx.rows.length);
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
