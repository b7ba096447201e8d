// What the rest of Kuulo asks of a stored question's type: answered or shown, ordinal, its flat
// columns and the slots it fills. Kept apart from the file format's rows (zod) so that a report
// from a stored survey loads no schema code.
import type { LikertQuestion, MatrixQuestion, Question, QuestionOf, ScaleQuestion } from "../model.js";
import type { QuestionType } from "../question-type.js";
import type { Slot } from "../slot.js";
import { oneSlot, withOtherSlot } from "./shared.js";

export interface TypeTraits<K extends QuestionType> {
  /** Answered by people (false: display only, no number, no slot). */
  asks: boolean;
  /** Ordered numeric points: means, top boxes, indices and diverging bars apply. */
  ordinal: boolean;
  /**
   * In flat files (export, template, import, the form's codes) its answer may be one column per
   * choice, holding a tick, a rank or points; null: one column per slot.
   */
  choiceColumns: "flag" | "rank" | "points" | null;
  slots(q: QuestionOf<K>): Slot[];
}

const ASKED = { asks: true, ordinal: false, choiceColumns: null } as const;
const ORDINAL = { asks: true, ordinal: true, choiceColumns: null } as const;

export const TYPE_TRAITS = {
  single: { ...ASKED, slots: (q) => withOtherSlot(q, "choice") },
  multi: { ...ASKED, choiceColumns: "flag", slots: (q) => withOtherSlot(q, "choices") },
  yesno: { ...ASKED, slots: (q) => oneSlot(q, "choice") },
  likert: { ...ORDINAL, slots: (q) => oneSlot(q, "choice") },
  scale: { ...ORDINAL, slots: (q) => oneSlot(q, "choice") },
  matrix: {
    ...ORDINAL,
    slots: (q) => q.items.map((it) => ({ id: `${q.id}.${it.id}`, question: q, kind: "choice", item: it.id })),
  },
  number: { ...ASKED, slots: (q) => oneSlot(q, "number") },
  text: { ...ASKED, slots: (q) => oneSlot(q, "text") },
  ranking: { ...ASKED, choiceColumns: "rank", slots: (q) => oneSlot(q, "ranking") },
  allocate: { ...ASKED, choiceColumns: "points", slots: (q) => oneSlot(q, "allocation") },
  info: { asks: false, ordinal: false, choiceColumns: null, slots: () => [] },
} satisfies { [K in QuestionType]: TypeTraits<K> };

/** The traits of a question's type, typed for any question (the one cast, as in rowOf). */
export function traitsOf(q: { type: QuestionType }): TypeTraits<QuestionType> {
  return TYPE_TRAITS[q.type] as TypeTraits<QuestionType>;
}

/** One column per choice in flat files (a tick, a rank or points), or null: one per slot. */
export function choiceColumnsOf(q: Question): TypeTraits<QuestionType>["choiceColumns"] {
  return traitsOf(q).choiceColumns;
}

/** Answered by people: every type but info, which is only shown. */
export function asks(q: { type: QuestionType }): boolean {
  return traitsOf(q).asks;
}

/** Ordered numeric types: the choice codes of non-missing choices are numbers. */
export function isOrdinal(q: Question): q is LikertQuestion | ScaleQuestion | MatrixQuestion {
  return traitsOf(q).ordinal;
}
