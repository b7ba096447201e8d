// The fields every question's result opens with (id, type, section, wording), built in one
// place so that every tally writes them alike and in the same order.
import type { Question } from "../definition/model.js";

export function common(q: Question) {
  return {
    id: q.id,
    type: q.type,
    sectionId: q.sectionId,
    text: q.text,
    ...(q.plain ? { plain: q.plain } : {}),
  };
}
