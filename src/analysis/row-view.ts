// One response's stored answers read back from the columns, for what needs them as values: show_if
// (evaluated only where an answer is missing) and whether "other" was picked. The value is the
// stored one as show_if sees it: codes as strings, picks and ranks as lists, points per code.
import type { AnswerValue } from "../definition/answers.js";
import type { AnswerLookup } from "../definition/expr/index.js";
import {
  ABSENT,
  INVALID,
  MISSING,
  type ResponseColumns,
  SKIPPED,
  type SlotColumn,
  VALID,
} from "./columns.js";

/** Stands for a text that was not read (only whether there is one): an answer all the same. */
const UNREAD_TEXT = "\u2026";

/** The stored answer of a slot in a row; undefined when there is none. */
export function storedValue(col: SlotColumn, row: number): AnswerValue | undefined {
  const state = col.state[row]!;
  if (state === ABSENT) return undefined;
  if (state === SKIPPED) return null;
  if (state === INVALID) return col.invalid.get(row) as AnswerValue;
  const { codes, width } = col;
  switch (col.slot.kind) {
    case "choice":
      return codes[col.code[row]!]!;
    case "choices": {
      const out: string[] = [];
      for (let i = 0; i < codes.length; i++)
        if ((col.picks![row * width + (i >>> 5)]! & (1 << (i & 31))) !== 0) out.push(codes[i]!);
      return out;
    }
    case "ranking": {
      const out: string[] = [];
      for (let k = 0; k < width; k++) {
        const i = col.ranks![row * width + k]!;
        if (i === 0) break;
        out.push(codes[i - 1]!);
      }
      return out;
    }
    case "allocation": {
      const out: Record<string, number> = {};
      for (let i = 0; i < width; i++) {
        const p = col.points![row * width + i]!;
        if (p > 0) out[codes[i]!] = p;
      }
      return out;
    }
    case "number":
      return col.number![row]!;
    case "text":
      return col.texts ? col.texts[row]! : UNREAD_TEXT;
  }
}

/** A lookup of one row's answers by slot id, moved from row to row (one per evaluation site). */
export function rowLookup(cols: ResponseColumns): { at(row: number): AnswerLookup } {
  let current = 0;
  const lookup: AnswerLookup = (id) => {
    const col = cols.bySlot.get(id);
    return col === undefined ? undefined : storedValue(col, current);
  };
  return {
    at(row) {
      current = row;
      return lookup;
    },
  };
}

/** Whether the row's answer to a single or multi question is (or includes) this code. */
export function picked(col: SlotColumn, row: number, code: string): boolean {
  const state = col.state[row]!;
  if ((state === VALID || state === MISSING) && col.slot.kind === "choices") {
    // A bit test rather than the list of picks: this is asked of most complete responses.
    const i = col.codes.indexOf(code);
    return i >= 0 && (col.picks![row * col.width + (i >>> 5)]! & (1 << (i & 31))) !== 0;
  }
  const v = storedValue(col, row);
  return Array.isArray(v) ? v.includes(code) : v === code;
}
