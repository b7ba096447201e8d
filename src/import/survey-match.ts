// How well a file's header fits a survey: how many of its question columns the survey has, and
// which other survey the database knows fits better. Says "this is another survey's file"
// before a long list of unknown columns. Pure.
import type { Survey } from "../definition/model.js";
import { columnCatalog, META_COLUMNS, REASON_COLUMN } from "./columns.js";

export interface SurveyFit {
  /** Header cells that are not blank, meta columns or the rejects file's reason. */
  columns: number;
  /** Of them, the survey's columns. */
  matching: number;
}

const NOT_QUESTIONS = new Set<string>([...META_COLUMNS, REASON_COLUMN]);

function questionHeaders(header: readonly string[], ignore: readonly string[]): string[] {
  const skip = new Set(ignore.map((i) => i.trim().toLowerCase()));
  return header
    .map((h) =>
      h
        .replace(/^\uFEFF/, "")
        .trim()
        .toLowerCase(),
    )
    .filter((h) => h !== "" && !NOT_QUESTIONS.has(h) && !skip.has(h));
}

export function surveyFit(
  header: readonly string[],
  survey: Survey,
  ignore: readonly string[] = [],
): SurveyFit {
  const cat = columnCatalog(survey);
  const names = questionHeaders(header, ignore);
  return { columns: names.length, matching: names.filter((h) => cat.has(h)).length };
}

/**
 * Whether the file is more likely another survey's: most of its question columns, and at least
 * five, are unknown (a misspelt column or two and a notes column are listed one by one instead).
 */
export function looksLikeAnotherSurvey(fit: SurveyFit): boolean {
  return fit.columns - fit.matching >= 5 && fit.matching * 2 < fit.columns;
}

/** The known survey (another id) that has the most of the file's columns, if it has more. */
export function betterSurvey(
  header: readonly string[],
  current: Survey,
  others: readonly Survey[],
  ignore: readonly string[] = [],
): { survey: Survey; fit: SurveyFit } | undefined {
  const mine = surveyFit(header, current, ignore).matching;
  let best: { survey: Survey; fit: SurveyFit } | undefined;
  for (const s of others) {
    if (s.id === current.id) continue;
    const fit = surveyFit(header, s, ignore);
    if (fit.matching > mine && (!best || fit.matching > best.fit.matching)) best = { survey: s, fit };
  }
  return best;
}
