// `kuulo validate` and `kuulo preview` in-process: output, JSON, exit codes.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, tempDir } from "../helpers/cli.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const minimal = "fixtures/surveys/valid/minimal.yaml";

describe("kuulo validate", () => {
  it("accepts a valid survey and names its version", async () => {
    const r = await runCli(["validate", minimal]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/valid \(minimal, version [0-9a-f]{12}\)/);
  });

  it("reports file:line:col, the source line, the code and a hint; exit 65", async () => {
    const r = await runCli(["validate", "fixtures/surveys/invalid/09-show-if-unknown-question.yaml"]);
    expect(r.code).toBe(65);
    expect(r.stdout).toMatch(/09-show-if-unknown-question\.yaml:\d+:\d+ error SURVEY_UNKNOWN_REF/);
    expect(r.stdout).toContain("show_if: visit_frq == 'yes'");
    expect(r.stdout).toMatch(/\^{9}/); // visit_frq underlined
    expect(r.stdout).toContain('Did you mean "visit_freq"?');
  });

  it("reports all files and sums up", async () => {
    const r = await runCli([
      "validate",
      minimal,
      "fixtures/surveys/invalid/05-unknown-type.yaml",
      "fixtures/surveys/invalid/21-unknown-question-key.yaml",
    ]);
    expect(r.code).toBe(65);
    expect(r.stdout).toContain('Did you mean "single"?');
    expect(r.stdout).toContain('Did you mean "required"?');
    expect(r.stdout).toMatch(/3 file\(s\) checked: 2 error\(s\)/);
  });

  it("reports a misspelt type and the show_if mistakes further down in the same run", async () => {
    const r = await runCli(["validate", "fixtures/surveys/invalid/30-misspelt-type-key.yaml"]);
    expect(r.code).toBe(65);
    expect(r.stdout).toContain('Unknown key "tpye" in question "visit_reasons": did you mean type?');
    expect(r.stdout).toContain("Write type: multi");
    expect(r.stdout).not.toContain("has no type");
    expect(r.stdout).toContain('show_if: There is no question "visit_freg".');
    expect(r.stdout).toContain('show_if: "weeky" is not one of the answers of "visit_freq".');
    expect(r.stdout).toMatch(/1 file\(s\) checked: 3 error\(s\)/);
  });

  it("points an unclosed quote at its opening quote, not at the end of the file", async () => {
    const r = await runCli(["validate", "fixtures/surveys/invalid/31-unclosed-quote.yaml"]);
    expect(r.stdout).toContain("31-unclosed-quote.yaml:4:14 error SURVEY_UNCLOSED_QUOTE");
    expect(r.stdout).toMatch(/1 file\(s\) checked: 1 error\(s\)/);
  });

  it("explains an unquoted comma in a text once, with the quoted text as the fix", async () => {
    const r = await runCli(["validate", "fixtures/surveys/invalid/32-unquoted-comma.yaml"]);
    expect(r.stdout).toContain(
      'A comma outside quotes splits the fi text of question "q1": "mitä teet ensin?" is read as a key of its own.',
    );
    expect(r.stdout).toContain('Put the whole text in quotes: fi: "Kun tulet kirjastoon, mitä teet ensin?"');
    expect(r.stdout).not.toContain("Invalid key in record");
    expect(r.stdout).toMatch(/checked: 1 error\(s\)/);
  });

  it("points at the choice inside an inline list that has a mistake", async () => {
    const r = await runCli(["validate", "fixtures/surveys/invalid/33-inline-choice-mistake.yaml"]);
    expect(r.stdout).toContain('Unknown key "lable" in choice 2 of question "services_used".');
    expect(r.stdout).toContain('Did you mean "label"?');
    expect(r.stdout).not.toContain("Invalid input");
  });

  it("says where the first of two equal analysis ids is", async () => {
    const r = await runCli(["validate", "fixtures/surveys/invalid/34-duplicate-analysis-id.yaml"]);
    expect(r.stdout).toContain(
      'Analysis id "collection" is used twice (the first one is on line 20, column 11).',
    );
  });

  it("gives JSON with --json", async () => {
    const r = await runCli(["validate", "--json", "fixtures/surveys/invalid/15-min-greater-than-max.yaml"]);
    expect(r.code).toBe(65);
    const json = JSON.parse(r.stdout);
    expect(json.errors).toBe(1);
    expect(json.files[0].diagnostics[0]).toMatchObject({ code: "SURVEY_MIN_GT_MAX", severity: "error" });
  });

  it("exits 66 for a missing file and for a directory", async () => {
    expect((await runCli(["validate", "nope/missing.yaml"])).code).toBe(66);
    const d = await runCli(["validate", tmp.dir]);
    expect(d.code).toBe(66);
    expect(d.stdout).toContain("is a directory");
  });

  it("refuses a 50 MB file quickly with a clear message", async () => {
    const big = join(tmp.dir, "big.yaml");
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 0x20));
    const started = Date.now();
    const r = await runCli(["validate", big]);
    expect(r.code).toBe(65);
    expect(r.stdout).toContain("SURVEY_TOO_LARGE");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("warns (without failing) about missing translations and plain wording", async () => {
    const dir = join(tmp.dir, "warn");
    mkdirSync(dir);
    const f = join(dir, "w.yaml");
    writeFileSync(
      f,
      "kuulo: 1\nid: w\ntitle: { fi: T }\nlanguages: [fi, sv]\nsections:\n  - id: s\n    title: { fi: O, sv: A }\n    questions:\n      - { id: q, type: yesno, text: { fi: K, sv: F } }\n",
    );
    const r = await runCli(["validate", f]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("warning SURVEY_MISSING_TRANSLATION");
    expect(r.stdout).toContain("warning SURVEY_NO_PLAIN");
    const quiet = await runCli(["validate", "--no-warnings", f]);
    expect(quiet.stdout).not.toContain("warning SURVEY");
  });
});

describe("kuulo preview", () => {
  it("prints the questionnaire with skip logic in words", async () => {
    const r = await runCli(["preview", minimal, "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("1. How often do you visit the library?");
    expect(r.stdout).toMatch(/Shown if .*question 1/);
    expect(r.stdout).toContain("(weekly)");
  });

  it("uses the plain wording with --plain", async () => {
    const r = await runCli(["preview", minimal, "--lang", "fi", "--plain"]);
    expect(r.stdout).toContain("Lukeminen on kivaa");
  });

  it("quotes the plain labels in skip notes with --plain, as the plain paper form does", async () => {
    const r = await runCli(["preview", "surveys/welcome-baseline.yaml", "--lang", "fi", "--plain"]);
    const notes = r.stdout.replace(/\n\s+/g, " ");
    expect(notes).toMatch(/Näytetään, jos kysymys 2 on jokin näistä: “Harvemmin kuin kerran kuussa”/);
    const standard = (await runCli(["preview", "surveys/welcome-baseline.yaml", "--lang", "fi"])).stdout;
    expect(standard.replace(/\n\s+/g, " ")).toMatch(/Näytetään, jos kysymys 2 on jokin näistä: “Harvemmin”/);
  });

  it("writes a numeric scale labelled at its ends as numbers between the two labels", async () => {
    const r = await runCli(["preview", "fixtures/surveys/valid/numeric-scale-ends.yaml", "--lang", "fi"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("1 = Huono · 2 · 3 · 4 · 5 · 6 · 7 · 8 · 9 = Hyvä");
    expect(r.stdout).toContain("( ) Tosi huono  (1)\n   ( ) 2\n");
    expect(r.stdout).toContain("( ) En osaa sanoa  (dk)");
    expect(r.stdout).not.toMatch(/\b(\d) = \1\b/);
  });

  it("rejects a language the survey does not have (exit 2)", async () => {
    const r = await runCli(["preview", minimal, "--lang", "de"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Languages of this survey: fi, sv, en");
  });

  it("refuses an invalid survey with exit 65 and points to validate", async () => {
    const r = await runCli(["preview", "fixtures/surveys/invalid/05-unknown-type.yaml"]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain("kuulo validate");
  });
});
