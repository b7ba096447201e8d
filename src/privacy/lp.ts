// Bounds of linear expressions over non-negative unknowns under linear facts, by linear
// programming (HiGHS, WebAssembly). The relaxation drops integrality and rounds each bound inward
// to a whole number: a safe width for the audit, since the integer interval is never wider.
import type { Highs } from "highs";

export interface Row {
  idx: number[];
  coef: number[];
  lo: number;
  hi: number;
}

export interface Program {
  numVars: number;
  rows: Row[];
}

export interface Target {
  idx: number[];
  coef: number[];
}

export interface Bounds {
  min: number;
  max: number;
  /** When asked for and the bounds meet: each row's weight in the proof (the row duals). */
  duals?: number[];
  /**
   * True when solutions seen already showed the target wide (or settled it, see `boundTargets`);
   * min and max are then inner bounds.
   */
  wide?: boolean;
}

/** Whether the whole values a target has been seen to take answer the caller's question. */
export type Settles = (seen: { min: number; max: number }) => boolean;

let loaded: Promise<Highs> | null = null;

/** The solver, loaded once per process. */
export function loadSolver(): Promise<Highs> {
  if (!loaded)
    loaded = import("highs").then(async (m) => {
      const load = (m as unknown as { default: (o?: object) => Promise<Highs> }).default;
      return load();
    });
  return loaded;
}

const EPS = 1e-6;

/**
 * Min and max of every target under the program's rows (all unknowns ≥ 0). Null when the facts
 * contradict each other (no count fits them: a report was altered, or the model misreads it).
 */
export function boundTargets(
  highs: Highs,
  p: Program,
  targets: Target[],
  withDuals = false,
  /**
   * Skip solving a target once solutions already seen spread it over this many whole values (per
   * target, or one for all): minCell for a hidden count, 2 where only an exact value matters.
   */
  wideAtArg: number | number[] = Number.POSITIVE_INFINITY,
  /**
   * Per target, what else settles it: the whole values seen so far already answer the caller's
   * question (a class's count seen at 1 or more cannot be pinned to 0). Once every target still
   * ahead is settled, no more solves are made; a target with one ahead of it that is not settled
   * is solved as before, so that the solves and certificates of those are the same.
   */
  settles?: readonly (Settles | undefined)[],
): Bounds[] | null {
  const wideAt = (i: number) => (typeof wideAtArg === "number" ? wideAtArg : wideAtArg[i]!);
  const anyWide =
    typeof wideAtArg === "number" ? Number.isFinite(wideAtArg) : wideAtArg.some(Number.isFinite);
  if (targets.length === 0) return [];
  const model = createModel(highs, p);
  try {
    model.options.set({ output_flag: false, presolve: "off" });
    const { minimize, maximize } = highs.constants.objectiveSense;
    const { optimal, infeasible } = highs.constants.modelStatus;
    const out: Bounds[] = [];
    const cost = new Float64Array(p.numVars);
    // Every solution found is a point the reader cannot rule out: it widens each target's seen span.
    const seenLo = targets.map(() => Number.POSITIVE_INFINITY);
    const seenHi = targets.map(() => Number.NEGATIVE_INFINITY);
    const solve = (t: Target[], sense: typeof minimize): number | null => {
      sumInto(cost, t);
      model.changeColsCost({ kind: "range", from: 0, to: p.numVars - 1 }, cost);
      model.changeObjectiveSense(sense);
      model.run();
      const s = model.getModelStatus();
      if (s === optimal) {
        widenSeen(model.getSolution().colValue, targets, seenLo, seenHi);
        return model.getObjectiveValue();
      }
      if (s === infeasible) return null;
      return sense === maximize ? Number.POSITIVE_INFINITY : 0;
    };
    const seenSpan = (i: number): Bounds => ({
      min: Math.max(0, Math.ceil(seenLo[i]! - EPS)),
      max: Math.floor(seenHi[i]! + EPS),
      wide: true,
    });
    const wide = (i: number) => Math.floor(seenHi[i]! + EPS) - Math.ceil(seenLo[i]! - EPS) + 1 >= wideAt(i);
    const settled = (i: number) => {
      if (wide(i)) return true;
      const s = settles?.[i];
      return s !== undefined && seenHi[i]! >= seenLo[i]! && s(seenSpan(i));
    };
    // Whether the targets from `from` on are all settled, and then the rest of the answer (their
    // spans seen). Seen spans only grow: the last target not settled is looked for from the end.
    let open = targets.length - 1;
    const rest = (from: number) => {
      while (open >= from && settled(open)) open--;
      if (open >= from) return false;
      for (let i = from; i < targets.length; i++) out.push(seenSpan(i));
      return true;
    };
    if (anyWide) {
      if (solve(targets, maximize) === null) return null;
      if (settles && rest(0)) return out;
      solve(targets, minimize);
      // A few more corners in fixed pseudo-random directions: each point the reader cannot rule
      // out may show many targets wide at once, which saves two solves per target.
      for (const [some, up] of corners(targets)) {
        if (settles && rest(0)) return out;
        solve(some, up ? maximize : minimize);
      }
    }
    for (const [i, t] of targets.entries()) {
      if (settles && rest(i)) return out;
      if (wide(i)) {
        out.push(seenSpan(i));
        continue;
      }
      const hi = solve([t], maximize);
      const duals = withDuals && hi !== null ? [...model.getSolution().rowDual] : undefined;
      if (hi !== null && wide(i)) {
        out.push(seenSpan(i));
        continue;
      }
      const lo = solve([t], minimize);
      if (lo === null || hi === null) return null;
      const min = Math.max(0, Math.ceil(lo - EPS));
      const max = Number.isFinite(hi) ? Math.floor(hi + EPS) : Number.POSITIVE_INFINITY;
      out.push({ min, max, ...(duals && (max === min || max - min + 1 < wideAt(i)) ? { duals } : {}) });
    }
    return out;
  } finally {
    model.dispose();
  }
}

