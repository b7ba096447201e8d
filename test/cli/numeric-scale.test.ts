// A likert and a matrix on a scale given by its ends (`scale: { min: 1, max: 9, labels: … }`)
// through the commands: answered, imported by label or number, reported as a numeric scale.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, runCli, tempDir } from "../helpers/cli.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const SURVEY = join(ROOT, "fixtures/surveys/valid/numeric-scale-ends.yaml");
const db = join(tmp.dir, "k.db");

describe("a numeric scale labelled at its ends", () => {
  it("takes answers, imports labels and numbers, and reports a mean", async () => {
    for (const [i, answers] of [
      { overall: "1", "rate.staff": "9", "rate.space": "5" },
      { overall: "7", "rate.staff": "8", "rate.space": "6" },
      { overall: "dk", "rate.staff": "2", "rate.space": "6" },
    ].entries()) {
      const file = join(tmp.dir, `a${i}.json`);
      writeFileSync(file, JSON.stringify({ answers }));
      const r = await runCli(["run", SURVEY, "--db", db, "--answers", file]);
      expect(r.code, r.stderr).toBe(0);
    }
    const bad = join(tmp.dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ answers: { overall: "10" } }));
    expect((await runCli(["run", SURVEY, "--db", db, "--answers", bad])).code).toBe(65);

    const csv = join(tmp.dir, "forms.csv");
    // Ten forms: the end labels typed as words on the first two, numbers elsewhere.
    const rows = [
      "1;Tosi hyvä;3;Hyvä",
      "2;5;Huono;4",
      ...[3, 4, 5, 6, 7, 8, 9, 10].map((n) => `${n};${n - 1};${n - 1};${n - 1}`),
    ];
    writeFileSync(csv, `form_no;overall;rate.staff;rate.space\r\n${rows.join("\r\n")}\r\n`);
    const imp = await runCli(["import", SURVEY, csv, "--db", db]);
    expect(imp.code, imp.stderr).toBe(0);

    const r = await runCli(["report", "ends", "--db", db, "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    const overall = report.questions.find((q: { id: string }) => q.id === "overall");
    // 1 and 7 answered, 9 (Tosi hyvä), 5 and 2…9 imported; "don't know" apart.
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const more = [2, 3, 4, 5, 6, 7, 8, 9];
    expect(overall.kind).toBe("scale");
    expect(overall.stats.n.value).toBe(12);
    expect(overall.stats.mean).toBeCloseTo(sum([1, 7, 9, 5, ...more]) / 12, 6);
    const rate = report.questions.find((q: { id: string }) => q.id === "rate");
    // The statements' points are the numbers 1…9, the ends with their labels; all 13 answers valid.
    const staff = rate.items[0];
    expect(staff.status.valid.value).toBe(13);
    expect(staff.choices.map((c: { code: string }) => c.code)).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
    ]);
    expect(staff.choices.map((c: { label: { fi: string } }) => c.label.fi)).toEqual([
      "Huono",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "Hyvä",
    ]);
  });
});
