// Kuulo's own JSON export imported back through the built binary: the demo's baseline forms →
// store → JSON → a fresh database → JSON again gives the same file; the same file twice adds
// nothing; a tampered value is named by response and answer, and nothing is stored.
import { readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBin, tempDir } from "../helpers/cli.js";
import { storedCount as count } from "../helpers/store-data.js";

const SURVEY = "surveys/welcome-baseline.yaml";

describe("kuulo import of a JSON export (built binary)", () => {
  const tmp = tempDir("kuulo-json-import-");
  afterAll(tmp.cleanup);
  const source = join(tmp.dir, "source.db");
  const exported = join(tmp.dir, "export.json");

  beforeAll(() => {
    const r = runBin(["import", SURVEY, "fixtures/demo/baseline.csv", "--db", source]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const e = runBin(["export", "welcome-baseline", "--db", source, "--format", "json", "--out", exported]);
    expect(e.code, e.stdout + e.stderr).toBe(0);
  });

  it("imports into a fresh database, and exports again to the same file byte for byte", () => {
    const db = join(tmp.dir, "fresh.db");
    const r = runBin(["import", SURVEY, exported, "--db", db]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain("Kuulo JSON export, 62 response(s)");
    expect(count(db)).toBe(62);
    const again = join(tmp.dir, "again.json");
    const e = runBin(["export", "welcome-baseline", "--db", db, "--format", "json", "--out", again]);
    expect(e.code, e.stdout + e.stderr).toBe(0);
    expect(readFileSync(again, "utf8")).toBe(readFileSync(exported, "utf8"));
    // The same file twice adds nothing.
    const twice = runBin(["import", SURVEY, exported, "--db", db]);
    expect(twice.code, twice.stdout + twice.stderr).toBe(0);
    expect(twice.stdout).toContain("Nothing new");
    expect(count(db)).toBe(62);
  });

  it("a copy of the file (another hash) into the database it came from adds nothing: the ids are known", () => {
    const copy = join(tmp.dir, "copy.json");
    writeFileSync(copy, `${readFileSync(exported, "utf8")}\n`);
    const r = runBin(["import", SURVEY, copy, "--db", source]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain("duplicates 62");
    expect(count(source)).toBe(62);
  });

  it("a tampered value is named by response and answer (exit 65) and nothing is stored", () => {
    const data = JSON.parse(readFileSync(exported, "utf8"));
    data.responses[2].answers.visit_freq = "sometimes";
    data.responses[4].answers["image.for_me"] = 3;
    const bad = join(tmp.dir, "tampered.json");
    writeFileSync(bad, JSON.stringify(data, null, 2));
    const db = join(tmp.dir, "tampered.db");
    const r = runBin(["import", SURVEY, bad, "--db", db]);
    expect(r.code, r.stdout + r.stderr).toBe(65);
    const id3 = data.responses[2].id as string;
    expect(r.stdout).toContain(
      `tampered.json: response 3 (id ${id3}): answer "visit_freq": "sometimes" is not a choice`,
    );
    expect(r.stdout).toMatch(
      /response 5 \(id [0-9a-f-]+\): answer "image\.for_me": "3" is a number; expected a text \[JSON_BAD_VALUE\]/,
    );
    expect(count(db)).toBe(0);
    // --skip-invalid stores the 60 valid ones and writes the two others to a rejects file.
    const rejects = join(tmp.dir, "tampered.rejects.csv");
    const skip = runBin(["import", SURVEY, bad, "--db", db, "--skip-invalid", "--rejects", rejects]);
    expect(skip.code, skip.stdout + skip.stderr).toBe(0);
    expect(count(db)).toBe(60);
    expect(readFileSync(rejects, "utf8")).toContain("sometimes");
  });

  it("a partial response (an unfinished kiosk session) imports back without its required answers", () => {
    const data = JSON.parse(readFileSync(exported, "utf8"));
    const r = data.responses[0];
    r.status = "partial";
    r.submittedAt = null;
    r.answers = Object.fromEntries(Object.entries(r.answers).slice(0, 2));
    data.responses = [r];
    const file = join(tmp.dir, "partial.json");
    writeFileSync(file, JSON.stringify(data));
    const db = join(tmp.dir, "partial.db");
    const imp = runBin(["import", SURVEY, file, "--db", db]);
    expect(imp.code, imp.stdout + imp.stderr).toBe(0);
    const out = join(tmp.dir, "partial-again.json");
    runBin(["export", "welcome-baseline", "--db", db, "--format", "json", "--out", out]);
    expect(JSON.parse(readFileSync(out, "utf8")).responses).toEqual([r]);
  });

  it("refuses a JSON file over 500 MB before reading it", () => {
    const big = join(tmp.dir, "big.json");
    writeFileSync(big, "");
    truncateSync(big, 501 * 1024 ** 2); // sparse: nothing is written
    const r = runBin(["import", SURVEY, big, "--db", join(tmp.dir, "big.db")]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain("[JSON_TOO_LARGE]");
    expect(r.stderr).toContain("may be at most 500 MB");
  });

  it("refuses another survey's export, and a file that is not an export, storing nothing", () => {
    const db = join(tmp.dir, "other.db");
    const other = runBin(["import", "surveys/welcome-followup.yaml", exported, "--db", db]);
    expect(other.code).toBe(65);
    expect(other.stderr).toContain("is an export of the survey");
    expect(other.stderr).toContain("[JSON_OTHER_SURVEY]");
    const cut = join(tmp.dir, "cut.json");
    writeFileSync(cut, readFileSync(exported, "utf8").slice(0, 3000));
    const r = runBin(["import", SURVEY, cut, "--db", db]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain("[JSON_INVALID]");
    const empty = join(tmp.dir, "empty.json");
    writeFileSync(empty, '{"survey":{"id":"welcome-baseline"},"responses":[]}');
    const e = runBin(["import", SURVEY, empty, "--db", db]);
    expect(e.code).toBe(65);
    expect(e.stderr).toContain("holds no responses [JSON_NO_RESPONSES]");
    const notExport = join(tmp.dir, "list.json");
    writeFileSync(notExport, "[1, 2]");
    const l = runBin(["import", SURVEY, notExport, "--db", db]);
    expect(l.code).toBe(65);
    expect(l.stderr).toContain("[JSON_NOT_EXPORT]");
    expect(count(db)).toBe(0);
  });

  it("--session and --wave win over the file's, as for CSV", () => {
    const db = join(tmp.dir, "session.db");
    const r = runBin(["import", SURVEY, exported, "--db", db, "--session", "syksy-9", "--wave", "w2"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const out = join(tmp.dir, "session.json");
    runBin(["export", "welcome-baseline", "--db", db, "--format", "json", "--out", out]);
    const back = JSON.parse(readFileSync(out, "utf8")).responses as { sessionId: string; wave: string }[];
    expect(back).toHaveLength(62);
    expect(new Set(back.map((x) => `${x.sessionId}/${x.wave}`))).toEqual(new Set(["syksy-9/w2"]));
  });
});
