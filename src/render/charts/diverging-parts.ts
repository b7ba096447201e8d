// The parts of the diverging chart: which dataset stacks where, each side's total, and what is
// drawn over the bars (segment shares, side totals, the "don't know" column and its header).
import type { Plugin, Scale } from "chart.js";
import type { Formats } from "./format.js";
import { drawOver } from "./plan.js";
import { drawSlot } from "./rows.js";
import type { Ctx } from "./surface.js";
import type { FittedText, Measure } from "./text.js";
import { COLOR, font, NEG_DARK, POS_DARK, SIZE, textOn } from "./theme.js";
import type { DivergingSpec } from "./types.js";

export const TOTAL_COL = 46;
export const DK_TRACK = 56;
export const DK_COL = 16 + DK_TRACK + 6 + 44;
export const LIMIT = 1;

export interface Segment {
  category: number;
  /** Which half of a neutral category this is (the left one carries its label). */
  half?: "left" | "right";
}

/** Datasets in stacking order: each side is stacked outward from zero. */
export function segments(spec: DivergingSpec): Segment[] {
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
export function sideTotal(spec: DivergingSpec, shares: (number | null)[], side: "negative" | "positive") {
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

export const suppressedRow = (r: DivergingSpec["rows"][number]) =>
  r.n === null || r.shares.every((s) => s === null);

export interface DivergingDrawing {
  spec: DivergingSpec;
  segs: Segment[];
  colors: string[];
  dkHeader: FittedText | null;
  fmt: Formats;
  measure: Measure;
}

/** Shares on the segments, totals beside the plot, "don't know" on the right, each row in turn. */
export function divergingPlugin(d: DivergingDrawing): Plugin {
  const { spec, segs, dkHeader } = d;
  return drawOver("kuuloDiverging", (ctx, x, y, chart) => {
    ctx.save();
    ctx.textBaseline = "middle";
    ctx.font = font(SIZE.value);
    spec.rows.forEach((row, r) => {
      const cy = y.getPixelForValue(r);
      if (suppressedRow(row)) {
        drawSlot(ctx, x.left, x.right, cy, 24, row.mark ?? spec.suppressedLabel);
      } else {
        drawSegmentLabels(ctx, chart.getDatasetMeta.bind(chart), segs, r, cy, d);
        drawTotals(ctx, spec, row.shares, x, cy, d.fmt);
      }
      if (row.dontKnow !== undefined) drawDontKnow(ctx, row.dontKnow, x.right + TOTAL_COL + 16, cy, d.fmt);
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
  });
}

function drawSegmentLabels(
  ctx: Ctx,
  meta: (i: number) => { data: unknown[] },
  all: Segment[],
  r: number,
  cy: number,
  { spec: s, colors, fmt, measure }: DivergingDrawing,
): void {
  all.forEach((seg, d) => {
    if (seg.half === "right") return;
    const share = s.rows[r]!.shares[seg.category];
    if (share === null || share === undefined || share === 0) return;
    const el = meta(d).data[r] as { x: number; base: number };
    let from = Math.min(el.x, el.base);
    let to = Math.max(el.x, el.base);
    if (seg.half === "left") {
      const right = meta(all.findIndex((o) => o.category === seg.category && o.half === "right")).data[r] as {
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
function drawTotals(
  ctx: Ctx,
  s: DivergingSpec,
  shares: (number | null)[],
  x: Scale,
  cy: number,
  fmt: Formats,
): void {
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

function drawDontKnow(ctx: Ctx, share: number | null, x0: number, cy: number, fmt: Formats): void {
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
