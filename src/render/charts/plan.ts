// What every chart module returns: the canvas size and the chart.js configuration to draw,
// and the environment it is planned in (text measurer, locale formats, size).
import type { Chart, ChartConfiguration, Plugin, Scale } from "chart.js";
import type { Formats } from "./format.js";
import type { Ctx } from "./surface.js";
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

/**
 * The caller's notes and the explanation of every mark the chart prints: the suppression line
 * when the whole chart is suppressed or a value is hidden without a mark of its own, and one
 * line per distinct mark of a withheld value. `hidden`: the entries whose value is not shown.
 */
export function markNotes(
  notes: string[] | undefined,
  wholeSuppressed: boolean,
  hidden: readonly { mark?: string }[],
  fmt: Formats,
  label: string,
): string[] {
  const marks = new Set(hidden.flatMap((h) => (h.mark ? [h.mark] : [])));
  return [
    ...notesOf(notes, wholeSuppressed || hidden.some((h) => h.mark === undefined), fmt, label),
    ...[...marks].map((mark) => fmt.t("chart.withheld", { label: mark })),
  ];
}

/** Axis ticks: whole numbers without decimals, others with `decimals`. */
export function tickFormat(fmt: Formats, decimals: number): (v: number) => string {
  return (v) => fmt.number(v, Number.isInteger(v) ? 0 : decimals);
}

/**
 * "n = 57 · several answers allowed", or "n < 5" when the whole chart is suppressed ("n = –"
 * when its n is hidden as a complement: `nMark`).
 */
export function subtitleOf(
  n: number | null,
  fmt: Formats,
  suppressed: string,
  extra?: string,
  nMax?: number,
  nMark?: string,
): string {
  const head = nText(n, nMax, fmt, suppressed, nMark);
  return extra ? `${head} · ${extra}` : head;
}

/** "n = 42", or "n = 42–46" when the chart's parts rest on different numbers of people. */
export function nText(
  n: number | null,
  nMax: number | undefined,
  fmt: Formats,
  suppressed: string,
  nMark?: string,
): string {
  // The table's own words: "n < 5" for a small n, "n = –" for one hidden as a complement.
  if (n === null) return nMark ? `n = ${nMark}` : `n ${suppressed}`;
  return nMax !== undefined && nMax > n ? `${fmt.n(n)}–${fmt.number(nMax, 0)}` : fmt.n(n);
}

/** The chart's hidden n as an entry of `markNotes`' hidden list: none when the n is shown. */
export function hiddenN(spec: { n: number | null; nMark?: string }): { mark?: string }[] {
  if (spec.n !== null) return [];
  return spec.nMark ? [{ mark: spec.nMark }] : [{}];
}

/** A chart.js plugin that draws over the datasets (values, marks, slots), given the canvas and both scales. */
export function drawOver(id: string, draw: (ctx: Ctx, x: Scale, y: Scale, chart: Chart) => void): Plugin {
  return {
    id,
    afterDatasetsDraw(chart) {
      draw(chart.ctx as unknown as Ctx, chart.scales.x!, chart.scales.y!, chart);
    },
  };
}
