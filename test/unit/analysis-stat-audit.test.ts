// The audit that decides whether a scale's mean, median and SD may be shown next to hidden cells,
// checked on known cases and against a reader who expands every candidate table into answers.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { medianOfCounts, statsAreSafe } from "../../src/analysis/stat-audit.js";
import { mean, median, sd } from "../../src/analysis/stats.js";

const cellsOf = (counts: number[], hidden: boolean[]) =>
  counts.map((count, i) => ({ value: i + 1, count, hidden: hidden[i]! }));
const expand = (counts: number[]) => counts.flatMap((c, i) => new Array<number>(c).fill(i + 1));

describe("statsAreSafe", () => {
  it("refuses a mean that pins two hidden small counts", () => {
    // 1·c1 + 2·c2 + 5·c5 with c1 + c2 + c5 = 7 has one solution: c1 = 1, c2 = 2, c5 = 4.
    const cells = cellsOf([1, 2, 5, 8, 4], [true, true, false, false, true]);
    expect(statsAreSafe(cells, { mean: true }, 5)).toBe(false);
  });
  it("allows a mean when each hidden small count can still be any of 0 to 4", () => {
    // A "< 5" and three "–" cells: the mean and median still allow c1 = 0, 1, 2, 3 or 4.
    const cells = cellsOf([1, 7, 10, 10, 10], [true, true, true, true, false]);
    expect(statsAreSafe(cells, { mean: true, median: true }, 5)).toBe(true);
  });
  it("refuses a mean that leaves a hidden small count fewer than 5 possible values", () => {
    // c1 + c2 = 11 and the exact mean: one shift of a person between points 1 and 2 is all.
    expect(statsAreSafe(cellsOf([2, 9, 8, 8, 8], [true, true, false, false, false]), { mean: true }, 5)).toBe(
      false,
    );
  });
  it("is trivially safe when nothing small is hidden", () => {
    expect(statsAreSafe(cellsOf([10, 12, 9], [false, false, false]), { mean: true, sd: true }, 5)).toBe(true);
  });
  it("computes the type-7 median from counts", () => {
    expect(medianOfCounts([1, 2, 3], [2, 0, 2], 4)).toBe(2);
    expect(medianOfCounts([1, 2, 3], [1, 1, 1], 3)).toBe(2);
  });

  it("agrees with a reader who tries every table and recomputes the statistics from answers (narrow = fewer than 5 values)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 3, maxLength: 5 }),
        fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
        fc.constantFrom({ mean: true }, { mean: true, median: true }, { mean: true, median: true, sd: true }),
        (counts, hideMask, which) => {
          const hidden = counts.map((c, i) => hideMask[i]! || (c >= 1 && c < 5));
          const n = counts.reduce((a, b) => a + b, 0);
          if (n < 2) return;
          const truth = expand(counts);
          const idx = counts.map((_, i) => i).filter((i) => hidden[i]);
          const total = idx.reduce((a, i) => a + counts[i]!, 0);
          const seen = idx.map(() => new Set<number>());
          const cand = [...counts];
          const near = (a: number | null, b: number | null) =>
            a === null || b === null ? a === b : Math.abs(a - b) < 1e-9;
          // A hidden zero is "–" too; the audit takes it as known (the safe side), and so does this reader.
          const range = (c: number): [number, number] =>
            c === 0 ? [0, 0] : c < 5 ? [0, 4] : [5, Number.POSITIVE_INFINITY];
          const rec = (k: number, left: number) => {
            if (k === idx.length - 1) {
              const [lo, hi] = range(counts[idx[k]!]!);
              if (left < lo || left > hi) return;
              cand[idx[k]!] = left;
              const xs = expand(cand);
              if (which.mean && !near(mean(xs), mean(truth))) return;
              if ("median" in which && !near(median(xs), median(truth))) return;
              if ("sd" in which && !near(sd(xs), sd(truth))) return;
              for (const [j, i] of idx.entries()) seen[j]!.add(cand[i]!);
              return;
            }
            const [lo, hi] = range(counts[idx[k]!]!);
            for (let v = lo; v <= Math.min(hi, left); v++) {
              cand[idx[k]!] = v;
              rec(k + 1, left - v);
            }
          };
          if (idx.length > 0) rec(0, total);
          // Narrow: fewer than 5 values from the least to the most possible one (pinned included).
          const narrow = idx.some((i, j) => {
            if (counts[i]! < 1 || counts[i]! >= 5) return false;
            const v = [...seen[j]!];
            return Math.max(...v) - Math.min(...v) + 1 < 5;
          });
          expect(statsAreSafe(cellsOf(counts, hidden), which, 5)).toBe(!narrow);
        },
      ),
      { numRuns: 300 },
    );
  });
});
