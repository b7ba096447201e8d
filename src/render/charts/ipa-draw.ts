// What the importance–performance chart draws over chart.js's points: the dashed quadrant lines
// where the means cross, the quadrant names in the corners, and each point's label (or number)
// placed beside it, away from the names, the lines and the other labels.
import type { Plugin, Scale } from "chart.js";
import type { Formats } from "./format.js";
import { type Box, placeLabels } from "./label-placement.js";
import type { Ctx } from "./surface.js";
import { type FittedText, fitText, type Measure } from "./text.js";
import { COLOR, SIZE } from "./theme.js";

export const RADIUS = 5.5;

/** Where the means cross; null when there is nothing to average. */
export interface Cross {
  importance: number | null;
  performance: number | null;
}

export interface IpaDrawing {
  shown: { importance: number; performance: number }[];
  labels: FittedText[];
  cross: Cross;
  fmt: Formats;
  measure: Measure;
}

const QUADRANT_KEYS = [
  "chart.ipa.concentrate",
  "chart.ipa.keepUp",
  "chart.ipa.lowPriority",
  "chart.ipa.overkill",
] as const;

/** The quadrant lines under the points, and names and labels over them. */
export function ipaPlugin(d: IpaDrawing): Plugin {
  return {
    id: "kuuloIpa",
    beforeDatasetsDraw(chart) {
      drawCrossLines(chart.ctx as unknown as Ctx, chart.scales.x!, chart.scales.y!, d.cross);
    },
    afterDatasetsDraw(chart) {
      const ctx = chart.ctx as unknown as Ctx;
      const x = chart.scales.x!;
      const y = chart.scales.y!;
      const area: Box = { left: x.left, top: y.top, right: x.right, bottom: y.bottom };
      const obstacles = drawQuadrantNames(ctx, area, d.fmt, d.measure);
      // The quadrant lines, as thin boxes: labels may cross them, but had better not.
      if (d.cross.importance !== null && d.cross.performance !== null) {
        const cx = x.getPixelForValue(d.cross.performance);
        const cy = y.getPixelForValue(d.cross.importance);
        obstacles.push({ left: cx - 1, right: cx + 1, top: area.top, bottom: area.bottom });
        obstacles.push({ left: area.left, right: area.right, top: cy - 1, bottom: cy + 1 });
      }
      drawPointLabels(ctx, x, y, area, obstacles, d);
    },
  };
}

function drawCrossLines(ctx: Ctx, x: Scale, y: Scale, cross: Cross): void {
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
}

/** The quadrant names in the plot's corners; returns their boxes for the label placement to avoid. */
function drawQuadrantNames(ctx: Ctx, area: Box, fmt: Formats, measure: Measure): Box[] {
  const boxes: Box[] = [];
  const maxW = (area.right - area.left) / 2 - 12;
  ctx.save();
  ctx.fillStyle = COLOR.muted;
  QUADRANT_KEYS.forEach((key, q) => {
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

/** Each point's label beside it, with a leader line when it had to move away, on a white halo. */
function drawPointLabels(ctx: Ctx, x: Scale, y: Scale, area: Box, obstacles: Box[], d: IpaDrawing): void {
  const { labels, measure } = d;
  const pts = d.shown.map((p) => ({
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
}
