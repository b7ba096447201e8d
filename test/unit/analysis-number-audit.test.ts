// When may a number question's mean, SD and quartiles stand beside a histogram with hidden bins?
// Both ways: wide hidden bins leave every hidden count many possible values (safe), bins of one
// whole number each can pin them (withheld).
import { describe, expect, it } from "vitest";
import { type AuditBin, numberStatsAreSafe } from "../../src/analysis/number-audit.js";
import { mean, quantileSorted, sd } from "../../src/analysis/stats.js";

function statsOf(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: values.length,
    mean: mean(values)!,
    sd: sd(values),
    quartiles: [0.25, 0.5, 0.75].map((p) => ({ p, value: quantileSorted(sorted, p)! })),
  };
}

describe("numberStatsAreSafe", () => {
  it("lets the statistics stand when the hidden bins are wide (each answer anywhere in ten years)", () => {
    // 40 people aged 20–29 (every quartile among them), then 2 in each of four hidden decades.
    const values = [...Array(40).fill(25), 31, 35, 42, 48, 51, 55, 63, 67];
    const bins: AuditBin[] = [
      { lo: 20, hi: 30, count: 40, hidden: false },
      { lo: 30, hi: 40, count: 2, hidden: true },
      { lo: 40, hi: 50, count: 2, hidden: true },
      { lo: 50, hi: 60, count: 2, hidden: true },
      { lo: 60, hi: 70, count: 2, hidden: true },
    ];
    expect(numberStatsAreSafe(bins, statsOf(values), 5)).toBe(true);
  });

  it("withholds them when two hidden bins of one whole number each would be pinned", () => {
    // 12 people: 7 aged 21 shown, 2 aged 20 and 3 aged 30 hidden; the mean gives both away.
    const values = [20, 20, ...Array(7).fill(21), 30, 30, 30];
    const bins: AuditBin[] = [
      { lo: 20, hi: 20, count: 2, hidden: true },
      { lo: 21, hi: 21, count: 7, hidden: false },
      { lo: 30, hi: 30, count: 3, hidden: true },
    ];
    expect(numberStatsAreSafe(bins, statsOf(values), 5)).toBe(false);
  });
});
