// Vector marks for printed forms and legends: tick boxes, smiley faces, arrows and write-in
// lines. Drawn as paths, never as font glyphs, so they print the same with any font.
import type { Paint, Pen } from "./pen.js";

const INK = "#000000";

/** An empty square to tick or write a digit in; top-left at x, y. */
export function tickBox(
  pen: Pen,
  x: number,
  y: number,
  size: number,
  opts: { crossed?: boolean; width?: number } = {},
): void {
  const w = opts.width ?? size;
  pen.rect(x, y, w, size, { stroke: INK, lineWidth: Math.max(0.8, size / 14), fill: "#ffffff" });
  if (opts.crossed) {
    const p = size * 0.2;
    const paint: Paint = { stroke: INK, lineWidth: Math.max(1.2, size / 9) };
    pen.line(x + p, y + p, x + w - p, y + size - p, paint);
    pen.line(x + w - p, y + p, x + p, y + size - p, paint);
  }
}

/**
 * A face: `mood` from -1 (sad) through 0 (straight mouth) to 1 (happy). Centre cx, cy, radius r.
 * The mouth is a quadratic curve whose middle sinks for a smile and rises for a frown.
 */
export function smiley(pen: Pen, cx: number, cy: number, r: number, mood: number): void {
  const lw = Math.max(0.8, r / 9);
  pen.circle(cx, cy, r, { stroke: INK, lineWidth: lw });
  const eye = r * 0.11;
  pen.circle(cx - r * 0.35, cy - r * 0.28, eye, { fill: INK });
  pen.circle(cx + r * 0.35, cy - r * 0.28, eye, { fill: INK });
  const m = Math.max(-1, Math.min(1, mood));
  const half = r * 0.45;
  const baseY = cy + r * 0.38 - m * r * 0.12;
  const bend = m * r * 0.5;
  pen.shape({ stroke: INK, lineWidth: lw * 1.2 }, (d) =>
    d.moveTo(cx - half, baseY).quadraticCurveTo(cx, baseY + bend, cx + half, baseY),
  );
}

/** Moods for n ordered faces from saddest to happiest. */
export function smileyMoods(n: number): number[] {
  if (n <= 1) return [0];
  return Array.from({ length: n }, (_, i) => -1 + (2 * i) / (n - 1));
}

/** A right-pointing arrow whose shaft starts at x, centred on y. */
export function arrowRight(pen: Pen, x: number, y: number, length: number, head: number, color = INK): void {
  pen.line(x, y, x + length - head * 0.6, y, { stroke: color, lineWidth: Math.max(1, head / 4) });
  pen.shape({ fill: color }, (d) =>
    d
      .moveTo(x + length, y)
      .lineTo(x + length - head, y - head * 0.55)
      .lineTo(x + length - head, y + head * 0.55)
      .closePath(),
  );
}

/** A line to write on, its baseline at y. */
export function writeLine(pen: Pen, x1: number, x2: number, y: number): void {
  pen.line(x1, y, x2, y, { stroke: "#555555", lineWidth: 0.8 });
}
