// What the report's chart specs share: the entry a chart goes out as, the n a chart shows and the
// numeric range of a scale (for the comparison, IPA and gap charts).
import type { Report } from "../../analysis/report.js";
import type { ChartSpec } from "../charts/types.js";
import { WITHHELD_MARK } from "./format.js";

export interface ChartEntry {
  /** The block it belongs to (question id, "compare.<slot>", "ipa", "gaps"); also its file name. */
  id: string;
  spec: ChartSpec;
  /** A short description for screen readers; the data table beside the chart has the numbers. */
  alt: string;
}

type Hidable = { value: number | null; suppressed: boolean; complement?: true };

export const nOf = (c: Hidable) => (c.suppressed ? null : c.value);

/** A hidden count's own mark where the table prints "–" (a complement), not the chart's "< 5". */
export const markOf = (c: { suppressed: boolean; complement?: true }): { mark?: string } =>
  c.suppressed && c.complement ? { mark: WITHHELD_MARK } : {};

/** A chart's n and, when the table hides it as a complement, its "–" (`n = –`, not `n < 5`). */
export function nWithMark(c: Hidable): { n: number | null; nMark?: string } {
  const { mark } = markOf(c);
  return mark ? { n: null, nMark: mark } : { n: nOf(c) };
}

/**
 * The n a chart shows, from the counts of what it draws: the smallest, with the largest as `nMax`
 * when they differ; null when none is shown ("–" as `nMark` when every one is a complement).
 */
export function nRange(counts: Hidable[]): {
  n: number | null;
  nMax?: number;
  nMark?: string;
} {
  const ns = counts.map(nOf).filter((v): v is number => v !== null);
  if (ns.length === 0)
    return counts.length > 0 && counts.every((c) => c.complement)
      ? { n: null, nMark: WITHHELD_MARK }
      : { n: null };
  const lo = Math.min(...ns);
  const hi = Math.max(...ns);
  return hi > lo ? { n: lo, nMax: hi } : { n: lo };
}

/** The numeric range of the scale a slot is answered on (IPA and gap charts), 1–5 if unknown. */
export function scaleRange(report: Report, slot: string): { min: number; max: number } {
  const q = report.questions.find(
    (x) => x.id === slot || (x.kind === "matrix" && x.items.some((it) => it.id === slot)),
  );
  const codes =
    q?.kind === "matrix"
      ? q.scale.map((p) => Number(p.code))
      : q?.kind === "scale"
        ? q.choices.map((p) => Number(p.code))
        : [];
  const nums = codes.filter((n) => Number.isFinite(n));
  return nums.length >= 2 ? { min: Math.min(...nums), max: Math.max(...nums) } : { min: 1, max: 5 };
}
