// Builds the screen for one step: every text in the person's language (plain wording with
// --plain), progress, section and help; the type's own part comes from its row in
// question-types.ts. Pure.
import { type Answers, OTHER_CODE } from "../definition/answers.js";
import { defaultLanguage, hasChoices, hasItems, type Survey, type Text } from "../definition/model.js";
import { checkAnswer } from "./check-answer.js";
import { opensSection, progressOf, type Step, stepKey } from "./flow.js";
import type { QuestionScreen } from "./prompter.js";
import { sessionRowOf } from "./question-types.js";
import { choiceOptions, type ScreenOptions, textIn } from "./screen-parts.js";

export { formatNumber, type ScreenOptions, textIn } from "./screen-parts.js";

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
    ...("help" in q && q.help && (!step.item || !hasItems(q) || q.items[0]?.id === step.item.id)
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
  const row = sessionRowOf(q);
  const hint = row.hint(q, o.t);
  const otherText = answers[`${q.id}.${OTHER_CODE}`];
  return row.screen(q, {
    base: hint ? { ...base, hint } : base,
    current: answers[stepKey(step)],
    other: typeof otherText === "string" ? { otherText } : {},
    options: (ends) => (hasChoices(q) ? choiceOptions(q, o, fb, ends) : []),
    check: (value) => checkAnswer(step, value),
    language: o.language,
  });
}
