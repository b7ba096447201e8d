// Checks for options shared by several commands, with messages that say what would work.

import { closest } from "../definition/suggest.js";
import { ExitCode, KuuloError } from "../errors.js";

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

export function parsePositiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new KuuloError(
      "USAGE_BAD_NUMBER",
      `${name} must be a whole number, not "${value}".`,
      ExitCode.usage,
    );
  return n;
}
