// Small helpers shared by the question blocks: the "n = …" line and display ordering.
import type { Count, MatrixItemResult, MatrixResult, Report } from "../../analysis/report.js";
import type { Text } from "../../definition/model.js";
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

/** A title without the negative mark, for lists with no room for its explanation (the contents). */
export function withoutReverseMark(title: string): string {
  return title.endsWith(REVERSE_MARK) ? title.slice(0, -REVERSE_MARK.length) : title;
}

/** A matrix statement's text with the negative mark when it is one: the one rule for every table and chart. */
export function statementText(text: (t: Text) => string, item: { text: Text; reverse: boolean }): string {
  return text(item.text) + (item.reverse ? REVERSE_MARK : "");
}

/** The matrix statement a slot id (`matrix.item`) names, with its question; null for other slots. */
export function statementOf(
  report: Report,
  slot: string,
): { question: MatrixResult; item: MatrixItemResult } | null {
  for (const q of report.questions) {
    if (q.kind !== "matrix") continue;
    const item = q.items.find((it) => it.id === slot);
    if (item) return { question: q, item };
  }
  return null;
}
