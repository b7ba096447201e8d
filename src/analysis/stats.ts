// Descriptive statistics, intervals, tests and effect sizes on plain arrays. Pure; `null` rather
// than NaN when there is too little data. Conventions (checked against numpy/scipy):
// quantiles are type 7 (numpy's default, linear), SD uses n − 1, intervals are 95 %.
import { chiSquareSf, normalQuantile, tQuantile } from "./special.js";

export const CONFIDENCE = 0.95;
const Z95 = normalQuantile(0.975);

export function sum(xs: readonly number[]): number {
  return compensatedSum(xs.length, (i) => xs[i]!);
}

/**
 * Neumaier's compensated sum of term(0) … term(n − 1): means must not depend on the order of the
 * responses. Terms are computed as needed, so a sum of squares needs no array of them.
 */
function compensatedSum(n: number, term: (i: number) => number): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const x = term(i);
    const t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return s + c;
}

export function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : sum(xs) / xs.length;
}

/** Sample variance (n − 1); null below two values. Two-pass for accuracy. */
export function variance(xs: readonly number[]): number | null {
  if (xs.length < 2) return null;
  return squaredDeviations(xs, sum(xs) / xs.length) / (xs.length - 1);
}

/** Σ (x − m)², compensated like sum(). */
function squaredDeviations(xs: readonly number[], m: number): number {
  return compensatedSum(xs.length, (i) => (xs[i]! - m) * (xs[i]! - m));
}

export function sd(xs: readonly number[]): number | null {
  const v = variance(xs);
  return v === null ? null : Math.sqrt(v);
}

/** Quantile of type 7 (linear interpolation between order statistics, like numpy.percentile). */
export function quantile(xs: readonly number[], p: number): number | null {
  if (xs.length === 0) return null;
  // A typed array sorts numbers in numeric order, without a comparator.
  const s = Float64Array.from(xs).sort();
  return quantileSorted(s, p);
}

export function quantileSorted(s: ArrayLike<number>, p: number): number | null {
  if (s.length === 0) return null;
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  const a = s[lo]!;
  const b = s[hi]!;
  return a + (h - lo) * (b - a);
}

export function median(xs: readonly number[]): number | null {
  return quantile(xs, 0.5);
}

export interface Interval {
  low: number;
  high: number;
}

/** 95 % confidence interval of the mean from the t distribution with n − 1 degrees of freedom. */
export function ciMean(xs: readonly number[]): Interval | null {
  // mean(xs) and sd(xs), with the sum computed once: the mean is the same number in both.
  if (xs.length < 2) return null;
  const m = sum(xs) / xs.length;
  const s = Math.sqrt(squaredDeviations(xs, m) / (xs.length - 1));
  const half = tQuantile(0.5 + CONFIDENCE / 2, xs.length - 1) * (s / Math.sqrt(xs.length));
  return { low: m - half, high: m + half };
}

/** Wilson score interval for a proportion k / n (95 %). */
export function wilson(k: number, n: number): Interval | null {
  if (n <= 0) return null;
  const p = k / n;
  const z2 = Z95 * Z95;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * Difference of two independent proportions p1 − p2 with Newcombe's hybrid score interval
 * (his method 10, built from the two Wilson intervals), and Cohen's h as the effect size.
 */
export function diffProportions(
  k1: number,
  n1: number,
  k2: number,
  n2: number,
): { diff: number; ci: Interval; cohenH: number } | null {
  const w1 = wilson(k1, n1);
  const w2 = wilson(k2, n2);
  if (!w1 || !w2) return null;
  const p1 = k1 / n1;
  const p2 = k2 / n2;
  const diff = p1 - p2;
  const low = diff - Math.sqrt((p1 - w1.low) ** 2 + (w2.high - p2) ** 2);
  const high = diff + Math.sqrt((w1.high - p1) ** 2 + (p2 - w2.low) ** 2);
  const cohenH = 2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p2));
  return { diff, ci: { low, high }, cohenH };
}

/**
 * Difference of two means m1 − m2 with Welch's t interval (unequal variances, Welch–Satterthwaite
 * degrees of freedom) and Cohen's d with the pooled SD as the effect size.
 */
export function diffMeans(
  a: readonly number[],
  b: readonly number[],
): { diff: number; ci: Interval; df: number; cohenD: number | null } | null {
  const of = (xs: readonly number[]) => ({
    n: xs.length,
    mean: () => mean(xs),
    variance: () => variance(xs),
  });
  return diffMeansOf(of(a), of(b));
}

