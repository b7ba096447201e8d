// Every fixture in fixtures/import states its expected outcome beside it (NAME.expect.json);
// this runs each through `kuulo import` in-process and holds it to that statement.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { countResponses, openStore } from "../../src/store/index.js";
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
  .filter((f) => /^\d\d-[\w-]+\.(csv|txt|xlsx)$/.test(f) && !f.startsWith("20-double-entry"))
  .map((f) => ({
    file: f,
    expect: JSON.parse(readFileSync(join(DIR, f.replace(/\.\w+$/, ".expect.json")), "utf8")) as Expect,
  }))
  .filter((c) => c.expect.command === undefined);

function stored(db: string): number {
  try {
    const store = openStore(db, { readonly: true });
    try {
      return countResponses(store, undefined);
    } finally {
      store.close();
    }
  } catch {
    return 0; // no database was created: nothing stored
  }
}

describe("import fixtures", () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);
  it("has a fixture for every case the issue names", () => {
    expect(cases.length).toBeGreaterThanOrEqual(24);
  });
  for (const { file, expect: ex } of cases)
    it(`${file}: ${ex.description}`, async () => {
      const db = join(tmp.dir, `${file}.db`);
      const args = ["import", SURVEY, `fixtures/import/${file}`, "--db", db, ...(ex.args ?? [])];
      if (ex.args?.includes("--skip-invalid")) args.push("--rejects", join(tmp.dir, `${file}.rejects.csv`));
      const r = await runCli(args);
      const all = r.stdout + r.stderr;
      expect(r.code, all).toBe(ex.exit);
      for (const code of ex.codes ?? []) expect(all).toContain(code);
      for (const text of ex.contains ?? []) expect(all).toContain(text);
      expect(stored(db), all).toBe(ex.imported ?? 0);
      if (ex.rejected !== undefined) expect(all).toMatch(new RegExp(`rejected ${ex.rejected}\\b`));
    });

  for (const { file, expect: ex } of cases.filter((c) => c.expect.exit === 0))
    it(`${file}: a dry run reports the same and stores nothing`, async () => {
      const db = join(tmp.dir, `${file}.dry.db`);
      const args = ["import", SURVEY, `fixtures/import/${file}`, "--db", db, "--dry-run", ...(ex.args ?? [])];
      if (ex.args?.includes("--skip-invalid"))
        args.push("--rejects", join(tmp.dir, `${file}.dry.rejects.csv`));
      const r = await runCli(args);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`would import ${ex.imported}\\b`));
      expect(stored(db)).toBe(0);
    });
});
