// The drawing surface: registers the bundled fonts, runs chart.js on an @napi-rs/canvas canvas
// and encodes the PNG. The only module that touches chart.js globals or the canvas package.
import { createRequire } from "node:module";
import type { Canvas, SKRSContext2D } from "@napi-rs/canvas";
import { Chart, type ChartConfiguration, type ChartItem, registerables } from "chart.js";
import { ExitCode, KuuloError } from "../../errors.js";
import { FONT_BOLD, FONT_REGULAR } from "../fonts.js";
import { encodeRgbPng, encodeRgbPngAsync, type Pixels } from "./png.js";
import type { Measure } from "./text.js";
import { COLOR, FONT_FAMILY, SIZE } from "./theme.js";
import type { ChartInspection, PngCompression } from "./types.js";

/**
 * The canvas package is CommonJS. Imported as a module, Node first scans its source for the names
 * it exports, and in a fresh chart worker that scan is hot enough to be optimised: about 50 ms of
 * CPU per worker. Required, it is only loaded.
 */
const { createCanvas, GlobalFonts } = createRequire(import.meta.url)(
  "@napi-rs/canvas",
) as typeof import("@napi-rs/canvas");

let ready = false;

/** Registers chart.js components and our fonts once; fails loudly rather than fall back to system fonts. */
export function prepareCharts(): void {
  if (ready) return;
  for (const path of [FONT_REGULAR, FONT_BOLD]) {
    if (!GlobalFonts.registerFromPath(path, FONT_FAMILY))
      throw new KuuloError("CHART_FONT_MISSING", `Cannot load the chart font ${path}`, ExitCode.internal, {
        hint: "Reinstall Kuulo (npm ci): the fonts/ folder ships with it.",
      });
  }
  Chart.register(...registerables);
  Chart.defaults.font.family = FONT_FAMILY;
  Chart.defaults.font.size = SIZE.tick;
  Chart.defaults.color = COLOR.text;
  ready = true;
}

let scratch: SKRSContext2D | null = null;

/** Measures text with the bundled fonts, as the chart will draw it. */
export const measureText: Measure = (text, fontStr) => {
  prepareCharts();
  scratch ??= createCanvas(8, 8).getContext("2d");
  scratch.font = fontStr;
  return scratch.measureText(text).width;
};

export type Ctx = SKRSContext2D;

/** Records every fillText into `log`: the ink box, after alignment and transforms, in CSS pixels. */
function recordText(ctx: Ctx, scale: number, log: ChartInspection["texts"]): void {
  const fill = ctx.fillText.bind(ctx);
  ctx.fillText = (text: string, x: number, y: number, maxWidth?: number) => {
    // The metrics are relative to the current alignment and baseline.
    const m = ctx.measureText(text);
    const x0 = x - m.actualBoundingBoxLeft;
    const x1 = x + m.actualBoundingBoxRight;
    const y0 = y - m.actualBoundingBoxAscent;
    const y1 = y + m.actualBoundingBoxDescent;
    const t = ctx.getTransform();
    const corners = [
      [x0, y0],
      [x1, y0],
      [x0, y1],
      [x1, y1],
    ].map(([px, py]) => [(t.a * px! + t.c * py! + t.e) / scale, (t.b * px! + t.d * py! + t.f) / scale]);
    const xs = corners.map((c) => c[0]!);
    const ys = corners.map((c) => c[1]!);
    log.push({
      text,
      font: ctx.font,
      left: Math.min(...xs),
      right: Math.max(...xs),
      top: Math.min(...ys),
      bottom: Math.max(...ys),
    });
    if (maxWidth === undefined) fill(text, x, y);
    else fill(text, x, y, maxWidth);
  };
}

export interface Surface {
  width: number;
  height: number;
  scale: number;
}

/**
 * Draws one chart.js chart on a fresh canvas and hands the canvas to `finish` (which encodes it)
 * before the chart is destroyed: destroying clears the canvas.
 */
export function drawChart<T>(
  surface: Surface,
  config: ChartConfiguration,
  finish: (canvas: Canvas) => T,
  inspect?: ChartInspection,
): T {
  prepareCharts();
  const canvas = createCanvas(Math.round(surface.width), Math.round(surface.height));
  const ctx = canvas.getContext("2d");
  if (inspect) recordText(ctx, surface.scale, inspect.texts);
  const options = {
    ...config.options,
    responsive: false,
    animation: false as const,
    devicePixelRatio: surface.scale,
    events: [],
  };
  // chart.js accepts a 2D context and works without a DOM: it sizes the canvas by the pixel ratio.
  const chart = new Chart(ctx as unknown as ChartItem, { ...config, options } as ChartConfiguration);
  if (inspect) {
    const { left, top, right, bottom } = chart.chartArea;
    inspect.plot = { left, top, right, bottom };
  }
  try {
    return finish(canvas);
  } finally {
    chart.destroy();
  }
}

/** The pixels of a drawn canvas, with the resolution of a 16 cm wide figure. */
function pixels(canvas: Canvas): Pixels {
  return { rgba: canvas.data(), width: canvas.width, height: canvas.height, dpi: canvas.width / (16 / 2.54) };
}

/** PNG bytes (opaque RGB, print resolution recorded). */
export function encodePng(canvas: Canvas, compression?: PngCompression): Buffer {
  return encodeRgbPng(pixels(canvas), compression);
}

/** The same, compressed off the main thread (the pixels are copied at the call), so charts encode in parallel. */
export function encodePngAsync(canvas: Canvas, compression?: PngCompression): Promise<Buffer> {
  return encodeRgbPngAsync(pixels(canvas), compression);
}
