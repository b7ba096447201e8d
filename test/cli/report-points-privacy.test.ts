// Dot voting and privacy: a choice's point total bounds its supporters (each gives 1 to N points),
// so points are withheld where the supporters are hidden, and `kuulo audit` reads the bound in
// reports that still show such points.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AllocateResult, Report } from "../../src/analysis/report.js";
import { runCli, tempDir } from "../helpers/cli.js";

const SURVEY = `kuulo: 1
id: dots
title: { en: Dots }
languages: [en]
sections:
  - id: s
    title: { en: S }
    questions:
      - id: dots
        type: allocate
        text: { en: Share 3 points }
        points: 3
        choices:
          - { value: a, label: { en: A } }
          - { value: b, label: { en: B } }
          - { value: c, label: { en: C } }
`;

// 12 people: "c" gets one point from each of two people, so its supporters are "< 5" and a
// total of 2 points would say they are 1 or 2 people.
const ROWS = [
  "form_no;dots.a;dots.b;dots.c",
  ...Array.from({ length: 12 }, (_, i) =>
    i < 2 ? `${i + 1};1;1;1` : `${i + 1};${i % 2 ? 3 : 2};${i % 2 ? 0 : 1};0`,
  ),
];

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  writeFileSync(join(dir, "dots.yaml"), SURVEY);
  writeFileSync(join(dir, "forms.csv"), `${ROWS.join("\n")}\n`);
});
afterEach(() => cleanup());

const cli = (args: string[]) => runCli([...args, "--db", join(dir, "k.db")]);
const importForms = () => cli(["import", join(dir, "dots.yaml"), join(dir, "forms.csv"), "--session", "s1"]);

describe("dot voting: points of hidden supporters", () => {
  it("withholds the points of a choice whose supporters are hidden, with the total and the shares", async () => {
    expect((await importForms()).code).toBe(0);
    const res = await cli(["report", "dots", "--format", "json"]);
    expect(res.code, res.stderr).toBe(0);
    const q = (JSON.parse(res.stdout) as Report).questions[0] as AllocateResult;
    const c = q.choices.find((r) => r.code === "c")!;
    expect(c.supporters.suppressed).toBe(true);
    expect(c.totalPoints).toBeNull();
    expect(c.meanPoints).toBeNull();
    expect(c.withheld).toEqual(["points"]);
    // The question's total minus the shown points would give c's: it goes, with every share, and
    // a second choice's points (valid n × 3 is the total when everyone spent all their points).
    expect(q.totalPoints).toBeNull();
    for (const r of q.choices) expect(r.shareOfPoints).toBeNull();
    expect(q.choices.filter((r) => r.totalPoints === null)).toHaveLength(2);

    // The same report with the points still shown, as an earlier version published it: the audit
    // finds that c's supporters are 1 or 2.
    c.totalPoints = 2;
    c.meanPoints = 2 / 12;
    delete c.withheld;
    const old = join(dir, "old.json");
    writeFileSync(old, JSON.stringify({ ...(JSON.parse(res.stdout) as Report), questions: [q] }));
    const audit = await cli(["audit", old]);
    expect(audit.code).toBe(65);
    expect(audit.stdout).toMatch(/dots supports c is between 1 and 2/);
  });

  it("keeps every point figure when no supporters count is hidden", async () => {
    writeFileSync(
      join(dir, "forms.csv"),
      `${["form_no;dots.a;dots.b;dots.c", ...Array.from({ length: 12 }, (_, i) => `${i + 1};1;1;1`)].join("\n")}\n`,
    );
    expect((await importForms()).code).toBe(0);
    const res = await cli(["report", "dots", "--format", "json"]);
    const q = (JSON.parse(res.stdout) as Report).questions[0] as AllocateResult;
    expect(q.totalPoints).toBe(36);
    for (const r of q.choices) {
      expect(r.totalPoints).toBe(12);
      expect(r.withheld).toBeUndefined();
    }
  });
});