/** The same for two samples known by their size, mean and variance. */
export function diffMeansOf(
  a: { n: number; mean(): number | null; variance(): number | null },
  b: { n: number; mean(): number | null; variance(): number | null },
): { diff: number; ci: Interval; df: number; cohenD: number | null } | null {
  const m1 = a.mean();
  const m2 = b.mean();
  const v1 = a.variance();
  const v2 = b.variance();
  if (m1 === null || m2 === null || v1 === null || v2 === null) return null;
  const n1 = a.n;
  const n2 = b.n;
  const se2 = v1 / n1 + v2 / n2;
  const diff = m1 - m2;
  const pooled = Math.sqrt(((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2));
  const cohenD = pooled > 0 ? diff / pooled : null;
  if (se2 === 0) return { diff, ci: { low: diff, high: diff }, df: n1 + n2 - 2, cohenD };
  const df = (se2 * se2) / ((v1 / n1) ** 2 / (n1 - 1) + (v2 / n2) ** 2 / (n2 - 1));
  const half = tQuantile(0.5 + CONFIDENCE / 2, df) * Math.sqrt(se2);
  return { diff, ci: { low: diff - half, high: diff + half }, df, cohenD };
}

/** 95 % t interval of the mean of paired differences (used for service-quality gaps). */
export function ciMeanOf(values: readonly number[]): { mean: number | null; ci: Interval | null } {
  return { mean: mean(values), ci: ciMean(values) };
}

export interface ChiSquare {
  chi2: number;
  df: number;
  p: number;
  cramersV: number;
  /** Expected counts, rows × columns. */
  expected: number[][];
}

/** Pearson's chi-square test of independence (no continuity correction) with Cramér's V. */
export function chiSquareTest(table: readonly (readonly number[])[]): ChiSquare | null {
  // Rows and columns with no observations carry no information and would divide by zero.
  const rowsT = table.map((r) => sum(r));
  const colsT = (table[0] ?? []).map((_, j) => sum(table.map((r) => r[j] ?? 0)));
  const rows = table.map((_, i) => i).filter((i) => rowsT[i]! > 0);
  const cols = colsT.map((_, j) => j).filter((j) => colsT[j]! > 0);
  if (rows.length < 2 || cols.length < 2) return null;
  const n = sum(rowsT);
  let chi2 = 0;
  const expected = table.map((r) => r.map(() => 0));
  for (const i of rows)
    for (const j of cols) {
      const e = (rowsT[i]! * colsT[j]!) / n;
      expected[i]![j] = e;
      chi2 += (table[i]![j]! - e) ** 2 / e;
    }
  const df = (rows.length - 1) * (cols.length - 1);
  const k = Math.min(rows.length, cols.length);
  return { chi2, df, p: chiSquareSf(chi2, df), cramersV: Math.sqrt(chi2 / (n * (k - 1))), expected };
}

/**
 * Whether the chi-square approximation is trustworthy (Cochran's rule): no expected count
 * below 1 and at most 20 % of them below 5, counting only rows and columns with observations.
 */
export function expectedCountsAllow(expected: readonly (readonly number[])[]): boolean {
  const cells = expected.flat().filter((e) => e > 0);
  if (cells.length === 0) return false;
  if (cells.some((e) => e < 1)) return false;
  return cells.filter((e) => e < 5).length <= 0.2 * cells.length;
}

/** Cronbach's alpha for complete cases: rows are respondents, columns items. */
export function cronbachAlpha(rows: readonly (readonly number[])[]): number | null {
  const k = rows[0]?.length ?? 0;
  return cronbachAlphaOfItems(Array.from({ length: k }, (_, j) => rows.map((r) => r[j]!)));
}

/** The same from the items' columns (each the complete cases' answers to one item). */
export function cronbachAlphaOfItems(items: readonly (readonly number[])[]): number | null {
  const k = items.length;
  const n = items[0]?.length ?? 0;
  if (k < 2 || n < 2) return null;
  let itemVar = 0;
  for (let j = 0; j < k; j++) itemVar += variance(items[j]!)!;
  // Each respondent's total, compensated over the items as sum() would add the row.
  const totals = new Array<number>(n);
  for (let i = 0; i < n; i++) totals[i] = compensatedSum(k, (j) => items[j]![i]!);
  const totalVar = variance(totals)!;
  if (totalVar === 0) return null;
  return (k / (k - 1)) * (1 - itemVar / totalVar);
}
