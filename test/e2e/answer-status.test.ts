// Blank answers on complete forms are "skipped" (show_if held) or "not shown", never "not
// reached", and paper import, `run --answers` and export → import agree (built binary).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runBin, tempDir } from "../helpers/cli.js";

const SURVEY = "fixtures/import/forms-survey.yaml";
const HEADER = "form_no,visit_freq,barriers.hours,likes_reading,image.welcoming,image.for_me,books,wishes";

/** Twelve complete paper forms: six "weekly" (barriers not shown), six "rarely" with barriers left blank. */
const FORMS = Array.from({ length: 12 }, (_, i) => ({
  visit_freq: i < 6 ? "weekly" : "rarely",
  // likes_reading blank on 7 forms, image.for_me blank on 5, books blank on 8.
  likes_reading: i < 7 ? "" : "yes",
  welcoming: "3",
  for_me: i % 2 === 0 && i < 10 ? "" : "2",
  books: i < 8 ? "" : String(i),
}));

interface Status {
  base: number;
  valid: number;
  skipped: number;
  notShown: number;
  notReached: number;
}

function statuses(db: string, dir: string): Record<string, Status> {
  const out = join(dir, `report-${db.replace(/\W/g, "")}`);
  // The same database may be reported twice into its folder: --force replaces the earlier report.
  const r = runBin([
    "report",
    SURVEY,
    "--db",
    db,
    "--out",
    out,
    "--format",
    "json",
    "--min-cell",
    "3",
    "--force",
  ]);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
  const result: Record<string, Status> = {};
  const read = (id: string, s: Record<string, { value: number | null } | number>) => {
    const v = (k: string) => {
      const c = s[k] as { value: number | null };
      return c.value as number;
    };
    result[id] = {
      base: v("base"),
      valid: v("valid"),
      skipped: v("skipped"),
      notShown: v("notShown"),
      notReached: v("notReached"),
    };
  };
  for (const q of report.questions) {
    if (q.items) for (const it of q.items) read(it.id, it.status);
    else read(q.id, q.status);
  }
  return result;
}

describe("answer status of blanks on complete forms", () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);
  const csv = join(tmp.dir, "forms.csv");
  writeFileSync(
    csv,
    `${[
      HEADER,
      ...FORMS.map((f, i) =>
        [i + 1, f.visit_freq, "", f.likes_reading, f.welcoming, f.for_me, f.books, ""].join(","),
      ),
    ].join("\n")}\n`,
  );
  const paperDb = join(tmp.dir, "paper.db");

  it("paper import: a blank is skipped when shown, not shown when show_if is false", () => {
    const r = runBin(["import", SURVEY, csv, "--db", paperDb]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const s = statuses(paperDb, tmp.dir);
    expect(s.barriers).toEqual({ base: 12, valid: 0, skipped: 6, notShown: 6, notReached: 0 });
    expect(s.likes_reading).toEqual({ base: 12, valid: 5, skipped: 7, notShown: 0, notReached: 0 });
    expect(s["image.for_me"]).toEqual({ base: 12, valid: 7, skipped: 5, notShown: 0, notReached: 0 });
    expect(s.books).toEqual({ base: 12, valid: 4, skipped: 8, notShown: 0, notReached: 0 });
  }, 60_000);

  it("run --answers and export → import give the same statuses as the paper import", () => {
    const expected = statuses(paperDb, tmp.dir);
    const runDb = join(tmp.dir, "run.db");
    FORMS.forEach((f, i) => {
      const answers: Record<string, unknown> = { visit_freq: f.visit_freq, "image.welcoming": f.welcoming };
      if (f.likes_reading) answers.likes_reading = f.likes_reading;
      if (f.for_me) answers["image.for_me"] = f.for_me;
      if (f.books) answers.books = Number(f.books);
      const file = join(tmp.dir, `form-${i}.json`);
      writeFileSync(file, JSON.stringify({ language: "fi", answers }));
      const r = runBin(["run", SURVEY, "--answers", file, "--db", runDb]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
    });
    expect(statuses(runDb, tmp.dir)).toEqual(expected);

    const exported = join(tmp.dir, "export.csv");
    const e = runBin(["export", "paper_forms", "--db", paperDb, "--out", exported]);
    expect(e.code, e.stdout + e.stderr).toBe(0);
    const againDb = join(tmp.dir, "again.db");
    const i = runBin(["import", SURVEY, exported, "--db", againDb]);
    expect(i.code, i.stdout + i.stderr).toBe(0);
    expect(statuses(againDb, tmp.dir)).toEqual(expected);
  }, 240_000);
});
