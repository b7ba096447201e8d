// How precisely each question's mean is published, so that the survey's analysis blocks (IPA,
// gaps, indices), which average the same answers again, never tell more than the question tables:
// an exact importance mean on the IPA chart beside a withheld one in the table would give away the
// hidden counts the table withholds it for. Pure.
import type { Interval, QuestionResult } from "./report.js";

/** Per slot: the mean's published decimals (Infinity = exact) and its n, or null when withheld. */
export type PublishedMeans = Map<string, { decimals: number; n: number } | null>;

export function publishedMeans(questions: readonly QuestionResult[]): PublishedMeans {
  const out: PublishedMeans = new Map();
  const add = (slot: string, mean: number | null, n: number | null, decimals?: number) =>
    out.set(slot, mean === null || n === null ? null : { decimals: decimals ?? Number.POSITIVE_INFINITY, n });
  for (const q of questions) {
    if ("items" in q)
      for (const it of q.items) add(it.id, it.stats.mean, it.stats.n.value, it.stats.meanDecimals);
    else if ("stats" in q) add(q.id, q.stats.mean, q.stats.n.value, q.stats.meanDecimals);
    else if ("mean" in q) add(q.id, q.mean, q.n.value);
  }
  return out;
}

/**
 * The precision a mean over the complete cases (`n` people) of `slots` may have: null (withhold)
 * when a slot's own mean is withheld; else the coarsest of theirs, and one decimal when the
 * complete cases leave out 1 to minCell − 1 of a slot's respondents (two exact means over all but
 * a few people tell those few people's answers).
 */
export function compositeDecimals(
  published: PublishedMeans,
  slots: readonly string[],
  n: number,
  minCell: number,
): number | null {
  let decimals = Number.POSITIVE_INFINITY;
  for (const slot of slots) {
    const p = published.get(slot);
    // Not in a question table (a slot the report does not show): nothing to stay within.
    if (p === undefined) continue;
    if (p === null) return null;
    decimals = Math.min(decimals, p.decimals);
    const left = p.n - n;
    if (left > 0 && left < minCell) decimals = Math.min(decimals, 1);
  }
  return decimals;
}

/** A value at the given precision (null: withheld). */
export function atPrecision(value: number | null, decimals: number | null): number | null {
  if (value === null || decimals === null) return null;
  if (!Number.isFinite(decimals)) return value;
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** A CI at the given precision: its midpoint is the mean, so it is never more precise. */
export function intervalAt(ci: Interval | null, decimals: number | null): Interval | null {
  if (ci === null || decimals === null) return null;
  return { ...ci, low: atPrecision(ci.low, decimals)!, high: atPrecision(ci.high, decimals)! };
}
