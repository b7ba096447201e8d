// The CLI contract every command shares: help, version, usage errors and exit codes.
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

describe("kuulo (in-process)", () => {
  it("prints help with examples and exits 0", async () => {
    const r = await runCli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: kuulo");
    expect(r.stdout).toContain("Examples:");
  });

  it("prints the version", async () => {
    const r = await runCli(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("exits 2 on an unknown command, suggesting the right one", async () => {
    const r = await runCli(["valdate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("validate");
  });

  it("exits 2 on an unknown option of a subcommand", async () => {
    const r = await runCli(["validate", "--nope", "x.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option/i);
  });

  it("gives every command help with an example", async () => {
    const top = await runCli(["--help"]);
    const names = [...top.stdout.matchAll(/^ {2}([a-z-]+)(?: \[options\]| <|\s)/gm)]
      .map((m) => m[1]!)
      .filter((n) => n !== "help");
    expect(names.length).toBeGreaterThan(1);
    for (const name of names) {
      const r = await runCli([name, "--help"]);
      expect(r.code, name).toBe(0);
      expect(r.stdout, name).toMatch(/Examples?:/);
    }
  });
});
