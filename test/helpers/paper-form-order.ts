// What a reader of a paper form should meet, in order (each question's text, then its answers
// and statements), in the words of one language, plain or ordinary; and the small survey.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { allQuestions, type Survey } from "../../src/definition/model.js";
import { parseSurvey } from "../../src/definition/parse.js";
import { pickText } from "../../src/i18n/index.js";
import { ROOT } from "./cli.js";

/** The small every-type survey. */
export const minimal = parseSurvey(
  readFileSync(join(ROOT, "fixtures/surveys/valid/minimal.yaml"), "utf8"),
  "minimal.yaml",
).survey as Survey;

const norm = (s: string) => s.replace(/\s+/g, " ").trim();

/** A survey text in `lang` (plain wording when asked), spaces normalised. */
export function texts(survey: Survey, lang: string, plain: boolean) {
  const def = survey.languages[0] ?? lang;
  return (t: Record<string, string> | undefined, p?: Record<string, string>) =>
    norm(pickText(t, lang, def, plain ? p : undefined));
}

/** What a reader should meet, in order: each question's text, then its answers (and statements). */
export function expectedOrder(survey: Survey, lang: string, plain: boolean): string[] {
  const txt = texts(survey, lang, plain);
  const out: string[] = [];
  for (const q of allQuestions(survey)) {
    out.push(txt(q.text, q.plain));
    if (q.type === "matrix") {
      // A grid on both forms: the scale's words (in the header, or in the legend above numbered
      // columns), then the statements.
      out.push(
        ...q.choices.map((c) => txt(c.label, c.plain)),
        ...q.items.map((it) => txt(it.text, it.plain)),
      );
    } else if (q.type === "scale") {
      out.push(...q.choices.map((c) => txt(c.label, c.plain)));
    } else if ("choices" in q) out.push(...q.choices.map((c) => txt(c.label, c.plain)));
  }
  return out;
}
