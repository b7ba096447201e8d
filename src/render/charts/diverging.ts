// Likert questions and matrices as diverging stacked bars: negative answers left of zero, positive
// right, a neutral middle split across zero, the share of each side printed beside the plot and
// "don't know" in a column of its own. A suppressed share is left out and flagged, never guessed.
import type { ChartDataset, Plugin, Scale } from "chart.js";
import { planHorizontalBars } from "./horizontal-bars.js";
import { type ChartPlan, type Env, notesOf, subtitleOf } from "./plan.js";
import { drawSlot, layoutRows, valueAxis } from "./rows.js";
import type { Ctx } from "./surface.js";
import { type FittedText, fitText } from "./text.js";
import { COLOR, divergingColors, font, NEG_DARK, POS_DARK, SIZE, textOn } from "./theme.js";
import type { DivergingSpec } from "./types.js";

const TOTAL_COL = 46;
const DK_TRACK = 56;
const DK_COL = 16 + DK_TRACK + 6 + 44;
const LIMIT = 1;

interface Segment {
  category: number;
  /** Which half of a neutral category this is (the left one carries its label). */
  half?: "left" | "right";
}

/** Datasets in stacking order: each side is stacked outward from zero. */
function segments(spec: DivergingSpec): Segment[] {
  const idx = spec.categories.map((c, i) => ({ side: c.side, i }));
  const neutral = idx.filter((c) => c.side === "neutral").map((c) => c.i);
  const negative = idx
    .filter((c) => c.side === "negative")
    .map((c) => c.i)
    .reverse();
  const positive = idx.filter((c) => c.side === "positive").map((c) => c.i);
  return [
    ...neutral.map((category) => ({ category, half: "left" as const })),
    ...negative.map((category) => ({ category })),
    ...neutral.map((category) => ({ category, half: "right" as const })),
    ...positive.map((category) => ({ category })),
  ];
}

/** The share on one side; `partial` when a suppressed share is missing from it (so it is a lower bound). */
function sideTotal(spec: DivergingSpec, shares: (number | null)[], side: "negative" | "positive") {
  let sum = 0;
  let partial = false;
  for (const [i, c] of spec.categories.entries()) {
    if (c.side !== side) continue;
    const v = shares[i];
    if (v === null || v === undefined) partial = true;
    else sum += v;
  }
  return { sum, partial };
}

const suppressedRow = (r: DivergingSpec["rows"][number]) => r.n === null || r.shares.every((s) => s === null);
const anySuppressed = (spec: DivergingSpec) =>
  spec.n === null ||
  spec.rows.some((r) => r.n === null || r.dontKnow === null || r.shares.some((s) => s === null));

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

