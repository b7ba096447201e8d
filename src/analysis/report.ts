// The Report: what analysis hands to every renderer and what `report.json` holds. Plain,
// JSON-serialisable data with privacy already applied, so no renderer can leak a small count.
// Conventions for every field below:
// - Numbers are at full precision; rounding is the renderer's job. Shares are fractions 0…1.
// - `null` means "no data" or "hidden". A hidden count has `suppressed: true`, and every share or
//   statistic that would reveal it is `null` too (listed in `withheld` where that applies).
// - Codes, not wordings: choices carry their stable `code` and the survey's `label` texts
//   (language → text); renderers pick the language.
// - Order is the survey's order (questions, choices, items); groups are listed as documented.
//
// Privacy (src/analysis/suppress.ts has the details): a count of people from 1 to minCell − 1 is
// never printed, and no hidden one can be worked out exactly from the printed counts and shares,
// within a table or across tables (a question's own counts against its cross-tab or comparison).
// A reader may still learn bounds (two hidden cells adding up to 3). Counts of people without a
// valid answer ("don't know", skipped, not shown, not reached, invalid) are the exception: they are
// published exactly, because base and valid n (every share's denominator) are shown and give their
// total anyway (src/analysis/status.ts).
// A scale's mean, median and SD are audited against its own
// distribution (src/analysis/stat-audit.ts). Statistics over subsets (indices, IPA, gaps, means of
// number questions) need an n of at least minCell; they are not audited against each other.
import type { Text } from "../definition/model.js";
import type { MaskCounts } from "./mask.js";
import type { TermCount } from "./terms.js";

/** Version of this layout; bumped when a field changes meaning. */
export const REPORT_FORMAT = 1;

/** A count of people (or responses) that may be hidden for privacy. */
export interface Count {
  /** The count, or null when suppressed. */
  value: number | null;
  /** True when the count is below minCell, or would let a reader work out one that is. */
  suppressed: boolean;
  /**
   * Present (true) when a suppressed count is shown as "–", which claims no size: a count hidden
   * so that a small one cannot be worked out (a zero, or minCell or more), or a small one whose
   * "< 5" would itself tell too much (both sides of a comparison "< 5" and adding up to 6).
   * Without it a suppressed count is "< 5": from 1 to minCell − 1.
   */
  complement?: true;
}

/** A 95 % confidence interval. */
export interface Interval {
  low: number;
  high: number;
}

/** One answer option with its tally. */
export interface ChoiceRow {
  /** The stable choice code ("1", "weekly"). */
  code: string;
  /** The choice's label per language, from the survey. */
  label: Text;
  /** People who gave this answer; null when suppressed. */
  count: number | null;
  /**
   * count / valid n (for multi-select: the share of respondents who picked it, so shares may sum
   * past 1). Null when the count or the valid n is suppressed.
   */
  share: number | null;
  suppressed: boolean;
  /** Shown as "–", which claims no size; see `Count`. */
  complement?: true;
}

/** A "don't know"-type answer (a choice marked `missing: true`), kept out of shares and means. */
export interface MissingRow {
  code: string;
  label: Text;
  count: number | null;
  suppressed: boolean;
  complement?: true;
}

/**
 * How the analysed responses relate to one question (or matrix item). The counts add up:
 * base = valid + Σ missing + skipped + notShown + notReached + invalid. Base and valid are shown;
 * the others are hidden from 1 to minCell − 1, with a complement (see the top of this file).
 */
export interface AnswerStatus {
  /** Responses analysed (the same for every question). */
  base: Count;
  /** Responses with a usable answer: the denominator of shares and the n of statistics. */
  valid: Count;
  /** Shown, and the person chose to skip it. */
  skipped: Count;
  /** Not shown because its `show_if` was false for this person. */
  notShown: Count;
  /** Not answered although it would have been shown: a partial response that stopped before it. */
  notReached: Count;
  /** A stored value that does not fit the question (e.g. an unknown code); should be 0. */
  invalid: Count;
  /** "Don't know" and other missing-type answers, one row per such choice. */
  missing: MissingRow[];
}

