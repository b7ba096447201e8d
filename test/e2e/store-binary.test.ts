// The store's commands through the built binary, the way staff use them: a session, surveys,
// responses, an export with its codebook, a merge of two kiosks, an erasure and a health check.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, registerSurvey, saveResponses } from "../../src/store/index.js";
import { ROOT, runBin, tempDir } from "../helpers/cli.js";
import { MINIMAL_PATH, minimal, sampleResponse } from "../helpers/store-data.js";

const tmp = tempDir();
const survey = minimal();
const bin = (args: string[], env: Record<string, string> = {}) => runBin(args, { cwd: tmp.dir, env });
const noStack = (s: string) => expect(s).not.toMatch(/\bat .*\.js:\d+:\d+/);

function kiosk(name: string, ids: number[]): void {
  const s = openStore(join(tmp.dir, name), { create: true });
  registerSurvey(s, survey);
  saveResponses(
    s,
    ids.map((i) => sampleResponse(survey, i)),
  );
  s.close();
}

beforeAll(() => {
  kiosk("kiosk1.db", [0, 1, 2, 3]);
  kiosk("kiosk2.db", [3, 4, 5]);
});
afterAll(() => tmp.cleanup());

describe("store commands through bin/kuulo.js", () => {
  it("creates and lists sessions in the database KUULO_DB names", () => {
    const env = { KUULO_DB: "all.db" };
    expect(
      bin(
        ["sessions", "create", "s1", "--name", "Itäkeskus", "--date", "2025-03-14", "--wave", "baseline"],
        env,
      ).code,
    ).toBe(0);
    const l = bin(["sessions", "list", "--json"], env);
    expect(l.code).toBe(0);
    expect(JSON.parse(l.stdout)).toEqual([
      expect.objectContaining({ id: "s1", name: "Itäkeskus", status: "open" }),
    ]);
  });

  it("merges two kiosks, skipping the response both hold", () => {
    const m = bin(["merge", "kiosk1.db", "kiosk2.db", "--into", "all.db"]);
    expect(m.code).toBe(0);
    expect(m.stdout).toContain("kiosk2.db:\n  2 added, 1 already there, 0 conflicting");
    expect(m.stdout).toContain("6 response(s) added to all.db");
  });

  it("lists surveys and responses", () => {
    const s = bin(["surveys", "list", "--db", "all.db"]);
    expect(s.stdout).toMatch(/minimal\s+[0-9a-f]{12}.*\s6\s+5\s+1\s/);
    const r = bin(["responses", "list", "minimal", "--status", "partial", "--db", "all.db"]);
    expect(r.stdout).toContain(sampleResponse(survey, 5).id);
    expect(r.stderr).toContain("1 response(s).");
  });

  it("exports Finnish-Excel CSV with a codebook, and JSON to standard output", () => {
    const e = bin([
      "export",
      "minimal",
      "--db",
      "all.db",
      "--out",
      "out.csv",
      "--delimiter",
      ";",
      "--bom",
      "--decimal-comma",
      "--lang",
      "fi",
      "--labels",
    ]);
    expect(e.code).toBe(0);
    expect(e.stderr).toContain("6 response(s) of minimal");
    expect(readFileSync(join(tmp.dir, "out.csv"), "utf8")).toBe(
      readFileSync(join(ROOT, "test/golden/export/minimal-fi-labels.csv"), "utf8"),
    );
    expect(existsSync(join(tmp.dir, "out.codebook.md"))).toBe(true);
    const j = bin(["export", MINIMAL_PATH, "--db", "all.db", "--format", "json"]);
    expect(JSON.parse(j.stdout).responses).toHaveLength(6);
  });

  it("erases a response on request and says what went; an unknown id exits 66", () => {
    const id = sampleResponse(survey, 4).id;
    const d = bin(["responses", "delete", id, "--yes", "--db", "all.db"]);
    expect(d.code).toBe(0);
    expect(d.stdout).toContain(`Removed response ${id}`);
    const again = bin(["responses", "delete", id, "--yes", "--db", "all.db"]);
    expect(again.code).toBe(66);
    expect(again.stderr).toContain(`There is no response ${id}`);
    noStack(again.stderr);
  });

  it("checks the database with doctor", () => {
    const d = bin(["doctor", "--db", "all.db"]);
    expect(d.code).toBe(0);
    expect(d.stdout).toContain("5 response(s)");
    expect(d.stdout).toContain("The database is whole.");
  });
});
