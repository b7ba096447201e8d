// One rule for the box and the chart: the top box is the diverging chart's positive side; negative
// statements carry their mark and its explanation into the chart, in single reports and in the
// comparison's mean charts and tables alike.
import { describe, expect, it } from "vitest";
import { boxSize } from "../../src/analysis/scale-stats.js";
import type { DivergingSpec, PairedBarsSpec } from "../../src/render/charts/types.js";
import { buildView } from "../../src/render/report/build-view.js";
import { chartSpecs } from "../../src/render/report/chart-specs.js";
import { sidesOf } from "../../src/render/report/chart-specs-questions.js";
import { frozenReport } from "../helpers/report-fixtures.js";

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

  it("marks a negative statement in the comparison's mean chart and table, and explains it there", () => {
    const report = frozenReport("minimal-compare-waves", { compare: "wave" });
    const strict = { fi: "Kirjasto on tiukka", sv: "Biblioteket är strängt", en: "The library is strict" };
    for (const lang of ["fi", "sv", "en"] as const) {
      const entry = chartSpecs(report, lang).find((c) => c.id === "compare.image");
      const spec = entry!.spec as PairedBarsSpec;
      expect(spec.scale.kind).toBe("mean");
      expect(spec.items.map((i) => i.label)).toContain(`${strict[lang]} (–)`);
      expect(spec.items.filter((i) => i.label.endsWith(" (–)"))).toHaveLength(1);
      expect(spec.notes?.some((n) => n.startsWith("(–)"))).toBe(true);
      const view = buildView(report, { lang });
      const blocks = view.analyses.flatMap((s) => s.blocks);
      const table = blocks.find((b) => b.id === "compare.image.strict")!;
      expect(table.title).toContain(`${strict[lang]} (–)`);
      expect(table.tables[0]!.caption).toContain(`${strict[lang]} (–)`);
      expect(table.notes.some((n) => n.startsWith("(–)"))).toBe(true);
      // A positive statement's block is not marked, and has no legend for a mark it does not use.
      const positive = blocks.find((b) => b.id === "compare.image.welcoming")!;
      expect(positive.title).not.toContain("(–)");
      expect(positive.notes.some((n) => n.startsWith("(–)"))).toBe(false);
    }
  });

  it("marks a mean withheld from a shown group '–' in the comparison chart, never '< 5'", () => {
    const report = frozenReport("minimal-compare-waves", { compare: "wave" });
    const table = report.comparison!.tables.find((t) => t.slot === "image.strict")!;
    expect(table.valid[0]!.suppressed).toBe(false);
    // As the cross-report protection leaves it: n shown, the mean withheld.
    table.stats![0] = { ...table.stats![0]!, mean: null, ci: null, withheld: ["mean", "ci"] };
    const spec = chartSpecs(report, "en").find((c) => c.id === "compare.image")!.spec as PairedBarsSpec;
    const strict = spec.items.find((i) => i.label.startsWith("The library is strict"))!;
    expect(strict.values[0]).toMatchObject({ value: null, mark: "–" });
    expect(strict.values[1]!.value).not.toBeNull();
  });
});
