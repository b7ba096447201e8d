// The chart specs: small, plain, already-localised descriptions of one chart each. The caller
// (the report renderers) fills them from the Report; the chart layer only draws what is here.
// A `null` value is a suppressed cell (privacy): it is drawn as an empty slot, never as a number.

/** What every chart carries. Texts are in the report's language already. */
export interface ChartCommon {
  /** The question as asked; wrapped onto as many lines as it needs, never cut. */
  title: string;
  /** Words after "n = 57" in the subtitle, e.g. "several answers allowed". */
  subtitle?: string;
  /** Drawn in place of a suppressed value, e.g. "< 5". */
  suppressedLabel: string;
  /** The mark of a hidden n when it is not `suppressedLabel` ("n = –" for a complement). */
  nMark?: string;
  /** Lines under the chart (source, caveats), wrapped. */
  notes?: string[];
}

/** Single choice (shares of answers) or multi-select (shares of respondents), as horizontal bars. */
export interface BarsSpec extends ChartCommon {
  type: "bars";
  n: number | null;
  /** Names the axis: shares of answers (single choice) or of respondents (multi-select). */
  measure: "answers" | "respondents";
  /** In the survey's choice order. `share` is 0–1; `count` is printed beside it when given. */
  /** `mark`: the mark of a hidden item when it is not the chart's "< 5" (a complement's "–"). */
  items: { label: string; share: number | null; count?: number | null; muted?: boolean; mark?: string }[];
}

export type ScaleSide = "negative" | "neutral" | "positive";

/** Likert questions and matrices: stacked bars diverging from zero, one row per item. */
export interface DivergingSpec extends ChartCommon {
  type: "diverging";
  n: number | null;
  /** The scale's answer options in order, the negative end first; "don't know" is not one of them. */
  categories: { label: string; side: ScaleSide }[];
  /** Header of the "don't know" column; the locale's word when absent. */
  dontKnowLabel?: string;
  /**
   * `shares` are 0–1 of the valid answers (without "don't know"), one per category;
   * `dontKnow` is 0–1 of all answers to the item. Omit `dontKnow` on every row to drop the column.
   * `mark`: the mark of a hidden row when it is not the chart's "< 5" (its n hidden as a complement).
   */
  rows: {
    label: string;
    n?: number | null;
    shares: (number | null)[];
    dontKnow?: number | null;
    mark?: string;
  }[];
}

/** Numbers: counts per bin, with optional mean/median markers. */
export interface HistogramSpec extends ChartCommon {
  type: "histogram";
  n: number | null;
  /** Bins in ascending order, of equal width, each `from` ≤ x < `to` (the last one closed). */
  /** `mark`: the mark of a hidden bin when it is not the chart's "< 5" (a complement's "–"). */
  bins: { from: number; to: number; count: number | null; label?: string; mark?: string }[];
  /** What the numbers are, e.g. "Age (years)". */
  axisTitle?: string;
  markers?: { kind: "mean" | "median"; value: number }[];
  decimals?: number;
}

/** Rankings (Borda scores), dot-voting totals and other totals, drawn sorted, largest first. */
export interface OrderedBarsSpec extends ChartCommon {
  type: "ordered-bars";
  n: number | null;
  measure: "borda" | "points" | "count";
  /** Any order; the chart sorts (suppressed items last, in the order given). */
  items: { label: string; value: number | null; mark?: string }[];
  decimals?: number;
}

export interface Estimate {
  value: number | null;
  /** The 95 % confidence interval, when known. */
  low?: number | null;
  high?: number | null;
  /** The mark of a hidden value when it is not the chart's "< 5" (a withheld figure's "–"). */
  mark?: string;
}

/** Baseline vs follow-up (or any two groups): two bars per category with interval whiskers. */
export interface PairedBarsSpec extends ChartCommon {
  type: "paired-bars";
  /** Shares (0–1, shown as %) or means on a scale from `min` to `max`. */
  scale: { kind: "share" } | { kind: "mean"; min: number; max: number };
  /** The two groups; labels default to the locale's "Baseline" and "Follow-up". */
  series: [PairedSeries, PairedSeries];
  items: { label: string; values: [Estimate, Estimate] }[];
  decimals?: number;
}
export interface PairedSeries {
  label?: string;
  /** The smallest n of the series' bars; `nMax` the largest when they differ. */
  n: number | null;
  nMax?: number;
  /** The mark of a hidden n when it is not the chart's "< 5" (a complement's "–"). */
  nMark?: string;
}

/** Importance–performance analysis: a labelled scatter with quadrant lines. */
export interface IpaSpec extends ChartCommon {
  type: "ipa";
  /** The smallest n of the plotted points; `nMax` the largest when they differ. */
  n: number | null;
  nMax?: number;
  /** The bounds of the rating scale (e.g. 1–5); the plot zooms in on the points within them. */
  range: { min: number; max: number };
  /** `mark`: for a point whose means are withheld although its n is shown (a "–"). */
  points: { label: string; importance: number | null; performance: number | null; mark?: string }[];
  /** Where the quadrant lines cross; the means of the plotted points when absent. */
  cross?: { importance: number; performance: number };
  axisTitles?: { importance?: string; performance?: string };
}

/** LibQUAL-style gaps: per item the zone of tolerance (minimum→desired) and the perceived level. */
export interface GapsSpec extends ChartCommon {
  type: "gaps";
  /** The smallest n of the drawn rows; `nMax` the largest when they differ. */
  n: number | null;
  nMax?: number;
  range: { min: number; max: number };
  /** `mark`: for a row whose means are withheld although its n is shown (a "–"). */
  rows: {
    label: string;
    minimum: number | null;
    desired: number | null;
    perceived: number | null;
    mark?: string;
  }[];
  decimals?: number;
}

export type ChartSpec =
  | BarsSpec
  | DivergingSpec
  | HistogramSpec
  | OrderedBarsSpec
  | PairedBarsSpec
  | IpaSpec
  | GapsSpec;

export type ChartType = ChartSpec["type"];

export interface ChartOptions {
  /** Report language (BCP 47: "fi", "sv", "en", "fi-FI"): number formats and the chart's own words. */
  locale: string;
  /** Layout width in CSS pixels; the PNG is `width × scale` pixels wide. Default 800. */
  width?: number;
  /** Pixel ratio. Default 2, so 1600 px: a 16 cm wide figure at about 250 dpi. */
  scale?: number;
  /** Layout height in CSS pixels; by default it grows with the number of rows. */
  height?: number;
  /**
   * "file" (default): compressed as tightly as zlib's default level, for PNG files and web pages.
   * "fast": for a PNG that only goes into a PDF: the same pixels, compressed about three times
   * faster into about a quarter more bytes.
   */
  compression?: PngCompression;
}

export type PngCompression = "file" | "fast";

/** What a chart drew, for tests and layout checks: every text, and the plot area (CSS pixels). */
export interface ChartInspection {
  texts: DrawnText[];
  plot?: { left: number; top: number; right: number; bottom: number };
}

/** One piece of text as drawn, in CSS pixels of the chart (for tests and layout checks). */
export interface DrawnText {
  text: string;
  font: string;
  /** The box the glyphs' ink occupies, after alignment and transforms. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}
