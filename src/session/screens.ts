// Builds the screen for one step: every text in the person's language (plain wording with
// --plain), choices with faces, hints, progress and the answer given before. Pure.
import { type Answers, OTHER_CODE } from "../definition/answers.js";
import { type Choice, defaultLanguage, type Question, type Survey, type Text } from "../definition/model.js";
import { pickText } from "../i18n/index.js";
import { faceFor } from "./faces.js";
import { opensSection, progressOf, type Step, stepKey } from "./flow.js";
import type { ChoiceOption, QuestionScreen, Translate } from "./prompter.js";
import { checkAnswer, checkMulti, checkNumberInput, rankingLength } from "./validate.js";

export interface ScreenOptions {
  language: string;
  plain: boolean;
  emoji: boolean;
  t: Translate;
}

/** A text in the session's language, the plain wording when asked for and present. */
export function textIn(
  o: Pick<ScreenOptions, "language" | "plain">,
  fallback: string,
  text?: Text,
  plain?: Text,
): string {
  return pickText(text, o.language, fallback, o.plain ? plain : undefined);
}

export function buildScreen(
  survey: Pick<Survey, "sections" | "languages">,
  answers: Answers,
  step: Step,
  canBack: boolean,
  o: ScreenOptions,
): QuestionScreen {
  const q = step.question;
  const fb = defaultLanguage(survey);
  const say = (text?: Text, plain?: Text) => textIn(o, fb, text, plain);
  const section = survey.sections.find((s) => s.id === q.sectionId);
  const base = {
    key: stepKey(step),
    progress: progressOf(survey, answers, step),
    title: step.item ? say(step.item.text, step.item.plain) : say(q.text, q.plain),
    required: q.required,
    canBack,
    language: o.language,
    t: o.t,
    ...(step.item ? { lead: say(q.text, q.plain) } : {}),
    // A matrix's help goes with its first statement only: read again on every statement, it
    // pushes the statement and the answers down without saying anything new.
    ...("help" in q && q.help && (!step.item || q.type !== "matrix" || q.items[0]?.id === step.item.id)
      ? { help: say(q.help) }
      : {}),
    ...(section && opensSection(survey, answers, step)
      ? {
          section: {
            title: say(section.title, section.plain),
            ...(section.intro ? { intro: say(section.intro) } : {}),
          },
        }
      : {}),
  };
  const hint = hintFor(q, o.t);
  const withHint = hint ? { ...base, hint } : base;
  const current = answers[stepKey(step)];
  const otherText = answers[`${q.id}.${OTHER_CODE}`];
  const other = typeof otherText === "string" ? { otherText } : {};
  switch (q.type) {
    case "single":
    case "yesno":
    case "likert":
    case "scale":
    case "matrix":
      return {
        ...withHint,
        type: "choice",
        options: choiceOptions(q, o, fb),
        current: typeof current === "string" || current === null ? current : undefined,
        ...other,
      };
    case "multi":
      return {
        ...withHint,
        type: "multi",
        options: choiceOptions(q, o, fb),
        current: Array.isArray(current) || current === null ? current : undefined,
        ...other,
        check: (codes) => checkMulti(q.choices, q.exclusive, q.min, q.max, codes),
      };
    case "number":
      return {
        ...withHint,
        type: "number",
        current:
          typeof current === "number"
            ? formatNumber(current, o.language)
            : current === null
              ? null
              : undefined,
        maxLength: 40,
        check: (raw) => {
          const n = checkNumberInput(q, raw);
          return n.ok ? checkAnswer(step, n.value) : n;
        },
      };
    case "text":
      return {
        ...withHint,
        type: "text",
        current: typeof current === "string" || current === null ? current : undefined,
        maxLength: q.maxLength,
        check: (raw) => checkAnswer(step, raw),
      };
    case "ranking":
      return {
        ...withHint,
        type: "ranking",
        options: choiceOptions(q, o, fb),
        count: rankingLength(q.choices, q.top),
        current: Array.isArray(current) || current === null ? current : undefined,
      };
    case "allocate":
      return {
        ...withHint,
        type: "allocate",
        options: choiceOptions(q, o, fb),
        points: q.points,
        current:
          current !== null && typeof current === "object" && !Array.isArray(current)
            ? current
            : current === null
              ? null
              : undefined,
      };
    case "info":
      return { ...withHint, type: "info" };
  }
}

function choiceOptions(q: Question & { choices: Choice[] }, o: ScreenOptions, fb: string): ChoiceOption[] {
  const smileys = "smileys" in q && q.smileys;
  const scalePoints = q.choices.filter((c) => !c.missing);
  const exclusive = q.type === "multi" ? q.exclusive : [];
  return q.choices.map((c) => {
    let label = textIn(o, fb, c.label, c.plain);
    if (q.type === "scale" && !c.missing) {
      const end =
        c.value === String(q.min) ? q.labels.min : c.value === String(q.max) ? q.labels.max : undefined;
      if (end) label = `${label} – ${textIn(o, fb, end)}`;
    }
    const option: ChoiceOption = { code: c.value, label };
    if (smileys && !c.missing) option.face = faceFor(scalePoints.indexOf(c), scalePoints.length, o.emoji);
    if (exclusive.includes(c.value)) option.exclusive = true;
    if (c.value === OTHER_CODE && "other" in q && q.other) option.other = true;
    return option;
  });
}

function hintFor(q: Question, t: Translate): string | undefined {
  switch (q.type) {
    case "multi":
      if (q.min !== undefined && q.max !== undefined && q.min > 1)
        return t("run.multi.between", { min: q.min, max: q.max });
      if (q.max !== undefined) return t("run.multi.atMost", { max: q.max });
      if (q.min !== undefined && q.min > 1) return t("run.multi.atLeast", { min: q.min });
      return t("run.multi.any");
    case "ranking":
      return t("run.ranking.hint", { top: rankingLength(q.choices, q.top) });
    case "allocate":
      return t("run.allocate.hint", { points: q.points });
    case "number":
      return q.min !== undefined && q.max !== undefined
        ? t("run.number.range", { min: q.min, max: q.max })
        : t("run.number.hint");
    case "text":
      // The survey's own help usually says this already, in its own words.
      return q.help ? undefined : t("run.text.hint");
    default:
      return undefined;
  }
}

/** A stored number as the person would type it (decimal comma outside English). */
export function formatNumber(n: number, language: string): string {
  const s = String(n);
  return language === "en" ? s : s.replace(".", ",");
}
