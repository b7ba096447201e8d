// `kuulo demo` through the built binary: a fresh store, both bundled form files imported, three
// reports with PDF, HTML, charts, Markdown and JSON; a second run starts afresh; a folder that
// is not the demo's is refused and left alone. Needs `npm run build` first.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runBin, tempDir } from "../helpers/cli.js";
import { pdfFonts, pdfPages, pdfText } from "../helpers/print-pdf-tools.js";

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

  it("keeps every table's notes on its page: no page opens with a note or a stray cell, no mark unexplained", () => {
    // The notes explain the marks of the table above them; a table that does not fit under its
    // chart starts the next page whole, never spilling a cell or a note on to a page of its own.
    for (const name of ["baseline", "followup", "comparison"]) {
      const pdf = join(out, "report", name, "report.pdf");
      const title = JSON.parse(readFileSync(join(out, "report", name, "report.json"), "utf8")).survey.title
        .fi;
      const pages = spawnSync("pdftotext", ["-raw", pdf, "-"], { encoding: "utf8" }).stdout.split("\f");
      expect(pages.length).toBeGreaterThan(10);
      pages.slice(1, -1).forEach((page, i) => {
        // The page's own lines, without its footer (the report's title and the page number).
        const lines = page
          .split("\n")
          .map((l) => l.trim())
          .filter((l) => l !== "" && l !== title && !/^Sivu \d+\/\d+$/.test(l));
        expect(lines[0] ?? "", `${name} page ${i + 2}`).not.toMatch(
          /^(<\s?5|–)(:|\s|$)|^\(–\) |^Muutos on |^Vastaaja sai /,
        );
        expect(lines.length, `${name} page ${i + 2}: ${lines.join(" | ")}`).toBeGreaterThan(1);
        // A negative statement's mark is explained on every page that shows it (the contents too).
        if (page.includes("(–)"))
          expect(page, `${name} page ${i + 2}`).toMatch(/Kielteinen väittämä|Kielteiset väittämät \(–\)/);
      });
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

  it("tells a story whose answers agree with each other", () => {
    type Form = { answers: Record<string, unknown> };
    const forms = (survey: string): Form[] =>
      JSON.parse(
        runBin(["export", survey, "--format", "json", "--db", join(out, "kuulo.db")], { cwd: tmp.dir })
          .stdout,
      ).responses;
    const baseline = forms("welcome-baseline");
    const followup = forms("welcome-followup");
    expect(baseline).toHaveLength(62);
    for (const { answers: a } of [...baseline, ...followup]) {
      // Never visited a library, yet visits it: the contradiction the old generator made.
      if (a.visited_12m === "never") expect(["never", "dk", null, undefined]).toContain(a.visit_freq);
      if (a.visit_freq === "weekly" || a.visit_freq === "monthly") expect(a.visited_12m).toBe("yes");
      if (a.reader_identity === "regular") expect(["weekly", "monthly", null]).toContain(a.read_freq);
      // The points go to the services the person put first.
      const dots = a.services_dots as Record<string, number> | undefined;
      const top = a.services_top3 as string[] | undefined;
      if (dots && top) {
        const most = Object.entries(dots).sort((x, y) => y[1] - x[1])[0]![0];
        expect(top).toContain(most);
      }
    }
    // No service gets most of all points, and the first one in the list is not the favourite.
    const totals = new Map<string, number>();
    for (const { answers: a } of baseline)
      for (const [k, v] of Object.entries((a.services_dots as Record<string, number>) ?? {}))
        totals.set(k, (totals.get(k) ?? 0) + v);
    const all = [...totals.values()].reduce((x, y) => x + y, 0);
    expect(Math.max(...totals.values()) / all).toBeLessThan(0.35);
    expect((totals.get("read_aloud") ?? 0) / all).toBeLessThan(0.15);
    // An "other" write-in answers its own question.
    const reasons = baseline.map((f) => f.answers["visit_reasons.other"]).filter(Boolean);
    expect(reasons).not.toContain("Käyn vessassa");
    const reading = baseline.map((f) => f.answers["read_what.other"]).filter(Boolean);
    for (const t of reading)
      expect([
        "Sarjakuvat",
        "Reseptit",
        "Raamattu",
        "Kelan kirjeet",
        "Pelien ohjeet",
        "Serier",
        "Recept",
        "Comics",
        "Recipes",
      ]).toContain(t);
    // The follow-up rates the library a little higher than the baseline, not wildly so.
    const mean = (fs: Form[]) => {
      const g = fs.map((f) => Number(f.answers.grade)).filter((n) => Number.isFinite(n) && n > 0);
      return g.reduce((x, y) => x + y, 0) / g.length;
    };
    expect(mean(followup) - mean(baseline)).toBeGreaterThan(0);
    expect(mean(followup) - mean(baseline)).toBeLessThan(1);
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
