// The publication ledger and the audit through the built binary: the demo's three reports pass
// `kuulo audit` together and the old subtraction (pooled − baseline = the follow-up's hidden
// count) no longer works; reports are recorded, listed and forgotten; a report that differs from
// an earlier one by a single response is refused. Needs `npm run build` first.
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Report } from "../../src/analysis/report.js";
import { generateResponses } from "../../src/fixtures/synthetic.js";
import { openStore, registerSurvey, saveResponses } from "../../src/store/index.js";
import { runBin, tempDir } from "../helpers/cli.js";
import { minimalSurvey } from "../helpers/report-fixtures.js";

const tmp = tempDir("kuulo-ledger-");
afterAll(() => tmp.cleanup());
const out = join(tmp.dir, "demo");
const db = join(out, "kuulo.db");
const json = (name: string) =>
  JSON.parse(readFileSync(join(out, "report", name, "report.json"), "utf8")) as Report;

/** The count of one answer of one matrix statement: pooled (question) or per compared group. */
function cell(r: Report, slot: string, code: string, group?: string): number | null {
  if (group !== undefined) {
    const t = r.comparison!.tables.find((x) => x.slot === slot)!;
    const g = r.comparison!.groups.findIndex((x) => x.code === group);
    return t.rows.find((x) => x.code === code)!.cells[g]!.count;
  }
  for (const q of r.questions)
    if (q.kind === "matrix") {
      const item = q.items.find((i) => i.id === slot);
      if (item) return item.choices.find((c) => c.code === code)!.count;
    }
  throw new Error(`no ${slot}`);
}

