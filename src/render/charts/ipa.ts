// Importance–performance analysis: performance across, importance up, dashed quadrant lines where
// the means cross, the four quadrants named in their corners and every point labelled beside it
// (labels placed to avoid each other), or numbered with a key under the plot when points crowd so
// that a name could be read as its neighbour's. Suppressed points are listed in a note instead.
import type { Plugin, Scale } from "chart.js";
import { framePlugin, planFrame } from "./frame.js";
import { type Box, placeLabels } from "./label-placement.js";
import { type ChartPlan, type Env, subtitleOf } from "./plan.js";
import type { Ctx } from "./surface.js";
import { type FittedText, fitText } from "./text.js";
import { COLOR, SIZE } from "./theme.js";
import type { IpaSpec } from "./types.js";

const AXIS = 50;
const Y_AXIS = 62;
const RADIUS = 5.5;
const LABEL_WIDTH = 170;

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

export function planIpa(spec: IpaSpec, env: Env): ChartPlan {
  const { fmt, measure } = env;
  const shown = spec.points.filter(
    (p): p is { label: string; importance: number; performance: number } =>
      p.importance !== null && p.performance !== null,
  );
  const hidden = spec.points.filter((p) => p.importance === null || p.performance === null);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const cross = spec.cross ?? {
    importance: mean(shown.map((p) => p.importance)),
    performance: mean(shown.map((p) => p.performance)),
  };
  const notes = [...(spec.notes ?? [])];
  if (!spec.cross && shown.length) notes.unshift(fmt.t("chart.ipa.cross"));
  if (hidden.length) {
    notes.push(
      fmt.t("chart.notShown", { label: spec.suppressedLabel, items: hidden.map((p) => p.label).join("; ") }),
    );
    notes.push(fmt.t("chart.suppressed", { label: spec.suppressedLabel }));
  }
  const plotWidth = env.width - 2 * SIZE.pad - Y_AXIS;
  const plotHeight = Math.round(Math.min(plotWidth * 0.78, 560));
  const withCross = (xs: number[], c: number | null) => (c === null ? xs : [...xs, c]);
  const xb = shown.length
    ? bounds(
        withCross(
          shown.map((p) => p.performance),
          cross.performance,
        ),
        spec.range,
      )
    : spec.range;
  const yb = shown.length
    ? bounds(
        withCross(
          shown.map((p) => p.importance),
          cross.importance,
        ),
        spec.range,
      )
    : spec.range;
  // Labels beside crowded points cannot say which dot is theirs: number the dots instead, with a key.
  const numbered = crowded(shown, xb, yb, plotWidth, plotHeight);
  if (numbered)
    notes.unshift(fmt.t("chart.ipa.key", { items: shown.map((p, i) => `${i + 1} ${p.label}`).join(" · ") }));
  const frame = planFrame(measure, env.width, {
    title: spec.title,
    subtitle: subtitleOf(spec.n, fmt, spec.suppressedLabel, spec.subtitle, spec.nMax),
    notes,
  });
  const height = env.height ?? Math.ceil(frame.header + plotHeight + AXIS + frame.footer);
  const labels: FittedText[] = shown.map((p, i) =>
    numbered
      ? fitText(String(i + 1), LABEL_WIDTH, SIZE.pointLabel, measure, { weight: "bold" })
      : fitText(p.label, LABEL_WIDTH, SIZE.pointLabel, measure),
  );
  const quadrantKeys = [
    "chart.ipa.concentrate",
    "chart.ipa.keepUp",
    "chart.ipa.lowPriority",
    "chart.ipa.overkill",
  ] as const;

  const draw: Plugin = {
    id: "kuuloIpa",
    beforeDatasetsDraw(chart) {
      const ctx = chart.ctx as unknown as Ctx;
      const x = chart.scales.x!;
      const y = chart.scales.y!;
      if (cross.importance === null || cross.performance === null) return;
      const cx = x.getPixelForValue(cross.performance);
      const cy = y.getPixelForValue(cross.importance);
      ctx.save();
      ctx.strokeStyle = COLOR.quadrant;
      ctx.lineWidth = 1.5;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(cx, y.top);
      ctx.lineTo(cx, y.bottom);
      ctx.moveTo(x.left, cy);
      ctx.lineTo(x.right, cy);
      ctx.stroke();
      ctx.restore();
    },
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx as unknown as Ctx;
      const x = chart.scales.x!;
      const y = chart.scales.y!;
      const area: Box = { left: x.left, top: y.top, right: x.right, bottom: y.bottom };
      const obstacles = drawQuadrantNames(ctx, area);
      // The quadrant lines, as thin boxes: labels may cross them, but had better not.
      if (cross.importance !== null && cross.performance !== null) {
        const cx = x.getPixelForValue(cross.performance);
        const cy = y.getPixelForValue(cross.importance);
        obstacles.push({ left: cx - 1, right: cx + 1, top: area.top, bottom: area.bottom });
        obstacles.push({ left: area.left, right: area.right, top: cy - 1, bottom: cy + 1 });
      }
      const pts = shown.map((p) => ({
        x: x.getPixelForValue(p.performance),
        y: y.getPixelForValue(p.importance),
      }));
      const sizes = labels.map((l) => ({
        w: Math.max(...l.lines.map((line) => measure(line, l.font))),
        h: l.lines.length * l.size * SIZE.lineHeight,
      }));
      const placed = placeLabels(pts, sizes, area, obstacles, RADIUS);
      ctx.save();
      placed.forEach((pl, i) => {
        const label = labels[i]!;
        if (pl.leader) {
          const b = pl.box;
          const tx = Math.min(Math.max(pts[i]!.x, b.left), b.right);
          const ty = Math.min(Math.max(pts[i]!.y, b.top), b.bottom);
          ctx.strokeStyle = COLOR.quadrant;
          ctx.lineWidth = 1;
          ctx.beginPath();
          ctx.moveTo(pts[i]!.x, pts[i]!.y);
          ctx.lineTo(tx, ty);
          ctx.stroke();
        }
        ctx.font = label.font;
        ctx.textBaseline = "top";
        ctx.textAlign = "left";
        ctx.lineJoin = "round";
        label.lines.forEach((line, k) => {
          const ly = pl.box.top + k * label.size * SIZE.lineHeight + (label.size * (SIZE.lineHeight - 1)) / 2;
          ctx.strokeStyle = COLOR.background;
          ctx.lineWidth = 3;
          ctx.strokeText(line, pl.box.left, ly);
          ctx.fillStyle = COLOR.text;
          ctx.fillText(line, pl.box.left, ly);
        });
      });
      ctx.restore();
    },
  };

  /** The quadrant names in the plot's corners; returns their boxes for the label placement to avoid. */
  function drawQuadrantNames(ctx: Ctx, area: Box): Box[] {
    const boxes: Box[] = [];
    const maxW = (area.right - area.left) / 2 - 12;
    ctx.save();
    ctx.fillStyle = COLOR.muted;
    quadrantKeys.forEach((key, q) => {
      const t = fitText(fmt.t(key), maxW, SIZE.note, measure);
      const lh = t.size * SIZE.lineHeight;
      const right = q === 1 || q === 3;
      const bottom = q >= 2;
      const w = Math.max(...t.lines.map((l) => measure(l, t.font)));
      const x0 = right ? area.right - 6 - w : area.left + 6;
      const y0 = bottom ? area.bottom - 6 - t.lines.length * lh : area.top + 6;
      ctx.font = t.font;
      ctx.textAlign = "left";
      ctx.textBaseline = "top";
      t.lines.forEach((line, k) => {
        ctx.fillText(line, x0, y0 + k * lh);
      });
      boxes.push({ left: x0, top: y0, right: x0 + w, bottom: y0 + t.lines.length * lh });
    });
    ctx.restore();
    return boxes;
  }

  const axis = (title: string, b: { min: number; max: number }, size: number) => ({
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
  });
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
          x: axis(spec.axisTitles?.performance ?? fmt.t("chart.performance"), xb, AXIS),
          y: axis(spec.axisTitles?.importance ?? fmt.t("chart.importance"), yb, Y_AXIS),
        },
      },
      plugins: [framePlugin(frame), draw],
    },
  };
}