/** Statistics that a Report may withhold to protect small counts. */
export type StatName =
  | "mean"
  | "median"
  | "sd"
  | "ci"
  | "topBox"
  | "bottomBox"
  | "meanRank"
  | "borda"
  | "points";

/** Summary of an ordered scale (likert, scale, one matrix item, a group's answers). */
export interface ScaleStats {
  /** Valid answers (the "don't know"-type answers are not in them). */
  n: Count;
  mean: number | null;
  /**
   * Present when `mean` is published only rounded to this many decimals (the headline rule: at
   * n ≥ 30 a mean whose exact value would let a reader pin a hidden count, but whose rounded one
   * does not, is published rounded; the value above is then the printed one).
   */
  meanDecimals?: number;
  median: number | null;
  /** Sample standard deviation (n − 1). */
  sd: number | null;
  /** 95 % interval of the mean from the t distribution (n − 1 degrees of freedom). */
  ci: Interval | null;
  /**
   * Share of valid answers in the top box: the `box` highest scale points; null when withheld or
   * no data.
   */
  topBox: number | null;
  /** Share of valid answers in the bottom box: the `box` lowest scale points. */
  bottomBox: number | null;
  /**
   * Scale points in each box: those above the scale's middle, ⌊points / 2⌋ (1 on 2–3-point
   * scales, 2 on 4–5-point, 3 on 6–7-point); 0 for numbers, which have no boxes.
   */
  box: number;
  /**
   * Statistics set to null for privacy although there was data. With suppressed cells, mean and
   * median (then SD and CI) are shown only if an exhaustive check of every way to fill the hidden
   * cells finds that they pin no hidden small count; a box share only if it adds nothing to n and
   * the shown cells.
   */
  withheld: StatName[];
}

/** A list of free texts, masked and sorted, shown only for at least minCell writers. */
export interface TextList {
  /** Number of texts; null when suppressed. */
  count: number | null;
  /** The masked texts in alphabetical order (never in answering order); null when suppressed. */
  texts: string[] | null;
  suppressed: boolean;
}

interface QuestionCommon {
  /** Question id (for a matrix item result: `matrix.item`). */
  id: string;
  /** The question type in the survey. */
  type: string;
  sectionId: string;
  text: Text;
  plain?: Text;
}

/** single and yesno: counts and shares of valid answers in the survey's choice order. */
export interface ChoiceResult extends QuestionCommon {
  kind: "choice";
  status: AnswerStatus;
  choices: ChoiceRow[];
  /** Texts written for "other", when the question offers it. */
  otherTexts: TextList | null;
}

/** multi: respondents per choice; each share is of valid respondents, so they may sum past 1. */
export interface MultiResult extends QuestionCommon {
  kind: "multi";
  status: AnswerStatus;
  choices: ChoiceRow[];
  otherTexts: TextList | null;
}

/** likert and scale: the distribution over the scale points and its summary. */
export interface ScaleResult extends QuestionCommon {
  kind: "scale";
  status: AnswerStatus;
  choices: ChoiceRow[];
  stats: ScaleStats;
}

/** One statement of a matrix. */
export interface MatrixItemResult {
  /** Slot id `matrix.item`. */
  id: string;
  itemId: string;
  text: Text;
  plain?: Text;
  /** Reverse-coded item (agreeing is the negative end); values are reported as answered. */
  reverse: boolean;
  status: AnswerStatus;
  choices: ChoiceRow[];
  stats: ScaleStats;
}

/** matrix: one table of items sharing a scale. */
export interface MatrixResult extends QuestionCommon {
  kind: "matrix";
  /** The shared scale points (not the missing-type answers), in order. */
  scale: { code: string; label: Text }[];
  items: MatrixItemResult[];
}

/** A histogram bin [low, high) (the last bin includes high). */
export interface HistogramBin {
  low: number;
  high: number;
  count: number | null;
  suppressed: boolean;
  complement?: true;
}

