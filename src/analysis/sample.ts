// The valid answers of a scale as its statistics need them: a list of values (group tables), or a
// slot's answers straight from its columns, where mean and median come from the counts per scale
// point (no list, no sort) and SD and interval from one pass in the analysed order. Either way the
// numbers are exactly those stats.ts gives on the list of values, to the last bit.
import { VALID } from "./columns.js";
import type { SlotData } from "./context.js";
import { tQuantile } from "./special.js";
import { CONFIDENCE, ciMean, type Interval, mean, median, sd, variance } from "./stats.js";

export interface Sample {
  /** How many values. */
  readonly n: number;
  mean(): number | null;
  median(): number | null;
  /** Sample variance (n − 1); null below two values. */
  variance(): number | null;
  sd(): number | null;
  ci(): Interval | null;
}

/** Part of a slot's answers: the analysed responses k whose `columnOf[k]` is `column`. */
export interface SampleGroup {
  columnOf: Int32Array;
  column: number;
  /** The group's valid answers per choice index. */
  validByCode: Float64Array;
}

export function listSample(values: readonly number[]): Sample {
  return {
    n: values.length,
    mean: () => mean(values),
    median: () => median(values),
    variance: () => variance(values),
    sd: () => sd(values),
    ci: () => ciMean(values),
  };
}

/** Sums of whole numbers below this are exact in doubles, in any order. */
const EXACT_INTEGERS = 2 ** 53;

/**
 * The valid answers of a one-code slot whose code `c` is the number `numbers[c]` (null: not a
 * number, left out, as the list of values leaves it out); with `group`, only that group's.
 */
export function codedSample(
  data: SlotData,
  numbers: readonly (number | null)[],
  group?: SampleGroup,
): Sample {
  const value = Float64Array.from(numbers, (v) => (v === null ? Number.NaN : v));
  const validByCode = group ? group.validByCode : data.validByCode;
  const part = group ?? null;
  // The scale points in ascending order with their counts (two codes may be the same number).
  const points = new Map<number, number>();
  let n = 0;
  let magnitude = 0;
  let integers = true;
  value.forEach((v, c) => {
    const k = validByCode[c]!;
    if (Number.isNaN(v) || k === 0) return;
    points.set(v, (points.get(v) ?? 0) + k);
    n += k;
    magnitude += k * Math.abs(v);
    // -0 sorts before 0 in the list, but is the same point here: let the list decide.
    if (!Number.isInteger(v) || Object.is(v, -0)) integers = false;
  });
  const sorted = [...points].sort((a, b) => a[0] - b[0]);
  let total: number | undefined;
  const sum = (): number => {
    if (total === undefined)
      // Whole numbers sum exactly whatever the order, so the compensated sum of the list is this one.
      total =
        integers && magnitude < EXACT_INTEGERS
          ? sorted.reduce((s, [v, k]) => s + v * k, 0)
          : orderedSum(data, value, part);
    return total;
  };
  let deviations: number | undefined;
  const squaredDeviations = (): number => {
    if (deviations === undefined) {
      const m = sum() / n;
      deviations = orderedSum(
        data,
        value.map((v) => (v - m) * (v - m)),
        part,
      );
    }
    return deviations;
  };
  /** The value at index `i` of the sorted list of values. */
  const at = (i: number): number => {
    let seen = 0;
    for (const [v, k] of sorted) {
      seen += k;
      if (i < seen) return v;
    }
    return Number.NaN;
  };
  return {
    n,
    mean: () => (n === 0 ? null : sum() / n),
    median: () => {
      if (n === 0) return null;
      if (!integers) return median(listOf(data, value, part));
      // quantileSorted at p = 0.5, with the two order statistics looked up in the counts.
      const h = (n - 1) * 0.5;
      const lo = Math.floor(h);
      const a = at(lo);
      const b = at(Math.ceil(h));
      return a + (h - lo) * (b - a);
    },
    variance: () => (n < 2 ? null : squaredDeviations() / (n - 1)),
    sd: () => (n < 2 ? null : Math.sqrt(squaredDeviations() / (n - 1))),
    ci: () => {
      if (n < 2) return null;
      const m = sum() / n;
      const s = Math.sqrt(squaredDeviations() / (n - 1));
      const half = tQuantile(0.5 + CONFIDENCE / 2, n - 1) * (s / Math.sqrt(n));
      return { low: m - half, high: m + half };
    },
  };
}

/**
 * Neumaier's compensated sum (as stats.ts sums) of `term[code]` over the valid answers in the
 * analysed order, leaving out codes whose term is NaN (and, with a group, other groups' answers).
 */
function orderedSum({ col, state, rows }: SlotData, term: Float64Array, group: SampleGroup | null): number {
  const code = col.code;
  const columnOf = group?.columnOf;
  const column = group?.column;
  let s = 0;
  let c = 0;
  for (let k = 0; k < state.length; k++) {
    if (state[k] !== VALID || (columnOf !== undefined && columnOf[k] !== column)) continue;
    const x = term[code[rows[k]!]!]!;
    if (Number.isNaN(x)) continue;
    const t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return s + c;
}

/** The values as a list, in the analysed order (only for scales that are not whole numbers). */
function listOf({ col, state, rows }: SlotData, value: Float64Array, group: SampleGroup | null): number[] {
  const out: number[] = [];
  for (let k = 0; k < state.length; k++) {
    if (state[k] !== VALID || (group !== null && group.columnOf[k] !== group.column)) continue;
    const x = value[col.code[rows[k]!]!]!;
    if (!Number.isNaN(x)) out.push(x);
  }
  return out;
}
