// Summary statistics of one ordered-scale distribution, with the privacy rule for statistics:
// with hidden cells, mean, median, SD and CI are shown only when an exhaustive audit finds that
// they pin no hidden small count; a box share only when it adds nothing to the shown cells.
import { type Ctx, noteWithheld } from "./context.js";
import type { Count, ScaleStats, StatName } from "./report.js";
import type { Sample } from "./sample.js";
import { type AuditCell, statsAreSafe } from "./stat-audit.js";

/** From this valid n on, a mean is published rounded when the exact one would pin a count. */
export const HEADLINE_N = 30;
const HEADLINE_DECIMALS = 1;

export interface ScaleCell {
  /** Ledger id of the cell. */
  id: string;
  /** Numeric scale value of the choice. */
  value: number;
  count: number;
  hidden: boolean;
}

/**
 * Scale points counted in a box: the points above the scale's middle (below it for the bottom
 * box), so the top box is the positive side of the report's diverging chart: one point on scales
 * of two or three points, two on four- and five-point scales, three on six- and seven-point ones.
 */
export function boxSize(points: number): number {
  return Math.max(1, Math.floor(points / 2));
}

/** The mean can be published, exactly or (the headline rule) rounded to one decimal. */
function headlineSafe(audit: AuditCell[], minCell: number): boolean {
  return (
    statsAreSafe(audit, { mean: true }, minCell) ||
    statsAreSafe(audit, { meanDecimals: HEADLINE_DECIMALS }, minCell)
  );
}

/**
 * Statistics of `values` (the valid answers) on a scale whose points are `cells`, given the
 * published valid n. Mean and median, then SD and CI, are kept only if every spread of the hidden
 * total over the hidden cells that reproduces them leaves each hidden small count with more than
 * one possible value (stat-audit.ts). A box share is kept when its hidden cells are all of the
 * hidden cells or none of them: then it follows from n and the shown cells anyway.
 */
export function scaleStats(ctx: Ctx, values: Sample, n: Count, cells: ScaleCell[]): ScaleStats {
  const none: ScaleStats = {
    n,
    mean: null,
    median: null,
    sd: null,
    ci: null,
    topBox: null,
    bottomBox: null,
    box: boxSize(cells.length),
    withheld: [],
  };
  if (values.n === 0) return none;
  const withheld: StatName[] = [];
  if (n.suppressed) {
    withheld.push("mean", "median", "sd", "ci", "topBox", "bottomBox");
    return { ...none, withheld: noteWithheld(ctx, withheld) };
  }
  const sorted = [...cells].sort((a, b) => a.value - b.value);
  const out: ScaleStats = { ...none };
  // Hidden cells that a reader can work out anyway count as shown in the audit.
  const auditOf = () => {
    const known = ctx.ledger.determined(sorted.filter((c) => c.hidden).map((c) => c.id));
    return sorted.map((c) => ({ value: c.value, count: c.count, hidden: c.hidden && !known.has(c.id) }));
  };
  let audit = auditOf();
  if (values.n >= HEADLINE_N && !headlineSafe(audit, ctx.minCell)) {
    // The headline costs one more count rather than the mean: a large count hidden beside the
    // small ones (a "–") leaves a rounded mean too many ways to come about.
    const extra = sorted.find(
      (c, i) =>
        !c.hidden &&
        c.count >= ctx.minCell &&
        headlineSafe(
          audit.map((a, j) => (j === i ? { ...a, hidden: true } : a)),
          ctx.minCell,
        ) &&
        ctx.ledger.hideMore(c.id),
    );
    if (extra) {
      extra.hidden = true;
      audit = auditOf();
    }
  }
  const full = statsAreSafe(audit, { mean: true, median: true, sd: true }, ctx.minCell);
  const central = full || statsAreSafe(audit, { mean: true, median: true }, ctx.minCell);
  if (central) {
    out.mean = values.mean();
    out.median = values.median();
  } else if (statsAreSafe(audit, { mean: true }, ctx.minCell)) {
    // The median pins where the mean alone does not (it splits the people in half at one point).
    out.mean = values.mean();
    withheld.push("median");
  } else if (
    values.n >= HEADLINE_N &&
    statsAreSafe(audit, { meanDecimals: HEADLINE_DECIMALS }, ctx.minCell)
  ) {
    // The headline rule: at n ≥ 30 the mean printed to one decimal (and the median, unless it
    // pins a count itself) confine the hidden counts to wide ranges; published rounded, so that
    // report.json tells no more.
    const f = 10 ** HEADLINE_DECIMALS;
    out.mean = Math.round((values.mean() ?? 0) * f) / f;
    out.meanDecimals = HEADLINE_DECIMALS;
    if (statsAreSafe(audit, { meanDecimals: HEADLINE_DECIMALS, median: true }, ctx.minCell))
      out.median = values.median();
    else withheld.push("median");
  } else withheld.push("mean", "median");
  if (full) {
    out.sd = values.sd();
    out.ci = values.ci();
  } else withheld.push("sd", "ci");
  const k = none.box;
  const box = (part: ScaleCell[], name: StatName): number | null => {
    const hiddenIn = part.filter((c) => c.hidden).length;
    const hiddenAll = sorted.filter((c) => c.hidden).length;
    if (hiddenIn !== 0 && hiddenIn !== hiddenAll) {
      withheld.push(name);
      return null;
    }
    return part.reduce((s, c) => s + c.count, 0) / values.n;
  };
  out.topBox = box(sorted.slice(-k), "topBox");
  out.bottomBox = box(sorted.slice(0, k), "bottomBox");
  out.withheld = noteWithheld(ctx, withheld);
  return out;
}