/** number: distribution of the numbers given. */
export interface NumberResult extends QuestionCommon {
  kind: "number";
  status: AnswerStatus;
  unit?: Text;
  n: Count;
  mean: number | null;
  median: number | null;
  sd: number | null;
  ci: Interval | null;
  /** First and third quartiles (type 7, like numpy's default). */
  q1: number | null;
  q3: number | null;
  min: number | null;
  max: number | null;
  histogram: HistogramBin[];
  /**
   * Present only when statistics are withheld for privacy beside a shown n: the mean, SD and
   * quartiles would narrow a hidden count of the histogram ("mean", "median", "sd", "ci").
   */
  withheld?: StatName[];
}

/** One choice of a ranking question. */
export interface RankingRow {
  code: string;
  label: Text;
  /** Respondents who ranked it first, and their share of valid respondents. */
  first: Count;
  firstShare: number | null;
  /** Respondents who put it anywhere in their top N, and their share of valid respondents. */
  inTop: Count;
  inTopShare: number | null;
  /** Mean position (1 = first) among those who ranked it; withheld with `inTop` or small ranks. */
  meanRank: number | null;
  /** Borda score: N points for a first place, N − 1 for a second, … 1 for the Nth; 0 unranked. */
  borda: number | null;
  withheld: StatName[];
}

/** ranking: order the top N. Rows in the survey's choice order. */
export interface RankingResult extends QuestionCommon {
  kind: "ranking";
  status: AnswerStatus;
  top: number;
  choices: RankingRow[];
}

/** One choice of an allocation (dot voting). */
export interface AllocateRow {
  code: string;
  label: Text;
  /**
   * Points given to it by everyone. Withheld (null, `withheld: ["points"]`) where its supporters
   * are hidden: a supporter gives 1 to N points, so the total bounds their number.
   */
  totalPoints: number | null;
  /** totalPoints / valid respondents. */
  meanPoints: number | null;
  /** totalPoints / all points given. */
  shareOfPoints: number | null;
  /** Respondents who gave it at least one point. */
  supporters: Count;
  /** Present only when its point statistics are withheld for privacy. */
  withheld?: StatName[];
}

/** allocate: spread N points. */
export interface AllocateResult extends QuestionCommon {
  kind: "allocate";
  status: AnswerStatus;
  points: number;
  totalPoints: number | null;
  choices: AllocateRow[];
}

/** text: masked answers and frequent terms. */
export interface TextResult extends QuestionCommon {
  kind: "text";
  status: AnswerStatus;
  answers: TextList;
  /** Terms used by at least minCell respondents (once per respondent), most frequent first. */
  terms: TermCount[];
  /** Personal details masked in these answers, per kind. */
  masked: MaskCounts;
}

export type QuestionResult =
  | ChoiceResult
  | MultiResult
  | ScaleResult
  | MatrixResult
  | NumberResult
  | RankingResult
  | AllocateResult
  | TextResult;

/** A group in a cross-tabulation or comparison. */
export interface Group {
  /** The grouping code (choice code, wave, session id or source); null = no answer / none. */
  code: string | null;
  /** Label texts for choice codes; null for waves, sessions, sources and the null group. */
  label: Text | null;
  /** Responses in the group. */
  size: Count;
  /** True exactly when the group has fewer than minCell people (but some): nothing about it is shown. */
  tooFew: boolean;
  /**
   * True when the group has at least minCell people but its size is hidden so that a smaller
   * group's cannot be worked out: nothing about it is shown either, marked "–".
   */
  withheld: boolean;
}

/** One answer option across the groups. */
export interface GroupRow {
  code: string;
  label: Text;
  /** One per group, in the order of `groups`: count and share of the group's valid answers. */
  cells: { count: number | null; share: number | null; suppressed: boolean; complement?: true }[];
  /** compare only: share difference of each group against the reference group (null for itself). */
  differences?: (ShareDifference | null)[];
}

