// The definition table of the survey file: one row per question type (types/<type>.ts). `satisfies`
// makes a type without a row a build error; rowOf() is the one place that looks a row up. What a
// stored question's type means beyond its file (slots, asks, ordinal) is in traits.ts, without zod.
import type { QuestionType } from "../question-type.js";
import { allocate } from "./allocate.js";
import { info } from "./info.js";
import { likert } from "./likert.js";
import { matrix } from "./matrix.js";
import { multi } from "./multi.js";
import { number } from "./number.js";
import { ranking } from "./ranking.js";
import type { DefinitionRow } from "./row.js";
import { scale } from "./scale.js";
import { single } from "./single.js";
import { text } from "./text.js";
import { yesno } from "./yesno.js";

export const DEFINITION_TYPES = {
  single,
  multi,
  yesno,
  likert,
  scale,
  matrix,
  number,
  text,
  ranking,
  allocate,
  info,
} satisfies { [K in QuestionType]: DefinitionRow<K> };

/**
 * The row of a question's type, typed for any question: TypeScript cannot tie a row's own type
 * to the question's, so the one cast lives here.
 */
export function rowOf(q: { type: QuestionType }): DefinitionRow<QuestionType> {
  return DEFINITION_TYPES[q.type] as DefinitionRow<QuestionType>;
}
