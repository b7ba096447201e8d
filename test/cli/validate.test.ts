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
