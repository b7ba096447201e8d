// Test helpers: run Kuulo in-process (fast, sees stdout/stderr/exit code) or as the built binary
// (the real thing: bin/kuulo.js → dist/), each in a fresh temporary working directory.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { run } from "../../src/cli/main.js";
import { memoryIo } from "../../src/terminal/io.js";

export const ROOT = resolve(import.meta.dirname, "../..");
export const BIN = join(ROOT, "bin/kuulo.js");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(
  argv: string[],
  opts: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  const io = memoryIo({ cwd: opts.cwd ?? ROOT, env: { ...opts.env } });
  const code = await run(argv, io);
  return { code, stdout: io.output(), stderr: io.errors() };
}

/** The built binary as a child process. Needs `npm run build` first (npm test does it). */
export function runBin(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string>; input?: string; timeout?: number } = {},
): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: "1", ...opts.env },
    input: opts.input ?? "",
    encoding: "utf8",
    timeout: opts.timeout ?? 60_000,
  });
  return { code: r.status ?? (r.signal ? 128 : -1), stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(prefix = "kuulo-test-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The built binary run with `args`, recording every module it resolves (test/helpers/record-loads.mjs):
 * its exit status, standard error and the module URLs, one a line, so that a test can prove what a
 * command does not load.
 */
export function modulesLoaded(
  args: string[],
  opts: { cwd: string; log: string },
): { code: number | null; stderr: string; loaded: string } {
  const r = spawnSync(
    process.execPath,
    ["--import", join(ROOT, "test/helpers/record-loads.mjs"), BIN, ...args],
    {
      cwd: opts.cwd,
      env: { ...process.env, KUULO_LOAD_LOG: opts.log },
      encoding: "utf8",
    },
  );
  return { code: r.status, stderr: r.stderr, loaded: readFileSync(opts.log, "utf8") };
}
