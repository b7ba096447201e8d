// The date and the names a report gives its data (built binary): paper forms without dates of
// their own were filled in on their workshop's day, so the report's period is that day, not the
// day of typing; forms with no date at all are said to be "imported on" a day, never given that
// day as the data's date; sessions appear by their names and waves by their words in the report's
// language.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runBin, tempDir } from "../helpers/cli.js";
import { pageTexts } from "../helpers/print-pdf-tools.js";

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

  /** Today as the import stamps it (UTC), and as the Finnish report writes it. */
  function today(): { iso: string; fi: string } {
    const iso = new Date().toISOString().slice(0, 10);
    const [y, m, d] = iso.split("-").map(Number);
    return { iso, fi: `${d}.${m}.${y}` };
  }

  it("says 'imported on' for forms with no date at all, in every format that prints the period", () => {
    const db = join(tmp.dir, "undated.db");
    const csv = join(tmp.dir, "undated.csv");
    writeFileSync(csv, `visit_freq,likes_reading\n${"weekly,yes\n".repeat(6)}`);
    const i = runBin(["import", SURVEY, csv, "--db", db]);
    expect(i.code, i.stdout + i.stderr).toBe(0);
    const day = today();
    const out = join(tmp.dir, "undated-fi");
    const r = runBin([
      "report",
      SURVEY,
      "--db",
      db,
      "--out",
      out,
      "--format",
      "json,md,html,pdf",
      "--lang",
      "fi",
    ]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
    // No data date is claimed; the import's day is given as what it is.
    expect(report.period).toEqual({
      firstSubmitted: null,
      lastSubmitted: null,
      undatedImported: { first: day.iso, last: day.iso },
    });
    const line = `Tuotu ${day.fi} · 6 vastausta`;
    expect(readFileSync(join(out, "report.md"), "utf8").split("\n")[2]).toBe(line);
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain(`<p class="subtitle">${line}</p>`);
    const cover = pageTexts(readFileSync(join(out, "report.pdf")))[0];
    expect(cover).toContain(line);
    // The report's "data up to" line says that day is an import's, not the data's.
    expect(cover).toContain(`Aineisto ${day.fi} tehdyn tuonnin mukaan.`);
    expect(readFileSync(join(out, "report.md"), "utf8")).not.toContain(`Aineisto ${day.fi} asti`);
    const terminal = runBin(["report", SURVEY, "--db", db, "--lang", "fi"]);
    expect(terminal.code, terminal.stderr).toBe(0);
    expect(terminal.stdout.split("\n").slice(0, 3).join("\n")).toContain(line);
    for (const [lang, words] of [
      ["sv", "Importerade "],
      ["en", "Imported on "],
    ] as const) {
      const o = join(tmp.dir, `undated-${lang}`);
      const x = runBin(["report", SURVEY, "--db", db, "--out", o, "--format", "md", "--lang", lang]);
      expect(x.code, x.stdout + x.stderr).toBe(0);
      expect(readFileSync(join(o, "report.md"), "utf8").split("\n")[2]).toMatch(new RegExp(`^${words}\\S`));
    }
  }, 120_000);

  it("gives the dated forms' dates and says when the undated ones were imported, when both are there", () => {
    const db = join(tmp.dir, "mixed.db");
    const csv = join(tmp.dir, "mixed.csv");
    writeFileSync(
      csv,
      `form_no,visit_freq,likes_reading,submitted_at\n${Array.from({ length: 12 }, (_, k) =>
        k < 6 ? `${k + 1},weekly,yes,12.3.2025` : `${k + 1},monthly,no,`,
      ).join("\n")}\n`,
    );
    const i = runBin(["import", SURVEY, csv, "--db", db]);
    expect(i.code, i.stdout + i.stderr).toBe(0);
    const day = today();
    const out = join(tmp.dir, "mixed-fi");
    const r = runBin(["report", SURVEY, "--db", db, "--out", out, "--format", "json,md", "--lang", "fi"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
    expect(report.period).toEqual({
      firstSubmitted: "2025-03-12",
      lastSubmitted: "2025-03-12",
      undatedImported: { first: day.iso, last: day.iso },
    });
    expect(readFileSync(join(out, "report.md"), "utf8").split("\n")[2]).toBe(
      `12.3.2025; päiväämättömät lomakkeet tuotu ${day.fi} · 12 vastausta`,
    );
    // Exported and imported again, an undated form stays undated: its date column stays empty.
    const exported = join(tmp.dir, "mixed-export.csv");
    const e = runBin(["export", SURVEY, "--db", db, "--out", exported]);
    expect(e.code, e.stdout + e.stderr).toBe(0);
    const db2 = join(tmp.dir, "mixed-again.db");
    const again = runBin(["import", SURVEY, exported, "--db", db2]);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    const out2 = join(tmp.dir, "mixed-again");
    const r2 = runBin(["report", SURVEY, "--db", db2, "--out", out2, "--format", "json", "--lang", "fi"]);
    expect(r2.code, r2.stdout + r2.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(out2, "report.json"), "utf8")).period).toEqual(report.period);
  }, 120_000);

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
