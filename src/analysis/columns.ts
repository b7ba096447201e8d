// The responses a report draws on, as columns: meta columns as small-integer codes with their
// dictionaries, and per survey slot typed arrays of answer states and values (choice indices,
// numbers, bit sets of picks, rank orders, points; texts only for text slots). Built row by row
// by columns-builder.ts: the store's reader feeds it pages; tests and the demo feed it objects.

import type { Survey } from "../definition/model.js";
import { ABSENT, type SlotColumn } from "./column-encoders.js";

export type { SlotColumn } from "./column-encoders.js";
export {
  ABSENT,
  INVALID,
  MISSING,
  NOT_REACHED,
  NOT_SHOWN,
  SKIPPED,
  VALID,
} from "./column-encoders.js";

/** A column of repeating strings: each row's index into `values`. */
export interface DictColumn {
  values: (string | null)[];
  codes: Uint32Array;
}

/** What analysis needs of each response besides its answers. */
export interface MetaColumns {
  id: string[];
  surveyId: DictColumn;
  surveyHash: DictColumn;
  sessionId: DictColumn;
  wave: DictColumn;
  source: DictColumn;
  language: DictColumn;
  status: DictColumn;
  /** Date.parse of submittedAt, or of startedAt when there is none (NaN when not a date). */
  time: Float64Array;
  /** 1 when the response has a submittedAt. */
  submitted: Uint8Array;
}

export interface ResponseColumns {
  /** The definition the slot columns follow (every stored version is read by its slot ids). */
  survey: Survey;
  length: number;
  meta: MetaColumns;
  /** In questionnaire order (surveySlots). */
  slots: SlotColumn[];
  bySlot: Map<string, SlotColumn>;
  /**
   * Per row: how far the response got, as the index (in `slots`) of the last slot with a stored
   * answer; a complete response got to the end (slots.length); -1 for none.
   */
  reached: Int32Array;
  /** The newest submittedAt (else startedAt), as stored; null without rows. */
  newest: string | null;
}

/** The row's value of a meta dictionary column. */
export function dictValue(d: DictColumn, row: number): string | null {
  return d.values[d.codes[row]!]!;
}

/** Whether a slot column holds no stored answer at all in this row. */
export function isAbsent(col: SlotColumn, row: number): boolean {
  return col.state[row] === ABSENT;
}
