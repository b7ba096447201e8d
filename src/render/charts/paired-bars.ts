// Baseline vs follow-up (or any two groups): two bars per category, each with its 95 % interval as
// a whisker and its value printed after it. A suppressed value is an empty slot in its own place,
// marked "< 5" or, for a figure withheld from a group large enough to show, with its own mark.
import type { Scale } from "chart.js";
import type { LegendItem } from "./frame.js";
import { planHorizontalBars } from "./horizontal-bars.js";
import { type ChartPlan, drawOver, type Env, hiddenN, markNotes, nText, tickFormat } from "./plan.js";
import { drawSlot, drawValue, layoutRows, valueAxis } from "./rows.js";
import type { Ctx } from "./surface.js";
import { COLOR, font, SIZE } from "./theme.js";
import type { Estimate, PairedBarsSpec } from "./types.js";

const CATEGORY = 0.8;
const SERIES_COLORS = [COLOR.baseline, COLOR.followUp] as const;

export function planPairedBars(spec: PairedBarsSpec, env: Env): ChartPlan {
  const { fmt, measure } = env;
  const decimals = spec.decimals ?? 1;
  const isShare = spec.scale.kind === "share";
  const lo = spec.scale.kind === "mean" ? spec.scale.min : 0;
  const hi = spec.scale.kind === "mean" ? spec.scale.max : 1;
  const show = (v: number) => (isShare ? fmt.share(v) : fmt.number(v, decimals));
  const names = [
    spec.series[0].label ?? fmt.t("chart.baseline"),
    spec.series[1].label ?? fmt.t("chart.followUp"),
  ];
  const subtitle = spec.series
    .map((s, i) => `${names[i]} ${nText(s.n, s.nMax, fmt, spec.suppressedLabel, s.nMark)}`)
    .concat(spec.subtitle ? [spec.subtitle] : [])
    .join(" · ");
  const hasInterval = spec.items.some((it) => it.values.some((e) => e.low != null && e.high != null));
  const legend: LegendItem[] = names.map((label, i) => ({
    label,
    swatch: { kind: "box", fill: SERIES_COLORS[i]! },
  }));
  if (hasInterval) legend.push({ label: fmt.t("chart.ci95"), swatch: { kind: "whisker" } });
  const widest = Math.max(
    0,
    ...spec.items.flatMap((it) =>
      it.values.map((e) => (e.value === null ? 0 : measure(show(e.value), font(SIZE.value)))),
    ),
  );
  const layout = layoutRows(measure, env.width, env.height, {
    frame: {
      title: spec.title,
      subtitle,
      legend,
      notes: pairedNotes(spec, fmt),
    },
    labels: spec.items.map((it) => it.label),
    minRow: 58,
    right: Math.max(30, widest + 14),
  });

  const draw = drawOver("kuuloPaired", (ctx, x, y) => drawPairs(ctx, x, y, spec, show));
  const axisTitle = isShare ? fmt.t("chart.shareOfAnswers") : fmt.t("chart.mean");
  return planHorizontalBars(layout, spec.items.length, {
    datasets: [0, 1].map((s) => ({
      data: spec.items.map((it) => it.values[s]!.value),
      backgroundColor: SERIES_COLORS[s],
      base: lo,
      maxBarThickness: 18,
      barPercentage: 0.85,
      categoryPercentage: CATEGORY,
    })),
    x: {
      ...valueAxis(
        layout,
        axisTitle,
        isShare ? fmt.share : tickFormat(fmt, decimals),
        isShare ? { stepSize: 0.2 } : hi - lo <= 10 ? { stepSize: 1 } : {},
      ),
      min: lo,
      max: hi,
    },
    draw,
  });
}

/** Per row the two values, each with its whisker and its value after it, or an empty slot. */
function drawPairs(ctx: Ctx, x: Scale, y: Scale, spec: PairedBarsSpec, show: (v: number) => string): void {
  const band = spec.items.length > 0 ? (y.bottom - y.top) / spec.items.length : 0;
  const slot = (band * CATEGORY) / 2;
  spec.items.forEach((it, i) => {
    it.values.forEach((e: Estimate, s) => {
      const cy = y.getPixelForValue(i) - (band * CATEGORY) / 2 + slot * (s + 0.5);
      if (e.value === null) {
        drawSlot(ctx, x.left, x.right, cy, Math.min(16, slot - 2), e.mark ?? spec.suppressedLabel);
        return;
      }
      let end = x.getPixelForValue(e.value);
      if (e.low != null && e.high != null) {
        const a = x.getPixelForValue(e.low);
        const b = x.getPixelForValue(e.high);
        const cap = Math.min(6, slot / 3);
        ctx.save();
        ctx.strokeStyle = COLOR.whisker;
        ctx.lineWidth = 1.5;
        ctx.beginPath();
        ctx.moveTo(a, cy);
        ctx.lineTo(b, cy);
        ctx.moveTo(a, cy - cap);
        ctx.lineTo(a, cy + cap);
        ctx.moveTo(b, cy - cap);
        ctx.lineTo(b, cy + cap);
        ctx.stroke();
        ctx.restore();
        end = Math.max(end, b);
      }
      drawValue(ctx, show(e.value), end + 5, cy);
    });
  });
}

/** The caller's notes and the explanation of every mark the chart prints. */
function pairedNotes(spec: PairedBarsSpec, fmt: Env["fmt"]): string[] {
  return markNotes(
    spec.notes,
    false,
    [
      ...spec.series.flatMap(hiddenN),
      ...spec.items.flatMap((it) => it.values.filter((e) => e.value === null)),
    ],
    fmt,
    spec.suppressedLabel,
  );
}
