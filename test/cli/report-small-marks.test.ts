// A "< 5" is 1 to 4 people, as the legend and the README say (a hidden zero is always "–", a
// shown one "0"): five people who each chose a different answer must not be printed as five
// "< 5" beside n = 5, which pins every one of them to exactly 1. The audit reads the mark so.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ChoiceResult, Report } from "../../src/analysis/report.js";
import { runCli, tempDir } from "../helpers/cli.js";

const SURVEY = `kuulo: 1
id: five
title: { en: Five }
languages: [en]
sections:
  - id: s
    title: { en: S }
    questions:
      - id: fav
        type: single
        text: { en: Favourite service? }
        choices:
          - { value: a, label: { en: Books } }
          - { value: b, label: { en: Music } }
          - { value: c, label: { en: Films } }
          - { value: d, label: { en: Games } }
          - { value: e, label: { en: Computers } }
          - { value: f, label: { en: Events } }
`;

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  writeFileSync(join(dir, "five.yaml"), SURVEY);
  writeFileSync(join(dir, "forms.csv"), "form_no;fav\n1;a\n2;b\n3;c\n4;d\n5;e\n");
});
afterEach(() => cleanup());

const cli = (args: string[]) => runCli([...args, "--db", join(dir, "k.db")]);

describe('"< 5" claims 1 to 4', () => {
  it("never lets the marks beside a shown n pin every hidden count", async () => {
    expect((await cli(["import", join(dir, "five.yaml"), join(dir, "forms.csv")])).code).toBe(0);
    const res = await cli(["report", "five", "--format", "json"]);
    expect(res.code, res.stderr).toBe(0);
    const q = (JSON.parse(res.stdout) as Report).questions[0] as ChoiceResult;
    const n = q.status.valid.value!;
    expect(n).toBe(5);
    // What a reader adds up: the shown counts, and at least 1 for each "< 5".
    const shown = q.choices.reduce((s, c) => s + (c.suppressed ? 0 : c.count!), 0);
    const small = q.choices.filter((c) => c.suppressed && !c.complement).length;
    const dash = q.choices.filter((c) => c.suppressed && c.complement).length;
    expect(dash > 0 || shown + small < n).toBe(true);
    const audit = await cli(["audit", "five"]);
    expect(audit.code, audit.stdout).toBe(0);
  });

  it("the audit finds such a report as a reader does", async () => {
    expect((await cli(["import", join(dir, "five.yaml"), join(dir, "forms.csv")])).code).toBe(0);
    const res = await cli(["report", "five", "--format", "json"]);
    const report = JSON.parse(res.stdout) as Report;
    // The report as the version that printed five "< 5" beside n = 5 published it.
    const q = report.questions[0] as ChoiceResult;
    for (const c of q.choices)
      if (c.code !== "f")
        Object.assign(c, { count: null, share: null, suppressed: true, complement: undefined });
    writeFileSync(join(dir, "old.json"), JSON.stringify(report));
    const audit = await cli(["audit", join(dir, "old.json")]);
    expect(audit.code).toBe(65);
    expect(audit.stdout).toMatch(/fav a is exactly 1/);
  });
});
