// Which of a survey's languages to use for a run, a paper form, a template or a report: the asked
// one if the survey has it, else its first; a language it lacks is refused with a suggestion.
import { ExitCode, KuuloError } from "../errors.js";
import { closest } from "./suggest.js";

/** The language to use: the asked one if the survey has it, else the survey's default. */
export function checkLanguage(asked: string | undefined, languages: string[]): string {
  const fallback = languages[0] ?? "fi";
  if (asked === undefined) return fallback;
  if (languages.includes(asked)) return asked;
  const near = closest(asked, languages);
  throw new KuuloError("USAGE_BAD_LANGUAGE", `The survey has no "${asked}" texts.`, ExitCode.usage, {
    hint: `${near ? `Did you mean "${near}"? ` : ""}Languages of this survey: ${languages.join(", ")}.`,
  });
}
