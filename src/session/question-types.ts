// The session's table of question types: for each, the check of a given answer (the stored
// shape), the screen a prompter shows and the hint on how to answer. `satisfies` makes a type
// without a row a build error. Pure.
import type { AnswerValue } from "../definition/answers.js";
import type { Choice, Question, QuestionOf, QuestionType } from "../definition/model.js";
import type { ChoiceOption, QuestionScreen, ScreenBase, Translate } from "./prompter.js";
import { formatNumber } from "./screen-parts.js";
import {
  type Checked,
  checkAllocation,
  checkCode,
  checkMulti,
  checkNumber,
  checkNumberInput,
  checkRanking,
  checkText,
  rankingLength,
} from "./validate.js";

/** What buildScreen hands a row: the shared fields, the answers given before, the options. */
export interface ScreenInput {
  base: ScreenBase;
  /** The answer stored for this screen before (going back), if any. */
  current: AnswerValue | undefined;
  /** The "other" text given before, as the screen carries it. */
  other: { otherText?: string };
  /** The question's choices as options; `ends` names a numeric scale's two ends. */
  options(ends?: {
    min: number;
    max: number;
    labels: { min?: Choice["label"]; max?: Choice["label"] };
  }): ChoiceOption[];
  /** Check an answer as checkAnswer does (required included). */
  check(value: unknown): Checked<AnswerValue>;
  language: string;
}

export interface SessionRow<K extends QuestionType> {
  /** Check a given (not skipped) answer and turn it into the stored shape. */
  check(q: QuestionOf<K>, value: unknown): Checked<AnswerValue>;
  screen(q: QuestionOf<K>, s: ScreenInput): QuestionScreen;
  hint(q: QuestionOf<K>, t: Translate): string | undefined;
}

const asCode = (c: AnswerValue | undefined) => (typeof c === "string" || c === null ? c : undefined);
const asList = (c: AnswerValue | undefined) => (Array.isArray(c) || c === null ? c : undefined);

/** One choice among the options (single, yesno, likert, scale, a matrix statement). */
const choice = {
  check: (q: { choices: Choice[] }, value: unknown) => checkCode(q.choices, value),
  screen: (_q: Question, s: ScreenInput): QuestionScreen => ({
    ...s.base,
    type: "choice",
    options: s.options(),
    current: asCode(s.current),
    ...s.other,
  }),
  hint: () => undefined,
};

export const SESSION_TYPES = {
  single: choice,
  yesno: choice,
  likert: choice,
  matrix: choice,
  scale: {
    ...choice,
    screen: (q, s) => ({
      ...s.base,
      type: "choice",
      options: s.options(q),
      current: asCode(s.current),
      ...s.other,
    }),
  },
  multi: {
    check: (q, value) => checkMulti(q.choices, q.exclusive, q.min, q.max, value),
    screen: (q, s) => ({
      ...s.base,
      type: "multi",
      options: s.options(),
      current: asList(s.current),
      ...s.other,
      check: (codes) => checkMulti(q.choices, q.exclusive, q.min, q.max, codes),
    }),
    hint(q, t) {
      if (q.min !== undefined && q.max !== undefined && q.min > 1)
        return t("run.multi.between", { min: q.min, max: q.max });
      if (q.max !== undefined) return t("run.multi.atMost", { max: q.max });
      if (q.min !== undefined && q.min > 1) return t("run.multi.atLeast", { min: q.min });
      return t("run.multi.any");
    },
  },
  number: {
    check: (q, value) => (typeof value === "string" ? checkNumberInput(q, value) : checkNumber(q, value)),
    screen: (q, s) => ({
      ...s.base,
      type: "number",
      current:
        typeof s.current === "number"
          ? formatNumber(s.current, s.language)
          : s.current === null
            ? null
            : undefined,
      maxLength: 40,
      check: (raw) => {
        const n = checkNumberInput(q, raw);
        return n.ok ? s.check(n.value) : n;
      },
    }),
    hint: (q, t) =>
      q.min !== undefined && q.max !== undefined
        ? t("run.number.range", { min: q.min, max: q.max })
        : t("run.number.hint"),
  },
  text: {
    check: (q, value) => checkText(value, q.maxLength),
    screen: (q, s) => ({
      ...s.base,
      type: "text",
      current: asCode(s.current),
      maxLength: q.maxLength,
      check: (raw) => s.check(raw),
    }),
    // The survey's own help usually says this already, in its own words.
    hint: (q, t) => (q.help ? undefined : t("run.text.hint")),
  },
  ranking: {
    check: (q, value) => checkRanking(q.choices, q.top, value),
    screen: (q, s) => ({
      ...s.base,
      type: "ranking",
      options: s.options(),
      count: rankingLength(q.choices, q.top),
      current: asList(s.current),
    }),
    hint: (q, t) => t("run.ranking.hint", { top: rankingLength(q.choices, q.top) }),
  },
  allocate: {
    check: (q, value) => checkAllocation(q.choices, q.points, value),
    screen: (q, s) => ({
      ...s.base,
      type: "allocate",
      options: s.options(),
      points: q.points,
      current:
        s.current !== null && typeof s.current === "object" && !Array.isArray(s.current)
          ? s.current
          : s.current === null
            ? null
            : undefined,
    }),
    hint: (q, t) => t("run.allocate.hint", { points: q.points }),
  },
  info: {
    check: () => ({ ok: true, value: null }),
    screen: (_q, s) => ({ ...s.base, type: "info" }),
    hint: () => undefined,
  },
} satisfies { [K in QuestionType]: SessionRow<K> };

/** The row of a question's type (the one cast: TypeScript cannot tie the row to the question). */
export function sessionRowOf(q: Question): SessionRow<QuestionType> {
  return SESSION_TYPES[q.type] as SessionRow<QuestionType>;
}
