// The store's commands in-process: sessions, surveys, responses, export, merge and doctor, with
// the database chosen by --db, KUULO_DB or ./kuulo.db, and their errors and exit codes.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore, registerSurvey, saveResponses } from "../../src/store/index.js";
import { runCli, tempDir } from "../helpers/cli.js";
import { MINIMAL_PATH, minimal, sampleResponse } from "../helpers/store-data.js";

const survey = minimal();
let tmp: ReturnType<typeof tempDir>;
let db: string;
beforeEach(() => {
  tmp = tempDir();
  db = join(tmp.dir, "kuulo.db");
});
afterEach(() => tmp.cleanup());

function seed(path = db, ids = [0, 1, 2, 3, 4, 5]): void {
  const s = openStore(path, { create: true });
  registerSurvey(s, survey, new Date("2025-03-01T00:00:00Z"));
  saveResponses(
    s,
    ids.map((i) => sampleResponse(survey, i)),
  );
  s.close();
}
const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { cwd: tmp.dir, env });

describe("kuulo sessions", () => {
  it("creates, lists (text and JSON) and closes sessions in ./kuulo.db", async () => {
    const c = await cli([
      "sessions",
      "create",
      "itakeskus-1",
      "--name",
      "Itäkeskus",
      "--date",
      "2025-03-14",
      "--wave",
      "baseline",
      "--place",
      "Itäkeskus",
      "--facilitator",
      "Aino",
    ]);
    expect(c.stdout).toContain("Session itakeskus-1 created (wave baseline)");
    expect(existsSync(db)).toBe(true);
    const l = await cli(["sessions", "list"]);
    expect(l.stdout).toMatch(/itakeskus-1\s+2025-03-14\s+Itäkeskus\s+Itäkeskus\s+Aino\s+baseline\s+open\s+0/);
    expect((await cli(["sessions", "close", "itakeskus-1"])).stdout).toContain("closed");
    const j = await cli(["sessions", "list", "--json"]);
    expect(JSON.parse(j.stdout)).toEqual([
      expect.objectContaining({ id: "itakeskus-1", status: "closed", facilitator: "Aino" }),
    ]);
  });

  it("refuses a bad id (2), a duplicate (65) and closing an unknown session (66)", async () => {
    expect((await cli(["sessions", "create", "two words"])).code).toBe(2);
    await cli(["sessions", "create", "s1"]);
    const dup = await cli(["sessions", "create", "s1"]);
    expect(dup.code).toBe(65);
    expect(dup.stderr).toContain("exists already");
    const unknown = await cli(["sessions", "close", "s2"]);
    expect(unknown.code).toBe(66);
    expect(unknown.stderr).toContain('Did you mean "s1"?');
  });

  it("uses KUULO_DB, and --db over it", async () => {
    await cli(["sessions", "create", "a"], { KUULO_DB: "env.db" });
    await cli(["sessions", "create", "b", "--db", "flag.db"], { KUULO_DB: "env.db" });
    expect(existsSync(join(tmp.dir, "env.db"))).toBe(true);
    expect(JSON.parse((await cli(["sessions", "list", "--json", "--db", "flag.db"])).stdout)).toHaveLength(1);
  });
});

describe("kuulo surveys", () => {
  it("adds survey versions and lists them with response counts", async () => {
    const add = await cli(["surveys", "add", MINIMAL_PATH]);
    expect(add.stdout).toContain(`added  minimal version ${survey.hash.slice(0, 12)}`);
    expect((await cli(["surveys", "add", MINIMAL_PATH])).stdout).toContain("already there");
    seed();
    const l = await cli(["surveys", "list"]);
    expect(l.stdout).toMatch(
      /minimal\s+[0-9a-f]{12}\s+\d{4}-\d\d-\d\d\s+6\s+5\s+1\s+2025-03-14\s+2025-03-14\s+Pieni kysely/,
    );
    expect(JSON.parse((await cli(["surveys", "list", "--json"])).stdout)[0]).toMatchObject({
      id: "minimal",
      responses: 6,
    });
  });

  it("says where it looked when there is no database (66)", async () => {
    const r = await cli(["surveys", "list"]);
    expect(r.code).toBe(66);
    expect(r.stderr).toContain(`There is no database at ${db}`);
  });
});

