// A chart's n hidden as a complement reads "n = –" as in the table ("n < 5" claims 1 to 4 people),
// for a question's chart, a statement row of a matrix, a comparison group and the IPA points.
import { describe, expect, it } from "vitest";
import type { Count, Report } from "../../src/analysis/report.js";
import { inspectChart } from "../../src/render/charts/index.js";
import { chartSpecs } from "../../src/render/report/index.js";
import { frozenReport } from "../helpers/report-fixtures.js";

const COMPLEMENT: Count = { value: null, suppressed: true, complement: true };
const SMALL: Count = { value: null, suppressed: true };

function texts(report: Report, id: string): string[] {
  const entry = chartSpecs(report, "en").find((e) => e.id === id);
  expect(entry, id).toBeDefined();
  return inspectChart(entry!.spec, { locale: "en" }).texts.map((t) => t.text);
}

const explainsDash = (t: string[]) => t.some((x) => x.startsWith("–: hidden so that"));
const explainsSmall = (t: string[]) => t.some((x) => x.startsWith("< 5: too few"));

describe("a chart's n hidden as a complement", () => {
  it('reads "n = –" over a question\'s bars, "n < 5" when it is small', () => {
    const report = frozenReport("minimal-compare-waves", { compare: "wave" });
    const q = report.questions.find((x) => x.id === "visit_freq")!;
    if (q.kind !== "choice") throw new Error(q.kind);
    q.status.valid = { ...COMPLEMENT };
    const dash = texts(report, "visit_freq");
    expect(dash).toContain("n = –");
    expect(dash).not.toContain("n < 5");
    expect(explainsDash(dash)).toBe(true);
    q.status.valid = { ...SMALL };
    const small = texts(report, "visit_freq");
    expect(small).toContain("n < 5");
    expect(explainsSmall(small)).toBe(true);
  });

  it('draws a matrix statement whose n is a complement as "–"', () => {
    const report = frozenReport("minimal-compare-waves", { compare: "wave" });
    const q = report.questions.find((x) => x.id === "image")!;
    if (q.kind !== "matrix") throw new Error(q.kind);
    for (const it of q.items) {
      it.status.valid = { ...COMPLEMENT };
      for (const ch of it.choices) Object.assign(ch, { count: null, share: null, suppressed: true });
    }
    const t = texts(report, "image");
    expect(t).toContain("n = –");
    // Each row's slot, besides the "–" of its hidden don't-know share.
    expect(t.filter((x) => x === "–").length).toBeGreaterThanOrEqual(q.items.length);
    expect(t).not.toContain("< 5");
  });

  it('names a comparison group whose n is a complement "n = –"', () => {
    const report = frozenReport("minimal-compare-waves", { compare: "wave" });
    const gt = report.comparison!.tables.find((x) => x.slot === "visit_freq")!;
    gt.valid[1] = { ...COMPLEMENT };
    const t = texts(report, "compare.visit_freq");
    const subtitle = t.find((x) => x.includes(" · "))!;
    expect(subtitle).toMatch(/n = –/);
    expect(subtitle).not.toMatch(/n < 5/);
  });

  it("marks IPA points whose n is a complement '–', and keeps the n of withheld means", () => {
    const report = frozenReport("minimal-compare-waves", { compare: "wave" });
    const rows = report.ipa!.rows;
    for (const r of rows) Object.assign(r, { importanceMean: null, performanceMean: null, quadrant: null });
    const shown = rows[0]!.n.value!;
    const withheld = texts(report, "ipa");
    expect(withheld.some((x) => x.startsWith(`n = ${shown}`))).toBe(true);
    expect(withheld).not.toContain("n < 5");
    for (const r of rows) r.n = { ...COMPLEMENT };
    const dash = texts(report, "ipa");
    expect(dash).toContain("n = –");
    expect(explainsDash(dash)).toBe(true);
    expect(explainsSmall(dash)).toBe(false);
  });
});

describe("the terminal summary's n of a number question", () => {
  it('reads "n = –" when hidden as a complement and "n < 5" when small, as the tables do', async () => {
    const { renderTerminal } = await import("../../src/render/report/index.js");
    const { sections } = await import("../helpers/report-fixtures.js");
    const report = frozenReport("minimal-compare-waves", { compare: "wave" });
    const q = report.questions.find((x) => x.id === "books")!;
    if (q.kind !== "number") throw new Error(q.kind);
    const line = (n: Count) => {
      q.n = n;
      const text = renderTerminal(report, { lang: "en", sections: sections() });
      return text.split("\n").filter((l) => /^\s+n\b/.test(l));
    };
    const dash = line({ ...COMPLEMENT });
    expect(dash.some((l) => /^\s+n = –/.test(l))).toBe(true);
    expect(dash.some((l) => /^\s+n –/.test(l))).toBe(false);
    expect(line({ ...SMALL }).some((l) => /^\s+n < 5/.test(l))).toBe(true);
  });
});
