// A chart says what its table says: a count hidden as a complement is "–" in the table, so the
// chart beside it draws "–" too, never "< 5" (which claims 1 to 4 people), and a mean withheld
// beside a shown n is "–". Reports made through the command on a small store of every type.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NumberResult, RankingResult, Report } from "../../src/analysis/report.js";
import { inspectChart } from "../../src/render/charts/index.js";
import { chartSpecs } from "../../src/render/report/index.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { fillSmallStore } from "../helpers/small-store.js";

let dir: string;
let cleanup: () => void;
let whole: Report;
let wave1: Report;
const cli = (args: string[]) => runCli([...args, "--db", join(dir, "k.db")]);

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  await fillSmallStore(dir, cli);
  const a = await cli(["report", "analysis_reference", "--format", "json"]);
  expect(a.code, a.stderr).toBe(0);
  whole = JSON.parse(a.stdout) as Report;
  const b = await cli(["report", "analysis_reference", "--wave", "w1", "--format", "json"]);
  expect(b.code, b.stderr).toBe(0);
  wave1 = JSON.parse(b.stdout) as Report;
}, 60_000);
afterAll(() => cleanup());

/** The texts a report's chart draws, in English. */
function chartTexts(report: Report, id: string): string[] {
  const entry = chartSpecs(report, "en").find((e) => e.id === id);
  expect(entry, id).toBeDefined();
  return inspectChart(entry!.spec, { locale: "en" }).texts.map((t) => t.text);
}

const count = (texts: string[], mark: string) => texts.filter((t) => t === mark).length;

describe("chart marks agree with the table", () => {
  it("a histogram bin hidden as a complement is drawn '–', explained, and '< 5' only for small bins", () => {
    const q = whole.questions.find((x) => x.id === "books") as NumberResult;
    const complements = q.histogram.filter((b) => b.suppressed && b.complement).length;
    const small = q.histogram.filter((b) => b.suppressed && !b.complement).length;
    expect(complements).toBeGreaterThan(0);
    const texts = chartTexts(whole, "books");
    expect(count(texts, "–")).toBe(complements);
    expect(count(texts, "< 5")).toBe(small);
    expect(texts.some((t) => t.startsWith("–: hidden so that"))).toBe(true);
  });

  it("a ranking's top-N count hidden as a complement is drawn '–'", () => {
    for (const report of [whole, wave1]) {
      const q = report.questions.find((x) => x.id === "rank") as RankingResult;
      const complements = q.choices.filter((r) => r.inTop.suppressed && r.inTop.complement).length;
      const small = q.choices.filter((r) => r.inTop.suppressed && !r.inTop.complement).length;
      expect(complements).toBeGreaterThan(0);
      const texts = chartTexts(report, "rank");
      expect(count(texts, "–")).toBe(complements);
      expect(count(texts, "< 5")).toBe(small);
    }
  });

  it("gap means withheld beside a shown n are '–' on the chart, as in the table", () => {
    const gap = wave1.gaps[0]!;
    expect(gap.n.suppressed).toBe(false);
    expect(gap.minimumMean).toBeNull();
    const texts = chartTexts(wave1, "gaps");
    expect(texts).toContain(`n = ${gap.n.value}`);
    expect(texts).toContain("–");
    expect(texts).not.toContain("< 5");
    expect(texts.some((t) => t.startsWith("< 5:"))).toBe(false);
  });

  it("the two reports pass the audit together", async () => {
    const audit = await cli(["audit", "analysis_reference"]);
    expect(audit.code, audit.stdout).toBe(0);
  });
});
