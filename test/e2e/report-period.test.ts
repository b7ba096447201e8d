// The date a report gives its data (built binary): paper forms without dates of their own were
// filled in on their workshop's day, so the report's period is that day, not the day of typing.
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
});
