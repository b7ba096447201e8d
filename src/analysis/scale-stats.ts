// Summary statistics of one ordered-scale distribution, with the privacy rule for statistics:
// a hidden cell withholds mean, median, SD and CI, and a box share unless it adds nothing.
import { type Ctx, noteWithheld } from "./context.js";
import type { Count, ScaleStats, StatName } from "./report.js";
import { ciMean, mean, median, sd } from "./stats.js";

export interface ScaleCell {
  /** Numeric scale value of the choice. */
  value: number;
  count: number;
  hidden: boolean;
}

/** Scale points counted in a box: two on scales of five points or more, otherwise one. */
export function boxSize(points: number): number {
  return points >= 5 ? 2 : 1;
}

/**
 * Statistics of `values` (the valid answers) on a scale whose points are `cells`, given the
 * published valid n. Mean, median, SD and CI would, with n and the shown cells, let a reader solve
 * for hidden cells, so any hidden cell withholds them. A box share is kept when its hidden cells
 * are all of the hidden cells or none of them: then it follows from n and the shown cells anyway.
 */
export function scaleStats(ctx: Ctx, values: number[], n: Count, cells: ScaleCell[]): ScaleStats {
  const none: ScaleStats = {
    n,
    mean: null,
    median: null,
    sd: null,
    ci: null,
    topBox: null,
    bottomBox: null,
    withheld: [],
  };
  if (values.length === 0) return none;
  const withheld: StatName[] = [];
  if (n.suppressed) {
    withheld.push("mean", "median", "sd", "ci", "topBox", "bottomBox");
    return { ...none, withheld: noteWithheld(ctx, withheld) };
  }
  const sorted = [...cells].sort((a, b) => a.value - b.value);
  const anyHidden = sorted.some((c) => c.hidden);
  const out: ScaleStats = { ...none };
  if (anyHidden) withheld.push("mean", "median", "sd", "ci");
  else {
    out.mean = mean(values);
    out.median = median(values);
    out.sd = sd(values);
    out.ci = ciMean(values);
  }
  const k = boxSize(sorted.length);
  const box = (part: ScaleCell[], name: StatName): number | null => {
    const hiddenIn = part.filter((c) => c.hidden).length;
    const hiddenAll = sorted.filter((c) => c.hidden).length;
    if (hiddenIn !== 0 && hiddenIn !== hiddenAll) {
      withheld.push(name);
      return null;
    }
    return part.reduce((s, c) => s + c.count, 0) / values.length;
  };
  out.topBox = box(sorted.slice(-k), "topBox");
  out.bottomBox = box(sorted.slice(0, k), "bottomBox");
  out.withheld = noteWithheld(ctx, withheld);
  return out;
}
