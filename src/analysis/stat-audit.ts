// Can a reader pin a hidden count of a scale distribution from its published statistics? Tries
// every way to spread the hidden total over the hidden cells, keeps those that reproduce the
// statistics, and says "safe" only if every hidden small count keeps at least minCell possible
// values (from its least to its most), the audit's measure (src/privacy/audit.ts). Pure.

export interface AuditCell {
  /** Scale value of the point. */
  value: number;
  count: number;
  hidden: boolean;
}

export interface PublishedStats {
  mean?: boolean;
  median?: boolean;
  /** SD (and with it the CI, which follows from mean, SD and n). */
  sd?: boolean;
  /** The mean only as printed, rounded to this many decimals (what a reader of it knows). */
  meanDecimals?: number;
}

/** Above this many spreads the audit gives up and answers "not safe" (the caller withholds). */
export const AUDIT_LIMIT = 200_000;

function stats(
  values: readonly number[],
  counts: readonly number[],
): { mean: number; sd: number | null; median: number } {
  let n = 0;
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    n += counts[i]!;
    s += values[i]! * counts[i]!;
  }
  const mean = s / n;
  let ss = 0;
  for (let i = 0; i < values.length; i++) ss += counts[i]! * (values[i]! - mean) ** 2;
  return { mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : null, median: medianOfCounts(values, counts, n) };
}

/** Type-7 median of a distribution given as sorted values with counts. */
export function medianOfCounts(values: readonly number[], counts: readonly number[], n: number): number {
  const h = (n - 1) * 0.5;
  const at = (rank: number): number => {
    let cum = 0;
    for (let i = 0; i < values.length; i++) {
      cum += counts[i]!;
      if (rank < cum) return values[i]!;
    }
    return values[values.length - 1]!;
  };
  const lo = at(Math.floor(h));
  return lo + (h - Math.floor(h)) * (at(Math.ceil(h)) - lo);
}

const same = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** Equal once both are rounded to `decimals` places as a report prints them. */
export function sameRounded(a: number, b: number, decimals: number): boolean {
  const f = 10 ** decimals;
  return Math.round(a * f) === Math.round(b * f);
}

/**
 * True when publishing `which` with the shown cells and n leaves every hidden count in
 * 1..minCell−1 at least minCell possible values.
 */
export function statsAreSafe(cells: AuditCell[], which: PublishedStats, minCell: number): boolean {
  const sorted = [...cells].sort((a, b) => a.value - b.value);
  const values = sorted.map((c) => c.value);
  const truth = stats(
    values,
    sorted.map((c) => c.count),
  );
  return spreadsAreWide(
    sorted.map((c) => c.count),
    sorted.map((c) => c.hidden),
    minCell,
    (counts) => {
      const s = stats(values, counts);
      if (which.mean && !same(s.mean, truth.mean)) return false;
      if (which.meanDecimals !== undefined && !sameRounded(s.mean, truth.mean, which.meanDecimals))
        return false;
      if (which.sd && !same(s.sd, truth.sd)) return false;
      if (which.median && !same(s.median, truth.median)) return false;
      return true;
    },
  );
}

/**
 * Tries every way to spread the hidden cells' total over them within what their marks tell
 * ("< minCell" or at least minCell), keeps the spreads `fits` accepts (those that give the
 * published statistics), and says whether every hidden small count keeps at least minCell
 * possible values in them (from its least to its most), the audit's measure. False past
 * AUDIT_LIMIT spreads. `counts` are the true counts.
 */
export function spreadsAreWide(
  truth: readonly number[],
  hiddenAt: readonly boolean[],
  minCell: number,
  fits: (counts: readonly number[]) => boolean,
): boolean {
  const hidden = hiddenAt.map((h, i) => (h ? i : -1)).filter((i) => i >= 0);
  const watch = hidden.filter((i) => truth[i]! >= 1 && truth[i]! < minCell);
  if (watch.length === 0) return true;
  const total = hidden.reduce((a, i) => a + truth[i]!, 0);
  // Number of ways to spread `total` over the hidden cells: C(total + k − 1, k − 1).
  let ways = 1;
  for (let j = 1; j < hidden.length; j++) ways = (ways * (total + j)) / j;
  if (ways > AUDIT_LIMIT) return false;
  // A hidden zero is marked "–" (0 or minCell and more): taken as known, the safe side.
  const markRange = (count: number): [number, number] =>
    count === 0 ? [0, 0] : count < minCell ? [0, minCell - 1] : [minCell, Number.POSITIVE_INFINITY];
  const counts = [...truth];
  const seen = new Map<number, Set<number>>(watch.map((i) => [i, new Set<number>()]));
  const spread = (k: number, left: number): void => {
    const [lo, hi] = markRange(truth[hidden[k]!]!);
    if (k === hidden.length - 1) {
      if (left < lo || left > hi) return;
      counts[hidden[k]!] = left;
      if (fits(counts)) for (const i of watch) seen.get(i)!.add(counts[i]!);
      return;
    }
    for (let v = lo; v <= Math.min(hi, left); v++) {
      counts[hidden[k]!] = v;
      spread(k + 1, left - v);
    }
  };
  spread(0, total);
  // As wide as the audit demands: at least minCell possible values from the least to the most.
  return watch.every((i) => {
    const v = [...seen.get(i)!];
    return v.length > 0 && Math.max(...v) - Math.min(...v) + 1 >= minCell;
  });
}
