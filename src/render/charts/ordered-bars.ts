// Rankings (Borda scores) and dot-voting or other totals as bars sorted largest first, each with its
// value. Suppressed items keep their label and come last as empty slots, in the order given.
import { planHorizontalBars } from "./horizontal-bars.js";
import { type ChartPlan, drawOver, type Env, hiddenN, markNotes, subtitleOf, tickFormat } from "./plan.js";
import { drawSlot, drawValue, layoutRows, valueAxis } from "./rows.js";
import { COLOR, font, SIZE } from "./theme.js";
import type { OrderedBarsSpec } from "./types.js";

const AXIS_KEY = { borda: "chart.bordaScore", points: "chart.points", count: "chart.count" } as const;

export function planOrderedBars(spec: OrderedBarsSpec, env: Env): ChartPlan {
  const { fmt, measure } = env;
  const decimals = spec.decimals ?? 1;
  // Stable: equal values keep the caller's order.
  const items = spec.items
    .map((it, i) => ({ ...it, i }))
    .sort((a, b) => {
      if (a.value === null || b.value === null)
        return a.value === b.value ? a.i - b.i : a.value === null ? 1 : -1;
      return b.value - a.value || a.i - b.i;
    });
  const texts = items.map((it) => (it.value === null ? null : fmt.number(it.value, decimals)));
  const widest = Math.max(0, ...texts.map((t) => (t ? measure(t, font(SIZE.value)) : 0)));
  const layout = layoutRows(measure, env.width, env.height, {
    frame: {
      title: spec.title,
      subtitle: subtitleOf(spec.n, fmt, spec.suppressedLabel, spec.subtitle, undefined, spec.nMark),
      notes: markNotes(
        spec.notes,
        false,
        [...hiddenN(spec), ...spec.items.filter((it) => it.value === null)],
        fmt,
        spec.suppressedLabel,
      ),
    },
    labels: items.map((it) => it.label),
    minRow: 30,
    right: Math.max(30, widest + 14),
  });
  const values = drawOver("kuuloOrderedValues", (ctx, x, y) => {
    items.forEach((it, i) => {
      const cy = y.getPixelForValue(i);
      const text = texts[i];
      if (it.value === null || !text) drawSlot(ctx, x.left, x.right, cy, 22, it.mark ?? spec.suppressedLabel);
      else drawValue(ctx, text, x.getPixelForValue(Math.max(0, it.value)) + 5, cy);
    });
  });
  const max = Math.max(0, ...items.map((it) => it.value ?? 0));
  return planHorizontalBars(layout, items.length, {
    datasets: [
      {
        data: items.map((it) => it.value),
        backgroundColor: COLOR.bar,
        maxBarThickness: 22,
        barPercentage: 0.8,
        categoryPercentage: 0.9,
      },
    ],
    x: {
      // Whole-number values get whole-number ticks only: with every value withheld the axis runs
      // 0…1, and ticks at 0.2, 0.4… would all print as "0" or "1".
      ...valueAxis(layout, fmt.t(AXIS_KEY[spec.measure]), tickFormat(fmt, decimals), {
        maxTicksLimit: 7,
        ...(decimals === 0 ? { precision: 0 } : {}),
      }),
      min: 0,
      suggestedMax: max > 0 ? max : 1,
    },
    draw: values,
  });
}
