// `kuulo report` in-process against a real store: the terminal summary, files written whole into
// --out and listed, the same bytes on a second run, and located, actionable errors.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, registerSurvey, saveResponses } from "../../src/store/index.js";
import { ROOT, runCli, tempDir } from "../helpers/cli.js";
import { minimalSurvey, twoWaves } from "../helpers/report-fixtures.js";

let dir: string;
let cleanup: () => void;
let db: string;
const SURVEY = join(ROOT, "fixtures/surveys/valid/minimal.yaml");

beforeAll(() => {
  ({ dir, cleanup } = tempDir("kuulo-report-"));
  db = join(dir, "kuulo.db");
  const store = openStore(db, { create: true });
  registerSurvey(store, minimalSurvey(), new Date("2025-01-01T00:00:00Z"));
  saveResponses(store, twoWaves());
  store.close();
});
afterAll(() => cleanup());

const report = (...args: string[]) => runCli(["report", ...args, "--db", db]);

describe("kuulo report without --out", () => {
  it("prints a summary with bars that fits 80 columns", async () => {
    const r = await report("minimal");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Pieni kysely");
    expect(r.stdout).toContain("█");
    expect(r.stdout).toContain("< 5");
    for (const line of r.stdout.split("\n")) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it("takes the survey file, a language and filters", async () => {
    // A store of its own: in the shared one, the earlier whole-survey report and this one-wave
    // report would leave the other wave's small counts to a subtraction (kuulo audit), which the
    // protection across reports may refuse.
    const own = join(dir, "filters.db");
    const s = openStore(own, { create: true });
    registerSurvey(s, minimalSurvey(), new Date("2025-01-01T00:00:00Z"));
    saveResponses(s, twoWaves());
    s.close();
    const r = await runCli(["report", SURVEY, "--lang", "sv", "--wave", "followup", "--db", own]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Liten enkät");
    expect(r.stdout).toContain("Omgång: Uppföljning");
    expect(r.stdout).not.toContain("Omgång baseline");
  });

  it("prints one text format to standard output", async () => {
    // A store of its own, as above: after the shared store's summary, the protection across
    // reports may refuse a comparison of two small waves.
    const own = join(dir, "stdout.db");
    const s = openStore(own, { create: true });
    registerSurvey(s, minimalSurvey(), new Date("2025-01-01T00:00:00Z"));
    saveResponses(s, twoWaves());
    s.close();
    const r = await runCli(["report", "minimal", "--format", "json", "--compare", "wave", "--db", own]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.comparison.by).toBe("wave");
    // The report's date is the newest response's, not the clock's.
    const newest = twoWaves()
      .map((x) => x.submittedAt ?? x.startedAt)
      .sort()
      .at(-1);
    expect(json.generatedAt).toBe(newest);
  });
});

describe("kuulo report --out", () => {
  it("writes the default formats whole, lists them, refuses to replace them without --force, and writes the same bytes again", async () => {
    const out = join(dir, "raportti");
    const first = await report("minimal", "--out", out, "--lang", "en");
    expect(first.code).toBe(0);
    const files = readdirSync(out).sort();
    for (const f of ["report.md", "report.html", "report.json", "report.csv", "charts"])
      expect(files).toContain(f);
    expect(files.some((f) => f.endsWith(".tmp"))).toBe(false);
    expect(first.stdout).toContain(join(out, "report.html"));
    expect(first.stdout).toMatch(/PNG chart\(s\)/);
    const charts = readdirSync(join(out, "charts"));
    expect(charts).toContain("visit_freq.png");
    expect(readFileSync(join(out, "report.md"), "utf8")).toContain("](charts/visit_freq.png)");
    const before = new Map(
      [...files.filter((f) => f !== "charts"), ...charts.map((c) => `charts/${c}`)].map((f) => [
        f,
        readFileSync(join(out, f)),
      ]),
    );
    const refused = await report("minimal", "--out", out, "--lang", "en");
    expect(refused.code).toBe(73);
    expect(refused.stderr).toContain("--force");
    const second = await report("minimal", "--out", out, "--lang", "en", "--force");
    expect(second.code).toBe(0);
    for (const [f, bytes] of before) expect(readFileSync(join(out, f)).equals(bytes), f).toBe(true);
  });

  it("adds the masked raw data to the Excel report with --raw", async () => {
    const out = join(dir, "excel");
    const r = await report("minimal", "--out", out, "--format", "xlsx", "--raw");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("individual responses");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, "report.xlsx"));
    const data = wb.getWorksheet("Data")!;
    expect(data.getRow(1).getCell(1).value).toBe("response_id");
    const texts: string[] = [];
    data.eachRow((row) => row.eachCell((c) => typeof c.value === "string" && texts.push(c.value)));
    expect(texts.join("\n")).not.toMatch(/matti\.virtanen@example\.fi|040 123 4567/);
  });

  it("exits 73 and leaves nothing behind when the folder cannot be made", async () => {
    const blocker = join(dir, "a-file");
    writeFileSync(blocker, "not a folder");
    const r = await report("minimal", "--out", join(blocker, "sub"));
    expect(r.code).toBe(73);
    expect(r.stderr).toMatch(/Cannot create the folder .*a-file\/sub/);
    expect(r.stderr).toContain("hint:");
  });
});

describe("kuulo report errors", () => {
  it.each([
    [["--format", "html"], 2, /needs a folder/],
    [["--format", "md,foo"], 2, /Unknown report format: foo/],
    [["--raw"], 2, /needs --format xlsx/],
    [["--source", "email"], 2, /Unknown source: email/],
    [["--min-cell", "2"], 2, /--allow-small-cells/],
    [["--wave", "nosuchwave"], 66, /No responses of minimal match/],
    [["--lang", "de"], 2, /no "de" texts/],
    [["--by", "visit_frq"], 2, /visit_freq/],
  ] as const)("%j exits %i", async (args, code, message) => {
    const r = await report("minimal", ...args);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("names the surveys in the database when the survey is unknown", async () => {
    const r = await report("minimla");
    expect(r.code).toBe(66);
    expect(r.stderr).toContain('Did you mean "minimal"?');
  });

  it("says where the database was looked for when there is none", async () => {
    const empty = join(dir, "empty");
    mkdirSync(empty, { recursive: true });
    const r = await runCli(["report", "minimal", "--db", join(empty, "none.db")]);
    expect(r.code).toBe(66);
    expect(r.stderr).toContain("none.db");
  });
});
