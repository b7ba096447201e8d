// Likert questions and matrices as diverging stacked bars: negative answers left of zero, positive
// right, a neutral middle split across zero, the share of each side printed beside the plot and
// "don't know" in a column of its own. A suppressed share is left out and flagged, never guessed.
import type { ChartDataset, Scale } from "chart.js";
import {
  DK_COL,
  divergingPlugin,
  LIMIT,
  type Segment,
  segments,
  sideTotal,
  suppressedRow,
  TOTAL_COL,
} from "./diverging-parts.js";
import { planHorizontalBars } from "./horizontal-bars.js";
import { type ChartPlan, type Env, markNotes as explainMarks, hiddenN, subtitleOf } from "./plan.js";
import { layoutRows, valueAxis } from "./rows.js";
import { type FittedText, fitText } from "./text.js";
import { COLOR, divergingColors, SIZE } from "./theme.js";
import type { DivergingSpec } from "./types.js";

/** What the chart hides: its n, whole rows (with their own mark when they have one) and shares. */
const hiddenOf = (spec: DivergingSpec): { mark?: string }[] => [
  ...hiddenN(spec),
  ...spec.rows.flatMap((r) =>
    suppressedRow(r)
      ? [r.mark ? { mark: r.mark } : {}]
      : r.dontKnow === null || r.shares.some((s) => s === null)
        ? [{}]
        : [],
  ),
];

/** Every mark the chart prints besides "< 5", explained on the chart itself. */
function markNotes(spec: DivergingSpec, fmt: Env["fmt"]): string[] {
  const notes: string[] = [];
  const atLeast = spec.rows.some(
    (r) =>
      !suppressedRow(r) &&
      (["negative", "positive"] as const).some((side) => {
        const t = sideTotal(spec, r.shares, side);
        return t.partial && t.sum > 0;
      }),
  );
  if (atLeast) notes.push(fmt.t("chart.atLeast"));
  if (spec.rows.some((r) => r.dontKnow === null)) notes.push(fmt.t("chart.hiddenShare"));
  return notes;
}

/** One dataset per segment, each row's share signed by its side (half of a neutral one each way). */
function divergingDatasets(spec: DivergingSpec, segs: Segment[], colors: string[]): ChartDataset<"bar">[] {
  return segs.map((seg) => {
    const side = spec.categories[seg.category]!.side;
    const sign = side === "negative" || seg.half === "left" ? -1 : 1;
    return {
      data: spec.rows.map((r) => {
        const v = suppressedRow(r) ? null : (r.shares[seg.category] ?? null);
        return v === null ? 0 : (sign * v) / (seg.half ? 2 : 1);
      }),
      backgroundColor: colors[seg.category],
      borderColor: COLOR.background,
      borderWidth: { left: 0.5, right: 0.5, top: 0, bottom: 0 },
      maxBarThickness: 24,
      barPercentage: 0.8,
      categoryPercentage: 0.9,
    };
  });
}

export function planDiverging(spec: DivergingSpec, env: Env): ChartPlan {
  const { fmt, measure } = env;
  const colors = divergingColors(spec.categories.map((c) => c.side));
  const hasDk = spec.rows.some((r) => r.dontKnow !== undefined);
  const layout = layoutRows(measure, env.width, env.height, {
    frame: {
      title: spec.title,
      subtitle: subtitleOf(spec.n, fmt, spec.suppressedLabel, spec.subtitle, undefined, spec.nMark),
      notes: explainMarks(
        [...(spec.notes ?? []), ...markNotes(spec, fmt)],
        false,
        hiddenOf(spec),
        fmt,
        spec.suppressedLabel,
      ),
      legend: spec.categories.map((c, i) => ({ label: c.label, swatch: { kind: "box", fill: colors[i]! } })),
    },
    labels: spec.rows.map((r) => r.label),
    extras: spec.rows.map((r) => (r.n != null && r.n !== spec.n ? fmt.n(r.n) : null)),
    minRow: 34,
    // The plot needs more room here: totals and the "don't know" column share the width.
    labelShares: [0.3, 0.34, 0.38],
    right: TOTAL_COL + (hasDk ? DK_COL : 0),
  });
  let dkHeader: FittedText | null = null;
  if (hasDk) {
    dkHeader = fitText(spec.dontKnowLabel ?? fmt.t("chart.dontKnow"), DK_COL - 16, SIZE.note, measure);
    const extra = Math.ceil(dkHeader.lines.length * dkHeader.size * SIZE.lineHeight + 6);
    layout.padding.top += extra;
    if (env.height === undefined) layout.height += extra;
  }
  const segs = segments(spec);
  const draw = divergingPlugin({ spec, segs, colors, dkHeader, fmt, measure });

  const axis = valueAxis(layout, fmt.t("chart.shareOfAnswers"), (v) => fmt.share(Math.abs(v)));
  return planHorizontalBars(layout, spec.rows.length, {
    datasets: divergingDatasets(spec, segs, colors),
    x: {
      ...axis,
      stacked: true,
      min: -LIMIT,
      max: LIMIT,
      afterBuildTicks(scale: Scale) {
        scale.ticks = [-1, -0.5, 0, 0.5, 1].map((value) => ({ value }));
      },
      grid: {
        color: (c: { tick?: { value: number } }) => (c.tick?.value === 0 ? COLOR.axis : COLOR.grid),
      },
    },
    stacked: true,
    extraWidth: TOTAL_COL,
    draw,
  });
}
