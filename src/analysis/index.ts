// The analysis engine: (survey, responses, options) → Report. Pure: no file system, no store,
// no clock, no randomness; the same input gives byte-identical JSON. Counts are registered first,
// suppression is solved once over all of them, then the published Report is assembled.
import { type SurveyResponse, surveySlots } from "../definition/answers.js";
import type { Survey } from "../definition/model.js";
import { allQuestions } from "../definition/model.js";
import { ExitCode, KuuloError } from "../errors.js";
import { dictValue, type ResponseColumns } from "./columns.js";
import { columnsOf } from "./columns-builder.js";
import { prepareGaps, prepareIndices, prepareIpa } from "./composites.js";
import { createContext } from "./context.js";
import { periodOf, prepareCounts } from "./counts.js";
import { checkBy, prepareComparison, prepareCrossTabs } from "./crosstab.js";
import { MASK_KINDS } from "./mask.js";
import { type AnalysisOptions, byId, filterRows, resolveOptions } from "./options.js";
import { publishedMeans } from "./published-means.js";
import { prepareQuestion } from "./question-types.js";
import { REPORT_FORMAT, type Report } from "./report.js";
import { createLedger } from "./suppress.js";

export type { ResponseColumns } from "./columns.js";
export { columnsBuilder, columnsOf } from "./columns-builder.js";
export type { AnalysisFilters, AnalysisOptions, CompareBy } from "./options.js";
export { DEFAULT_MIN_CELL, MIN_CELL_FLOOR } from "./options.js";
export type * from "./report.js";
export { REPORT_FORMAT } from "./report.js";

/** The Report of the responses (as objects, or as columns built from the same survey). */
export function analyze(
  survey: Survey,
  responses: readonly SurveyResponse[] | ResponseColumns,
  options: AnalysisOptions = {},
): Report {
  const opts = resolveOptions(options);
  const cols = "meta" in responses ? responses : columnsOf(survey, responses);
  rejectForeign(survey, cols);
  const rows = filterRows(cols, opts.filters);
  const matched = rows.matched;
  // Sorted by id, so that nothing depends on the order the responses came in.
  const analysed = byId(cols.meta.id, rows.analysed);
  const ledger = createLedger();
  const ctx = createContext(survey, cols, analysed, opts.minCell, ledger);
  if (opts.by !== null) checkBy(ctx, opts.by);

  const counts = prepareCounts(ctx, matched, opts.filters.includePartial, opts.sessionNames);
  // The output floor: with fewer than minCell analysed responses every answer is one of a few
  // people's (one complete response and its zeros elsewhere would be that person's form), so the
  // report holds no distribution at all, only the counts of responses, hidden as usual.
  const belowFloor = analysed.length > 0 && analysed.length < opts.minCell;
  const questions = belowFloor
    ? []
    : allQuestions(survey)
        .map((q) => prepareQuestion(ctx, q))
        .filter((p) => p !== null);
  const indices = belowFloor ? () => [] : prepareIndices(ctx);
  const ipa = belowFloor ? () => null : prepareIpa(ctx);
  const gaps = belowFloor ? () => [] : prepareGaps(ctx);
  const crossTabsStage = opts.by !== null && !belowFloor ? prepareCrossTabs(ctx, opts.by) : null;
  const comparisonStage =
    opts.compare !== null && !belowFloor ? prepareComparison(ctx, opts.compare, opts.sessionNames) : null;

  // Settle the question counts first; group tables then build on the group sizes it leaves shown.
  ledger.solve(opts.minCell);
  const crossTabs = crossTabsStage ? crossTabsStage() : null;
  const comparison = comparisonStage ? comparisonStage() : null;
  ledger.solve(opts.minCell);

  const countsOut = counts();
  const finished = questions.map((finish) => finish());
  // The analysis blocks average the same answers: never more precisely than the tables.
  const published = publishedMeans(finished);
  const report: Report = {
    format: REPORT_FORMAT,
    survey: surveyHead(survey),
    generatedAt: opts.generatedAt,
    options: optionsOf(opts),
    counts: countsOut,
    period: periodOf(cols, analysed),
    privacy: {
      minCell: opts.minCell,
      smallCellsAllowed: opts.minCell < 3,
      belowMinCell: belowFloor,
      suppressedCells: 0,
      withheldStatistics: 0,
      tooFewGroups: 0,
      masked: { email: 0, phone: 0, hetu: 0, address: 0, iban: 0, total: 0 },
    },
    questions: finished,
    crossTabs: crossTabs ? crossTabs() : null,
    comparison: comparison ? comparison() : null,
    indices: indices(published),
    ipa: ipa(published),
    gaps: gaps(published),
  };
  // Filled last: the finishers above tally what they withheld and masked.
  const masked = { ...ctx.masked, total: MASK_KINDS.reduce((s, k) => s + ctx.masked[k], 0) };
  report.privacy = {
    ...report.privacy,
    suppressedCells: ledger.suppressedCount(),
    withheldStatistics: ctx.withheld,
    tooFewGroups: ctx.tooFewGroups,
    masked,
  };
  return report;
}

/** A report is about one survey: a response of another is a mistake in the caller's choice. */
function rejectForeign(survey: Survey, cols: ResponseColumns): void {
  const ids = cols.meta.surveyId;
  const foreign = ids.values.some((v) => v !== survey.id)
    ? ids.codes.findIndex((c) => ids.values[c] !== survey.id)
    : -1;
  if (foreign >= 0)
    throw new KuuloError(
      "ANALYSIS_WRONG_SURVEY",
      `Response ${cols.meta.id[foreign]} belongs to survey "${dictValue(ids, foreign)}", not "${survey.id}"`,
      ExitCode.dataError,
      { hint: "Analyse one survey at a time: choose its responses by the survey id." },
    );
  // Columns follow one definition's slots: another definition would read them wrongly.
  const slots = surveySlots(survey);
  if (cols.slots.length !== slots.length || cols.slots.some((c, i) => c.slot.id !== slots[i]!.id))
    throw new KuuloError(
      "ANALYSIS_OTHER_DEFINITION",
      `The responses were read for another version of survey "${survey.id}"`,
      ExitCode.internal,
      { hint: "Read the responses with the definition the report is made with." },
    );
}

function surveyHead(survey: Survey): Report["survey"] {
  return {
    id: survey.id,
    hash: survey.hash,
    title: survey.title,
    ...(survey.description ? { description: survey.description } : {}),
    languages: survey.languages,
    ...(survey.waves ? { waves: survey.waves } : {}),
  };
}

/** The options as the report states them (every filter, null when not used). */
function optionsOf(opts: ReturnType<typeof resolveOptions>): Report["options"] {
  const f = opts.filters;
  return {
    minCell: opts.minCell,
    by: opts.by,
    compare: opts.compare,
    filters: {
      sessionIds: f.sessionIds ?? null,
      waves: f.waves ?? null,
      sources: f.sources ?? null,
      since: f.since ?? null,
      until: f.until ?? null,
      includePartial: f.includePartial,
    },
  };
}
