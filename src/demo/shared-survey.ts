// The questions two survey versions share (same id, wording, codes and routing), as one survey,
// so that a baseline and a follow-up instrument can be compared wave against wave on exactly
// those questions. Pure. Never pairs questions that merely share an id: they must be identical.
import type { SurveyResponse } from "../definition/answers.js";
import { compileShowIf, referencedSlots } from "../definition/expr/index.js";
import type { Question, Survey, Text } from "../definition/model.js";

export interface SharedSurvey {
  survey: Survey;
  /** Ids of the questions kept, in the first survey's order. */
  questionIds: string[];
  /** Questions with the same id that differ, so were left out (listed so that nobody wonders). */
  differing: string[];
}

/** A question as it would be asked, whatever section it sits in. */
function asked(q: Question): string {
  const { sectionId: _section, ...rest } = q;
  return JSON.stringify(rest);
}

/**
 * The first survey restricted to the questions the second asks identically. Routing must stay
 * whole: a question whose show_if refers to a question left out is left out too.
 * `id` and `title` name the combined survey; responses are moved to it with `projectResponses`.
 */
export function sharedSurvey(first: Survey, second: Survey, id: string, title: Text): SharedSurvey {
  const other = new Map(second.sections.flatMap((s) => s.questions).map((q) => [q.id, q]));
  const differing: string[] = [];
  const kept = new Set<string>();
  for (const s of first.sections)
    for (const q of s.questions) {
      const o = other.get(q.id);
      if (!o) continue;
      if (asked(q) !== asked(o)) {
        differing.push(q.id);
        continue;
      }
      const refs = q.showIf ? referencedSlots(compileShowIf(q.showIf)).map((r) => r.split(".")[0]!) : [];
      if (refs.every((r) => kept.has(r))) kept.add(q.id);
      else differing.push(q.id);
    }
  const sections = first.sections
    .map((s) => ({ ...s, questions: s.questions.filter((q) => kept.has(q.id)) }))
    .filter((s) => s.questions.length > 0);
  const keptSlot = (slot: string) => kept.has(slot.split(".")[0]!);
  const survey: Survey = {
    ...first,
    id,
    // A made-up version: the responses keep their own versions, and the Report counts them.
    hash: `shared:${first.hash.slice(0, 12)}+${second.hash.slice(0, 12)}`,
    title,
    sections,
    indices: first.indices.filter((ix) => ix.items.every(keptSlot)),
    ipa: first.ipa.filter((p) => keptSlot(p.importance) && keptSlot(p.performance)),
    gaps: first.gaps.filter((g) => [g.minimum, g.desired, g.perceived].every(keptSlot)),
  };
  delete survey.description;
  return { survey, questionIds: [...kept], differing };
}

/** Responses moved to the shared survey: its id, and only the answers to the shared questions. */
export function projectResponses(
  shared: SharedSurvey,
  responses: readonly SurveyResponse[],
): SurveyResponse[] {
  const kept = new Set(shared.questionIds);
  return responses.map((r) => ({
    ...r,
    surveyId: shared.survey.id,
    answers: Object.fromEntries(Object.entries(r.answers).filter(([slot]) => kept.has(slot.split(".")[0]!))),
  }));
}
