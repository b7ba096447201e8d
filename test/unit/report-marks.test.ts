// Marks nobody explains: every mark a chart prints is explained on it, "≥ 0 %" is never printed,
// a share column holds no counts, and a words footnote never stands without its table.
import { describe, expect, it } from "vitest";
import type { TextResult } from "../../src/analysis/report.js";
import { inspectChart } from "../../src/render/charts/index.js";
import type { DivergingSpec } from "../../src/render/charts/types.js";
import { cellsFor } from "../../src/render/report/cells.js";
import { keyFindings } from "../../src/render/report/findings.js";
import { reportFormats } from "../../src/render/report/format.js";
import { renderCsv, renderJson, renderMarkdown } from "../../src/render/report/index.js";
import { textBlock } from "../../src/render/report/view-other-types.js";
import { diverging } from "../helpers/charts-specs.js";
import { frozenReport } from "../helpers/report-fixtures.js";

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

describe("comparison findings and hidden numbers", () => {
  const clear = { diff: 0.3, ci: { low: 0.1, high: 0.5 }, cohenH: 0.7 };

  it("never headline a share whose count the table hides, even with a clear interval", () => {
    const report = frozenReport("minimal-compare-waves", { compare: "wave" });
    const barriers = report.comparison!.tables.find((t) => t.slot === "barriers")!;
    // A row whose baseline count is hidden ("< 5"), and one hidden as a complement ("–").
    const hidden = barriers.rows[2]!;
    expect(hidden.cells[0]!.suppressed).toBe(true);
    hidden.differences = [null, clear];
    const complement = barriers.rows[0]!;
    complement.cells[1] = { count: null, share: null, suppressed: true, complement: true };
    complement.differences = [null, clear];
    for (const lang of ["fi", "sv", "en"]) {
      const changes = keyFindings(report, lang).filter((f) => f.kind === "change");
      expect(
        changes.some((f) => f.id === "barriers"),
        JSON.stringify(changes),
      ).toBe(false);
    }
    // The same interval on a row the table shows in full is a change.
    const visit = report.comparison!.tables.find((t) => t.slot === "visit_freq")!;
    visit.rows[0]!.differences = [null, clear];
    const changes = keyFindings(report, "en").filter((f) => f.kind === "change");
    expect(changes.map((f) => f.id)).toEqual(["visit_freq"]);
    expect(changes[0]!.text).toContain("95% interval +10…+50 pp");
  });

  it("compare a scale by its mean, never by one answer option, and a hidden mean not at all", () => {
    const report = frozenReport("minimal-compare-waves", { compare: "wave" });
    const enjoy = report.comparison!.tables.find((t) => t.slot === "enjoy")!;
    enjoy.rows[0]!.differences = [null, clear];
    const clearMean = { diff: 0.8, ci: { low: 0.3, high: 1.3 }, cohenD: 0.9 };
    const strict = report.comparison!.tables.find((t) => t.slot === "image.strict")!;
    strict.meanDifferences = [null, clearMean];
    const welcoming = report.comparison!.tables.find((t) => t.slot === "image.welcoming")!;
    welcoming.meanDifferences = [null, clearMean];
    welcoming.stats![1] = { ...welcoming.stats![1]!, mean: null, withheld: ["mean"] };
    const changes = keyFindings(report, "en").filter((f) => f.kind === "change");
    expect(changes.map((f) => f.id)).toEqual(["image.strict"]);
    expect(changes[0]!.text).toMatch(
      /^Mean \d\.\d\d → \d\.\d\d \(Follow-up, \+0\.80; 95% interval \+0\.30…\+1\.30\)/,
    );
    expect(changes[0]!.text).toContain("The library is strict (–)");
    expect(changes[0]!.text).toContain("(–) A negative statement");
  });
});

describe("a difference beside a hidden figure", () => {
  it("is never published: with the shown share it would tell the hidden one", () => {
    const report = frozenReport("minimal-compare-waves", { compare: "wave" });
    const visit = report.comparison!.tables.find((t) => t.slot === "visit_freq")!;
    const row = visit.rows[0]!;
    const d = row.differences![1]!;
    expect(d).not.toBeNull();
    // As a later protection round leaves it: the baseline share hidden as a complement ("–").
    row.cells[0] = { count: null, share: null, suppressed: true, complement: true };
    const enjoy = report.comparison!.tables.find((t) => t.slot === "enjoy")!;
    const md0 = enjoy.meanDifferences![1]!;
    expect(md0).not.toBeNull();
    enjoy.stats![1] = { ...enjoy.stats![1]!, mean: null, ci: null, withheld: ["mean", "ci"] };
    const json = JSON.parse(renderJson(report));
    const jv = json.comparison.tables.find((t: { slot: string }) => t.slot === "visit_freq");
    expect(jv.rows[0].differences[1]).toBeNull();
    expect(jv.rows[1].differences[1]).not.toBeNull();
    const je = json.comparison.tables.find((t: { slot: string }) => t.slot === "enjoy");
    expect(je.meanDifferences[1]).toBeNull();
    const csv = renderCsv(report, { lang: "en" });
    const diffs = csv.split("\n").filter((l) => /,(diff|mean_diff),/.test(l));
    expect(diffs.some((l) => l.includes(String(d.diff)))).toBe(false);
    expect(diffs.some((l) => l.includes(String(md0.diff)))).toBe(false);
    const md = renderMarkdown(report, { lang: "en" });
    const points = `${d.diff > 0 ? "+" : "−"}${Math.abs(d.diff * 100).toFixed(1)} pp`;
    expect(md).not.toContain(points);
  });
});
