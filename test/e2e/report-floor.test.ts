// The output floor and honest suppression through the built binary: a store with one response
// shows no answers in any format; `--by` does not hide a required question answered by everyone;
// marks say "< 5" only for counts below minCell; "too few" only for groups below minCell.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, runBin } from "../helpers/cli.js";

const SURVEY = join(ROOT, "test/fixtures/surveys/floor-by.yaml");

/** 150 paper forms: 29 / 45 / 73 by age and 3 blank; a required question answered on all. */
function forms(n = 150): string {
  const rows = ["age_group;freq;grade"];
  const ages = [...Array(29).fill("young"), ...Array(45).fill("mid"), ...Array(73).fill("old"), "", "", ""];
  for (let i = 0; i < n; i++) {
    const f = ["weekly", "monthly", "rarely", "never"][i < 38 ? 0 : i < 90 ? 1 : i < 140 ? 2 : 3];
    const g = i >= 136 ? "" : String(i < 1 ? 4 : i < 3 ? 5 : 6 + (i % 5));
    rows.push([ages[(i * 7) % 150], f, g].join(";"));
  }
  return `${rows.join("\n")}\n`;
}

function store(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), "kuulo-floor-"));
  const csv = join(dir, "forms.csv");
  writeFileSync(csv, forms(n));
  const db = join(dir, "k.db");
  const r = runBin(["import", SURVEY, csv, "--db", db]);
  expect(r.code, r.stderr).toBe(0);
  return db;
}

describe("the output floor", () => {
  it("a store with one complete response shows no answers, and says why, in every format", () => {
    const db = store(1);
    const out = join(db, "..", "out");
    const r = runBin([
      "report",
      "floor_by",
      "--db",
      db,
      "--out",
      out,
      "--format",
      "md,html,csv,json,xlsx,png",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(readFileSync(join(out, "report.json"), "utf8"));
    expect(json.privacy.belowMinCell).toBe(true);
    expect(json.questions).toEqual([]);
    expect(readdirSync(join(out, "charts"))).toEqual([]);
    const md = readFileSync(join(out, "report.md"), "utf8");
    expect(md).toContain("Vastauksia on alle 5, joten tässä raportissa ei näytetä yhtään vastausta");
    // No answer row: neither the person's choice nor the zeros around it.
    expect(md).not.toMatch(/Viikoittain|Kuukausittain|Harvoin/);
    expect(readFileSync(join(out, "report.csv"), "utf8")).toContain("answers,,too-few");
    for (const lang of ["sv", "en"]) {
      const t = runBin(["report", "floor_by", "--db", db, "--lang", lang]);
      expect(t.code, t.stderr).toBe(0);
      expect(t.stdout).toContain(lang === "sv" ? "Färre än 5 svar" : "Fewer than 5 responses match");
      expect(t.stdout).not.toMatch(/Weekly|Varje vecka/);
    }
  });
});

describe("--by without over-suppression", () => {
  it("keeps a required question answered by all 150 forms shown, and marks honestly", () => {
    const db = store(150);
    const r = runBin(["report", "floor_by", "--db", db, "--by", "age_group", "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    const freq = report.questions.find((q: { id: string }) => q.id === "freq");
    expect(freq.status.valid).toEqual({ value: 150, suppressed: false });
    // valid n = base: every other status count is a known zero, never hidden.
    for (const k of ["skipped", "notShown", "notReached", "invalid"])
      expect(freq.status[k]).toEqual({ value: 0, suppressed: false });
    expect(freq.choices.map((c: { count: number }) => c.count)).toEqual([38, 52, 50, 10]);
    const groups = report.crossTabs.groups;
    expect(groups.map((g: { tooFew: boolean }) => g.tooFew)).toEqual([false, false, false, true]);
    // The "no answer" group of 3 is hidden, not printed.
    expect(groups[3].size).toEqual({ value: null, suppressed: true });
    const table = report.crossTabs.tables.find((t: { slot: string }) => t.slot === "freq");
    // Group n in the cells agree with the sizes in the header (everyone answered).
    expect(table.valid.slice(0, 3)).toEqual(groups.slice(0, 3).map((g: { size: unknown }) => g.size));
    // The headline rule: the mean grade of 136 people is published although grade counts are
    // hidden (exactly where the hidden counts leave it room, otherwise to one decimal).
    const grade = report.questions.find((q: { id: string }) => q.id === "grade");
    expect(grade.choices.filter((c: { suppressed: boolean }) => c.suppressed).length).toBeGreaterThan(0);
    expect(grade.stats.n).toEqual({ value: 136, suppressed: false });
    if (grade.stats.meanDecimals === 1) expect(grade.stats.mean).toBe(Math.round(grade.stats.mean * 10) / 10);
    expect(grade.stats.mean).not.toBeNull();
    expect(grade.stats.withheld).not.toContain("mean");
    const text = runBin(["report", "floor_by", "--db", db, "--by", "age_group", "--lang", "en"]).stdout;
    expect(text).toMatch(/Mean \d+\.\d/);
    expect(text).not.toMatch(/How often\nn < 5/);
    // A hidden count of 8 or 12 is "–", never "< 5".
    for (const row of table.rows)
      row.cells.forEach((c: { suppressed: boolean; complement?: boolean }, i: number) => {
        if (c.suppressed && groups[i].tooFew === false) expect(c.complement).toBe(true);
      });
  });
});

describe("free texts in the report", () => {
  it("are masked in the report's language, and files holding them are the owner's only", () => {
    const dir = mkdtempSync(join(tmpdir(), "kuulo-text-"));
    const csv = join(dir, "forms.csv");
    writeFileSync(
      csv,
      [
        "wishes",
        "Soittakaa 358 40 123 4567",
        "maija(at)posti.fi vastaa",
        "Lisää satutunteja",
        "Hiljainen huone",
        "tilini FI21 1234 5600 0007 85",
        "Kotitie 3 as 4 on lähellä",
      ].join("\n"),
    );
    const db = join(dir, "k.db");
    expect(
      runBin(["import", join(ROOT, "test/fixtures/surveys/floor-text.yaml"), csv, "--db", db]).code,
    ).toBe(0);
    const out = join(dir, "out");
    const r = runBin([
      "report",
      "floor_text",
      "--db",
      db,
      "--out",
      out,
      "--format",
      "md,csv,json,xlsx",
      "--raw",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const md = readFileSync(join(out, "report.md"), "utf8");
    for (const word of ["[puhelinnumero]", "[sähköpostiosoite]", "[tilinumero]", "[osoite]"])
      expect(md).toContain(word.replace("[", "\\[").replace("]", "\\]"));
    expect(md).not.toMatch(/123 4567|posti\.fi|FI21|Kotitie 3/);
    const mode = (f: string) => statSync(join(out, f)).mode & 0o777;
    expect(mode("report.md")).toBe(0o600);
    expect(mode("report.json")).toBe(0o600);
    expect(mode("report.xlsx")).toBe(0o600);
    // The long-form CSV holds counts only.
    expect(mode("report.csv")).toBe(0o644);
  });
});
