// Importance–performance analysis: performance across, importance up, dashed quadrant lines where
// the means cross, the four quadrants named in their corners and every point labelled beside it
// (labels placed to avoid each other), or numbered with a key under the plot when points crowd so
// that a name could be read as its neighbour's. Suppressed points are listed in a note instead.
import type { Scale } from "chart.js";
import type { Formats } from "./format.js";
import { framePlugin, planFrame } from "./frame.js";
import { type Cross, ipaPlugin, RADIUS } from "./ipa-draw.js";
import { type ChartPlan, type Env, subtitleOf } from "./plan.js";
import { type FittedText, fitText } from "./text.js";
import { COLOR, SIZE } from "./theme.js";
import type { IpaSpec } from "./types.js";

const AXIS = 50;
const Y_AXIS = 62;
const LABEL_WIDTH = 170;

type Point = { label: string; importance: number; performance: number };
type Bounds = { min: number; max: number };

/** Axis bounds around the values, on half steps, within the scale's range. */
function bounds(values: number[], range: { min: number; max: number }): { min: number; max: number } {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = Math.max(0.25, (hi - lo) * 0.12);
  return {
    min: Math.max(range.min, Math.floor((lo - pad) * 2) / 2),
    max: Math.min(range.max, Math.ceil((hi + pad) * 2) / 2),
  };
}

/**
 * Whether two points sit so close (in pixels, as the plot will draw them) that a label beside one
 * could be read as the other's: closer than a label's width across and two lines up or down.
 */
function crowded(
  points: { importance: number; performance: number }[],
  xb: { min: number; max: number },
  yb: { min: number; max: number },
  width: number,
  height: number,
): boolean {
  const px = (p: { performance: number }) => ((p.performance - xb.min) / (xb.max - xb.min || 1)) * width;
  const py = (p: { importance: number }) => ((p.importance - yb.min) / (yb.max - yb.min || 1)) * height;
  const near = 2.5 * SIZE.pointLabel * SIZE.lineHeight;
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++) {
      const a = points[i]!;
      const b = points[j]!;
      if (Math.abs(px(a) - px(b)) < LABEL_WIDTH && Math.abs(py(a) - py(b)) < near) return true;
    }
  return false;
}

/** The points that can be drawn, where the means cross, and the notes about the rest. */
function ipaPoints(spec: IpaSpec, fmt: Formats): { shown: Point[]; cross: Cross; notes: string[] } {
  const shown = spec.points.filter((p): p is Point => p.importance !== null && p.performance !== null);
  const hidden = spec.points.filter((p) => p.importance === null || p.performance === null);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const cross = spec.cross ?? {
    importance: mean(shown.map((p) => p.importance)),
    performance: mean(shown.map((p) => p.performance)),
  };
  const notes = [...(spec.notes ?? [])];
  if (!spec.cross && shown.length) notes.unshift(fmt.t("chart.ipa.cross"));
  // Too few answers ("< 5"), or means withheld beside a shown n (their own mark, e.g. "–").
  const small = hidden.filter((p) => p.mark === undefined);
  if (small.length) {
    notes.push(
      fmt.t("chart.notShown", { label: spec.suppressedLabel, items: small.map((p) => p.label).join("; ") }),
    );
    notes.push(fmt.t("chart.suppressed", { label: spec.suppressedLabel }));
  }
  for (const mark of new Set(hidden.flatMap((p) => (p.mark === undefined ? [] : [p.mark])))) {
    const items = hidden.filter((p) => p.mark === mark).map((p) => p.label);
    notes.push(fmt.t("chart.notShown", { label: mark, items: items.join("; ") }));
    notes.push(fmt.t("chart.withheld", { label: mark }));
  }
  return { shown, cross, notes };
}

/** Both axes' bounds around the points and the crossing, or the whole scale without points. */
function ipaBounds(shown: Point[], cross: Cross, range: Bounds): { xb: Bounds; yb: Bounds } {
  if (!shown.length) return { xb: range, yb: range };
  const withCross = (xs: number[], c: number | null) => (c === null ? xs : [...xs, c]);
  return {
    xb: bounds(
      withCross(
        shown.map((p) => p.performance),
        cross.performance,
      ),
      range,
    ),
    yb: bounds(
      withCross(
        shown.map((p) => p.importance),
        cross.importance,
      ),
      range,
    ),
  };
}

/** A linear axis on half or whole steps; `size` is its height (across) or width (up). */
function ipaAxis(title: string, b: Bounds, size: number, fmt: Formats) {
  return {
    type: "linear" as const,
    min: b.min,
    max: b.max,
    grid: { color: COLOR.grid },
    border: { color: COLOR.axis },
    ticks: {
      color: COLOR.muted,
      font: { size: SIZE.tick },
      stepSize: b.max - b.min <= 3 ? 0.5 : 1,
      callback: (v: number | string) => fmt.number(Number(v), b.max - b.min <= 3 ? 1 : 0),
    },
    title: { display: true, text: title, color: COLOR.muted, font: { size: SIZE.tick } },
    afterFit(scale: Scale) {
      if (scale.isHorizontal()) scale.height = size;
      else scale.width = size;
    },
  };
}

export function planIpa(spec: IpaSpec, env: Env): ChartPlan {
  const { fmt, measure } = env;
  const { shown, cross, notes } = ipaPoints(spec, fmt);
  const plotWidth = env.width - 2 * SIZE.pad - Y_AXIS;
  const plotHeight = Math.round(Math.min(plotWidth * 0.78, 560));
  const { xb, yb } = ipaBounds(shown, cross, spec.range);
  // Labels beside crowded points cannot say which dot is theirs: number the dots instead, with a key.
  const numbered = crowded(shown, xb, yb, plotWidth, plotHeight);
  if (numbered)
    notes.unshift(fmt.t("chart.ipa.key", { items: shown.map((p, i) => `${i + 1} ${p.label}`).join(" · ") }));
  const frame = planFrame(measure, env.width, {
    title: spec.title,
    subtitle: subtitleOf(spec.n, fmt, spec.suppressedLabel, spec.subtitle, spec.nMax, spec.nMark),
    notes,
  });
  const height = env.height ?? Math.ceil(frame.header + plotHeight + AXIS + frame.footer);
  const labels: FittedText[] = shown.map((p, i) =>
    numbered
      ? fitText(String(i + 1), LABEL_WIDTH, SIZE.pointLabel, measure, { weight: "bold" })
      : fitText(p.label, LABEL_WIDTH, SIZE.pointLabel, measure),
  );
  return {
    width: env.width,
    height,
    config: {
      type: "scatter",
      data: {
        datasets: [
          {
            data: shown.map((p) => ({ x: p.performance, y: p.importance })),
            backgroundColor: COLOR.point,
            borderColor: COLOR.background,
            borderWidth: 1.5,
            pointRadius: RADIUS,
          },
        ],
      },
      options: {
        layout: { padding: { top: frame.header, bottom: frame.footer, left: SIZE.pad, right: SIZE.pad } },
        plugins: { legend: { display: false }, title: { display: false }, tooltip: { enabled: false } },
        scales: {
          x: ipaAxis(spec.axisTitles?.performance ?? fmt.t("chart.performance"), xb, AXIS, fmt),
          y: ipaAxis(spec.axisTitles?.importance ?? fmt.t("chart.importance"), yb, Y_AXIS, fmt),
        },
      },
      plugins: [framePlugin(frame), ipaPlugin({ shown, labels, cross, fmt, measure })],
    },
  };
}
