// How one stored answer goes into its slot's column: its state (valid, "don't know", skipped,
// invalid) and its value as a choice index, a bit set of picks, a rank order, points, a number or
// a text. The same rules as classify.ts, written into typed arrays instead of state objects.
import type { Slot } from "../definition/answers.js";
import { hasChoices } from "../definition/model.js";

/** Answer states in the columns (ABSENT only before the analysis settles a row without an answer). */
export const VALID = 0;
export const MISSING = 1;
export const SKIPPED = 2;
export const NOT_SHOWN = 3;
export const NOT_REACHED = 4;
export const INVALID = 5;
export const ABSENT = 6;

/**
 * One slot's answers. `state` is VALID, MISSING, SKIPPED, INVALID or ABSENT (no stored answer:
 * the analysis decides between not shown, not reached and skipped). Which value arrays are set
 * depends on the slot's kind; rows whose state has no value leave them 0.
 */
export interface SlotColumn {
  slot: Slot;
  /** The slot's choices' codes (with the missing-type ones), in survey order. */
  codes: string[];
  /** Per choice: a "don't know"-type answer. */
  missing: boolean[];
  state: Uint8Array;
  /**
   * choice: the answer's choice index (VALID or MISSING); choices and ranking: on a MISSING answer,
   * the first picked choice in survey order (choices) or the first ranked (ranking).
   */
  code: Uint16Array;
  /** number: the value. */
  number: Float64Array | null;
  /** choices: the picked choice indices as bits, `width` 32-bit words per row. */
  picks: Uint32Array | null;
  /** ranking: choice index + 1 in rank order, 0 after the last; allocation: points per choice. */
  ranks: Uint16Array | null;
  points: Float64Array | null;
  /** Values per row in `picks`, `ranks` or `points`. */
  width: number;
  /** text: the text of each valid answer (when the texts were read). */
  texts: (string | undefined)[] | null;
  /** The stored value of each invalid answer, by row: show_if still sees it as it was. */
  invalid: Map<number, unknown>;
}

/** A copy of a typed array in a larger one. */
export function grown<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array>(
  a: T,
  cap: number,
): T {
  const b = new (a.constructor as new (n: number) => T)(cap);
  b.set(a);
  return b;
}

type Rows = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

/**
 * Rows that were filled in another order than their final one: row r belongs at row where[r]
 * (a permutation of 0..n-1). `scratch` is room shared by every column, grown as needed.
 */
export interface RowOrder {
  where: Int32Array;
  scratch: ArrayBuffer;
}

/**
 * Moves each row of `a` (`w` values per row) to its final place: a copy of the column in the
 * shared scratch room, then each row written to its place. Typed arrays are moved as 32-, 16- or
 * 8-bit words (one loop per word size keeps each loop on one type; V8 slows down on many).
 */
export function moveRows(a: Rows, order: RowOrder, w: number): void {
  const size = a.length * a.BYTES_PER_ELEMENT;
  if (order.scratch.byteLength < size) order.scratch = new ArrayBuffer(size);
  const { where } = order;
  const row = a.BYTES_PER_ELEMENT * w;
  if (row % 4 === 0)
    scatter32(new Uint32Array(a.buffer, a.byteOffset, size / 4), order.scratch, where, row / 4);
  else if (row % 2 === 0)
    scatter16(new Uint16Array(a.buffer, a.byteOffset, size / 2), order.scratch, where, row / 2);
  else scatter8(new Uint8Array(a.buffer, a.byteOffset, size), order.scratch, where, row);
}

function scatter32(a: Uint32Array, scratch: ArrayBuffer, where: Int32Array, w: number): void {
  const copy = new Uint32Array(scratch, 0, a.length);
  copy.set(a);
  if (w === 1) for (let r = 0; r < where.length; r++) a[where[r]!] = copy[r]!;
  else
    for (let r = 0; r < where.length; r++)
      for (let k = 0, to = where[r]! * w, from = r * w; k < w; k++) a[to + k] = copy[from + k]!;
}

function scatter16(a: Uint16Array, scratch: ArrayBuffer, where: Int32Array, w: number): void {
  const copy = new Uint16Array(scratch, 0, a.length);
  copy.set(a);
  if (w === 1) for (let r = 0; r < where.length; r++) a[where[r]!] = copy[r]!;
  else
    for (let r = 0; r < where.length; r++)
      for (let k = 0, to = where[r]! * w, from = r * w; k < w; k++) a[to + k] = copy[from + k]!;
}

function scatter8(a: Uint8Array, scratch: ArrayBuffer, where: Int32Array, w: number): void {
  const copy = new Uint8Array(scratch, 0, a.length);
  copy.set(a);
  if (w === 1) for (let r = 0; r < where.length; r++) a[where[r]!] = copy[r]!;
  else
    for (let r = 0; r < where.length; r++)
      for (let k = 0, to = where[r]! * w, from = r * w; k < w; k++) a[to + k] = copy[from + k]!;
}