export function planDiverging(spec: DivergingSpec, env: Env): ChartPlan {
  const { fmt, measure } = env;
  const colors = divergingColors(spec.categories.map((c) => c.side));
  const hasDk = spec.rows.some((r) => r.dontKnow !== undefined);
  const layout = layoutRows(measure, env.width, env.height, {
    frame: {
      title: spec.title,
      subtitle: subtitleOf(spec.n, fmt, spec.suppressedLabel, spec.subtitle),
      notes: notesOf(
        [...(spec.notes ?? []), ...markNotes(spec, fmt)],
        anySuppressed(spec),
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
  const datasets: ChartDataset<"bar">[] = segs.map((seg) => {
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

  const draw: Plugin = {
    id: "kuuloDiverging",
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx as unknown as Ctx;
      const x = chart.scales.x!;
      const y = chart.scales.y!;
      ctx.save();
      ctx.textBaseline = "middle";
      ctx.font = font(SIZE.value);
      spec.rows.forEach((row, r) => {
        const cy = y.getPixelForValue(r);
        if (suppressedRow(row)) {
          drawSlot(ctx, x.left, x.right, cy, 24, spec.suppressedLabel);
        } else {
          drawSegmentLabels(ctx, chart.getDatasetMeta.bind(chart), segs, spec, r, cy);
          drawTotals(ctx, spec, row.shares, x, cy);
        }
        if (row.dontKnow !== undefined) drawDontKnow(ctx, row.dontKnow, x.right + TOTAL_COL + 16, cy);
      });
      if (dkHeader) {
        const lh = dkHeader.size * SIZE.lineHeight;
        ctx.font = dkHeader.font;
        ctx.fillStyle = COLOR.text;
        ctx.textAlign = "left";
        ctx.textBaseline = "top";
        dkHeader.lines.forEach((line, i) => {
          ctx.fillText(line, x.right + TOTAL_COL + 16, y.top - 6 - (dkHeader.lines.length - i) * lh);
        });
      }
      ctx.restore();
    },
  };

  function drawSegmentLabels(
    ctx: Ctx,
    meta: (i: number) => { data: unknown[] },
    all: Segment[],
    s: DivergingSpec,
    r: number,
    cy: number,
  ): void {
    all.forEach((seg, d) => {
      if (seg.half === "right") return;
      const share = s.rows[r]!.shares[seg.category];
      if (share === null || share === undefined || share === 0) return;
      const el = meta(d).data[r] as { x: number; base: number };
      let from = Math.min(el.x, el.base);
      let to = Math.max(el.x, el.base);
      if (seg.half === "left") {
        const right = meta(all.findIndex((o) => o.category === seg.category && o.half === "right")).data[
          r
        ] as {
          x: number;
        };
        to = right.x;
        from = el.x;
      }
      const text = fmt.share(share);
      if (to - from < measure(text, font(SIZE.value)) + 6) return;
      ctx.fillStyle = textOn(colors[seg.category]!);
      ctx.textAlign = "center";
      ctx.fillText(text, (from + to) / 2, cy);
    });
  }

  /** Each side's share beside the plot, in the side's colour; "≥ 20 %" when a part of it is suppressed. */
  function drawTotals(ctx: Ctx, s: DivergingSpec, shares: (number | null)[], x: Scale, cy: number): void {
    for (const side of ["negative", "positive"] as const) {
      if (!s.categories.some((c) => c.side === side)) continue;
      const { sum, partial } = sideTotal(s, shares, side);
      // "≥ 0 %" says nothing: a side whose shown part is empty gets no total.
      if (partial && sum === 0) continue;
      ctx.fillStyle = partial ? COLOR.muted : side === "negative" ? NEG_DARK : POS_DARK;
      ctx.textAlign = side === "negative" ? "right" : "left";
      ctx.fillText(
        `${partial ? "≥ " : ""}${fmt.share(sum)}`,
        side === "negative" ? x.left - 6 : x.right + 6,
        cy,
      );
    }
  }

  function drawDontKnow(ctx: Ctx, share: number | null, x0: number, cy: number): void {
    ctx.save();
    ctx.strokeStyle = COLOR.grid;
    ctx.lineWidth = 1;
    ctx.strokeRect(x0 + 0.5, cy - 8, DK_TRACK, 16);
    ctx.textAlign = "left";
    if (share === null) {
      // A share column holds shares only: a hidden one is "–", explained under the chart.
      ctx.fillStyle = COLOR.muted;
      ctx.fillText("–", x0 + DK_TRACK + 6, cy);
    } else {
      ctx.fillStyle = COLOR.dontKnow;
      ctx.fillRect(x0 + 0.5, cy - 8, DK_TRACK * Math.min(1, Math.max(0, share)), 16);
      ctx.fillStyle = COLOR.text;
      ctx.fillText(fmt.share(share), x0 + DK_TRACK + 6, cy);
    }
    ctx.restore();
  }

  const axis = valueAxis(layout, fmt.t("chart.shareOfAnswers"), (v) => fmt.share(Math.abs(v)));
  return planHorizontalBars(layout, spec.rows.length, {
    datasets,
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
