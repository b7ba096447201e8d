// The kiosk screens of the small every-type survey (fixtures/surveys/valid/minimal.yaml), built as
// a session would build them, for the tests of the terminal's pure parts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseSurvey } from "../../src/definition/parse.js";
import { translator } from "../../src/i18n/index.js";
import { allSteps, stepKey } from "../../src/session/flow.js";
import type { QuestionScreen } from "../../src/session/prompter.js";
import { buildScreen } from "../../src/session/screens.js";
import { ROOT } from "./cli.js";

const survey = parseSurvey(readFileSync(join(ROOT, "fixtures/surveys/valid/minimal.yaml"), "utf8"), "m.yaml")
  .survey!;

/** The screen of step `key` after `answers`, in `lang`. */
export const screenOf = (key: string, answers = {}, lang = "en"): QuestionScreen => {
  const step = allSteps(survey).find((s) => stepKey(s) === key)!;
  return buildScreen(survey, answers, step, true, {
    language: lang,
    plain: false,
    emoji: true,
    t: translator(lang),
  });
};