export interface ShareDifference {
  /** This group's share minus the reference group's share. */
  diff: number;
  /** Newcombe's hybrid score interval (method 10) of the difference. */
  ci: Interval;
  /** Cohen's h = 2·asin√p1 − 2·asin√p2. */
  cohenH: number;
}

export interface MeanDifference {
  /** This group's mean minus the reference group's mean. */
  diff: number;
  /** Welch's t interval (unequal variances). */
  ci: Interval;
  /** Cohen's d with the pooled standard deviation; null when both groups have no spread. */
  cohenD: number | null;
}

/** Why a chi-square test is not given. */
export type TestNote =
  | "ok"
  | "expected-counts-too-small"
  | "suppressed-cells"
  | "too-few-groups"
  | "not-applicable";

/** One question (slot) split by groups: a cross-tabulation (`by`) or a comparison (`compare`). */
export interface GroupTable {
  /** Slot id: question id or `matrix.item`. */
  slot: string;
  questionType: string;
  kind: "choice" | "multi" | "scale" | "number";
  /** Valid answers per group, in the order of the report's groups. */
  valid: Count[];
  /** Rows for choice, multi and scale questions; empty for numbers. */
  rows: GroupRow[];
  /** For scale and number questions: the statistics per group (ScaleStats; boxes null for numbers). */
  stats: ScaleStats[] | null;
  /** compare only: mean difference of each group against the reference group. */
  meanDifferences?: (MeanDifference | null)[];
  /** by only: Pearson's chi-square test of independence over the groups with a code. */
  test?: { chi2: number; df: number; p: number; cramersV: number } | null;
  testNote?: TestNote;
}

/** `by`: every question cross-tabulated by one grouping question. */
export interface CrossTabs {
  /** The grouping slot id. */
  by: string;
  /** Its choices as groups in survey order, then the null group (no valid answer). */
  groups: Group[];
  tables: GroupTable[];
}

/** `compare`: waves, sessions or sources side by side. */
export interface Comparison {
  by: "wave" | "session" | "source";
  /**
   * Groups ordered by their earliest response (so a baseline comes before its follow-up), ties
   * by code; the null group (no wave or session) last. The first group that is not too few and
   * not null is the reference for differences.
   */
  groups: Group[];
  reference: string | null;
  tables: GroupTable[];
}

/** A composite score (the mean of its items per person, reverse-coded items flipped). */
export interface IndexResult {
  id: string;
  title: Text;
  items: string[];
  reverse: string[];
  /** Respondents with a valid answer to every item (the score uses complete cases). */
  n: Count;
  mean: number | null;
  median: number | null;
  sd: number | null;
  ci: Interval | null;
  /** Cronbach's alpha over the complete cases. */
  alpha: number | null;
}

export type IpaQuadrant = "keep-up" | "concentrate" | "low-priority" | "possible-overkill";

/** One service in an importance–performance analysis. */
export interface IpaRow {
  id: string;
  label: Text;
  importance: string;
  performance: string;
  /** Respondents with both answers valid; the means below are over them. */
  n: Count;
  importanceMean: number | null;
  performanceMean: number | null;
  /**
   * Martilla & James quadrant against the crosshair (the mean of the services' means):
   * keep-up = important and performing; concentrate = important, under-performing;
   * low-priority = neither; possible-overkill = performing but not important. Ties count as high.
   */
  quadrant: IpaQuadrant | null;
}

export interface IpaResult {
  /** Crosshair: the mean of the importance means and of the performance means (null below 2 services). */
  crosshair: { importance: number; performance: number } | null;
  rows: IpaRow[];
}

/** A LibQUAL-style service-quality gap. */
export interface GapResult {
  id: string;
  label: Text;
  minimum: string;
  desired: string;
  perceived: string;
  /** Respondents with all three levels valid. */
  n: Count;
  minimumMean: number | null;
  desiredMean: number | null;
  perceivedMean: number | null;
  /** Adequacy gap: mean of perceived − minimum (negative = below the minimum), with its 95 % CI. */
  adequacy: { mean: number | null; ci: Interval | null };
  /** Superiority gap: mean of perceived − desired (usually negative), with its 95 % CI. */
  superiority: { mean: number | null; ci: Interval | null };
}