/** A text column's rows moved to their final places (a new array: holes stay holes). */
function movedTexts(texts: (string | undefined)[], where: Int32Array): (string | undefined)[] {
  const moved = new Array<string | undefined>(where.length);
  let end = 0;
  for (let r = 0; r < texts.length; r++) {
    const t = texts[r];
    if (t === undefined) continue;
    const to = where[r]!;
    moved[to] = t;
    if (to >= end) end = to + 1;
  }
  // As long as the array of rows added in order: up to the last row with a text.
  moved.length = end;
  return moved;
}

export interface SlotEncoder {
  /** The column being filled (its arrays are replaced as it grows). */
  readonly column: SlotColumn;
  /** A stored answer (not undefined) of row `row`. */
  put(row: number, raw: unknown): void;
  /** A choice slot's answer given as the index of one of its (non-blank) codes. */
  putChoice(row: number, i: number): void;
  grow(cap: number): void;
  /** The column of the first `n` rows; with `order`, row r moved to row order.where[r]. */
  finish(n: number, order?: RowOrder): SlotColumn;
}

/** The encoder of a slot's answers into columns of `cap` rows (they grow on demand). */
export function slotEncoder(slot: Slot, cap: number, keepTexts: boolean): SlotEncoder {
  const q = slot.question;
  const codes = hasChoices(q) ? q.choices.map((c) => c.value) : [];
  const missing = hasChoices(q) ? q.choices.map((c) => c.missing === true) : [];
  // Index of each code's first choice (codes are unique in a valid survey).
  const index = new Map<string, number>();
  codes.forEach((c, i) => {
    if (!index.has(c)) index.set(c, i);
  });
  const kind = slot.kind;
  const width =
    kind === "choices" ? Math.max(1, Math.ceil(codes.length / 32)) : kind === "choice" ? 0 : codes.length;
  const col: SlotColumn = {
    slot,
    codes,
    missing,
    state: new Uint8Array(cap).fill(ABSENT),
    code: new Uint16Array(kind === "choice" || kind === "choices" || kind === "ranking" ? cap : 0),
    number: kind === "number" ? new Float64Array(cap) : null,
    picks: kind === "choices" ? new Uint32Array(cap * width) : null,
    ranks: kind === "ranking" ? new Uint16Array(cap * width) : null,
    points: kind === "allocation" ? new Float64Array(cap * width) : null,
    width,
    texts: kind === "text" && keepTexts ? [] : null,
    invalid: new Map(),
  };
  const put = PUTTERS[kind]({ col, codes, missing, index, top: "top" in q ? q.top : undefined });
  return {
    column: col,
    put(row, raw) {
      if (raw === null) col.state[row] = SKIPPED;
      else put(row, raw);
    },
    putChoice(row, i) {
      col.state[row] = missing[i] ? MISSING : VALID;
      col.code[row] = i;
    },
    grow(c) {
      const old = col.state.length;
      col.state = grown(col.state, c);
      col.state.fill(ABSENT, old);
      if (col.code.length > 0) col.code = grown(col.code, c);
      if (col.number) col.number = grown(col.number, c);
      if (col.picks) col.picks = grown(col.picks, c * width);
      if (col.ranks) col.ranks = grown(col.ranks, c * width);
      if (col.points) col.points = grown(col.points, c * width);
    },
    finish(n, order) {
      const sized = <T extends Rows>(a: T, w = 1): T => {
        const b = a.length === n * w ? a : (a.subarray(0, n * w) as T);
        if (order) moveRows(b, order, w);
        return b;
      };
      if (order && col.texts) col.texts = movedTexts(col.texts, order.where);
      if (order && col.invalid.size > 0)
        col.invalid = new Map(
          [...col.invalid].map(([row, v]) => [order.where[row]!, v] as const).sort((a, b) => a[0] - b[0]),
        );
      return {
        ...col,
        state: sized(col.state),
        code: col.code.length > 0 ? sized(col.code) : col.code,
        number: col.number && sized(col.number),
        picks: col.picks && sized(col.picks, width),
        ranks: col.ranks && sized(col.ranks, width),
        points: col.points && sized(col.points, width),
      };
    },
  };
}

/** Distinct texts of a slot shared between rows (beyond them, each row keeps its own). */
const KEPT_TEXTS = 50_000;

interface PutterInput {
  col: SlotColumn;
  codes: string[];
  missing: boolean[];
  index: Map<string, number>;
  top: number | undefined;
}

type Putter = (row: number, raw: unknown) => void;

