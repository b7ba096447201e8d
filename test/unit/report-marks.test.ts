// Marks nobody explains: every mark a chart prints is explained on it, "≥ 0 %" is never printed,
// a share column holds no counts, and a words footnote never stands without its table.
import { describe, expect, it } from "vitest";
import type { TextResult } from "../../src/analysis/report.js";
import { inspectChart } from "../../src/render/charts/index.js";
import type { DivergingSpec } from "../../src/render/charts/types.js";
import { cellsFor } from "../../src/render/report/cells.js";
import { reportFormats } from "../../src/render/report/format.js";
import { textBlock } from "../../src/render/report/view-other-types.js";
import { diverging } from "./charts-specs.js";
import { frozenReport } from "./report-fixtures.js";

describe("chart marks", () => {
  const spec: DivergingSpec = {
    ...diverging,
    rows: [
      ...diverging.rows,
      { label: "Vain neutraali näkyy", n: 30, shares: [null, null, 0.4, 0.3, 0.3], dontKnow: null },
    ],
  };
  const texts = inspectChart(spec, { locale: "fi" }).texts.map((t) => t.text);

  it('prints no "≥ 0 %" and explains "≥" and "–" on the chart', () => {
    expect(texts.filter((t) => /^≥\s*0\s*%$/.test(t))).toEqual([]);
    expect(texts.some((t) => t.startsWith("≥ "))).toBe(true);
    expect(texts.some((t) => t.startsWith("≥:"))).toBe(true);
    expect(texts).toContain("–");
    expect(texts.some((t) => t.startsWith("–:"))).toBe(true);
  });

  it("keeps counts out of the share column of don't know", () => {
    // "< 5" is a count mark: the only "< 5" texts are the suppressed row's slot and the note.
    const row = texts.filter((t) => t === "< 5");
    expect(row.length).toBeLessThanOrEqual(1);
  });
});

describe("words table footnote", () => {
  it("says in a sentence that no word was common enough, instead of a footnote without a table", () => {
    const report = frozenReport("minimal-by-visit-freq", { by: "visit_freq" });
    const q = report.questions.find((x) => x.kind === "text") as TextResult;
    const c = cellsFor(reportFormats("fi", "fi"), 5);
    const block = textBlock(c, { ...q, terms: [] });
    expect(block.tables).toEqual([]);
    expect(block.notes.join(" ")).not.toMatch(/Sanat, joita vähintään/);
    expect(block.notes.join(" ")).toMatch(/Yhtäkään sanaa ei käyttänyt/);
  });
});
