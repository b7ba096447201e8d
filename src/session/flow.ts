// The path through a survey as pure functions: which questions are shown given the answers so
// far, the screen after and before the current one, progress, and which stored answers an
// earlier change has made moot. No I/O, no clock, no prompts.
import { type Answers, slotsOf } from "../definition/answers.js";
import { compileShowIf, evaluate, referencedSlots } from "../definition/expr/index.js";
import { allQuestions, hasItems, type MatrixItem, type Question, type Survey } from "../definition/model.js";

/** One screen of questions: a whole question, or one statement of a matrix. */
export interface Step {
  question: Question;
  /** For a matrix: the statement this screen asks. */
  item?: MatrixItem;
}

export interface Progress {
  /** 1-based position among the questions shown to this person. */
  index: number;
  total: number;
  /** For a matrix statement: its 1-based position among the statements. */
  item?: { index: number; total: number };
}

type SurveyShape = Pick<Survey, "sections">;

export function stepKey(step: Step): string {
  return step.item ? `${step.question.id}.${step.item.id}` : step.question.id;
}

/** Every screen of the survey in questionnaire order, shown or not. */
export function allSteps(survey: SurveyShape): Step[] {
  return allQuestions(survey).flatMap((question): Step[] =>
    hasItems(question) ? question.items.map((item) => ({ question, item })) : [{ question }],
  );
}

/** The slots one screen writes: a matrix statement, or the question with its "other" text. */
export function stepSlots(step: Step): string[] {
  if (step.item) return [stepKey(step)];
  return slotsOf(step.question).map((s) => s.id);
}

/**
 * Ids of the questions shown for these answers. A question's show_if sees only the answers to
 * questions that are themselves shown, so an answer left behind on a hidden branch never opens
 * a further branch.
 */
export function visibleQuestionIds(survey: SurveyShape, answers: Answers): Set<string> {
  const seen: Answers = {};
  const shown = new Set<string>();
  for (const q of allQuestions(survey)) {
    if (q.showIf !== undefined && !evaluate(compileShowIf(q.showIf), seen)) continue;
    shown.add(q.id);
    for (const s of slotsOf(q)) if (Object.hasOwn(answers, s.id)) seen[s.id] = answers[s.id]!;
  }
  return shown;
}

export function isVisible(survey: SurveyShape, question: Question, answers: Answers): boolean {
  return visibleQuestionIds(survey, answers).has(question.id);
}

/** The first shown screen after `from` (or the very first with null); null at the end. */
export function nextStep(survey: SurveyShape, answers: Answers, from: Step | null): Step | null {
  const steps = allSteps(survey);
  const shown = visibleQuestionIds(survey, answers);
  const start = from === null ? 0 : indexOf(steps, from) + 1;
  for (let i = start; i < steps.length; i++) if (shown.has(steps[i]!.question.id)) return steps[i]!;
  return null;
}

/** The last shown screen before `from`; null when `from` is the first. */
export function previousStep(survey: SurveyShape, answers: Answers, from: Step): Step | null {
  const steps = allSteps(survey);
  const shown = visibleQuestionIds(survey, answers);
  for (let i = indexOf(steps, from) - 1; i >= 0; i--) if (shown.has(steps[i]!.question.id)) return steps[i]!;
  return null;
}

/**
 * Where this screen is among the questions shown ("7 / 18"). Questions ahead whose show_if
 * depends on answers not given yet are counted, so the total shrinks as branches close
 * instead of growing under the person's feet.
 */
export function progressOf(survey: SurveyShape, answers: Answers, step: Step): Progress {
  const questions = allQuestions(survey);
  const cur = questions.findIndex((q) => q.id === step.question.id);
  const shown = visibleQuestionIds(survey, answers);
  const position = new Map(questions.map((q, i) => [q.id, i]));
  // Per question ahead: shown, hidden, or not decidable yet ("maybe").
  const status = new Map<string, "shown" | "hidden" | "maybe">();
  for (const [i, q] of questions.entries()) {
    if (i <= cur || q.showIf === undefined) {
      status.set(q.id, i <= cur && !shown.has(q.id) ? "hidden" : "shown");
      continue;
    }
    const unknown = referencedSlots(compileShowIf(q.showIf)).some((ref) => {
      const id = ref.split(".")[0]!;
      const at = position.get(id) ?? -1;
      return status.get(id) === "maybe" || (at >= cur && status.get(id) === "shown");
    });
    status.set(q.id, unknown ? "maybe" : shown.has(q.id) ? "shown" : "hidden");
  }
  const index = questions.slice(0, cur + 1).filter((q) => status.get(q.id) !== "hidden").length;
  const total = questions.filter((q) => status.get(q.id) !== "hidden").length;
  const progress: Progress = { index, total };
  if (step.item && hasItems(step.question)) {
    const items = step.question.items;
    progress.item = { index: items.findIndex((it) => it.id === step.item!.id) + 1, total: items.length };
  }
  return progress;
}

/** True when this screen is the first shown one of its section (its title and intro go on it). */
export function opensSection(survey: SurveyShape, answers: Answers, step: Step): boolean {
  const prev = previousStep(survey, answers, step);
  return prev === null || prev.question.sectionId !== step.question.sectionId;
}

/**
 * Answers to questions that these answers hide. Going back and changing an answer can hide
 * questions answered before; their answers are removed so that a saved response never holds
 * an answer to a question its own answers would not have shown.
 */
export function hiddenAnswers(survey: SurveyShape, answers: Answers): string[] {
  const shown = visibleQuestionIds(survey, answers);
  return allQuestions(survey)
    .filter((q) => !shown.has(q.id))
    .flatMap((q) => slotsOf(q).map((s) => s.id))
    .filter((id) => Object.hasOwn(answers, id));
}

/** The answers without those to hidden questions (see hiddenAnswers). */
export function pruneHidden(survey: SurveyShape, answers: Answers): Answers {
  const drop = new Set(hiddenAnswers(survey, answers));
  return Object.fromEntries(Object.entries(answers).filter(([k]) => !drop.has(k)));
}

function indexOf(steps: Step[], step: Step): number {
  const key = stepKey(step);
  const i = steps.findIndex((s) => stepKey(s) === key);
  if (i < 0) throw new Error(`No step "${key}" in this survey`);
  return i;
}
