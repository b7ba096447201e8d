// The data-entry codes printed beside each answer on the paper form: the column of the import
// template that answer goes in, and the value to type. Pure; the same names `kuulo import` reads.
import { OTHER_CODE } from "../definition/answers.js";
import type { Question, Survey } from "../definition/model.js";
import { allQuestions } from "../definition/model.js";

/** Questions whose choices each have a column of their own (tick, rank or points). */
export function hasChoiceColumns(q: Question): boolean {
  return q.type === "multi" || q.type === "ranking" || q.type === "allocate";
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

/** Every column a question's answers are typed into, in the order they appear on the form. */
export function questionColumns(q: Question): string[] {
  switch (q.type) {
    case "info":
      return [];
    case "matrix":
      return q.items.map((i) => itemColumn(q, i.id));
    case "multi":
    case "ranking":
    case "allocate":
      // For multi with "other", `q.other` is both the tick and the text column.
      return [...new Set(q.choices.map((c) => choiceColumn(q, c.value)))];
    case "single":
      return q.other ? [q.id, otherColumn(q)] : [q.id];
    default:
      return [q.id];
  }
}

/** Every answer column of the survey in form order (meta columns such as form_no not included). */
export function entryColumns(survey: Pick<Survey, "sections">): string[] {
  return allQuestions(survey).flatMap(questionColumns);
}
