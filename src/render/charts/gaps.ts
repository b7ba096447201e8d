// LibQUAL-style gaps: per item the zone of tolerance as a bar from the minimum to the desired level
// and the perceived level as a marker whose shape says whether it falls below, inside or above.
import { drawMarker, type LegendItem, type Shape } from "./frame.js";
import { planHorizontalBars } from "./horizontal-bars.js";
import { type ChartPlan, drawOver, type Env, hiddenN, markNotes, subtitleOf, tickFormat } from "./plan.js";
import { drawSlot, drawValue, layoutRows, valueAxis } from "./rows.js";
import { COLOR, font, SIZE } from "./theme.js";
import type { GapsSpec } from "./types.js";

type Row = GapsSpec["rows"][number];

const hasNull = (r: Row) => r.minimum === null || r.desired === null || r.perceived === null;

function position(row: Row): "below" | "inside" | "above" {
  if (row.perceived === null) return "inside";
  if (row.minimum !== null && row.perceived < row.minimum) return "below";
  if (row.desired !== null && row.perceived > row.desired) return "above";
  return "inside";
}

const MARK: Record<"below" | "inside" | "above", { shape: Shape; fill: string }> = {
  below: { shape: "triangle-down", fill: COLOR.below },
  inside: { shape: "circle", fill: COLOR.inside },
  above: { shape: "triangle-up", fill: COLOR.above },
};

export function planGaps(spec: GapsSpec, env: Env): ChartPlan {
  const { fmt, measure } = env;
  const decimals = spec.decimals ?? 1;
  const places = spec.rows.map(position);
  const legend: LegendItem[] = [
    { label: fmt.t("chart.gaps.zone"), swatch: { kind: "box", fill: COLOR.zone } },
    { label: fmt.t("chart.gaps.perceived"), swatch: { kind: "marker", ...MARK.inside } },
  ];
  if (places.includes("below"))
    legend.push({ label: fmt.t("chart.gaps.below"), swatch: { kind: "marker", ...MARK.below } });
  if (places.includes("above"))
    legend.push({ label: fmt.t("chart.gaps.above"), swatch: { kind: "marker", ...MARK.above } });
  const layout = layoutRows(measure, env.width, env.height, {
    frame: {
      title: spec.title,
      subtitle: subtitleOf(spec.n, fmt, spec.suppressedLabel, spec.subtitle, spec.nMax, spec.nMark),
      legend,
      notes: markNotes(
        spec.notes,
        false,
        [...hiddenN(spec), ...spec.rows.filter(hasNull)],
        fmt,
        spec.suppressedLabel,
      ),
    },
    labels: spec.rows.map((r) => r.label),
    minRow: 32,
    right: 48,
  });
  const draw = drawOver("kuuloGaps", (ctx, x, y) => {
    spec.rows.forEach((row, i) => {
      const cy = y.getPixelForValue(i);
      if (row.minimum === null && row.desired === null && row.perceived === null) {
        drawSlot(ctx, x.left, x.right, cy, 20, row.mark ?? spec.suppressedLabel);
        return;
      }
      if (row.minimum === null || row.desired === null)
        drawSlot(ctx, x.left, x.right, cy, 20, row.mark ?? spec.suppressedLabel);
      if (row.perceived === null) return;
      const mark = MARK[places[i]!];
      const px = x.getPixelForValue(row.perceived);
      drawMarker(ctx, mark.shape, px, cy, 6.5, mark.fill);
      // The perceived level beside its marker, on the side with room, with a white halo over the zone.
      const text = fmt.number(row.perceived, decimals);
      const w = measure(text, font(SIZE.value));
      const left = px + 11 + w > x.right + 40;
      drawValue(ctx, text, left ? px - 11 - w : px + 11, cy, COLOR.text, true);
    });
  });
  const span = spec.range.max - spec.range.min;
  return planHorizontalBars(layout, spec.rows.length, {
    datasets: [
      {
        // Floating bars: each a [minimum, desired] pair; an unknown end leaves the bar out.
        data: spec.rows.map((r) =>
          r.minimum === null || r.desired === null ? null : [r.minimum, r.desired],
        ) as never,
        backgroundColor: COLOR.zone,
        borderColor: COLOR.zoneEdge,
        borderWidth: 1,
        borderSkipped: false,
        maxBarThickness: 18,
        barPercentage: 0.7,
        categoryPercentage: 0.9,
      },
    ],
    x: {
      ...valueAxis(
        layout,
        fmt.t("chart.gaps.axis"),
        tickFormat(fmt, decimals),
        span <= 10 ? { stepSize: 1 } : {},
      ),
      min: spec.range.min,
      max: spec.range.max,
    },
    draw,
  });
}