describe("the demo's reports together", () => {
  it("are recorded in the ledger and pass the audit, from the files and from the ledger", () => {
    const demo = runBin(["demo", "--out", out], { cwd: tmp.dir, timeout: 300_000 });
    expect(demo.code).toBe(0);
    const list = runBin(["releases", "list", "--json", "--db", db], { cwd: tmp.dir });
    expect(list.code).toBe(0);
    const releases = JSON.parse(list.stdout) as { surveyId: string; responses: number; outputs: string[] }[];
    expect(releases.map((r) => [r.surveyId, r.responses])).toEqual([
      ["welcome-baseline", 62],
      ["welcome-followup", 46],
      ["welcome-shared", 108],
    ]);
    expect(releases.every((r) => r.outputs.some((o) => o.endsWith("report.json")))).toBe(true);
    const files = ["baseline", "followup", "comparison"].map((n) => join(out, "report", n, "report.json"));
    const audit = runBin(["audit", ...files, "--json"], { cwd: tmp.dir, timeout: 120_000 });
    expect(audit.stderr).toBe("");
    // Together they leave no hidden count disclosed or weak, and neither does the ledger.
    expect(JSON.parse(audit.stdout).findings).toEqual([]);
    expect(audit.code).toBe(0);
    const ledger = runBin(["audit", "welcome-shared", "--db", db], { cwd: tmp.dir, timeout: 120_000 });
    expect(ledger.code, ledger.stdout).toBe(0);
  }, 420_000);

  it("keep the headline: most statement means of 30 or more answers are published", () => {
    // Hiding is not free: a mean withheld because two of its counts are hidden costs more than one
    // more count hidden beside them (a "–"), which leaves a rounded mean too many ways to arise.
    const baseline = json("baseline");
    let published = 0;
    let asked = 0;
    for (const q of baseline.questions)
      if (q.kind === "matrix")
        for (const item of q.items)
          if ((item.stats?.n.value ?? 0) >= 30) {
            asked++;
            if (item.stats!.mean !== null) published++;
          }
    expect(asked).toBeGreaterThan(20);
    expect(published / asked).toBeGreaterThan(0.7);
  });

  it("no longer give the follow-up's hidden count as pooled − baseline", () => {
    const [baseline, followup, comparison] = ["baseline", "followup", "comparison"].map(json) as [
      Report,
      Report,
      Report,
    ];
    // Every statement count the follow-up hides (e.g. "Kirjastoon on helppo tulla", "Täysin eri
    // mieltä" as the issue found it) is no longer pooled − baseline: one of the two is hidden too.
    const shared = new Set(comparison.questions.map((q) => q.id));
    let hidden = 0;
    // A "–" may be worked out (it is not small); the "< 5" ones must not be.
    for (const q of followup.questions)
      if (q.kind === "matrix" && shared.has(q.id))
        // A "–" may be worked out (it is not small); the "< 5" ones must not be.
        for (const item of q.items)
          for (const c of item.choices)
            if (c.count === null && !c.complement) {
              hidden++;
              const pooled = cell(comparison, item.id, c.code);
              const base = cell(baseline, item.id, c.code);
              expect(pooled === null || base === null, `${item.id} ${c.code}`).toBe(true);
              expect(cell(comparison, item.id, c.code, "follow-up"), `${item.id} ${c.code}`).toBeNull();
            }
    expect(hidden).toBeGreaterThan(0);
    expect(comparison.privacy.crossReport?.releases).toBe(2);
  });

  it("a cross-tabulation made afterwards tells nothing alone either (group n, marks, group means)", () => {
    // Each on a copy of the demo's store, so that the ledger tests below see the demo's three.
    for (const [survey, by] of [["welcome-baseline", "age_group"]] as const) {
      const copy = join(tmp.dir, `${by}.db`);
      copyFileSync(db, copy);
      const dir = join(tmp.dir, `by-${by}`);
      const r = runBin(["report", survey, "--by", by, "--format", "json", "--out", dir, "--db", copy], {
        cwd: tmp.dir,
        timeout: 180_000,
      });
      expect(r.code, r.stderr).toBe(0);
      const audit = runBin(["audit", join(dir, "report.json"), "--json"], { cwd: tmp.dir, timeout: 120_000 });
      expect(JSON.parse(audit.stdout).findings, `${survey} --by ${by}`).toEqual([]);
      expect(audit.code).toBe(0);
    }
  }, 420_000);

  it("a comparison of the sessions made afterwards is published, and all of them still tell nothing", () => {
    // The sessions' "< 5" beside the whole survey's count of the earlier report would pin each
    // other (two of them adding up to 7 are 3 or 4): protection marks them "–" instead of refusing.
    const copy = join(tmp.dir, "sessions.db");
    copyFileSync(db, copy);
    const dir = join(tmp.dir, "by-session");
    const r = runBin(
      ["report", "welcome-baseline", "--compare", "session", "--format", "json", "--out", dir, "--db", copy],
      { cwd: tmp.dir, timeout: 180_000 },
    );
    expect(r.code, r.stderr).toBe(0);
    const audit = runBin(["audit", "welcome-baseline", "--json", "--db", copy], {
      cwd: tmp.dir,
      timeout: 180_000,
    });
    expect(JSON.parse(audit.stdout).findings).toEqual([]);
    expect(audit.code).toBe(0);
  }, 420_000);

  it("records another report, and forgets it only with --yes", () => {
    const r = runBin(["report", "welcome-followup", "--db", db, "--format", "json"], {
      cwd: tmp.dir,
      timeout: 120_000,
    });
    expect(r.code).toBe(0);
    // The same responses asked for the same way: the earlier release's numbers, published again.
    expect((JSON.parse(r.stdout) as Report).questions).toEqual(json("followup").questions);
    const no = runBin(["releases", "forget", "4", "--db", db], { cwd: tmp.dir });
    expect(no.code).toBe(2);
    const show = runBin(["releases", "show", "4", "--db", db], { cwd: tmp.dir });
    expect(show.stdout).toContain("standard output");
    const yes = runBin(["releases", "forget", "4", "--yes", "--db", db], { cwd: tmp.dir });
    expect(yes.code).toBe(0);
    expect(runBin(["releases", "show", "4", "--db", db], { cwd: tmp.dir }).code).toBe(66);
  }, 240_000);
});

describe("a report on one more response than an earlier one", () => {
  it("is refused in the report's language, until the earlier one is forgotten", () => {
    const store = join(tmp.dir, "diff.db");
    const s = openStore(store, { create: true });
    const survey = minimalSurvey();
    registerSurvey(s, survey, new Date("2025-01-01T00:00:00Z"));
    const people = generateResponses(survey, { count: 31, seed: 5, wave: "baseline" });
    saveResponses(s, people.slice(0, 30));
    s.close();
    const monday = runBin(["report", "minimal", "--db", store, "--format", "json"], {
      cwd: tmp.dir,
      timeout: 120_000,
    });
    expect(monday.code).toBe(0);
    const s2 = openStore(store);
    saveResponses(s2, people.slice(30));
    s2.close();
    const tuesday = runBin(["report", "minimal", "--db", store, "--lang", "fi"], {
      cwd: tmp.dir,
      timeout: 120_000,
    });
    expect(tuesday.code).toBe(65);
    expect(tuesday.stderr).toContain("vain 1 vastauksella");
    expect(tuesday.stderr).toContain("kuulo releases forget 1 --yes");
    expect(runBin(["releases", "forget", "1", "--yes", "--db", store], { cwd: tmp.dir }).code).toBe(0);
    const again = runBin(["report", "minimal", "--db", store, "--format", "json"], {
      cwd: tmp.dir,
      timeout: 120_000,
    });
    expect(again.code).toBe(0);
  }, 300_000);
});