function invalid(col: SlotColumn, row: number, raw: unknown): void {
  col.state[row] = INVALID;
  col.invalid.set(row, raw);
}

/** One code (a number counts as the code it spells); a code that is only blanks counts as skipped. */
function putChoice({ col, missing, index }: PutterInput): Putter {
  return (row, raw) => {
    const code = typeof raw === "number" ? String(raw) : raw;
    if (typeof code !== "string") return invalid(col, row, raw);
    const i = index.get(code);
    if (i !== undefined && code.trim() !== "") {
      col.state[row] = missing[i] ? MISSING : VALID;
      col.code[row] = i;
    } else if (code.trim() === "") col.state[row] = SKIPPED;
    else invalid(col, row, raw);
  };
}

/** A list of codes to read on: not for a value that is not a list (invalid) or an empty one (skipped). */
function isList(col: SlotColumn, row: number, raw: unknown): raw is unknown[] {
  if (!Array.isArray(raw)) invalid(col, row, raw);
  else if (raw.length === 0) col.state[row] = SKIPPED;
  else return true;
  return false;
}

/** Picked codes as bits; valid when one is not a "don't know", else missing (the first picked). */
function putChoices({ col, codes, missing, index }: PutterInput): Putter {
  const w = col.width;
  return (row, raw) => {
    if (!isList(col, row, raw)) return;
    const picks = col.picks!;
    const at = row * w;
    for (const c of raw) {
      const i = typeof c === "string" ? index.get(c) : undefined;
      if (i === undefined) {
        picks.fill(0, at, at + w);
        return invalid(col, row, raw);
      }
      picks[at + (i >>> 5)]! |= 1 << (i & 31);
    }
    let first = -1;
    let valid = false;
    for (let i = 0; i < codes.length; i++) {
      if ((picks[at + (i >>> 5)]! & (1 << (i & 31))) === 0) continue;
      if (first < 0) first = i;
      if (!missing[i]) {
        valid = true;
        break;
      }
    }
    col.state[row] = valid ? VALID : MISSING;
    col.code[row] = first;
  };
}

/** Codes in rank order, each once; valid when one is not a "don't know", else missing (the first). */
function putRanking({ col, missing, index }: PutterInput): Putter {
  const w = col.width;
  return (row, raw) => {
    if (!isList(col, row, raw)) return;
    const ranks = col.ranks!;
    const at = row * w;
    let valid = false;
    for (let k = 0; k < raw.length; k++) {
      const c = raw[k];
      const i = typeof c === "string" ? index.get(c) : undefined;
      let repeated = false;
      for (let j = 0; j < k; j++) if (raw[j] === c) repeated = true;
      if (i === undefined || repeated || k >= w) {
        ranks.fill(0, at, at + w);
        return invalid(col, row, raw);
      }
      ranks[at + k] = i + 1;
      if (!missing[i]) valid = true;
    }
    col.state[row] = valid ? VALID : MISSING;
    col.code[row] = ranks[at]! - 1;
  };
}

/** Points per known code; no points at all counts as skipped. */
function putAllocation({ col, index }: PutterInput): Putter {
  const w = col.width;
  return (row, raw) => {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return invalid(col, row, raw);
    const points = col.points!;
    const at = row * w;
    let total = 0;
    for (const code in raw) {
      if (!Object.hasOwn(raw, code)) continue;
      const v = (raw as Record<string, unknown>)[code];
      const i = index.get(code);
      if (i === undefined || typeof v !== "number" || !Number.isFinite(v) || v < 0) {
        points.fill(0, at, at + w);
        return invalid(col, row, raw);
      }
      if (v > 0) points[at + i] = v;
      total += v;
    }
    col.state[row] = total === 0 ? SKIPPED : VALID;
  };
}

const PUTTERS: { [K in Slot["kind"]]: (p: PutterInput) => Putter } = {
  choice: putChoice,
  choices: putChoices,
  ranking: putRanking,
  allocation: putAllocation,
  number:
    ({ col }) =>
    (row, raw) => {
      if (typeof raw === "number" && Number.isFinite(raw)) {
        col.state[row] = VALID;
        col.number![row] = raw;
      } else invalid(col, row, raw);
    },
  text: ({ col }) => {
    // Answers repeat ("-", "ei", "kiitos"): one copy of each text kept, up to a limit of them.
    const kept = new Map<string, string>();
    return (row, raw) => {
      if (typeof raw !== "string") return invalid(col, row, raw);
      if (raw.trim() === "") {
        col.state[row] = SKIPPED;
        return;
      }
      col.state[row] = VALID;
      if (!col.texts) return;
      let text = kept.get(raw);
      if (text === undefined) {
        text = raw;
        if (kept.size < KEPT_TEXTS) kept.set(raw, raw);
      }
      col.texts[row] = text;
    };
  },
};