/** Counts of responses by one key (source, session, wave or survey version). */
export interface KeyCount {
  /** The key; null for responses without a session or wave. */
  key: string | null;
  /** The session's name, where it has one other than its id. */
  label?: string;
  count: number | null;
  suppressed: boolean;
  complement?: true;
}

export interface ReportCounts {
  /** Responses that matched the filters, partial ones included. */
  matched: Count;
  /** Of them, by status. */
  complete: Count;
  partial: Count;
  /** Responses analysed: complete ones, plus partial ones with includePartial. */
  analysed: Count;
  /** Analysed responses by source, session, wave and survey version (keys sorted, null last). */
  bySource: KeyCount[];
  bySession: KeyCount[];
  byWave: KeyCount[];
  byVersion: KeyCount[];
}

export interface PrivacySummary {
  minCell: number;
  /** True when minCell was set below 3 on purpose (allowSmallCells). */
  smallCellsAllowed: boolean;
  /**
   * True when fewer than minCell responses were analysed (but some): the report then holds no
   * answers at all (no questions, group tables, indices, IPA or gaps), only hidden counts.
   */
  belowMinCell: boolean;
  /** Counts hidden in this Report (primary and complementary suppression). */
  suppressedCells: number;
  /** Statistics set to null for privacy although there was data. */
  withheldStatistics: number;
  /** Groups in cross-tabs and comparisons shown only as "too few". */
  tooFewGroups: number;
  /** Personal details masked in free text, per kind and in total. */
  masked: MaskCounts & { total: number };
  /**
   * Hidden on top of the above by the audit before publishing (src/privacy/protect.ts), so that
   * nothing can be worked out from this report's tables together, or together with the earlier
   * reports in the publication ledger (`releases` of them).
   */
  crossReport?: { cells: number; statistics: number; releases: number };
}

/** Which stored responses a report covers, in terms a reader can compare between reports. */
export interface PopulationMarker {
  /** Per stored survey: how many of its responses the report could draw on (before filters). */
  surveys: { id: string; responses: number }[];
}

export interface Report {
  format: typeof REPORT_FORMAT;
  survey: {
    id: string;
    /** Hash of the survey version the report was made with. */
    hash: string;
    title: Text;
    description?: Text;
    /** Languages of the survey's texts; the first is the default. */
    languages: string[];
    /** The survey's names for its waves by code, when it defines them (`waves:`). */
    waves?: Record<string, Text>;
  };
  /** Passed in by the caller (analysis never reads the clock); null when not given. */
  generatedAt: string | null;
  /** The options the report was made with, defaults filled in. */
  options: {
    minCell: number;
    by: string | null;
    compare: "wave" | "session" | "source" | null;
    filters: {
      sessionIds: string[] | null;
      waves: string[] | null;
      sources: string[] | null;
      since: string | null;
      until: string | null;
      includePartial: boolean;
    };
  };
  counts: ReportCounts;
  /**
   * Dates (YYYY-MM-DD, UTC; day precision on purpose) of the first and last submitted response
   * that carries a date. `undatedImported`, only when some complete forms carry no date at all
   * (no date column, no dated session): the first and last day such forms were imported.
   */
  period: {
    firstSubmitted: string | null;
    lastSubmitted: string | null;
    undatedImported?: { first: string; last: string };
  };
  privacy: PrivacySummary;
  /** One entry per answerable question (info pages have none), in questionnaire order. */
  questions: QuestionResult[];
  crossTabs: CrossTabs | null;
  comparison: Comparison | null;
  indices: IndexResult[];
  ipa: IpaResult | null;
  gaps: GapResult[];
  /** Set by the caller that knows the store (kuulo report, the demo); absent in older files. */
  population?: PopulationMarker;
}
