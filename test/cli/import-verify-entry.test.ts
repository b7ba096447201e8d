// `kuulo verify-entry`: two typings of the same forms, compared cell by cell by meaning.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "../helpers/cli.js";

const SURVEY = "fixtures/import/forms-survey.yaml";
const A = "fixtures/import/20-double-entry-first.csv";
const B = "fixtures/import/20-double-entry-second.csv";

describe("kuulo verify-entry", () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);

  it("lists every disagreeing cell with form, column and both values, and exits 65", async () => {
    const r = await runCli(["verify-entry", SURVEY, A, B]);
    expect(r.code).toBe(65);
    const lines = r.stdout.split("\n").filter((l) => l.startsWith("form "));
    expect(lines).toEqual([
      `form 2, column barriers: ${A}:3 "hours" ≠ ${B}:3 "fines"`,
      `form 3, column likes_reading: ${A}:4 "kyllä" ≠ ${B}:5 "ei"`,
      `form 3, column books: ${A}:4 "0" ≠ ${B}:5 "10"`,
    ]);
  });

  it("exits 0 when the files agree by meaning (labels vs codes, 7,0 vs 7, row order)", async () => {
    const x = join(tmp.dir, "x.csv");
    const y = join(tmp.dir, "y.csv");
    writeFileSync(x, "form_no;visit_freq;books;barriers.fines\n1;Viikoittain;7,0;x\n2;Harvemmin;1;\n");
    writeFileSync(y, "form_no,visit_freq,books,barriers.fines\n2,rarely,1,0\n1,weekly,7,1\n");
    const r = await runCli(["verify-entry", SURVEY, x, y]);
    expect(r.stdout).toContain("The two files agree (2 forms)");
    expect(r.code).toBe(0);
  });

  it("pairs by row order without form_no, says so, and reports forms and columns in one file only", async () => {
    const x = join(tmp.dir, "p.csv");
    const y = join(tmp.dir, "q.csv");
    writeFileSync(x, "visit_freq;books\nweekly;1\nrarely;2\n");
    writeFileSync(y, "visit_freq;books;wishes\nweekly;1;\n");
    const r = await runCli(["verify-entry", SURVEY, x, y, "--json"]);
    expect(r.code).toBe(65);
    const j = JSON.parse(r.stdout);
    expect(j.pairedBy).toBe("row order");
    expect(j.onlyFirstForms).toEqual([{ form: "row 2", line: 3 }]);
    expect(j.onlySecondColumns).toEqual(["wishes"]);
  });
});
