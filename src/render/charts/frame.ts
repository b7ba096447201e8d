// The frame around every plot: white background, wrapped title, the "n = …" subtitle, a legend
// drawn by us (so that a split neutral category appears once) and notes underneath.
// Planning (sizes) is separate from drawing, so that the canvas height is known before chart.js runs.
import type { Plugin } from "chart.js";
import type { Ctx } from "./surface.js";
import { type FittedText, fitText, type Measure } from "./text.js";
import { COLOR, SIZE } from "./theme.js";

export type Shape = "circle" | "triangle-up" | "triangle-down";

export type Swatch =
  | { kind: "box"; fill: string }
  | { kind: "marker"; shape: Shape; fill: string }
  | { kind: "line"; color: string; dash?: number[] }
  | { kind: "whisker" };

export interface LegendItem {
  label: string;
  swatch: Swatch;
}

export interface FrameInput {
  title: string;
  subtitle: string;
  legend?: LegendItem[];
  notes?: string[];
}

interface PlacedLegend {
  swatch: Swatch;
  text: FittedText;
  x: number;
  y: number;
}

export interface FramePlan {
  width: number;
  title: FittedText;
  subtitle: FittedText;
  legend: PlacedLegend[];
  notes: FittedText[];
  /** Heights in CSS pixels, outer padding included. */
  header: number;
  footer: number;
}

const SWATCH = 14;
const lh = (size: number) => size * SIZE.lineHeight;
const blockHeight = (t: FittedText) => t.lines.length * lh(t.size);

export function planFrame(m: Measure, width: number, input: FrameInput): FramePlan {
  const inner = width - 2 * SIZE.pad;
  const title = fitText(input.title, inner, SIZE.title, m, { weight: "bold" });
  const subtitle = fitText(input.subtitle, inner, SIZE.subtitle, m);
  let y = SIZE.pad + blockHeight(title) + 4 + blockHeight(subtitle);
  const legend: PlacedLegend[] = [];
  if (input.legend?.length) {
    y += 10;
    let x = SIZE.pad;
    let rowHeight = 0;
    for (const item of input.legend) {
      const text = fitText(item.label, inner - SWATCH - 6, SIZE.legend, m);
      const w = SWATCH + 6 + Math.max(...text.lines.map((l) => m(l, text.font)));
      if (x > SIZE.pad && x + w > SIZE.pad + inner) {
        x = SIZE.pad;
        y += rowHeight + 6;
        rowHeight = 0;
      }
      legend.push({ swatch: item.swatch, text, x, y });
      x += w + 18;
      rowHeight = Math.max(rowHeight, blockHeight(text));
    }
    y += rowHeight;
  }
  const notes = (input.notes ?? []).map((n) => fitText(n, inner, SIZE.note, m));
  const notesHeight = notes.reduce((h, n) => h + blockHeight(n), 0);
  return {
    width,
    title,
    subtitle,
    legend,
    notes,
    header: y + 14,
    footer: SIZE.pad + (notes.length ? notesHeight + 10 : 0),
  };
}

function drawLines(ctx: Ctx, t: FittedText, x: number, y: number, color: string): void {
  ctx.font = t.font;
  ctx.fillStyle = color;
  ctx.textAlign = "left";
  ctx.textBaseline = "top";
  t.lines.forEach((line, i) => {
    ctx.fillText(line, x, y + i * lh(t.size));
  });
}

export function drawMarker(ctx: Ctx, shape: Shape, x: number, y: number, r: number, fill: string): void {
  ctx.beginPath();
  if (shape === "circle") ctx.arc(x, y, r, 0, Math.PI * 2);
  else {
    const d = shape === "triangle-up" ? -1 : 1;
    ctx.moveTo(x - r * 1.15, y - d * r * 0.8);
    ctx.lineTo(x + r * 1.15, y - d * r * 0.8);
    ctx.lineTo(x, y + d * r * 1.2);
    ctx.closePath();
  }
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = "#FFFFFF";
  ctx.stroke();
}

function drawSwatch(ctx: Ctx, s: Swatch, x: number, y: number): void {
  const c = y + SWATCH / 2;
  ctx.save();
  if (s.kind === "box") {
    ctx.fillStyle = s.fill;
    ctx.fillRect(x, y, SWATCH, SWATCH);
    ctx.strokeStyle = COLOR.axis;
    ctx.lineWidth = 0.75;
    ctx.strokeRect(x, y, SWATCH, SWATCH);
  } else if (s.kind === "marker") {
    drawMarker(ctx, s.shape, x + SWATCH / 2, c, 5.5, s.fill);
  } else {
    ctx.strokeStyle = s.kind === "line" ? s.color : COLOR.whisker;
    ctx.lineWidth = 2;
    ctx.setLineDash(s.kind === "line" ? (s.dash ?? []) : []);
    ctx.beginPath();
    ctx.moveTo(x, c);
    ctx.lineTo(x + SWATCH, c);
    if (s.kind === "whisker") {
      ctx.moveTo(x, c - 5);
      ctx.lineTo(x, c + 5);
      ctx.moveTo(x + SWATCH, c - 5);
      ctx.lineTo(x + SWATCH, c + 5);
    }
    ctx.stroke();
  }
  ctx.restore();
}

export function drawFrame(ctx: Ctx, plan: FramePlan, height: number): void {
  let y = SIZE.pad;
  drawLines(ctx, plan.title, SIZE.pad, y, COLOR.text);
  y += blockHeight(plan.title) + 4;
  drawLines(ctx, plan.subtitle, SIZE.pad, y, COLOR.muted);
  for (const item of plan.legend) {
    const offset = (lh(item.text.size) - SWATCH) / 2;
    drawSwatch(ctx, item.swatch, item.x, item.y + offset);
    drawLines(ctx, item.text, item.x + SWATCH + 6, item.y, COLOR.text);
  }
  let ny = height - plan.footer + 10;
  for (const note of plan.notes) {
    drawLines(ctx, note, SIZE.pad, ny, COLOR.muted);
    ny += blockHeight(note);
  }
}

/** Paints the background white (PNG is otherwise transparent) and the frame on top of the plot. */
export function framePlugin(plan: FramePlan): Plugin {
  return {
    id: "kuuloFrame",
    beforeDraw(chart) {
      const ctx = chart.ctx as unknown as Ctx;
      ctx.save();
      ctx.fillStyle = COLOR.background;
      ctx.fillRect(0, 0, chart.width, chart.height);
      ctx.restore();
    },
    afterDraw(chart) {
      const ctx = chart.ctx as unknown as Ctx;
      ctx.save();
      drawFrame(ctx, plan, chart.height);
      ctx.restore();
    },
  };
}
