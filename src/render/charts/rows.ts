// Layout shared by the charts with one row per category (bars, diverging, paired, gaps): a label
// column on the left whose wrapped labels set the row height, the plot, and room on the right for
// value labels. Computes the canvas height, so that labels never collide however many rows there are.
import type { Plugin, Scale } from "chart.js";
import { type FrameInput, type FramePlan, planFrame } from "./frame.js";
import type { Ctx } from "./surface.js";
import { type FittedText, fitText, type Measure } from "./text.js";
import { COLOR, font, SIZE } from "./theme.js";

export interface RowInput {
  frame: FrameInput;
  labels: string[];
  /** A smaller grey line under a label (such as the item's own n), or null. */
  extras?: (string | null)[];
  /** Smallest row height in CSS pixels. */
  minRow: number;
  /** Room right of the plot for value labels. */
  right: number;
  /** Shares of the width to try for the label column, narrowest first. */
  labelShares?: number[];
}

export interface RowLayout {
  width: number;
  height: number;
  frame: FramePlan;
  labels: FittedText[];
  extras: (FittedText | null)[];
  labelWidth: number;
  rowHeight: number;
  axisHeight: number;
  padding: { top: number; bottom: number; left: number; right: number };
}

const GAP = 12;
export const AXIS_HEIGHT = 50;
const lh = (size: number) => size * SIZE.lineHeight;

/** The narrowest label column (of a few) with the fewest lines in its longest label: rows as low as they can be. */
function fitLabels(m: Measure, width: number, input: RowInput): { labelWidth: number; labels: FittedText[] } {
  const shares = input.labelShares ?? [0.34, 0.4, 0.46];
  let best: { labelWidth: number; labels: FittedText[]; lines: number } | null = null;
  for (const share of shares) {
    const labelWidth = Math.round((width - 2 * SIZE.pad) * share);
    const labels = input.labels.map((l) => fitText(l, labelWidth, SIZE.label, m));
    const lines = Math.max(0, ...labels.map((l) => l.lines.length));
    if (!best || lines < best.lines) best = { labelWidth, labels, lines };
  }
  return best!;
}

export function layoutRows(
  m: Measure,
  width: number,
  height: number | undefined,
  input: RowInput,
): RowLayout {
  const frame = planFrame(m, width, input.frame);
  const { labelWidth, labels } = fitLabels(m, width, input);
  const extras = (input.extras ?? []).map((e) => (e ? fitText(e, labelWidth, SIZE.note, m) : null));
  const needs = labels.map(
    (l, i) => l.lines.length * lh(l.size) + (extras[i] ? extras[i].lines.length * lh(SIZE.note) : 0),
  );
  const rowHeight = Math.ceil(Math.max(input.minRow, ...needs.map((h) => h + 10)));
  const plot = rowHeight * Math.max(1, labels.length);
  return {
    width,
    height: height ?? Math.ceil(frame.header + plot + AXIS_HEIGHT + frame.footer),
    frame,
    labels,
    extras,
    labelWidth,
    rowHeight,
    axisHeight: AXIS_HEIGHT,
    padding: { top: frame.header, bottom: frame.footer, left: SIZE.pad, right: input.right },
  };
}

/** The category axis: one band per row, its width fixed to the label column. */
export function rowAxis(layout: RowLayout, count: number, extraWidth = 0) {
  return {
    type: "category" as const,
    labels: Array.from({ length: count }, (_, i) => String(i)),
    offset: true,
    grid: { display: false },
    border: { color: COLOR.axis },
    ticks: { display: false },
    afterFit(scale: Scale) {
      scale.width = layout.labelWidth + GAP + extraWidth;
    },
  };
}

/** The value axis under the plot; `format` turns tick values into text. */
export function valueAxis(
  layout: { axisHeight: number },
  title: string | undefined,
  format: (v: number) => string,
  ticks: { stepSize?: number; precision?: number; maxTicksLimit?: number } = {},
) {
  return {
    grid: { color: COLOR.grid },
    border: { color: COLOR.axis },
    ticks: {
      color: COLOR.muted,
      font: { size: SIZE.tick },
      callback: (v: number | string) => format(Number(v)),
      ...ticks,
    },
    title: { display: Boolean(title), text: title ?? "", color: COLOR.muted, font: { size: SIZE.tick } },
    afterFit(scale: Scale) {
      scale.height = layout.axisHeight;
    },
  };
}

/** Draws the wrapped labels, each block centred on its row, left-aligned in the label column. */
export function rowLabelsPlugin(layout: RowLayout): Plugin {
  return {
    id: "kuuloRowLabels",
    afterDraw(chart) {
      const ctx = chart.ctx as unknown as Ctx;
      const y = chart.scales.y!;
      ctx.save();
      ctx.textAlign = "left";
      ctx.textBaseline = "top";
      layout.labels.forEach((label, i) => {
        const extra = layout.extras[i] ?? null;
        const h = label.lines.length * lh(label.size) + (extra ? extra.lines.length * lh(extra.size) : 0);
        let top = y.getPixelForValue(i) - h / 2;
        ctx.font = label.font;
        ctx.fillStyle = COLOR.text;
        for (const line of label.lines) {
          ctx.fillText(line, SIZE.pad, top + (lh(label.size) - label.size) / 2);
          top += lh(label.size);
        }
        if (extra) {
          ctx.font = extra.font;
          ctx.fillStyle = COLOR.muted;
          for (const line of extra.lines) {
            ctx.fillText(line, SIZE.pad, top + (lh(extra.size) - extra.size) / 2);
            top += lh(extra.size);
          }
        }
      });
      ctx.restore();
    },
  };
}

/** A suppressed value: an empty dashed slot across the plot with the "< 5" text in it. */
export function drawSlot(ctx: Ctx, x0: number, x1: number, y: number, h: number, text: string): void {
  ctx.save();
  ctx.setLineDash([4, 3]);
  ctx.strokeStyle = COLOR.slot;
  ctx.lineWidth = 1;
  ctx.strokeRect(x0 + 0.5, y - h / 2, x1 - x0 - 1, h);
  ctx.setLineDash([]);
  ctx.font = font(SIZE.value);
  ctx.fillStyle = COLOR.muted;
  ctx.textAlign = "left";
  ctx.textBaseline = "middle";
  ctx.fillText(text, x0 + 8, y);
  ctx.restore();
}

/** A value label beside a bar end (outside the bar), optionally with a white halo to read over fills. */
export function drawValue(
  ctx: Ctx,
  text: string,
  x: number,
  y: number,
  color: string = COLOR.text,
  halo = false,
): void {
  ctx.save();
  ctx.font = font(SIZE.value);
  if (halo) {
    ctx.strokeStyle = COLOR.background;
    ctx.lineWidth = 3;
    ctx.lineJoin = "round";
    ctx.textAlign = "left";
    ctx.textBaseline = "middle";
    ctx.strokeText(text, x, y);
  }
  ctx.fillStyle = color;
  ctx.textAlign = "left";
  ctx.textBaseline = "middle";
  ctx.fillText(text, x, y);
  ctx.restore();
}