/** The objective Σ of the targets, as one cost per unknown. */
function sumInto(cost: Float64Array, t: Target[]): void {
  cost.fill(0);
  for (const x of t)
    x.idx.forEach((j, k) => {
      cost[j] = (cost[j] ?? 0) + x.coef[k]!;
    });
}

/** Widens each target's span of values seen by its value at the solution `x`. */
function widenSeen(x: ArrayLike<number>, targets: Target[], seenLo: number[], seenHi: number[]): void {
  targets.forEach((t, i) => {
    let v = 0;
    for (let k = 0; k < t.idx.length; k++) v += t.coef[k]! * x[t.idx[k]!]!;
    if (v < seenLo[i]!) seenLo[i] = v;
    if (v > seenHi[i]!) seenHi[i] = v;
  });
}

/** The program as a HiGHS model: every unknown ≥ 0, the rows as a sparse matrix (CSR). */
function createModel(highs: Highs, p: Program) {
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const r of p.rows) {
    const merged = new Map<number, number>();
    r.idx.forEach((j, k) => {
      merged.set(j, (merged.get(j) ?? 0) + r.coef[k]!);
    });
    for (const [j, v] of [...merged].sort((a, b) => a[0] - b[0])) {
      indices.push(j);
      values.push(v);
    }
    starts.push(indices.length);
  }
  const inf = highs.infinity;
  return highs.createModel({
    numCols: p.numVars,
    numRows: p.rows.length,
    colCost: new Array(p.numVars).fill(0),
    colLower: new Array(p.numVars).fill(0),
    colUpper: new Array(p.numVars).fill(inf),
    rowLower: p.rows.map((r) => (Number.isFinite(r.lo) ? r.lo : -inf)),
    rowUpper: p.rows.map((r) => (Number.isFinite(r.hi) ? r.hi : inf)),
    matrix: { format: "csr", numRows: p.rows.length, numCols: p.numVars, starts, indices, values },
  });
}

/**
 * Sums of targets picked in a fixed pseudo-random way (the same every run), with the direction to
 * push each: up for the first, down for the second, and so on. None for fewer than six targets.
 */
function corners(targets: Target[]): [Target[], boolean][] {
  let seed = 1;
  const rand = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  const out: [Target[], boolean][] = [];
  for (let k = 0; k < (targets.length >= 6 ? 4 : 0); k++)
    out.push([targets.filter(() => rand() < 0.5), k % 2 === 0]);
  return out;
}
