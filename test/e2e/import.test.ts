// The import fixtures through the built binary, and the damage test: the process killed in the
// middle of a large import leaves nothing stored, and the same file then imports whole.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, ROOT, runBin, tempDir } from "../helpers/cli.js";
import { storedCount as count } from "../helpers/store-data.js";

const SURVEY = "fixtures/import/forms-survey.yaml";
const DIR = join(ROOT, "fixtures/import");

describe("kuulo import (built binary)", () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);

  const cases = readdirSync(DIR)
    .filter((f) => /^\d\d-[\w-]+\.(csv|txt|xlsx)$/.test(f) && !f.startsWith("20-"))
    .map((f) => ({
      file: f,
      ex: JSON.parse(readFileSync(join(DIR, f.replace(/\.\w+$/, ".expect.json")), "utf8")),
    }));

  for (const { file, ex } of cases)
    it(`${file} → exit ${ex.exit}, ${ex.imported ?? 0} stored`, () => {
      const db = join(tmp.dir, `${file}.db`);
      const args = ["import", SURVEY, `fixtures/import/${file}`, "--db", db, ...(ex.args ?? [])];
      if (ex.args?.includes("--skip-invalid")) args.push("--rejects", join(tmp.dir, `${file}.rejects.csv`));
      const r = runBin(args);
      expect(r.code, r.stdout + r.stderr).toBe(ex.exit);
      for (const code of ex.codes ?? []) expect(r.stdout + r.stderr).toContain(code);
      expect(count(db)).toBe(ex.imported ?? 0);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // never a stack trace for bad input
    });

  it("double entry: verify-entry exits 65 on the fixture pair and 0 on one file against itself", () => {
    const a = "fixtures/import/20-double-entry-first.csv";
    expect(runBin(["verify-entry", SURVEY, a, "fixtures/import/20-double-entry-second.csv"]).code).toBe(65);
    expect(runBin(["verify-entry", SURVEY, a, a]).code).toBe(0);
  });

  it("stores nothing when killed in the middle of an import, and then imports the same file whole", async () => {
    const csv = join(tmp.dir, "big.csv");
    const rows = ["form_no;visit_freq;likes_reading;image.welcoming;image.for_me;books;hours;wishes"];
    const freq = ["Viikoittain", "Kuukausittain", "harvemmin", "En koskaan"];
    for (let i = 1; i <= 60_000; i++)
      rows.push(
        `${i};${freq[i % 4]};kyllä;3;${1 + (i % 3)};${i % 200};${i % 40},5;"toive ${i}; ""lainaus"""`,
      );
    writeFileSync(csv, `${rows.join("\r\n")}\r\n`);
    const db = join(tmp.dir, "killed.db");
    const child = spawn(process.execPath, [BIN, "import", SURVEY, csv, "--db", db], {
      cwd: ROOT,
      stdio: "ignore",
    });
    // Wait until the import is writing (the WAL grows), then kill it without warning.
    const wal = `${db}-wal`;
    const started = Date.now();
    while (Date.now() - started < 60_000 && !(existsSync(wal) && statSync(wal).size > 2_000_000))
      await new Promise((r) => setTimeout(r, 20));
    expect(existsSync(wal)).toBe(true);
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    expect(count(db)).toBe(0);
    const again = runBin(["import", SURVEY, csv, "--db", db], { timeout: 300_000 });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(count(db)).toBe(60_000);
  }, 400_000);
});
