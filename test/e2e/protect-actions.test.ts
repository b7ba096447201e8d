// The protection across reports mends before it hides: a group's exact mean that would pin a
// count together with an earlier report is published to one decimal ("coarsen"). Through the
// built binary on a small store; the ledger of the sequence then passes `kuulo audit`.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/analysis/report.js";
import type { SurveyResponse } from "../../src/definition/answers.js";
import { runBin, tempDir } from "../helpers/cli.js";
import { fillSmallStore } from "../helpers/small-store.js";

let dir: string;
let cleanup: () => void;
let responses: SurveyResponse[];
const bin = (args: string[]) => runBin([...args, "--db", join(dir, "k.db")], { cwd: dir });

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  // Seeds from 13: answers with which the follow-up wave's exact grade mean would pin a count
  // (the protection reads each "< 5" as 1 to 4).
  responses = await fillSmallStore(dir, bin, 13);
}, 120_000);
afterAll(() => cleanup());

const round1 = (x: number) => Math.round(x * 10) / 10;

describe("protection actions through the command", () => {
  it("publishes a wave's mean to one decimal where the exact one would pin a count", () => {
    const whole = bin(["report", "analysis_reference", "--format", "json"]);
    expect(whole.code, whole.stderr).toBe(0);
    const res = bin(["report", "analysis_reference", "--compare", "wave", "--format", "json"]);
    expect(res.code, res.stderr).toBe(0);
    const report = JSON.parse(res.stdout) as Report;
    const table = report.comparison!.tables.find((t) => t.slot === "grade")!;
    const w2 = report.comparison!.groups.findIndex((g) => g.code === "w2");
    const stats = table.stats![w2]!;
    // The follow-up wave's grades, as stored: the exact mean has more than one decimal.
    const grades = responses
      .filter((r) => r.wave === "w2" && typeof r.answers.grade === "string")
      .map((r) => Number(r.answers.grade));
    const exact = grades.reduce((a, b) => a + b, 0) / grades.length;
    expect(round1(exact)).not.toBe(exact);
    expect(stats.meanDecimals).toBe(1);
    expect(stats.mean).toBe(round1(exact));
    // The interval is rounded with it (its midpoint would give the exact mean back).
    if (stats.ci) for (const end of [stats.ci.low, stats.ci.high]) expect(round1(end)).toBe(end);
    const md = bin(["report", "analysis_reference", "--compare", "wave", "--format", "md", "--lang", "en"]);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).not.toContain(exact.toFixed(2));
    const audit = bin(["audit", "analysis_reference"]);
    expect(audit.code, audit.stdout).toBe(0);
    expect(audit.stdout).toMatch(/0 disclosed, 0 weak/);
  });
});
