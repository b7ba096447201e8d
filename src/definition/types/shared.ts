// Pieces several question types share: the "other" text slot, the numeric points of a scale
// list, whole-number ranges. Pure helpers for the rows in this folder.

import type { Question } from "../model.js";
import { OTHER_CODE, type Slot } from "../slot.js";
import type { CheckContext, ChoiceRef } from "./row.js";

/** The question's one slot, of the given kind. */
export function oneSlot(q: Question, kind: Slot["kind"]): Slot[] {
  return [{ id: q.id, question: q, kind }];
}

/** The question's slot plus, with `other`, the free-text slot that goes with "other". */
export function withOtherSlot(q: Question & { other: boolean }, kind: Slot["kind"]): Slot[] {
  const main: Slot = { id: q.id, question: q, kind };
  return q.other ? [main, { id: `${q.id}.${OTHER_CODE}`, question: q, kind: "text", other: true }] : [main];
}

/** The codes of the points min…max (at most 101), as a scale question spells them out. */
export function pointCodes(min: number, max: number): string[] {
  const pts: string[] = [];
  for (let v = min; v <= max && pts.length < 101; v++) pts.push(String(v));
  return pts;
}

/** A likert or matrix scale must have numeric points (apart from missing answers). */
export function checkNumericPoints(q: { id: string; scale: ChoiceRef }, c: CheckContext): void {
  const list = c.resolve(q.scale, [...c.path, "scale"]);
  const bad = list?.filter((p) => !p.missing && !Number.isInteger(Number(p.value)));
  if (bad && bad.length > 0)
    c.add({
      severity: "error",
      code: "SURVEY_SCALE_NOT_NUMERIC",
      message: `The scale of "${q.id}" has non-numeric points: ${bad.map((p) => p.value).join(", ")}.`,
      hint: "Scale points need numeric values (1–5); mark answers like 'don't know' with `missing: true`.",
      path: [...c.path, "scale"],
    });
}
