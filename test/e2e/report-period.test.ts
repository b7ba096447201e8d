// The date and the names a report gives its data (built binary): paper forms without dates of
// their own were filled in on their workshop's day, so the report's period is that day, not the
// day of typing; sessions appear by their names and waves by their words in the report's language.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runBin, tempDir } from "../helpers/cli.js";

const SURVEY = "fixtures/import/forms-survey.yaml";

describe("report period of undated paper forms", () => {
  const tmp = tempDir();
  afterAll(tmp.cleanup);

  it("is the session's date", () => {
    const db = join(tmp.dir, "k.db");
    const csv = join(tmp.dir, "forms.csv");
    writeFileSync(csv, `visit_freq,likes_reading\n${"weekly,yes\n".repeat(6)}`);
    const s = runBin(["sessions", "create", "syksy-1", "--date", "2025-10-15", "--db", db]);
    expect(s.code, s.stdout + s.stderr).toBe(0);
    const i = runBin(["import", SURVEY, csv, "--session", "syksy-1", "--db", db]);
    expect(i.code, i.stdout + i.stderr).toBe(0);
    const out = join(tmp.dir, "out");
    const r = runBin(["report", SURVEY, "--db", db, "--out", out, "--format", "json,md", "--lang", "fi"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
    expect(report.period).toEqual({ firstSubmitted: "2025-10-15", lastSubmitted: "2025-10-15" });
    expect(readFileSync(join(out, "report.md"), "utf8").split("\n")[2]).toMatch(/^15\.10\.2025 · /);
  }, 60_000);

  it("prints session names and wave labels in the report's language, never the ids", () => {
    const db = join(tmp.dir, "names.db");
    const csv = join(tmp.dir, "forms2.csv");
    writeFileSync(csv, `visit_freq,likes_reading\n${"weekly,yes\n".repeat(6)}`);
    const s = runBin([
      "sessions",
      "create",
      "kevat-1",
      "--name",
      "Kevään työpaja 1",
      "--date",
      "2025-03-12",
      "--wave",
      "baseline",
      "--db",
      db,
    ]);
    expect(s.code, s.stdout + s.stderr).toBe(0);
    const i = runBin(["import", SURVEY, csv, "--session", "kevat-1", "--wave", "baseline", "--db", db]);
    expect(i.code, i.stdout + i.stderr).toBe(0);
    for (const [lang, session, wave] of [
      ["fi", "Tilaisuus: Kevään työpaja 1", "Kierros: Alkumittaus"],
      ["sv", "Tillfälle: Kevään työpaja 1", "Omgång: Nollmätning"],
    ] as const) {
      const out = join(tmp.dir, `names-${lang}`);
      const r = runBin(["report", SURVEY, "--db", db, "--out", out, "--format", "md", "--lang", lang]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      const md = readFileSync(join(out, "report.md"), "utf8");
      expect(md).toContain(session);
      expect(md).toContain(wave);
      expect(md).not.toContain("kevat-1");
      expect(md).not.toMatch(/\bbaseline\b/);
      // "95 %" is never split into "95" and "%" at a line break: they are joined by a no-break space.
      expect(md).not.toMatch(/95 %/);
    }
  }, 60_000);
});
