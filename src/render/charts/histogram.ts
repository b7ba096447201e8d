// Numbers as a histogram: counts per bin as touching vertical bars with the count on top, and
// optional mean/median markers placed by value within the bins. A suppressed bin is an empty slot.
import type { Scale } from "chart.js";
import { framePlugin, type LegendItem, planFrame } from "./frame.js";
import { type ChartPlan, drawOver, type Env, hiddenN, markNotes, subtitleOf, tickFormat } from "./plan.js";
import { valueAxis } from "./rows.js";
import type { Ctx } from "./surface.js";
import { COLOR, font, SIZE } from "./theme.js";
import type { HistogramSpec } from "./types.js";

const PLOT_HEIGHT = 300;
const AXIS_HEIGHT = 58;

/** The pixel of `value` on a category axis whose bands are the bins. */
function binPixel(
  spec: HistogramSpec,
  value: number,
  centre: (i: number) => number,
  band: number,
): number | null {
  const i = spec.bins.findIndex(
    (b, k) => value >= b.from && (value < b.to || (k === spec.bins.length - 1 && value <= b.to)),
  );
  if (i < 0) return null;
  const bin = spec.bins[i]!;
  const t = bin.to === bin.from ? 0.5 : (value - bin.from) / (bin.to - bin.from);
  return centre(i) - band / 2 + t * band;
}

const MARKER_STYLE = {
  mean: { color: COLOR.mean, dash: [6, 4], key: "chart.mean" as const },
  median: { color: COLOR.median, dash: [2, 3], key: "chart.median" as const },
};

export function planHistogram(spec: HistogramSpec, env: Env): ChartPlan {
  const { fmt, measure } = env;
  const decimals = spec.decimals ?? 1;
  const legend: LegendItem[] = (spec.markers ?? []).map((mk) => ({
    label: `${fmt.t(MARKER_STYLE[mk.kind].key)} ${fmt.number(mk.value, decimals)}`,
    swatch: { kind: "line", color: MARKER_STYLE[mk.kind].color, dash: MARKER_STYLE[mk.kind].dash },
  }));
  const frame = planFrame(measure, env.width, {
    title: spec.title,
    subtitle: subtitleOf(spec.n, fmt, spec.suppressedLabel, spec.subtitle, undefined, spec.nMark),
    legend,
    notes: markNotes(
      spec.notes,
      false,
      [...hiddenN(spec), ...spec.bins.filter((b) => b.count === null)],
      fmt,
      spec.suppressedLabel,
    ),
  });
  const height = env.height ?? Math.ceil(frame.header + PLOT_HEIGHT + AXIS_HEIGHT + frame.footer);
  const edge = tickFormat(fmt, decimals);
  const labels = spec.bins.map((b) => b.label ?? `${edge(b.from)}–${edge(b.to)}`);
  const yAxisWidth = 56;

  const draw = drawOver("kuuloHistogram", (ctx, x, y) => drawBins(ctx, x, y, spec, fmt));
  const counts = spec.bins.map((b) => b.count ?? 0);
  return {
    width: env.width,
    height,
    config: {
      type: "bar",
      data: {
        labels,
        datasets: [
          {
            data: spec.bins.map((b) => b.count),
            backgroundColor: COLOR.bar,
            borderColor: COLOR.background,
            borderWidth: 1,
            barPercentage: 1,
            categoryPercentage: 1,
          },
        ],
      },
      options: {
        layout: { padding: { top: frame.header, bottom: frame.footer, left: SIZE.pad, right: SIZE.pad + 8 } },
        plugins: { legend: { display: false }, title: { display: false }, tooltip: { enabled: false } },
        scales: {
          x: binAxis(spec.axisTitle),
          y: {
            ...valueAxis({ axisHeight: 0 }, fmt.t("chart.respondents"), (v) => fmt.number(v, 0), {
              precision: 0,
            }),
            beginAtZero: true,
            // Room above the tallest bar for its count.
            suggestedMax: Math.max(1, ...counts) * 1.12,
            afterFit(scale) {
              scale.width = yAxisWidth;
            },
          },
        },
      },
      plugins: [framePlugin(frame), draw],
    },
  };
}

/** The count over each bin (an empty slot for a suppressed one) and the mean and median lines. */
function drawBins(ctx: Ctx, x: Scale, y: Scale, spec: HistogramSpec, fmt: Env["fmt"]): void {
  const band = spec.bins.length > 0 ? (x.right - x.left) / spec.bins.length : 0;
  ctx.save();
  ctx.font = font(SIZE.value);
  ctx.textAlign = "center";
  spec.bins.forEach((bin, i) => {
    const cx = x.getPixelForValue(i);
    if (bin.count === null) {
      ctx.setLineDash([4, 3]);
      ctx.strokeStyle = COLOR.slot;
      ctx.strokeRect(cx - band / 2 + 2.5, y.top, band - 5, y.bottom - y.top);
      ctx.setLineDash([]);
      ctx.fillStyle = COLOR.muted;
      ctx.textBaseline = "bottom";
      ctx.fillText(bin.mark ?? spec.suppressedLabel, cx, y.bottom - 4);
      return;
    }
    ctx.fillStyle = COLOR.text;
    ctx.textBaseline = "bottom";
    ctx.fillText(fmt.number(bin.count, 0), cx, y.getPixelForValue(bin.count) - 3);
  });
  for (const mk of spec.markers ?? []) {
    const px = binPixel(spec, mk.value, (i) => x.getPixelForValue(i), band);
    if (px === null) continue;
    ctx.strokeStyle = MARKER_STYLE[mk.kind].color;
    ctx.lineWidth = 2;
    ctx.setLineDash(MARKER_STYLE[mk.kind].dash);
    ctx.beginPath();
    ctx.moveTo(px, y.top);
    ctx.lineTo(px, y.bottom);
    ctx.stroke();
  }
  ctx.restore();
}

/** The bins' axis: their labels under them, and the axis title. */
function binAxis(title: string | undefined) {
  return {
    grid: { display: false },
    border: { color: COLOR.axis },
    ticks: { color: COLOR.muted, font: { size: SIZE.tick }, maxRotation: 0, autoSkip: true },
    title: {
      display: Boolean(title),
      text: title ?? "",
      color: COLOR.muted,
      font: { size: SIZE.tick },
    },
    afterFit(scale: Scale) {
      scale.height = AXIS_HEIGHT;
    },
  };
}
