// Every fixture in fixtures/import states its expected outcome beside it (NAME.expect.json);
// this runs each through `kuulo import` in-process and holds it to that statement.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, runCli, tempDir } from "../helpers/cli.js";

const DIR = join(ROOT, "fixtures/import");
const SURVEY = "fixtures/import/forms-survey.yaml";

interface Expect {
  description: string;
  command?: string;
  args?: string[];
  exit: number;
  imported?: number;
  rejected?: number;
  codes?: string[];
  contains?: string[];
}

const cases = readdirSync(DIR)
  .filter((f) => /^\d\d-.*\.(csv|txt|xlsx)$/.test(f) && !f.startsWith("20-double-entry"))
  .map((f) => ({
    file: f,
    expect: JSON.parse(readFileSync(join(DIR, f.replace(/\.\w+$/, ".expect.json")), "utf8")) as Expect,
  }))
  .filter((c) => c.expect.command === undefined);

describe("import fixtures (dry run)", () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);
  it("has a fixture for every case the issue names", () => {
    expect(cases.length).toBeGreaterThanOrEqual(24);
  });
  for (const { file, expect: ex } of cases)
    it(`${file}: ${ex.description}`, async () => {
      const args = [
        "import",
        SURVEY,
        `fixtures/import/${file}`,
        "--dry-run",
        "--db",
        join(tmp.dir, "none.db"),
        ...(ex.args ?? []),
      ];
      if (ex.args?.includes("--skip-invalid")) args.push("--rejects", join(tmp.dir, `${file}.rejects.csv`));
      const r = await runCli(args);
      const all = r.stdout + r.stderr;
      expect(r.code, all).toBe(ex.exit);
      for (const code of ex.codes ?? []) expect(all).toContain(code);
      for (const text of ex.contains ?? []) expect(all).toContain(text);
      if (ex.exit === 0) expect(all).toMatch(new RegExp(`would import ${ex.imported}\\b`));
      if (ex.rejected !== undefined) expect(all).toMatch(new RegExp(`rejected ${ex.rejected}\\b`));
    });
});
