// Can a reader pin a hidden histogram count of a number question from its published statistics?
// As stat-audit.ts does for scales: every spread of the hidden total over the hidden bins is kept
// when the mean, SD and quartiles could have come from it (a bin's answers lie anywhere in it),
// and the statistics are safe only if every hidden small count keeps minCell possible values. Pure.
import { spreadsAreWide } from "./stat-audit.js";

export interface AuditBin {
  /** The bin's least and greatest possible answer (equal for a bin of one whole number). */
  lo: number;
  hi: number;
  count: number;
  hidden: boolean;
}

/** What a reader knows: n, mean, SD and the quartiles, exactly. */
export interface NumberStats {
  n: number;
  mean: number;
  sd: number | null;
  quartiles: { p: number; value: number }[];
}

const TOL = 1e-9;

/** Could answers spread over the bins by `counts` give the published statistics? */
function fits(bins: readonly AuditBin[], counts: readonly number[], st: NumberStats): boolean {
  let sLo = 0;
  let sHi = 0;
  let qLo = 0;
  let qHi = 0;
  for (let b = 0; b < bins.length; b++) {
    const { lo, hi } = bins[b]!;
    const c = counts[b]!;
    sLo += c * lo;
    sHi += c * hi;
    const sq = [lo * lo, hi * hi];
    qLo += c * (lo <= 0 && hi >= 0 ? 0 : Math.min(...sq));
    qHi += c * Math.max(...sq);
  }
  const sum = st.n * st.mean;
  const slack = TOL * Math.max(1, Math.abs(sum));
  if (sum < sLo - slack || sum > sHi + slack) return false;
  if (st.sd !== null) {
    const ss = (st.n - 1) * st.sd * st.sd + st.n * st.mean * st.mean;
    const s2 = TOL * Math.max(1, ss);
    if (ss < qLo - s2 || ss > qHi + s2) return false;
  }
  // A quartile lies between the answers at the two ranks it interpolates.
  for (const { p, value } of st.quartiles) {
    const h = (st.n - 1) * p;
    const a = binOfRank(counts, Math.floor(h));
    const b = binOfRank(counts, Math.ceil(h));
    if (a < 0 || b < 0) return false;
    if (value < bins[a]!.lo - TOL || value > bins[b]!.hi + TOL) return false;
    if (Number.isInteger(h) && (value < bins[a]!.lo - TOL || value > bins[a]!.hi + TOL)) return false;
  }
  return true;
}

function binOfRank(counts: readonly number[], rank: number): number {
  let cum = 0;
  for (let b = 0; b < counts.length; b++) {
    cum += counts[b]!;
    if (rank < cum) return b;
  }
  return -1;
}

/**
 * True when publishing `st` beside the shown bins leaves every hidden count in 1..minCell − 1 at
 * least minCell possible values (from its least to its most), as the audit measures it.
 */
export function numberStatsAreSafe(bins: readonly AuditBin[], st: NumberStats, minCell: number): boolean {
  return spreadsAreWide(
    bins.map((b) => b.count),
    bins.map((b) => b.hidden),
    minCell,
    (counts) => fits(bins, counts, st),
  );
}
