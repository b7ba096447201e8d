// Small-cell suppression: the rules on hand-made lines, and an independent brute-force reader
// who tries every integer table consistent with what was published.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createLedger } from "../../src/analysis/suppress.js";

const MIN = 5;

/** A single-choice question: cells and their total n. Returns which cells are hidden. */
function line(values: number[], minCell = MIN): { hidden: boolean[]; totalHidden: boolean } {
  const l = createLedger();
  const total = values.reduce((a, b) => a + b, 0);
  l.cell("n", total, { cost: 2 });
  const ids = values.map((v, i) => l.cell(`c${i}`, v));
  l.line("n", ids);
  l.solve(minCell);
  return { hidden: ids.map((id) => l.isHidden(id)), totalHidden: l.isHidden("n") };
}

describe("suppression on one line", () => {
  it("hides a small count and the next smallest non-zero count as its complement", () => {
    expect(line([20, 15, 2, 0]).hidden).toEqual([false, true, true, false]);
  });
  it("leaves a line with nothing small alone, zeros included", () => {
    expect(line([20, 15, 5, 0]).hidden).toEqual([false, false, false, false]);
  });
  it("two small counts protect each other", () => {
    expect(line([20, 1, 3]).hidden).toEqual([false, true, true]);
  });
  it("hides the total when it is small itself", () => {
    const r = line([0, 3, 1]);
    expect(r.totalHidden).toBe(true);
    expect(r.hidden).toEqual([false, true, true]);
  });
  it("a count hidden by construction (never printed) is protected too", () => {
    // A multi-select choice picked by 18 of 20: the 2 who did not pick it are a small count.
    const l = createLedger();
    l.cell("n", 20, { cost: 2 });
    l.cell("picked", 18);
    l.cell("not", 2, { publish: false });
    l.line("n", ["picked", "not"]);
    l.solve(MIN);
    expect(l.isHidden("picked")).toBe(true);
    expect(l.isHidden("n")).toBe(false);
  });
  it("exempt counts (pooled ones that base − valid tells anyway) are shown even when small", () => {
    const l = createLedger();
    l.cell("base", 30, { cost: 3 });
    l.cell("valid", 27, { cost: 2 });
    l.cell("skipped", 3, { exempt: true });
    l.line("base", ["valid", "skipped"]);
    l.solve(MIN);
    expect(l.isHidden("skipped")).toBe(false);
    expect(l.isHidden("valid")).toBe(false);
  });
  it("rejects sums that do not add up", () => {
    const l = createLedger();
    l.cell("n", 5);
    l.cell("a", 3);
    expect(() => l.line("n", ["a"])).toThrow(/sum/);
  });
});

/** Every assignment of min[i]..max[i] to the hidden cells that agrees with the published numbers. */
function feasible(
  cells: number[],
  hidden: boolean[],
  check: (assign: number[]) => boolean,
  max: number[],
  min: number[] = cells.map(() => 0),
): number[][] {
  const free = cells.map((_, i) => i).filter((i) => hidden[i]);
  const out: number[][] = [];
  const assign = [...cells];
  const rec = (k: number) => {
    if (k === free.length) {
      if (check(assign)) out.push([...assign]);
      return;
    }
    for (let v = min[free[k]!]!; v <= max[free[k]!]!; v++) {
      assign[free[k]!] = v;
      rec(k + 1);
    }
  };
  rec(0);
  return out;
}

/** A two-way table, its row and column margins and its grand total in a ledger, solved at MIN. */
function solvedTable(table: number[][]) {
  const l = createLedger();
  const rows = table.length;
  const cols = table[0]!.length;
  const id = (r: number, c: number) => `x${r}.${c}`;
  const rowT = table.map((r) => r.reduce((a, b) => a + b, 0));
  const colT = table[0]!.map((_, c) => table.reduce((a, r) => a + r[c]!, 0));
  const grand = rowT.reduce((a, b) => a + b, 0);
  l.cell("all", grand, { cost: 3 });
  table.forEach((r, i) => {
    r.forEach((v, j) => {
      l.cell(id(i, j), v);
    });
    l.cell(`r${i}`, rowT[i]!, { cost: 1 });
    l.line(
      `r${i}`,
      r.map((_, j) => id(i, j)),
    );
  });
  colT.forEach((v, j) => {
    l.cell(`c${j}`, v, { cost: 2 });
    l.line(
      `c${j}`,
      table.map((_, i) => id(i, j)),
    );
  });
  // Both margins add up to the grand total, as a question's valid n is both the sum of
  // its answers and the sum of the groups' valid n in the analysis.
  l.line(
    "all",
    rowT.map((_, i) => `r${i}`),
  );
  l.line(
    "all",
    colT.map((_, j) => `c${j}`),
  );
  l.solve(MIN);
  return { l, rows, cols, id, rowT, colT, grand };
}

