// Number questions: n, mean, median, quartiles, min, max and a histogram whose bins are counts
// under the usual suppression; the statistics are withheld where they would pin a hidden bin. Pure.
import type { Slot } from "../definition/answers.js";
import { VALID } from "./columns.js";
import { common } from "./common.js";
import { type Ctx, complementOf, countOf, noteWithheld, slotData } from "./context.js";
import { type AuditBin, numberStatsAreSafe } from "./number-audit.js";
import type { HistogramBin, NumberResult } from "./report.js";
import { ciMean, mean, quantileSorted, sd } from "./stats.js";
import { prepareStatus } from "./status.js";

export function numberValues(ctx: Ctx, slot: Slot): number[] {
  const out: number[] = [];
  const { col, state, rows } = slotData(ctx, slot);
  if (!col.number) return out;
  for (let k = 0; k < state.length; k++) if (state[k] === VALID) out.push(col.number[rows[k]!]!);
  return out;
}

/**
 * Bin edges: one bin per whole number when the answers are whole numbers spanning at most 20;
 * otherwise Sturges' count of bins with a "nice" width (1, 2 or 5 × 10^k) aligned to it.
 */
export function histogramEdges(values: readonly number[]): number[] {
  if (values.length === 0) return [];
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const integers = values.every((v) => Number.isInteger(v));
  if (integers && max - min <= 20) {
    const edges: number[] = [];
    for (let v = min; v <= max + 1; v++) edges.push(v);
    return edges;
  }
  if (min === max) return [min, max];
  const k = Math.min(20, Math.max(5, Math.ceil(Math.log2(values.length)) + 1));
  const raw = (max - min) / k;
  const e = 10 ** Math.floor(Math.log10(raw));
  let width = [1, 2, 5, 10].map((m) => m * e).find((w) => w >= raw) ?? 10 * e;
  if (integers) width = Math.max(1, Math.round(width));
  const start = Math.floor(min / width) * width;
  const edges = [start];
  while (edges[edges.length - 1]! <= max) edges.push(start + edges.length * width);
  return edges;
}

export function binCounts(values: readonly number[], edges: readonly number[]): number[] {
  const counts = edges.slice(1).map(() => 0);
  const last = counts.length - 1;
  for (const v of values) {
    let i = 0;
    while (i < last && v >= edges[i + 1]!) i++;
    counts[i]!++;
  }
  return counts;
}

export function prepareNumber(ctx: Ctx, slot: Slot): () => NumberResult {
  const prefix = `q/${slot.id}`;
  const status = prepareStatus(ctx, slot, slotData(ctx, slot), prefix);
  const values = numberValues(ctx, slot);
  const edges = histogramEdges(values);
  const counts = binCounts(values, edges);
  const ids = counts.map((c, i) => ctx.ledger.cell(`${prefix}/bin/${i}`, c));
  if (ids.length > 0) ctx.ledger.line(status.validId, ids);
  return () => {
    const q = slot.question;
    const n = countOf(ctx, status.validId, values.length);
    const show = !n.suppressed && values.length > 0;
    const sorted = [...values].sort((a, b) => a - b);
    const histogram: HistogramBin[] = counts.map((c, i) => {
      const cnt = countOf(ctx, ids[i]!, c);
      return {
        low: edges[i]!,
        high: edges[i + 1]!,
        count: cnt.value,
        suppressed: cnt.suppressed,
        ...complementOf(cnt),
      };
    });
    const result: NumberResult = {
      ...common(q),
      kind: "number",
      status: status.finish(),
      ...("unit" in q && q.unit ? { unit: q.unit } : {}),
      n,
      mean: show ? mean(values) : null,
      median: show ? quantileSorted(sorted, 0.5) : null,
      sd: show ? sd(values) : null,
      ci: show ? ciMean(values) : null,
      q1: show ? quantileSorted(sorted, 0.25) : null,
      q3: show ? quantileSorted(sorted, 0.75) : null,
      min: show ? sorted[0]! : null,
      max: show ? sorted[sorted.length - 1]! : null,
      histogram,
    };
    if (show && !numberStatsSafe(result, values, counts, ctx.minCell)) {
      // The mean and quartiles would pin a hidden count of the histogram: only n, the range and
      // the histogram stay (the range's ends lie in bins the histogram shows as not empty).
      clearNumberStats(result);
      result.withheld = noteWithheld(ctx, ["mean", "median", "sd", "ci"]);
    }
    return result;
  };
}

/** Are the mean, SD and quartiles safe beside the histogram as it will be shown? */
function numberStatsSafe(
  r: NumberResult,
  values: readonly number[],
  counts: readonly number[],
  minCell: number,
): boolean {
  if (!r.histogram.some((b) => b.suppressed) || r.mean === null) return true;
  // Whole-number answers in a bin [low, high) are low … high − 1, which a reader of an integer
  // question knows; for others a bin's answers may lie anywhere in it.
  const whole = values.every((v) => Number.isInteger(v));
  const bins: AuditBin[] = r.histogram.map((b, i) => ({
    lo: b.low,
    hi: whole ? Math.max(b.low, b.high - 1) : b.high,
    count: counts[i]!,
    hidden: b.suppressed,
  }));
  const quartiles = [
    { p: 0.25, value: r.q1! },
    { p: 0.5, value: r.median! },
    { p: 0.75, value: r.q3! },
  ];
  return numberStatsAreSafe(bins, { n: values.length, mean: r.mean, sd: r.sd, quartiles }, minCell);
}

/** Empties a number question's mean, SD, interval and quartiles: n, the range and the histogram stay. */
export function clearNumberStats(q: NumberResult): void {
  q.mean = q.median = q.sd = q.q1 = q.q3 = null;
  q.ci = null;
}