describe("kuulo responses", () => {
  beforeEach(() => seed());

  it("lists responses with filters, as text and as JSON", async () => {
    const all = await cli(["responses", "list"]);
    expect(all.stdout.trim().split("\n")).toHaveLength(7);
    expect(all.stderr).toContain("6 response(s).");
    const partial = await cli(["responses", "list", "minimal", "--status", "partial", "--json"]);
    expect(JSON.parse(partial.stdout).map((r: { id: string }) => r.id)).toEqual([
      sampleResponse(survey, 5).id,
    ]);
    const s1 = await cli(["responses", "list", "--session", "s1", "--json"]);
    expect(JSON.parse(s1.stdout)).toHaveLength(3);
    expect((await cli(["responses", "list", "--status", "done"])).code).toBe(2);
    expect((await cli(["responses", "list", "nosuch"])).code).toBe(66);
  });

  it("shows one response with question texts, labels, times and changes", async () => {
    const r = await cli(["responses", "show", sampleResponse(survey, 2).id, "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("survey     minimal");
    expect(r.stdout).toContain("visit_freq: How often do you visit the library?\n    never = Never");
    expect(r.stdout).toContain(
      "rank: Most important services\n    easy = Easy-read books [1]; quiet = Quiet space [2]",
    );
    const j = JSON.parse((await cli(["responses", "show", sampleResponse(survey, 2).id, "--json"])).stdout);
    expect(j.paradata).toContainEqual({
      slotId: "visit_freq",
      answeredAt: "2025-03-14T09:02:30.000Z",
      changeCount: 0,
    });
    expect((await cli(["responses", "show", "ffffffff"])).code).toBe(66);
  });

  it("deletes for an erasure request, saying what it removed; unknown ids are an error and remove nothing", async () => {
    const id = sampleResponse(survey, 2).id;
    const noYes = await cli(["responses", "delete", id]);
    expect(noYes.code).toBe(2);
    expect(noYes.stderr).toContain("--yes");
    const bad = await cli(["responses", "delete", id, "11111111-2222-4333-8444-555555555555", "--yes"]);
    expect(bad.code).toBe(66);
    expect(bad.stderr).toContain("There is no response 11111111-2222-4333-8444-555555555555");
    const ok = await cli(["responses", "delete", id, "--yes"]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(
      `Removed response ${id} (survey minimal, session s1, complete, started 2025-03-14 09:02: 11 answer(s))`,
    );
    expect(ok.stdout).toContain("1 response(s) removed");
    expect((await cli(["responses", "delete", id, "--yes"])).code).toBe(66);
  });
});

describe("kuulo export", () => {
  beforeEach(() => seed());

  it("writes CSV with its codebook, the same as the golden file", async () => {
    const r = await cli(["export", "minimal", "--out", "v.csv", "--lang", "fi"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("6 response(s) of minimal");
    expect(r.stderr).toContain("3 text cell(s) began like a formula");
    expect(readFileSync(join(tmp.dir, "v.csv"), "utf8")).toBe(
      readFileSync(join(import.meta.dirname, "../golden/export/minimal.csv"), "utf8"),
    );
    expect(existsSync(join(tmp.dir, "v.codebook.csv"))).toBe(true);
    expect(existsSync(join(tmp.dir, "v.codebook.md"))).toBe(true);
  });

  it("writes CSV or JSON to standard output, by survey id, hash prefix or YAML file", async () => {
    const csv = await cli(["export", survey.hash.slice(0, 10), "--status", "complete"]);
    expect(csv.stdout.trim().split("\r\n")).toHaveLength(1 + 5); // records end in CRLF; newlines inside texts are LF
    const json = await cli(["export", MINIMAL_PATH, "--format", "json"]);
    expect(JSON.parse(json.stdout).responses).toHaveLength(6);
  });

  it("writes Excel only to a file, and refuses bad options with exit 2", async () => {
    expect((await cli(["export", "minimal", "--format", "xlsx"])).code).toBe(2);
    expect((await cli(["export", "minimal", "--delimiter", "x"])).code).toBe(2);
    expect((await cli(["export", "minimal", "--lang", "de"])).code).toBe(2);
    const x = await cli(["export", "minimal", "--out", "v.xlsx", "--labels"]);
    expect(x.code).toBe(0);
    expect(readFileSync(join(tmp.dir, "v.xlsx")).subarray(0, 2).toString()).toBe("PK");
  });

  it("says which versions are stored when the YAML file was changed after collecting", async () => {
    const changed = join(tmp.dir, "changed.yaml");
    writeFileSync(changed, readFileSync(MINIMAL_PATH, "utf8").replace("Pieni kysely", "Pienempi kysely"));
    const r = await cli(["export", changed]);
    expect(r.code).toBe(66);
    expect(r.stderr).toContain(`Stored versions of minimal: ${survey.hash.slice(0, 12)}`);
  });

  it("fails with 73 and leaves nothing when the folder does not exist", async () => {
    const r = await cli(["export", "minimal", "--out", "no/such/v.csv"]);
    expect(r.code).toBe(73);
    expect(r.stderr).toContain("the folder does not exist");
  });
});

describe("kuulo merge and doctor", () => {
  it("merges two kiosks into a new file, then skips everything the second time", async () => {
    seed(join(tmp.dir, "k1.db"), [0, 1, 2]);
    seed(join(tmp.dir, "k2.db"), [2, 3]);
    const m = await cli(["merge", "k1.db", "k2.db", "--into", "all.db"]);
    expect(m.code).toBe(0);
    expect(m.stdout).toContain("3 added, 0 already there, 0 conflicting");
    expect(m.stdout).toContain("1 added, 1 already there, 0 conflicting");
    expect(m.stdout).toContain("4 response(s) added to all.db");
    const again = await cli(["merge", "k1.db", "k2.db", "--into", "all.db", "--json"]);
    expect(JSON.parse(again.stdout).sources.map((s: { added: number }) => s.added)).toEqual([0, 0]);
    const d = await cli(["doctor", "--db", "all.db"]);
    expect(d.code).toBe(0);
    expect(d.stdout).toContain("4 response(s) (4 complete, 0 partial)");
    expect(d.stdout).toContain("The database is whole.");
  });

  it("reports a conflicting response and keeps it apart", async () => {
    seed(join(tmp.dir, "k1.db"), [1]);
    const s = openStore(join(tmp.dir, "k2.db"), { create: true });
    registerSurvey(s, survey);
    saveResponses(s, [sampleResponse(survey, 1, { language: "en" })]);
    s.close();
    const m = await cli(["merge", "k1.db", "k2.db", "--into", "all.db"]);
    expect(m.stdout).toContain(
      `conflict ${sampleResponse(survey, 1).id}: same id, other content (language: sv ≠ en); kept apart`,
    );
    expect((await cli(["doctor", "--db", "all.db", "--json"])).stdout).toContain('"conflicts": 1');
  });

  it("refuses to merge a file into itself (2) and a missing source (66)", async () => {
    seed(join(tmp.dir, "k1.db"), [1]);
    expect((await cli(["merge", "k1.db", "--into", "k1.db"])).code).toBe(2);
    expect((await cli(["merge", "k1.db", "k1.db", "--into", "x.db"])).code).toBe(2);
    const missing = await cli(["merge", "k9.db", "--into", "all.db"]);
    expect(missing.code).toBe(66);
    expect(existsSync(join(tmp.dir, "all.db"))).toBe(false);
  });

  it("doctor finds a response edited outside Kuulo (74)", async () => {
    seed();
    const s = openStore(db, {});
    s.db
      .prepare(
        "UPDATE responses SET answers = json_set(answers, '$.visit_freq', 'never') WHERE answers LIKE '%visit_freq%'",
      )
      .run();
    s.close();
    const d = await cli(["doctor"]);
    expect(d.code).toBe(74);
    expect(d.stdout).toContain("changed outside Kuulo");
  });

  it("doctor finds answer codes out of step with the answers (74) and --repair makes them again (0)", async () => {
    seed();
    const s = openStore(db, {});
    const id = sampleResponse(minimal(), 2).id;
    const blob = s.db.prepare("SELECT codes FROM responses WHERE id = ?").pluck().get(id) as Buffer;
    blob[1] = blob[1] === 2 ? 3 : 2; // the first question's answer, changed in the codes only
    s.db.prepare("UPDATE responses SET codes = ? WHERE id = ?").run(blob, id);
    s.close();
    const d = await cli(["doctor"]);
    expect(d.code).toBe(74);
    expect(d.stdout).toContain(`answer codes out of step 1 response(s): ${id}`);
    expect(d.stdout).toContain("kuulo doctor --repair");
    expect(d.stdout).not.toContain("changed outside Kuulo");
    const r = await cli(["doctor", "--repair"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("repaired the answer codes of 1 response(s)");
    expect(r.stdout).toContain("The database is whole.");
    expect((await cli(["doctor"])).code).toBe(0);
  });
});
