// `kuulo demo` through the built binary: a fresh store, both bundled form files imported, three
// reports with PDF, HTML, charts, Markdown and JSON; a second run starts afresh; a folder that
// is not the demo's is refused and left alone. Needs `npm run build` first.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runBin, tempDir } from "../helpers/cli.js";
import { pdfFonts, pdfPages, pdfText } from "../unit/print-pdf-tools.js";

const tmp = tempDir("kuulo-demo-");
afterAll(() => tmp.cleanup());
const out = join(tmp.dir, "demo");

describe("kuulo demo", () => {
  let first: ReturnType<typeof runBin>;

  it("does the whole job and says where the files are", () => {
    first = runBin(["demo", "--out", out], { cwd: tmp.dir, timeout: 300_000 });
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("Imported 62 paper forms");
    expect(first.stdout).toContain("Imported 46 paper forms");
    expect(first.stdout).toMatch(/demo\/report\/baseline\/report\.pdf/);
  }, 320_000);

  it("writes three reports in every format, each of some substance", () => {
    for (const name of ["baseline", "followup", "comparison"]) {
      const dir = join(out, "report", name);
      for (const [file, min] of [
        ["report.pdf", 200_000],
        ["report.html", 100_000],
        ["report.md", 5_000],
        ["report.json", 20_000],
      ] as const) {
        expect(existsSync(join(dir, file)), `${name}/${file}`).toBe(true);
        expect(statSync(join(dir, file)).size, `${name}/${file}`).toBeGreaterThan(min);
      }
      const charts = readdirSync(join(dir, "charts")).filter((f) => f.endsWith(".png"));
      expect(charts.length, `${name} charts`).toBeGreaterThan(10);
    }
  });

  it("imports everything, masks the contact details and compares the waves", () => {
    const baseline = JSON.parse(readFileSync(join(out, "report/baseline/report.json"), "utf8"));
    expect(baseline.counts.analysed.value).toBe(62);
    expect(baseline.privacy.masked.total).toBeGreaterThan(0);
    const comparison = JSON.parse(readFileSync(join(out, "report/comparison/report.json"), "utf8"));
    expect(comparison.options.compare).toBe("wave");
    expect(comparison.comparison.groups.map((g: { code: string }) => g.code)).toEqual([
      "baseline",
      "follow-up",
    ]);
    const pdf = readFileSync(join(out, "report/baseline/report.pdf"));
    expect(pdfPages(pdf)).toBeGreaterThan(15);
    expect(pdfFonts(pdf).every((f) => f.embedded)).toBe(true);
    const text = pdfText(pdf);
    expect(text).toContain("Tervetuloa kirjastoon – alkukysely");
    expect(text).not.toMatch(/040 123 4567|maija\.esimerkki@example\.fi/);
  });

  it("starts afresh when run again, with the same reports", () => {
    const before = readFileSync(join(out, "report/baseline/report.pdf"));
    const again = runBin(["demo", "--out", out], { cwd: tmp.dir, timeout: 300_000 });
    expect(again.code).toBe(0);
    expect(readFileSync(join(out, "report/baseline/report.pdf")).equals(before)).toBe(true);
    const json = JSON.parse(readFileSync(join(out, "report/baseline/report.json"), "utf8"));
    expect(json.counts.analysed.value).toBe(62);
  }, 320_000);

  it("refuses a folder that is not its own and deletes nothing there", () => {
    const mine = join(tmp.dir, "mine");
    mkdirSync(join(mine, "report"), { recursive: true });
    writeFileSync(join(mine, "kuulo.db"), "precious");
    const r = runBin(["demo", "--out", mine], { cwd: tmp.dir });
    expect(r.code).toBe(73);
    expect(r.stderr).toMatch(/not made by kuulo demo/);
    expect(readFileSync(join(mine, "kuulo.db"), "utf8")).toBe("precious");
    expect(existsSync(join(mine, "report"))).toBe(true);
  });
});
