// Number questions: n, mean, median, quartiles, min, max and a histogram whose bins are counts
// under the usual suppression. Pure.
import type { Slot } from "../definition/answers.js";
import { VALID } from "./columns.js";
import { common } from "./common.js";
import { type Ctx, complementOf, countOf, slotData } from "./context.js";
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
    return {
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
  };
}