/**
 * Every table a reader could take for the true one: the shown cells and margins as they are,
 * each hidden one anywhere its mark and the shown margins allow.
 */
function readerTables(table: number[][], t: ReturnType<typeof solvedTable>) {
  const { l, rows, cols, id, rowT, colT, grand } = t;
  // What a reader sees: shown inner cells and margins, and the marks of hidden ones: "< 5"
  // is 0 to MIN − 1; "–" claims no size (a zero, a large count, or a small one whose
  // "< 5" would have told too much).
  const flat = table.flat();
  const hidden = flat.map((_, k) => l.isHidden(id(Math.floor(k / cols), k % cols)));
  const markOk = (idOf: string, sum: number) => !l.isHidden(idOf) || l.isComplement(idOf) || sum < MIN;
  const maxOf = flat.map((_, k) => {
    const i = Math.floor(k / cols);
    const j = k % cols;
    const bounds = [grand];
    if (!l.isHidden(`r${i}`)) bounds.push(rowT[i]!);
    if (!l.isHidden(`c${j}`)) bounds.push(colT[j]!);
    return Math.min(...bounds);
  });
  const small = flat.map((_, k) => hidden[k] && !l.isComplement(id(Math.floor(k / cols), k % cols)));
  const minOf = flat.map(() => 0);
  for (let k = 0; k < flat.length; k++) if (small[k]) maxOf[k] = Math.min(maxOf[k]!, MIN - 1);
  // Brute force only where it stays quick (a table hidden whole has nothing to pin).
  const space = flat.reduce((a, _, k) => (hidden[k] ? a * (maxOf[k]! - minOf[k]! + 1) : a), 1);
  fc.pre(space <= 2_000_000);
  const sols = feasible(
    flat,
    hidden,
    (a) => {
      for (let i = 0; i < rows; i++) {
        const s = a.slice(i * cols, i * cols + cols).reduce((x, y) => x + y, 0);
        if (!l.isHidden(`r${i}`) && s !== rowT[i]) return false;
        if (!markOk(`r${i}`, s)) return false;
      }
      for (let j = 0; j < cols; j++) {
        let s = 0;
        for (let i = 0; i < rows; i++) s += a[i * cols + j]!;
        if (!l.isHidden(`c${j}`) && s !== colT[j]) return false;
        if (!markOk(`c${j}`, s)) return false;
      }
      const all = a.reduce((x, y) => x + y, 0);
      if (!l.isHidden("all") && all !== grand) return false;
      return markOk("all", all);
    },
    // A reader knows no cell exceeds a shown margin (or the grand total).
    maxOf,
    minOf,
  );
  return { flat, hidden, sols };
}

describe("no reader can work out a hidden small count", () => {
  it("on one line (a single-choice question)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 2, maxLength: 5 }), (values) => {
        const { hidden, totalHidden } = line(values);
        const total = values.reduce((a, b) => a + b, 0);
        for (let i = 0; i < values.length; i++)
          if (values[i]! >= 1 && values[i]! < MIN) expect(hidden[i]).toBe(true);
        if (totalHidden) return;
        const sols = feasible(
          values,
          hidden,
          (a) => a.reduce((x, y) => x + y, 0) === total,
          values.map(() => total),
        );
        for (let i = 0; i < values.length; i++) {
          if (!hidden[i] || values[i]! < 1 || values[i]! >= MIN) continue;
          expect(new Set(sols.map((s) => s[i])).size, `cell ${i} of ${values}`).toBeGreaterThan(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("in a two-way table with its margins (a cross-tab)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 3, maxLength: 3 }), {
          minLength: 2,
          maxLength: 2,
        }),
        (table) => {
          const t = solvedTable(table);
          const { flat, hidden, sols } = readerTables(table, t);
          for (let k = 0; k < flat.length; k++) {
            const v = flat[k]!;
            if (v >= 1 && v < MIN) expect(hidden[k]).toBe(true);
            if (!hidden[k] || v < 1 || v >= MIN) continue;
            expect(
              new Set(sols.map((s) => s[k])).size,
              `cell ${k} of ${JSON.stringify(table)}`,
            ).toBeGreaterThan(1);
          }
          // Small margins are hidden too, and cannot be recomputed from the shown cells.
          t.rowT.forEach((v, i) => {
            if (v >= 1 && v < MIN) expect(t.l.isHidden(`r${i}`)).toBe(true);
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});
