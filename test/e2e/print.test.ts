// `kuulo print` as a person runs it: the PDF lands where asked (or under a default name), and a
// path that cannot be written fails with exit 73, a hint, and no half-written file left behind.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, runBin, tempDir } from "../helpers/cli.js";
import { pageTexts, pdfFonts, pdfPages } from "../helpers/print-pdf-tools.js";

const tmp = tempDir("kuulo-print-");
afterAll(() => tmp.cleanup());
const baseline = join(ROOT, "surveys/welcome-baseline.yaml");

function dir(name: string): string {
  const d = join(tmp.dir, name);
  mkdirSync(d, { recursive: true });
  return d;
}

describe("kuulo print", () => {
  it("writes <survey-id>-<lang>-plain.pdf in the current folder by default", () => {
    const cwd = dir("default");
    const r = runBin(["print", baseline, "--lang", "fi", "--plain"], { cwd });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Wrote welcome-baseline-fi-plain\.pdf \(\d+ pages, A4, fi, plain language\)\.\n$/,
    );
    expect(readdirSync(cwd)).toEqual(["welcome-baseline-fi-plain.pdf"]);
    const pdf = readFileSync(join(cwd, "welcome-baseline-fi-plain.pdf"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdfFonts(pdf).every((f) => f.embedded)).toBe(true);
    const pages = pageTexts(pdf);
    expect(pages.length).toBe(pdfPages(pdf));
    expect(pages[0]).toContain("Tervetuloa kirjastoon");
    expect(pages.at(-1)).toContain(`Sivu ${pages.length}/${pages.length}`);
    // The plain-language baseline fits in 12 A4 pages, and says so on its last one.
    expect(pages.length).toBeLessThanOrEqual(12);
    expect(r.stdout).toContain(`(${pages.length} pages,`);
  });

  it("writes to --out, in the survey's first language by default, the same bytes each time (replacing only with --force)", () => {
    const cwd = dir("out");
    const a = runBin(["print", baseline, "--out", "lomake.pdf"], { cwd });
    expect(a.code).toBe(0);
    const first = readFileSync(join(cwd, "lomake.pdf"));
    expect(pageTexts(first)[0]).toContain("Rastita");
    const refused = runBin(["print", baseline, "--out", "lomake.pdf"], { cwd });
    expect(refused.code).toBe(73);
    expect(refused.stderr).toContain("--force");
    const b = runBin(["print", baseline, "--out", "lomake.pdf", "--force"], { cwd });
    expect(b.code).toBe(0);
    expect(readFileSync(join(cwd, "lomake.pdf")).equals(first)).toBe(true);
    expect(readdirSync(cwd)).toEqual(["lomake.pdf"]);
  });

  it("prints Swedish and English forms", () => {
    const cwd = dir("langs");
    expect(runBin(["print", baseline, "--lang", "sv"], { cwd }).code).toBe(0);
    expect(runBin(["print", baseline, "--lang", "en"], { cwd }).code).toBe(0);
    expect(readdirSync(cwd).sort()).toEqual(["welcome-baseline-en.pdf", "welcome-baseline-sv.pdf"]);
    expect(pageTexts(readFileSync(join(cwd, "welcome-baseline-sv.pdf")))[0]).toContain("Kryssa i en ruta.");
  });

  it("exits 73 with a hint when the folder does not exist, leaving nothing behind", () => {
    const cwd = dir("nofolder");
    const r = runBin(["print", baseline, "--out", "missing/form.pdf"], { cwd });
    expect(r.code).toBe(73);
    expect(r.stderr).toContain("missing/form.pdf");
    expect(r.stderr).toContain("hint:");
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("exits 73 when the path runs through a file, leaving nothing behind", () => {
    const cwd = dir("throughfile");
    writeFileSync(join(cwd, "notes.txt"), "x");
    const r = runBin(["print", baseline, "--out", "notes.txt/form.pdf"], { cwd });
    expect(r.code).toBe(73);
    expect(r.stderr).toContain("part of the path is a file");
    expect(r.stderr).not.toContain(".tmp");
    expect(readdirSync(cwd)).toEqual(["notes.txt"]);
  });

  it("exits 73 when --out is a folder, and the folder is left as it was", () => {
    const cwd = dir("isfolder");
    mkdirSync(join(cwd, "forms"));
    const r = runBin(["print", baseline, "--out", "forms"], { cwd });
    expect(r.code).toBe(73);
    expect(r.stderr).toContain("--out forms/form.pdf");
    expect(readdirSync(cwd)).toEqual(["forms"]);
    expect(readdirSync(join(cwd, "forms"))).toEqual([]);
  });

  it("exits 2 for a language the survey does not have, naming the ones it has", () => {
    const r = runBin(["print", baseline, "--lang", "de"], { cwd: dir("badlang") });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("fi, sv, en");
  });

  it("exits 66 for a missing survey and 65 for an invalid one", () => {
    const cwd = dir("bad");
    expect(runBin(["print", "nope.yaml"], { cwd }).code).toBe(66);
    const bad = runBin(["print", join(ROOT, "fixtures/surveys/invalid/05-unknown-type.yaml")], { cwd });
    expect(bad.code).toBe(65);
    expect(bad.stderr).toContain("kuulo validate");
    expect(readdirSync(cwd)).toEqual([]);
  });

  it("is listed in the help", () => {
    expect(runBin(["--help"]).stdout).toMatch(/print \[options\] <survey>/);
    expect(runBin(["print", "--help"]).stdout).toContain("--plain");
  });
});
