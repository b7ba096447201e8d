// The rule that every text of the survey is given in its languages (and only in them). Pure;
// part of rules.ts.
import type { RuleIssue } from "./rule-issue.js";
import type { SurveyFile } from "./schema.js";
import type { Path } from "./source.js";
import { didYouMean } from "./suggest.js";

type Add = (i: RuleIssue) => void;

const TEXT_KEYS = new Set([
  "title",
  "description",
  "intro",
  "outro",
  "text",
  "label",
  "help",
  "unit",
  "min",
  "max",
]);

/** Every language-map text: the default language is required, the others are expected. */
export function checkLanguages(file: SurveyFile, add: Add): void {
  const [def, ...others] = file.languages;
  const langs = new Set(file.languages);
  const visit = (value: unknown, path: Path, key: string | undefined): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        visit(v, [...path, i], undefined);
      });
      return;
    }
    if (value === null || typeof value !== "object") return;
    const obj = value as Record<string, unknown>;
    // A wave's name is a text keyed by the wave's code (waves: { baseline: { fi: … } }).
    const isWave = path.length === 2 && path[0] === "waves";
    const isText = isWave || (key !== undefined && (TEXT_KEYS.has(key) || key === "plain"));
    if (isText && Object.values(obj).every((v) => typeof v === "string")) {
      for (const lang of Object.keys(obj))
        if (!langs.has(lang))
          add({
            severity: "warning",
            code: "SURVEY_UNKNOWN_LANGUAGE",
            message: `Text in "${lang}", which is not in languages (${file.languages.join(", ")}).`,
            hint: didYouMean(lang, file.languages) ?? `Add "${lang}" to languages or remove this text.`,
            path,
            key: lang,
          });
      if (key === "plain") return; // plain wording is optional per language
      if (def && !(def in obj))
        add({
          severity: "error",
          code: "SURVEY_MISSING_TEXT",
          message: `Missing the text in the default language "${def}".`,
          hint: `The first language listed (${def}) is the default and every text needs it.`,
          path,
        });
      for (const lang of others)
        if (!(lang in obj))
          add({
            severity: "warning",
            code: "SURVEY_MISSING_TRANSLATION",
            message: `Missing the "${lang}" translation.`,
            hint: `Add ${lang}: …; until then the ${def} text is shown.`,
            path,
          });
      return;
    }
    // The labels of a numeric scale are texts keyed by point: { 1: { fi: … }, 9: { fi: … } }.
    for (const [k, v] of Object.entries(obj)) visit(v, [...path, k], key === "labels" ? "label" : k);
  };
  visit(file, [], undefined);
}
