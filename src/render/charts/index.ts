// Charts as PNG: `renderChart(spec, opts)` draws one chart spec (types.ts) with chart.js on
// @napi-rs/canvas and returns the PNG bytes. Deterministic: the same spec gives the same bytes.
// No file system, no clock: the caller decides where the bytes go.
import type { Canvas } from "@napi-rs/canvas";
import { planBars } from "./bars.js";
import { planDiverging } from "./diverging.js";
import { formatsFor } from "./format.js";
import { planGaps } from "./gaps.js";
import { planHistogram } from "./histogram.js";
import { planIpa } from "./ipa.js";
import { planOrderedBars } from "./ordered-bars.js";
import { planPairedBars } from "./paired-bars.js";
import type { ChartPlan, Env } from "./plan.js";
import { CHART_SCALE, pngSize } from "./png.js";
import { drawChart, encodePng, encodePngAsync, measureText } from "./surface.js";
import type { ChartInspection, ChartOptions, ChartSpec } from "./types.js";

export type * from "./types.js";

function planChart(spec: ChartSpec, env: Env): ChartPlan {
  switch (spec.type) {
    case "bars":
      return planBars(spec, env);
    case "diverging":
      return planDiverging(spec, env);
    case "histogram":
      return planHistogram(spec, env);
    case "ordered-bars":
      return planOrderedBars(spec, env);
    case "paired-bars":
      return planPairedBars(spec, env);
    case "ipa":
      return planIpa(spec, env);
    case "gaps":
      return planGaps(spec, env);
  }
}

function draw<T>(
  spec: ChartSpec,
  opts: ChartOptions,
  finish: (c: Canvas) => T,
  inspect?: ChartInspection,
): T {
  const scale = opts.scale ?? CHART_SCALE;
  const env: Env = {
    measure: measureText,
    fmt: formatsFor(opts.locale),
    width: opts.width ?? 800,
    height: opts.height,
  };
  const plan = planChart(spec, env);
  return drawChart({ width: plan.width, height: plan.height, scale }, plan.config, finish, inspect);
}

/** One chart as PNG bytes: `width × scale` pixels wide (1600 by default), as tall as its rows need. */
export function renderChart(spec: ChartSpec, opts: ChartOptions): Buffer {
  return draw(spec, opts, (c) => encodePng(c, opts.compression));
}

/** The same, with the PNG compressed on the thread pool (about a third of the time). */
export function renderChartAsync(spec: ChartSpec, opts: ChartOptions): Promise<Buffer> {
  return draw(spec, opts, (c) => encodePngAsync(c, opts.compression));
}

/**
 * Several charts on this thread. Drawing is serial, but the PNG compression runs off the thread,
 * `concurrency` at a time, without holding every canvas in memory at once. For a report's charts
 * on every core, see pool.ts.
 */
export async function renderCharts(
  specs: readonly ChartSpec[],
  opts: ChartOptions,
  concurrency = 4,
): Promise<Buffer[]> {
  const results: Promise<Buffer>[] = [];
  const inFlight = new Set<Promise<void>>();
  for (const spec of specs) {
    const png = renderChartAsync(spec, opts);
    results.push(png);
    const settled: Promise<void> = png.then(
      () => {
        inFlight.delete(settled);
      },
      () => {
        inFlight.delete(settled);
      },
    );
    inFlight.add(settled);
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
  }
  return Promise.all(results);
}

/**
 * The chart and every text drawn on it with its box in CSS pixels: for tests that check that
 * labels stay inside their areas and that suppressed values are never printed.
 */
export function inspectChart(
  spec: ChartSpec,
  opts: ChartOptions,
): ChartInspection & { png: Buffer; width: number; height: number } {
  const inspection: ChartInspection = { texts: [] };
  const scale = opts.scale ?? CHART_SCALE;
  const png = draw(spec, opts, encodePng, inspection);
  const size = pngSize(png);
  return { ...inspection, png, width: size.width / scale, height: size.height / scale };
}
