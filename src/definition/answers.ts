// What an answer is, per question type, and the "slots" a question fills in a data row.
// Shared by the session, the store, import/export and analysis so they agree on one shape.
import type { Question, Survey } from "./model.js";
import { allQuestions } from "./model.js";
import type { Slot } from "./slot.js";
import { traitsOf } from "./types/traits.js";

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

export { OTHER_CODE, type Slot, type SlotKind } from "./slot.js";

export function slotsOf(q: Question): Slot[] {
  return traitsOf(q).slots(q);
}

/** Every slot of the survey in questionnaire order. */
export function surveySlots(survey: Pick<Survey, "sections">): Slot[] {
  return allQuestions(survey).flatMap(slotsOf);
}

export function findSlot(survey: Pick<Survey, "sections">, slotId: string): Slot | undefined {
  return surveySlots(survey).find((s) => s.id === slotId);
}
