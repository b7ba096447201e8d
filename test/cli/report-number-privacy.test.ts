// Number questions and privacy: a histogram's hidden bin must not be pinned by the mean and
// quartiles beside it, nor by subtracting another report's bins; `kuulo audit` sees the bins.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { NumberResult, Report } from "../../src/analysis/report.js";
import { runCli, tempDir } from "../helpers/cli.js";

const SURVEY = `kuulo: 1
id: ages
title: { en: Ages }
languages: [en]
sections:
  - id: s
    title: { en: S }
    questions:
      - id: age
        type: number
        text: { en: Age? }
        min: 0
        max: 120
        integer: true
`;

// k1: five people aged 20, five aged 21, two aged 30; k2: five of each.
const AGES = {
  k1: [20, 20, 20, 20, 20, 21, 21, 21, 21, 21, 30, 30],
  k2: [20, 20, 20, 20, 20, 21, 21, 21, 21, 21, 30, 30, 30, 30, 30],
};

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  writeFileSync(join(dir, "ages.yaml"), SURVEY);
  let n = 0;
  const rows = ["form_no;session;age"];
  for (const [s, ages] of Object.entries(AGES)) for (const a of ages) rows.push(`${++n};${s};${a}`);
  writeFileSync(join(dir, "forms.csv"), `${rows.join("\n")}\n`);
});
afterEach(() => cleanup());

const cli = (args: string[]) => runCli([...args, "--db", join(dir, "k.db")]);
const ageOf = (json: string) => (JSON.parse(json) as Report).questions[0] as NumberResult;
const bin = (q: NumberResult, low: number) => q.histogram.find((b) => b.low === low)!;

describe("number questions: hidden bins stay hidden", () => {
  it("withholds the mean and quartiles where they would pin a hidden bin", async () => {
    expect((await cli(["import", join(dir, "ages.yaml"), join(dir, "forms.csv")])).code).toBe(0);
    const res = await cli(["report", "ages", "--session", "k1", "--format", "json"]);
    expect(res.code, res.stderr).toBe(0);
    const q = ageOf(res.stdout);
    // n = 12, 5 shown at 21, the rest hidden at 20 and 30: a mean of 22.08 would say 5 and 2.
    expect(bin(q, 30).suppressed).toBe(true);
    expect(q.mean).toBeNull();
    expect(q.median).toBeNull();
    expect(q.q1).toBeNull();
    expect(q.withheld).toEqual(["mean", "median", "sd", "ci"]);
    expect(q.n.value).toBe(12);
  });

  it("keeps the statistics when no bin is hidden", async () => {
    expect((await cli(["import", join(dir, "ages.yaml"), join(dir, "forms.csv")])).code).toBe(0);
    const q = ageOf((await cli(["report", "ages", "--session", "k2", "--format", "json"])).stdout);
    expect(q.mean).toBe(355 / 15);
    expect(q.withheld).toBeUndefined();
  });

  it("hides more in a later report rather than let its bins be subtracted from earlier ones", async () => {
    expect((await cli(["import", join(dir, "ages.yaml"), join(dir, "forms.csv")])).code).toBe(0);
    const all = ageOf((await cli(["report", "ages", "--format", "json"])).stdout);
    expect(bin(all, 30).count).toBe(7);
    const k2 = await cli(["report", "ages", "--session", "k2", "--format", "json"]);
    expect(k2.code, k2.stderr).toBe(0);
    const k1 = await cli(["report", "ages", "--session", "k1", "--format", "json"]);
    expect(k1.code, k1.stderr).toBe(0);
    // k1's 2 people aged 30 are hidden; k2's 5 must not stand beside the whole survey's 7.
    expect(bin(ageOf(k1.stdout), 30).suppressed).toBe(true);
    expect(bin(ageOf(k2.stdout), 30).count).toBeNull();
    const audit = await cli(["audit", "ages"]);
    expect(audit.code, audit.stdout).toBe(0);
  });

  it("lets the audit find a bin that two reports' bins pin", async () => {
    expect((await cli(["import", join(dir, "ages.yaml"), join(dir, "forms.csv")])).code).toBe(0);
    const all = (await cli(["report", "ages", "--format", "json"])).stdout;
    const k2 = JSON.parse(
      (await cli(["report", "ages", "--session", "k2", "--format", "json"])).stdout,
    ) as Report;
    // k2's report as a version without protection for number questions published it: 5 people
    // aged 20, 21 and 30 each, beside the whole survey's 7 aged 30 (so k1 has 2 aged 30).
    const q = k2.questions[0] as NumberResult;
    for (const b of q.histogram) {
      b.count = [20, 21, 30].includes(b.low) ? 5 : 0;
      b.suppressed = false;
      delete b.complement;
    }
    writeFileSync(join(dir, "all.json"), all);
    writeFileSync(join(dir, "k2.json"), JSON.stringify(k2));
    const audit = await cli(["audit", join(dir, "all.json"), join(dir, "k2.json")]);
    expect(audit.code).toBe(65);
    expect(audit.stdout).toMatch(/age 30 among .*session k1 is exactly 2/);
  });
});
