// What the demo's reports say around the numbers (built binary, then the charts of its
// report.json drawn by the report's own chart code): the n of IPA, gap and comparison charts is
// that of what they draw, crowded IPA points are numbered with a key, a numbered scale is a
// distribution, and the period is the workshops' dates, not the day the forms were typed in.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/analysis/report.js";
import { DEMO_SESSIONS } from "../../src/demo/run-demo.js";
import { inspectChart } from "../../src/render/charts/index.js";
import { chartSpecs } from "../../src/render/report/chart-specs.js";
import { runBin, tempDir } from "../helpers/cli.js";

const tmp = tempDir("kuulo-demo-truth-");
afterAll(() => tmp.cleanup());
const out = join(tmp.dir, "demo");
const read = (name: string): Report =>
  JSON.parse(readFileSync(join(out, "report", name, "report.json"), "utf8")) as Report;
const range = (ns: number[]) =>
  Math.min(...ns) === Math.max(...ns)
    ? `n = ${Math.min(...ns)}`
    : `n = ${Math.min(...ns)}–${Math.max(...ns)}`;

describe("the demo's reports tell the truth around the numbers", () => {
  beforeAll(() => {
    const r = runBin(["demo", "--out", out], { cwd: tmp.dir, timeout: 300_000 });
    expect(r.code, r.stdout + r.stderr).toBe(0);
  }, 320_000);

  it("IPA: n is the range of the plotted rows' n, and crowded points are numbered with a key", () => {
    const report = read("baseline");
    const rows = report.ipa!.rows.filter((r) => r.importanceMean !== null && r.performanceMean !== null);
    const entry = chartSpecs(report, "fi").find((e) => e.id === "ipa")!;
    const texts = inspectChart(entry.spec, { locale: "fi" }).texts.map((t) => t.text);
    expect(texts).toContain(range(rows.map((r) => r.n.value!)));
    expect(texts).not.toContain(`n = ${report.counts.analysed.value}`);
    const key = texts.filter((t) => t.startsWith("Numerot:")).join(" ");
    if (key) {
      // Every point has its number on the plot and its name in the key, in the rows' order.
      rows.forEach((r, i) => {
        expect(texts).toContain(String(i + 1));
        expect(key).toContain(`${i + 1} ${(r.label as Record<string, string>).fi!.split(" ")[0]}`);
      });
    } else for (const r of rows) expect(texts.join(" ")).toContain((r.label as Record<string, string>).fi);
  });

  it("IPA means are never more precise than the table's mean of the same statement", () => {
    const report = read("baseline");
    const items = new Map(
      report.questions.flatMap((q) => ("items" in q ? q.items.map((it) => [it.id, it.stats] as const) : [])),
    );
    const decimals = (v: number) => (String(v).split(".")[1] ?? "").length;
    let withheld = 0;
    for (const row of report.ipa!.rows)
      for (const [slot, value] of [
        [row.importance, row.importanceMean],
        [row.performance, row.performanceMean],
      ] as const) {
        const own = items.get(slot)!;
        if (own.mean === null) {
          // The table withholds it because it would pin a hidden count: so does the chart.
          expect(value, slot).toBeNull();
          withheld++;
        } else if (own.meanDecimals !== undefined && value !== null)
          expect(decimals(value), slot).toBeLessThanOrEqual(own.meanDecimals);
      }
    expect(withheld, "the demo has statements whose mean the table withholds").toBeGreaterThan(0);
    // On the chart they are "–" (withheld beside a shown n), not "< 5" (too few answers).
    const entry = chartSpecs(report, "fi").find((e) => e.id === "ipa")!;
    const notes = inspectChart(entry.spec, { locale: "fi" })
      .texts.map((t) => t.text)
      .join(" ");
    expect(notes).toContain("Ei näytetä (–)");
    expect(notes).not.toContain("Ei näytetä (< 5)");
  });

  it("a numbered scale (the school grade) is drawn as a distribution, not a diverging bar", () => {
    const report = read("baseline");
    const grade = report.questions.find((q) => q.type === "scale")!;
    const entry = chartSpecs(report, "fi").find((e) => e.id === grade.id)!;
    expect(entry.spec.type).toBe("bars");
  });

  it("comparison charts give the n of their own table, per group", () => {
    const report = read("comparison");
    const cmp = report.comparison!;
    for (const entry of chartSpecs(report, "fi").filter((e) => e.spec.type === "paired-bars")) {
      const spec = entry.spec as Extract<typeof entry.spec, { type: "paired-bars" }>;
      const slot = entry.id.replace(/^compare\./, "");
      const tables = cmp.tables.filter((t) => t.slot === slot || t.slot.startsWith(`${slot}.`));
      expect(tables.length, entry.id).toBeGreaterThan(0);
      const first = cmp.groups.findIndex((g) => g.code !== null && !g.tooFew);
      // A group's n hidden to protect a small one is left out of the range the chart states.
      const ns = tables.flatMap((t) => (t.valid[first]!.value === null ? [] : [t.valid[first]!.value!]));
      // A group's n that the comparison hides everywhere: the chart states none.
      if (ns.length === 0) {
        expect(spec.series[0].n, entry.id).toBeNull();
        continue;
      }
      expect(spec.series[0].n, entry.id).toBe(Math.min(...ns));
      expect(spec.series[0].nMax ?? spec.series[0].n, entry.id).toBe(Math.max(...ns));
    }
  });

  it("the period is the workshops' dates, not the day of the import", () => {
    const report = read("baseline");
    const days = DEMO_SESSIONS.filter((s) => s.wave === "baseline").map((s) => s.date);
    expect(report.period.firstSubmitted).toBe(days[0]);
    expect(report.period.lastSubmitted).toBe(days.at(-1));
    const md = readFileSync(join(out, "report/baseline/report.md"), "utf8");
    const fi = (d: string) => `${Number(d.slice(8))}.${Number(d.slice(5, 7))}.${d.slice(0, 4)}`;
    expect(md.split("\n")[2]).toContain(`${fi(days[0]!)} – ${fi(days.at(-1)!)}`);
  });
});
