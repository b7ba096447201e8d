// What an answer is, per question type, and the "slots" a question fills in a data row.
// Shared by the session, the store, import/export and analysis so they agree on one shape.
import type { Question, Survey } from "./model.js";
import { allQuestions } from "./model.js";

/**
 * One stored answer value:
 * - single, yesno, likert, scale, one matrix item: the choice code (string)
 * - multi: the picked codes in the survey's choice order; ranking: codes in rank order (first = 1)
 * - number: a number; text and "other" texts: a string
 * - allocate: points per choice code (codes with 0 points may be left out)
 * - null: the person saw the question and chose to skip it (not the same as not shown)
 */
export type AnswerValue = string | number | string[] | Record<string, number> | null;

/** Answers of one response keyed by slot id. A missing key means never shown or never reached. */
export type Answers = Record<string, AnswerValue>;

export type ResponseSource = "interactive" | "paper" | "import";
export type ResponseStatus = "partial" | "complete";

/** A response as analysis and export see it (the store adds nothing they need). */
export interface SurveyResponse {
  id: string;
  surveyId: string;
  surveyHash: string;
  sessionId: string | null;
  wave: string | null;
  source: ResponseSource;
  language: string;
  plain: boolean;
  startedAt: string;
  /**
   * When it was sent; null for an unfinished response, and for a complete paper form that gave no
   * date of its own nor had a dated session (its startedAt is then the day it was imported).
   */
  submittedAt: string | null;
  status: ResponseStatus;
  answers: Answers;
}

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

export function slotsOf(q: Question): Slot[] {
  switch (q.type) {
    case "info":
      return [];
    case "matrix":
      return q.items.map((it) => ({ id: `${q.id}.${it.id}`, question: q, kind: "choice", item: it.id }));
    case "single":
    case "multi": {
      const main: Slot = { id: q.id, question: q, kind: q.type === "single" ? "choice" : "choices" };
      return q.other
        ? [main, { id: `${q.id}.${OTHER_CODE}`, question: q, kind: "text", other: true }]
        : [main];
    }
    case "yesno":
    case "likert":
    case "scale":
      return [{ id: q.id, question: q, kind: "choice" }];
    case "number":
      return [{ id: q.id, question: q, kind: "number" }];
    case "text":
      return [{ id: q.id, question: q, kind: "text" }];
    case "ranking":
      return [{ id: q.id, question: q, kind: "ranking" }];
    case "allocate":
      return [{ id: q.id, question: q, kind: "allocation" }];
  }
}

/** Every slot of the survey in questionnaire order. */
export function surveySlots(survey: Pick<Survey, "sections">): Slot[] {
  return allQuestions(survey).flatMap(slotsOf);
}

export function findSlot(survey: Pick<Survey, "sections">, slotId: string): Slot | undefined {
  return surveySlots(survey).find((s) => s.id === slotId);
}
