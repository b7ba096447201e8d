// The built binary as a person runs it: help, version, exit codes, pipes, and a fast start
// that loads none of the heavy modules (SQLite, inquirer, chart.js, canvas, pdfkit, exceljs).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, modulesLoaded, ROOT, runBin, tempDir } from "../helpers/cli.js";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe("bin/kuulo.js", () => {
  it("shows help and exits 0", () => {
    const r = runBin(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: kuulo");
  });

  it("prints the package version", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(runBin(["--version"]).stdout.trim()).toBe(pkg.version);
  });

  it("validates the bundled surveys", () => {
    const r = runBin([
      "validate",
      "surveys/welcome-baseline.yaml",
      "surveys/welcome-followup.yaml",
      "surveys/workshop-feedback.yaml",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("exits 65 with located diagnostics and no stack trace for a bad survey", () => {
    const r = runBin(["validate", "fixtures/surveys/invalid/01-yaml-syntax.yaml"]);
    expect(r.code).toBe(65);
    expect(r.stdout).toMatch(/01-yaml-syntax\.yaml:\d+:\d+ error/);
    expect(r.stdout + r.stderr).not.toMatch(/\bat .*\.js:\d+:\d+/);
  });

  it("exits 0 when its output is cut short by head", () => {
    const r = spawnSync(
      "bash",
      ["-c", `set -o pipefail; node ${BIN} preview surveys/welcome-baseline.yaml | head -2`],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    );
    expect(r.stdout.split("\n").length).toBeLessThanOrEqual(3);
    expect(r.status).toBe(0);
  });

  it("uses no colour when NO_COLOR is set or output is not a terminal", () => {
    const r = runBin(["validate", "fixtures/surveys/invalid/05-unknown-type.yaml"], {
      env: { NO_COLOR: "1" },
    });
    expect(r.stdout).not.toContain("\u001b[");
  });

  it("loads no heavy module for --help", () => {
    const { code, loaded } = modulesLoaded(["--help"], { cwd: ROOT, log: join(tmp.dir, "loads.txt") });
    expect(code).toBe(0);
    expect(loaded).toContain("dist/cli/main.js");
    for (const heavy of [
      "better-sqlite3",
      "@inquirer",
      "chart.js",
      "@napi-rs/canvas",
      "pdfkit",
      "exceljs",
      "csv-parse",
    ])
      expect(loaded, heavy).not.toContain(`node_modules/${heavy}`);
    // Nor any command's module: the list of commands is one small file.
    expect(loaded.split("\n").filter((u) => u.includes("dist/cli/commands/"))).toEqual([
      expect.stringMatching(/dist\/cli\/commands\/index\.js$/),
    ]);
    expect(loaded).not.toContain("dist/i18n/");
  });
});
