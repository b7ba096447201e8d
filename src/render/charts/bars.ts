// Horizontal bars for single choice (shares of answers) and multi-select (shares of respondents),
// in the survey's order, each with its value label ("42 % (24)"); suppressed items as empty slots.
import { planHorizontalBars } from "./horizontal-bars.js";
import { type ChartPlan, drawOver, type Env, hiddenN, markNotes, subtitleOf } from "./plan.js";
import { drawSlot, drawValue, layoutRows, valueAxis } from "./rows.js";
import { COLOR, font, SIZE } from "./theme.js";
import type { BarsSpec } from "./types.js";

export function planBars(spec: BarsSpec, env: Env): ChartPlan {
  const { fmt, measure } = env;
  const valueText = spec.items.map((it) =>
    it.share === null
      ? null
      : it.count == null
        ? fmt.share(it.share)
        : `${fmt.share(it.share)} (${fmt.number(it.count, 0)})`,
  );
  const widest = Math.max(0, ...valueText.map((t) => (t ? measure(t, font(SIZE.value)) : 0)));
  const layout = layoutRows(measure, env.width, env.height, {
    frame: {
      title: spec.title,
      subtitle: subtitleOf(spec.n, fmt, spec.suppressedLabel, spec.subtitle, undefined, spec.nMark),
      notes: markNotes(
        spec.notes,
        false,
        [...hiddenN(spec), ...spec.items.filter((it) => it.share === null)],
        fmt,
        spec.suppressedLabel,
      ),
    },
    labels: spec.items.map((it) => it.label),
    minRow: 30,
    right: Math.max(30, widest + 14),
  });
  const values = drawOver("kuuloBarValues", (ctx, x, y) => {
    spec.items.forEach((it, i) => {
      const cy = y.getPixelForValue(i);
      const text = valueText[i];
      if (text === null || text === undefined || it.share === null) {
        drawSlot(ctx, x.left, x.right, cy, 22, it.mark ?? spec.suppressedLabel);
        return;
      }
      drawValue(ctx, text, x.getPixelForValue(it.share) + 5, cy);
    });
  });
  return planHorizontalBars(layout, spec.items.length, {
    datasets: [
      {
        data: spec.items.map((it) => it.share),
        backgroundColor: spec.items.map((it) => (it.muted ? COLOR.barMuted : COLOR.bar)),
        maxBarThickness: 22,
        barPercentage: 0.8,
        categoryPercentage: 0.9,
      },
    ],
    x: {
      ...valueAxis(
        layout,
        fmt.t(spec.measure === "answers" ? "chart.shareOfAnswers" : "chart.shareOfRespondents"),
        fmt.share,
        { stepSize: 0.2 },
      ),
      min: 0,
      max: 1,
    },
    draw: values,
  });
}
