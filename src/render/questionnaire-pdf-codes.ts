// The data-entry codes printed beside each answer on the paper form: the column of the import
// template that answer goes in, and the value to type. Pure; the same names `kuulo import` reads.
import { OTHER_CODE } from "../definition/answers.js";
import type { Question, Survey } from "../definition/model.js";
import { allQuestions } from "../definition/model.js";
import { choiceColumnsOf } from "../definition/types/traits.js";
import { importRowOf } from "../import/question-types.js";

/** Questions whose choices each have a column of their own (tick, rank or points). */
export function hasChoiceColumns(q: Question): boolean {
  return choiceColumnsOf(q) !== null;
}

/** The column for one choice of a multi, ranking or allocate question: `barriers.fines`. */
export function choiceColumn(q: Question, code: string): string {
  return `${q.id}.${code}`;
}

/** The column of a matrix item: `image.welcoming`. */
export function itemColumn(q: Question, item: string): string {
  return `${q.id}.${item}`;
}

/** The column holding the text written on the "other" line: `barriers.other`. */
export function otherColumn(q: Question): string {
  return `${q.id}.${OTHER_CODE}`;
}

/**
 * Every column a question's answers are typed into, in the order they appear on the form: the
 * import template's columns for it, so that the form and the sheet always agree.
 */
export function questionColumns(q: Question): string[] {
  return importRowOf(q)
    .template(q, { text: () => "", question: "" })
    .map((c) => c.header);
}

/** Every answer column of the survey in form order (meta columns such as form_no not included). */
export function entryColumns(survey: Pick<Survey, "sections">): string[] {
  return allQuestions(survey).flatMap(questionColumns);
}
