// One rule for the box and the chart: the top box is the diverging chart's positive side; negative
// statements carry their mark and its explanation into the chart.
import { describe, expect, it } from "vitest";
import { boxSize } from "../../src/analysis/scale-stats.js";
import type { DivergingSpec } from "../../src/render/charts/types.js";
import { chartSpecs, sidesOf } from "../../src/render/report/chart-specs.js";
import { frozenReport } from "./report-fixtures.js";

describe("box and chart sides", () => {
  it("counts the same scale points in the top box as on the chart's positive side", () => {
    for (let points = 2; points <= 11; points++) {
      const sides = sidesOf(points);
      expect(boxSize(points), `${points} points`).toBe(sides.filter((s) => s === "positive").length);
      expect(boxSize(points), `${points} points`).toBe(sides.filter((s) => s === "negative").length);
    }
  });

  it("marks a negative statement in the matrix chart and explains the mark there", () => {
    const report = frozenReport("minimal-by-visit-freq", { by: "visit_freq" });
    for (const lang of ["fi", "sv", "en"]) {
      const chart = chartSpecs(report, lang).find(
        (c) => c.spec.type === "diverging" && c.spec.rows.length > 1,
      );
      const spec = chart!.spec as DivergingSpec;
      expect(spec.rows.some((r) => r.label.endsWith(" (–)"))).toBe(true);
      expect(spec.notes?.some((n) => n.startsWith("(–)"))).toBe(true);
    }
  });
});
