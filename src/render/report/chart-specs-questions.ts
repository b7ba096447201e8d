// Chart specs for single questions: bars for single choice and multi-select, diverging bars for
// likert scales and matrices, histograms for numbers, ordered bars for rankings and points.
import type {
  ChoiceResult,
  MatrixResult,
  MultiResult,
  QuestionResult,
  ScaleResult,
} from "../../analysis/report.js";
import type { ChartSpec, DivergingSpec, ScaleSide } from "../charts/types.js";
import { markOf, nOf, nWithMark } from "./chart-specs-common.js";
import { type ReportFormats, WITHHELD_MARK } from "./format.js";
import { statementText } from "./view-common.js";

/** Scales longer than this are drawn as plain bars: eleven colours in one bar read badly. */
const MAX_DIVERGING_POINTS = 7;

export function sidesOf(points: number): ScaleSide[] {
  const half = Math.floor(points / 2);
  return Array.from({ length: points }, (_, i) =>
    i < half ? "negative" : points % 2 === 1 && i === half ? "neutral" : "positive",
  );
}

/** Share of "don't know" among all answers to an item (valid + don't know), for the chart's side column. */
function dontKnowShare(
  valid: { value: number | null; suppressed: boolean },
  missing: { count: number | null; suppressed: boolean }[],
) {
  if (missing.length === 0) return undefined;
  if (valid.suppressed || valid.value === null || missing.some((m) => m.suppressed || m.count === null))
    return null;
  const dk = missing.reduce((s, m) => s + (m.count ?? 0), 0);
  return valid.value + dk === 0 ? 0 : dk / (valid.value + dk);
}

function divergingOf(fmt: ReportFormats, mark: string, q: ScaleResult | MatrixResult): DivergingSpec {
  const points = q.kind === "matrix" ? q.scale : q.choices;
  const sides = sidesOf(points.length);
  const rows =
    q.kind === "matrix"
      ? q.items.map((it) => ({
          label: statementText(fmt.text, it),
          n: nOf(it.status.valid),
          ...markOf(it.status.valid),
          shares: it.choices.map((ch) => (ch.suppressed ? null : ch.share)),
          dontKnow: dontKnowShare(it.status.valid, it.status.missing),
        }))
      : [
          {
            label: fmt.t("report.chart.allAnswers"),
            n: nOf(q.status.valid),
            ...markOf(q.status.valid),
            shares: q.choices.map((ch) => (ch.suppressed ? null : ch.share)),
            dontKnow: dontKnowShare(q.status.valid, q.status.missing),
          },
        ];
  const anyDk = rows.some((r) => r.dontKnow !== undefined);
  const firstDk = q.kind === "matrix" ? q.items[0]?.status.missing[0]?.label : q.status.missing[0]?.label;
  const ns = rows.map((r) => r.n);
  return {
    type: "diverging",
    title: fmt.text(q.text),
    n: ns.some((n) => n === null) ? null : Math.max(0, ...ns.map((n) => n ?? 0)),
    // "n = –" only when every hidden n is a complement; one small n makes it "n < 5".
    ...(ns.some((n) => n === null) && rows.every((r) => r.n !== null || r.mark)
      ? { nMark: WITHHELD_MARK }
      : {}),
    suppressedLabel: mark,
    categories: points.map((p, i) => ({ label: fmt.text(p.label), side: sides[i] ?? "neutral" })),
    ...(q.kind === "matrix" && q.items.some((it) => it.reverse)
      ? { notes: [fmt.t("report.note.reverse")] }
      : {}),
    ...(anyDk && firstDk ? { dontKnowLabel: fmt.text(firstDk) } : {}),
    rows: rows.map(({ dontKnow, ...r }) => (anyDk ? { ...r, dontKnow: dontKnow ?? null } : r)),
  };
}

/** Largest first; hidden values last, in the survey's order. */
function largestFirst<T>(rows: T[], value: (r: T) => number | null): T[] {
  return rows
    .map((r, i) => ({ r, i, v: value(r) }))
    .sort((a, b) => (b.v ?? Number.NEGATIVE_INFINITY) - (a.v ?? Number.NEGATIVE_INFINITY) || a.i - b.i)
    .map((x) => x.r);
}

/** A bar per choice: its share, hidden ones as null (a complement marked "–"). */
function shareBars(fmt: ReportFormats, choices: (ScaleResult | ChoiceResult | MultiResult)["choices"]) {
  return choices.map((ch) => ({
    label: fmt.text(ch.label),
    share: ch.suppressed ? null : ch.share,
    count: ch.count,
    ...(ch.suppressed && ch.complement ? { mark: WITHHELD_MARK } : {}),
  }));
}

export function questionChart(fmt: ReportFormats, mark: string, q: QuestionResult): ChartSpec | null {
  const title = fmt.text(q.text);
  switch (q.kind) {
    case "choice":
    case "multi":
      return {
        type: "bars",
        title,
        ...nWithMark(q.status.valid),
        ...(q.kind === "multi" ? { subtitle: fmt.t("report.meta.several") } : {}),
        suppressedLabel: mark,
        measure: q.kind === "multi" ? "respondents" : "answers",
        items: shareBars(fmt, q.choices),
      };
    case "scale":
      // A numbered scale (a 4–10 school grade, 0–10) has no neutral middle to diverge from:
      // its distribution is drawn in scale order. Labelled agreement-type scales diverge.
      if (q.type === "likert" && q.choices.length <= MAX_DIVERGING_POINTS) return divergingOf(fmt, mark, q);
      return {
        type: "bars",
        title,
        ...nWithMark(q.status.valid),
        suppressedLabel: mark,
        measure: "answers",
        items: shareBars(fmt, q.choices),
      };
    case "matrix":
      return divergingOf(fmt, mark, q);
    case "number": {
      const markers: { kind: "mean" | "median"; value: number }[] = [];
      if (q.mean !== null) markers.push({ kind: "mean", value: q.mean });
      if (q.median !== null) markers.push({ kind: "median", value: q.median });
      return {
        type: "histogram",
        title,
        ...nWithMark(q.n),
        suppressedLabel: mark,
        bins: q.histogram.map((b) => ({
          from: b.low,
          to: b.high,
          count: b.suppressed ? null : b.count,
          ...markOf(b),
        })),
        ...(q.unit ? { axisTitle: fmt.text(q.unit) } : {}),
        markers,
      };
    }
    case "ranking":
      // Shares of respondents who put a choice in their top N, largest first: unlike Borda scores,
      // they are withheld only with their own small counts, and they read without explanation.
      return {
        type: "bars",
        title,
        ...nWithMark(q.status.valid),
        subtitle: fmt.t("report.chart.inTop", { top: q.top }),
        suppressedLabel: mark,
        measure: "respondents",
        items: largestFirst(q.choices, (r) => (r.inTop.suppressed ? null : r.inTopShare)).map((r) => ({
          label: fmt.text(r.label),
          share: r.inTop.suppressed ? null : r.inTopShare,
          count: r.inTop.value,
          ...markOf(r.inTop),
        })),
      };
    case "allocate":
      return {
        type: "ordered-bars",
        title,
        ...nWithMark(q.status.valid),
        subtitle: fmt.t("report.meta.points", { points: q.points }),
        suppressedLabel: mark,
        measure: "points",
        items: q.choices.map((r) => ({
          label: fmt.text(r.label),
          value: r.totalPoints,
          ...(r.withheld?.includes("points") ? { mark: WITHHELD_MARK } : {}),
        })),
        decimals: 0,
      };
    case "text":
      return null;
  }
}
