// The progress line: on a terminal only, after a second, throttled, never wider than the
// terminal, and taken back when done; and export, merge and report draw it (import has since
// long) and clear it before their own lines.
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { run } from "../../src/cli/main.js";
import { memoryIo } from "../../src/terminal/io.js";
import { progressBar } from "../../src/terminal/progress.js";
import { ROOT, runCli, tempDir } from "../helpers/cli.js";

function fakeStderr(tty: boolean, columns = 80) {
  const writes: string[] = [];
  const io = memoryIo({ tty });
  io.stderr = { write: (c) => writes.push(String(c)), isTTY: tty, columns };
  return { io, writes };
}

describe("progressBar", () => {
  it("stays quiet for a second, then draws the bar, the share and the note", () => {
    let t = 0;
    const { io, writes } = fakeStderr(true);
    const bar = progressBar(io, () => t);
    t = 999;
    bar.update({ done: 1, total: 4, note: "1 of 4 responses" });
    expect(writes).toEqual([]);
    t = 1000;
    bar.update({ done: 1, total: 4, note: "1 of 4 responses" });
    expect(writes).toEqual([`\r[${"#".repeat(8)}${".".repeat(22)}]  25%  1 of 4 responses\x1b[K`]);
    bar.clear();
    expect(writes.at(-1)).toBe("\r\x1b[K");
  });

  it("draws the same step at most every 100 ms, a new step at once", () => {
    let t = 0;
    const { io, writes } = fakeStderr(true);
    const bar = progressBar(io, () => t);
    t = 2000;
    bar.update({ done: 1, total: 10, note: "rows" });
    t = 2050;
    bar.update({ done: 2, total: 10, note: "rows" });
    expect(writes).toHaveLength(1);
    t = 2060;
    bar.update({ done: 0, total: 0, note: "writing pdf" });
    expect(writes).toHaveLength(2);
    expect(writes[1]).toBe("\rwriting pdf\x1b[K");
    t = 2200;
    bar.update({ done: 0, total: 0, note: "writing pdf" });
    expect(writes).toHaveLength(3);
  });

  it("never writes a line wider than the terminal (it could not be taken back)", () => {
    let t = 0;
    const { io, writes } = fakeStderr(true, 40);
    const bar = progressBar(io, () => t);
    t = 5000;
    bar.update({ done: 5, total: 10, note: "a very long note about what is being done right now" });
    const line = writes[0]!.replace(/^\r/, "").replace(/\x1b\[K$/, "");
    expect(line.length).toBeLessThanOrEqual(39);
    expect(line.endsWith("…")).toBe(true);
  });

  it("writes nothing at all when standard error is not a terminal (a file, a pipe)", () => {
    let t = 0;
    const { io, writes } = fakeStderr(false);
    const bar = progressBar(io, () => t);
    t = 10_000;
    bar.update({ done: 5, total: 10, note: "rows" });
    bar.clear();
    expect(writes).toEqual([]);
  });

  it("clears nothing it did not draw", () => {
    const { io, writes } = fakeStderr(true);
    progressBar(io, () => 0).clear();
    expect(writes).toEqual([]);
  });
});

describe("export, merge and report on a terminal", () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string;
  beforeAll(async () => {
    tmp = tempDir();
    db = join(tmp.dir, "data.db");
    const survey = join(ROOT, "surveys/welcome-baseline.yaml");
    const r = await runCli(["import", survey, join(ROOT, "fixtures/demo/baseline.csv"), "--db", db]);
    expect(r.code).toBe(0);
  });
  afterAll(() => tmp.cleanup());
  afterEach(() => vi.restoreAllMocks());

  /** Each look at the clock is 1.5 s later: the work "takes" seconds. */
  function slowClock(): void {
    let t = Date.now();
    vi.spyOn(Date, "now").mockImplementation(() => (t += 1500));
  }

  let n = 0;
  const fresh = (name: string) => join(tmp.dir, `${++n}-${name}`);
  const commands: [string, () => string[]][] = [
    ["export", () => ["export", "welcome-baseline", "--db", db, "--out", fresh("x.csv")]],
    ["merge", () => ["merge", db, "--into", fresh("m.db")]],
    ["report", () => ["report", "welcome-baseline", "--db", db, "--format", "json", "--out", fresh("r")]],
  ];

  it.each(commands)(
    "%s draws a progress line on standard error and clears it before its own lines",
    async (_, args) => {
      slowClock();
      const io = memoryIo({ cwd: tmp.dir, tty: true, env: { NO_COLOR: "1" } });
      const code = await run(args(), io);
      expect(code, io.errors()).toBe(0);
      const err = io.errors();
      expect(err).toMatch(/\r[^\r]*(responses|analysing|reading|writing|checking)/);
      // The last progress drawing is taken back before the command's own line.
      const lastDraw = err.lastIndexOf("\r");
      expect(err.slice(lastDraw, lastDraw + 4)).toBe("\r\x1b[K");
      expect(io.output()).not.toContain("\r");
    },
  );

  /** A report of `dbPath` on a terminal: what it wrote to standard error. */
  async function reportOnTerminal(dbPath: string): Promise<string> {
    slowClock();
    const io = memoryIo({ cwd: tmp.dir, tty: true, env: { NO_COLOR: "1" } });
    const args = ["report", "welcome-baseline", "--db", dbPath, "--format", "json", "--out", fresh("r")];
    expect(await run(args, io), io.errors()).toBe(0);
    return io.errors();
  }

  it("report counts the responses as it reads them", async () => {
    expect(await reportOnTerminal(db)).toMatch(/\r\[#+\] 100% {2}reading the responses: 62 of 62/);
  });

  it("an older store's upgrade (the answer codes made for every response) draws the line too", async () => {
    const old = fresh("old.db");
    copyFileSync(db, old);
    const raw = new Database(old);
    raw.exec("ALTER TABLE responses DROP COLUMN codes");
    raw.pragma("user_version = 6");
    raw.close();
    expect(await reportOnTerminal(old)).toMatch(/\r\[#+\] 100% {2}upgrading the database: 62 of 62/);
  });

  it.each(commands)("%s writes no progress when standard error is not a terminal", async (_, args) => {
    slowClock();
    const io = memoryIo({ cwd: tmp.dir, tty: false, env: { NO_COLOR: "1" } });
    const code = await run(args(), io);
    expect(code, io.errors()).toBe(0);
    expect(io.errors()).not.toContain("\r");
  });
});
