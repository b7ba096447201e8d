// What every chart module returns: the canvas size and the chart.js configuration to draw,
// and the environment it is planned in (text measurer, locale formats, size).
import type { ChartConfiguration } from "chart.js";
import type { Formats } from "./format.js";
import type { Measure } from "./text.js";

export interface Env {
  measure: Measure;
  fmt: Formats;
  /** CSS pixels. */
  width: number;
  height?: number;
}

export interface ChartPlan {
  width: number;
  height: number;
  config: ChartConfiguration;
}

/** The caller's notes, plus a line explaining the suppression mark when anything is suppressed. */
export function notesOf(
  notes: string[] | undefined,
  suppressed: boolean,
  fmt: Formats,
  label: string,
): string[] {
  return suppressed ? [...(notes ?? []), fmt.t("chart.suppressed", { label })] : [...(notes ?? [])];
}

/** Axis ticks: whole numbers without decimals, others with `decimals`. */
export function tickFormat(fmt: Formats, decimals: number): (v: number) => string {
  return (v) => fmt.number(v, Number.isInteger(v) ? 0 : decimals);
}

/** "n = 57 · several answers allowed", or "n < 5" when the whole chart is suppressed. */
export function subtitleOf(n: number | null, fmt: Formats, suppressed: string, extra?: string): string {
  const head = n === null ? `n ${suppressed}` : fmt.n(n);
  return extra ? `${head} · ${extra}` : head;
}
