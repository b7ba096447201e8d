// `kuulo print` as one library call: read the survey, check where the PDF goes before the
// (slow) rendering, render the paper questionnaire and write it whole.
import { resolve } from "node:path";
import { checkLanguage } from "../definition/language.js";
import { loadSurvey } from "../definition/load.js";
import { isUiLanguage } from "../i18n/index.js";
import { checkOutput, writeOutputFile } from "../output-file.js";
import { renderQuestionnairePdf } from "./questionnaire-pdf.js";

export interface PrintRequest {
  file: string;
  cwd: string;
  lang?: string;
  plain: boolean;
  /** Where to write, as typed; default: <survey-id>-<lang>[-plain].pdf. */
  out?: string;
  force: boolean;
  /** Told at once about something the person should know, before the form is rendered. */
  note: (text: string) => void;
}

/** Writes the questionnaire PDF; returns the path as shown, its page count and language. */
export async function printQuestionnaire(
  r: PrintRequest,
): Promise<{ target: string; pages: number; lang: string }> {
  const survey = loadSurvey(r.file);
  const lang = checkLanguage(r.lang, survey.languages);
  if (!isUiLanguage(lang))
    r.note(`Note: the form's instructions are in English; Kuulo has them in fi, sv and en only.`);
  const target = r.out ?? `${survey.id}-${lang}${r.plain ? "-plain" : ""}.pdf`;
  const rules = { reads: [resolve(r.cwd, r.file)], force: r.force, shown: target, example: "form.pdf" };
  checkOutput(resolve(r.cwd, target), rules);
  const { bytes, pages } = await renderQuestionnairePdf(survey, { lang, plain: r.plain });
  writeOutputFile(resolve(r.cwd, target), bytes, rules);
  return { target, pages, lang };
}
