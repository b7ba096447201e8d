// `kuulo preview` as one library call: read a survey file and return the questionnaire as
// plain text in one language, as a person would read it on paper.
import { checkLanguage } from "../definition/language.js";
import { loadSurvey } from "../definition/load.js";
import { renderQuestionnaireText } from "./questionnaire-text.js";

export function previewSurvey(file: string, lang: string | undefined, plain: boolean): string {
  const survey = loadSurvey(file);
  return renderQuestionnaireText(survey, { lang: checkLanguage(lang, survey.languages), plain });
}
