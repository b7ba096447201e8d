// Checks one answer against its question and turns it into the stored shape; the same check
// serves the prompts and --answers files. Pure.
import type { AnswerValue } from "../definition/answers.js";
import type { Step } from "./flow.js";
import { sessionRowOf } from "./question-types.js";
import { type Checked, fail, ok } from "./validate.js";

/**
 * Check the answer to one screen. `null` (or undefined) means skipped, allowed only when the
 * question is not required; an empty text counts as skipped too.
 */
export function checkAnswer(step: Step, value: unknown): Checked<AnswerValue> {
  const q = step.question;
  const checked = value === null || value === undefined ? ok(null) : sessionRowOf(q).check(q, value);
  if (checked.ok && checked.value === null && q.required) return fail("run.error.required");
  return checked;
}
