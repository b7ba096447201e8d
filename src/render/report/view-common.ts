// Small helpers shared by the question blocks: the "n = …" line and display ordering.
import type { Count } from "../../analysis/report.js";
import type { Cells } from "./cells.js";

/** "n = 55", "n < 5" when the count is hidden as small, "n = –" when hidden as a complement. */
export function nText(c: Cells, n: Count): string {
  const cell = c.countOf(n);
  return cell.hidden === "suppressed" ? `n ${cell.text}` : `n = ${cell.text}`;
}

export function meta(c: Cells, n: Count, extra?: string): string {
  return extra ? `${nText(c, n)} · ${extra}` : nText(c, n);
}

export const pair = (low: number | null, high: number | null) =>
  low === null || high === null ? null : { low, high };
export const decimalsOf = (v: number) => (Number.isInteger(v) ? 0 : 1);

/** Largest first; hidden values last, in the survey's order. */
export function sortedBy<T>(rows: T[], value: (r: T) => number | null): T[] {
  return rows
    .map((r, i) => ({ r, i, v: value(r) }))
    .sort((a, b) => (b.v ?? Number.NEGATIVE_INFINITY) - (a.v ?? Number.NEGATIVE_INFINITY) || a.i - b.i)
    .map((x) => x.r);
}

/**
 * Marks a negative (reverse-worded) statement in tables and charts alike; the en dash prints in
 * every bundled font. Explained by "report.note.reverse" on the same page.
 */
export const REVERSE_MARK = " (–)";
