// `kuulo run --answers FILE.json`: one person's answers from a file instead of a keyboard, held
// to the same rules as a live session (every problem reported at once), then replayed through
// the same flow by a prompter that reads them. Pure except for what the caller passes in.
import { type Answers, OTHER_CODE, slotsOf } from "../definition/answers.js";
import { allQuestions, type Survey } from "../definition/model.js";
import { closest } from "../definition/suggest.js";
import { asks } from "../definition/types/traits.js";
import { translator } from "../i18n/index.js";
import { checkAnswer } from "./check-answer.js";
import { allSteps, stepKey, visibleQuestionIds } from "./flow.js";
import type { Page, Prompter, QuestionScreen, Reply } from "./prompter.js";
import { checkOtherText } from "./validate.js";

export interface AnswersFile {
  language?: string;
  plain?: boolean;
  answers: Answers;
}

export interface FileProblem {
  /** Where in the file: `answers.visit_freq`, or `language`. */
  path: string;
  message: string;
}

export type FileCheck = { ok: true; file: AnswersFile } | { ok: false; problems: FileProblem[] };

/**
 * Check a parsed answers file against the survey. Shown questions left out count as skipped
 * (null), as if the person had pressed Skip; answers to questions the other answers hide, to
 * unknown slots, or that break a question's rules are problems.
 */
export function checkAnswersFile(survey: Survey, data: unknown): FileCheck {
  const en = translator("en");
  const problems: FileProblem[] = [];
  if (data === null || typeof data !== "object" || Array.isArray(data))
    return fail(
      "(file)",
      'The file must hold one JSON object: { "language": "fi", "answers": { "question_id": … } }.',
    );
  const top = data as Record<string, unknown>;
  problems.push(...fileKeyProblems(survey, top));
  const given = top.answers;
  if (given === null || typeof given !== "object" || Array.isArray(given))
    return fail(
      "answers",
      'answers must be an object of question ids and answers: { "visit_freq": "weekly" }.',
      problems,
    );
  const raw = given as Record<string, unknown>;

  const slots = allQuestions(survey).flatMap((q) => slotsOf(q).map((s) => s.id));
  problems.push(...unknownSlotProblems(raw, slots));

  const answers: Answers = {};
  const shown = (id: string) => visibleQuestionIds(survey, answers).has(id);
  for (const step of allSteps(survey)) {
    const q = step.question;
    const key = stepKey(step);
    if (!asks(q)) continue;
    const value = Object.hasOwn(raw, key) ? raw[key] : null;
    if (!shown(q.id)) {
      if (Object.hasOwn(raw, key) && raw[key] !== null)
        problems.push({
          path: `answers.${key}`,
          message: `This question is not shown for these answers (it is asked only when ${q.showIf}). Leave it out.`,
        });
      continue;
    }
    const checked = checkAnswer(step, value);
    if (!checked.ok) {
      const choices = "choices" in q ? ` The answers are: ${q.choices.map((c) => c.value).join(", ")}.` : "";
      const what =
        checked.problem.key === "run.error.required"
          ? "This question is required: give an answer."
          : en(checked.problem.key, checked.problem.vars);
      problems.push({ path: `answers.${key}`, message: what + choices });
      continue;
    }
    answers[key] = checked.value;
    const otherSlot = `${q.id}.${OTHER_CODE}`;
    if (!step.item && slots.includes(otherSlot) && Object.hasOwn(raw, otherSlot)) {
      const v = checked.value;
      const picked = v === OTHER_CODE || (Array.isArray(v) && v.includes(OTHER_CODE));
      const text = checkOtherText(raw[otherSlot]);
      if (!picked && raw[otherSlot] !== null)
        problems.push({
          path: `answers.${otherSlot}`,
          message: `There is an "other" text, but "${OTHER_CODE}" is not picked in ${q.id}.`,
        });
      else if (!text.ok)
        problems.push({ path: `answers.${otherSlot}`, message: en(text.problem.key, text.problem.vars) });
      else if (text.value !== null) answers[otherSlot] = text.value;
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const file: AnswersFile = { answers };
  if (typeof top.language === "string") file.language = top.language;
  if (typeof top.plain === "boolean") file.plain = top.plain;
  return { ok: true, file };
}

/** The file's own keys: only language, plain and answers, each of its kind. */
function fileKeyProblems(survey: Survey, top: Record<string, unknown>): FileProblem[] {
  const problems: FileProblem[] = [];
  for (const key of Object.keys(top))
    if (!["language", "plain", "answers"].includes(key))
      problems.push({
        path: key,
        message: `Unknown key "${key}"; the keys are language, plain and answers.`,
      });
  if (
    top.language !== undefined &&
    (typeof top.language !== "string" || !survey.languages.includes(top.language))
  )
    problems.push({
      path: "language",
      message: `The survey's languages are ${survey.languages.join(", ")}.`,
    });
  if (top.plain !== undefined && typeof top.plain !== "boolean")
    problems.push({ path: "plain", message: "plain is true or false." });
  return problems;
}

/** Answers to slots the survey does not have, with the nearest id. */
function unknownSlotProblems(raw: Record<string, unknown>, slots: string[]): FileProblem[] {
  const problems: FileProblem[] = [];
  for (const key of Object.keys(raw))
    if (!slots.includes(key)) {
      const near = closest(key, slots);
      problems.push({
        path: `answers.${key}`,
        message: `The survey has no question "${key}".${near ? ` Did you mean "${near}"?` : ""}`,
      });
    }
  return problems;
}

function fail(path: string, message: string, before: FileProblem[] = []): FileCheck {
  return { ok: false, problems: [...before, { path, message }] };
}

/** Replays checked answers through the session flow: each screen gets its answer, or a skip. */
export class AnswersPrompter implements Prompter {
  constructor(private readonly answers: Answers) {}

  async ask(screen: QuestionScreen): Promise<Reply> {
    if (screen.type === "info") return { kind: "next" };
    const value = this.answers[screen.key];
    if (value === undefined || value === null) return { kind: "skip" };
    const other = this.answers[`${screen.key}.${OTHER_CODE}`];
    return typeof other === "string" ? { kind: "answer", value, other } : { kind: "answer", value };
  }

  async page(_page: Page): Promise<"next"> {
    return "next";
  }
}
