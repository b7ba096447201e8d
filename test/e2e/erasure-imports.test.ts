// Erasure leaves nothing content-derived behind: the erased response's import row hash (which
// could confirm a guess at its answers) is removed; only its file's hash and line stay, and the
// same file still cannot bring the person back.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { ROOT, runBin, tempDir } from "../helpers/cli.js";

const SURVEY = join(ROOT, "test/fixtures/surveys/floor-by.yaml");

describe("erasure of an imported response", () => {
  it("removes its row hash, keeps file hash + line only, and a re-import adds nobody", () => {
    const { dir, cleanup } = tempDir();
    const csv = join(dir, "forms.csv");
    writeFileSync(csv, "age_group;freq;grade\nyoung;weekly;7\nold;never;4\nmid;monthly;9\n");
    const db = join(dir, "k.db");
    expect(runBin(["import", SURVEY, csv, "--db", db]).code).toBe(0);
    const before = openStore(db);
    const target = before.db
      .prepare("SELECT id FROM responses WHERE json_extract(answers, '$.freq') = 'never'")
      .pluck()
      .get() as string;
    const rows = before.db.prepare("SELECT response_id, line FROM import_rows ORDER BY line").all();
    before.close();
    expect(rows).toHaveLength(3);
    expect(rows).toContainEqual({ response_id: target, line: 3 });

    const del = runBin(["responses", "delete", target, "--yes", "--db", db]);
    expect(del.code, del.stderr).toBe(0);
    const after = openStore(db);
    const left = after.db.prepare("SELECT response_id FROM import_rows").pluck().all();
    const tombs = after.db.prepare("SELECT file_hash, line FROM erased_import_rows").all() as {
      file_hash: string;
      line: number;
    }[];
    const files = after.db.prepare("SELECT file_hash FROM imports").pluck().all();
    after.close();
    // Two rows left, none of them the erased person's; its tombstone has no hash of the answers.
    expect(left).toHaveLength(2);
    expect(left).not.toContain(target);
    expect(tombs).toEqual([{ file_hash: files[0], line: 3 }]);

    const again = runBin(["import", SURVEY, csv, "--db", db, "--json"]);
    expect(again.code, again.stderr).toBe(0);
    const count = openStore(db);
    expect(count.db.prepare("SELECT count(*) FROM responses").pluck().get()).toBe(2);
    count.close();
    cleanup();
  });
});
