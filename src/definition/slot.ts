// A slot: one place an answer goes (a whole question, one matrix item, or the "other" text).
// Apart from answers.ts so that the per-type rows (types/) can build slots without a cycle.
import type { Question } from "./model.js";

export type SlotKind = "choice" | "choices" | "number" | "text" | "ranking" | "allocation";

/** One place an answer goes: a whole question, one matrix item, or the "other" text. */
export interface Slot {
  id: string;
  question: Question;
  kind: SlotKind;
  /** For matrix slots: the item id. */
  item?: string;
  /** True for the free-text slot that goes with "other". */
  other?: boolean;
}

export const OTHER_CODE = "other";
