// Storage faults with real processes: two writers at once lose nothing; SIGKILL mid-transaction
// and between answers leaves the file whole with every committed answer; files that are not
// usable databases get a clear message and exit code from the binary, never a stack trace.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { checkStore, getResponse, listResponses, openStore, SCHEMA_VERSION } from "../../src/store/index.js";
import { ROOT, runBin, tempDir } from "../helpers/cli.js";
import { MINIMAL_PATH } from "../helpers/store-data.js";

const WRITER = join(ROOT, "test/helpers/store-writer.mjs");
const tmp = tempDir();
afterAll(() => tmp.cleanup());

function writer(args: string[]): ChildProcess {
  return spawn(process.execPath, [WRITER, ...args], { stdio: ["ignore", "pipe", "pipe"] });
}

/** Resolves with the child's exit code and output. */
function finished(
  child: ChildProcess,
): Promise<{ code: number | null; signal: string | null; out: string; err: string }> {
  let out = "";
  let err = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (err += d));
  return new Promise((done) => child.on("close", (code, signal) => done({ code, signal, out, err })));
}

/** Resolves with the output so far once a line matches. */
function waitFor(child: ChildProcess, pattern: RegExp): Promise<string> {
  let out = "";
  return new Promise((done, fail) => {
    child.stdout!.on("data", (d) => {
      out += d;
      if (pattern.test(out)) done(out);
    });
    child.on("close", () => fail(new Error(`child ended before ${pattern}: ${out}`)));
  });
}

const noStack = (s: string) => expect(s).not.toMatch(/\bat .*\.js:\d+:\d+/);

describe("two processes writing at once", () => {
  it("store 1000 responses each, answer by answer, and lose none", { timeout: 240_000 }, async () => {
    const db = join(tmp.dir, "two.db");
    const a = finished(writer(["write", db, MINIMAL_PATH, "1000", "aaaaaaaa"]));
    const b = finished(writer(["write", db, MINIMAL_PATH, "1000", "bbbbbbbb"]));
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra.err).toBe("");
    expect(rb.err).toBe("");
    expect([ra.code, rb.code]).toEqual([0, 0]);
    const s = openStore(db, { readonly: true });
    try {
      const all = listResponses(s, "minimal", { status: "complete" });
      expect(all).toHaveLength(2000);
      for (const tag of ["aaaaaaaa", "bbbbbbbb"])
        for (const i of [0, 1, 499, 998, 999]) {
          const r = getResponse(s, `${tag}-0000-4000-8000-${String(i).padStart(12, "0")}`);
          expect(r?.answers).toEqual({ visit_freq: i % 2 ? "weekly" : "never", wishes: `${tag} ${i}` });
        }
      expect(checkStore(s)).toMatchObject({ ok: true, integrity: [], changedOutside: [] });
    } finally {
      s.close();
    }
  });
});

describe("SIGKILL", () => {
  it("mid-transaction leaves the file whole, the committed responses readable and none of the uncommitted", async () => {
    const db = join(tmp.dir, "killed.db");
    const child = writer(["hang", db, MINIMAL_PATH, "200"]);
    const done = finished(child);
    await waitFor(child, /in-transaction/);
    child.kill("SIGKILL");
    expect((await done).signal).toBe("SIGKILL");
    const s = openStore(db, { create: false });
    try {
      expect(checkStore(s)).toMatchObject({ ok: true, integrity: [] });
      const rs = listResponses(s, "minimal");
      expect(rs).toHaveLength(200);
      expect(rs.every((r, i) => r.answers.wishes === `response ${i}`)).toBe(true);
    } finally {
      s.close();
    }
  });

  it("between answers keeps every answer that was reported saved", async () => {
    const db = join(tmp.dir, "answers.db");
    const child = writer(["answers", db, MINIMAL_PATH]);
    const done = finished(child);
    const out = await waitFor(child, /saved 25\n/);
    child.kill("SIGKILL");
    await done;
    const last = Math.max(...[...out.matchAll(/saved (\d+)/g)].map((m) => Number(m[1])));
    const s = openStore(db, { create: false });
    try {
      const r = listResponses(s, "minimal")[0]!;
      // The answer on screen when the power went may be newer than the last line we read, never older.
      expect(Number(String(r.answers.wishes).replace("answer ", ""))).toBeGreaterThanOrEqual(last);
      expect(checkStore(s).ok).toBe(true);
    } finally {
      s.close();
    }
  });
});

describe("unusable database files, through the binary", () => {
  const cases: [string, () => string, RegExp, number][] = [
    [
      "a CSV file given as the database",
      () => {
        const p = join(tmp.dir, "forms.csv");
        writeFileSync(p, "response_id;visit_freq\n1;weekly\n");
        return p;
      },
      /is not a Kuulo database: it is not an SQLite database file/,
      74,
    ],
    [
      "another program's SQLite database",
      () => {
        const p = join(tmp.dir, "other.sqlite");
        const d = new Database(p);
        d.exec("CREATE TABLE contacts (name TEXT)");
        d.close();
        return p;
      },
      /an SQLite database of another program/,
      74,
    ],
    [
      "a database from a newer Kuulo",
      () => {
        const p = join(tmp.dir, "newer.db");
        openStore(p, { create: true }).close();
        const d = new Database(p);
        d.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
        d.close();
        return p;
      },
      /made by a newer Kuulo[\s\S]*Update Kuulo/,
      74,
    ],
    [
      "a read-only file",
      () => {
        const p = join(tmp.dir, "readonly.db");
        openStore(p, { create: true }).close();
        chmodSync(p, 0o444);
        return p;
      },
      /is read-only: nothing can be saved in it/,
      74,
    ],
    [
      "a missing folder",
      () => join(tmp.dir, "no-such-folder", "kuulo.db"),
      /the folder .*no-such-folder does not exist[\s\S]*mkdir/,
      74,
    ],
  ];
  for (const [name, make, message, code] of cases)
    it(`${name}: a clear message, exit ${code}, no stack trace`, () => {
      const db = make();
      const r = runBin(["sessions", "create", "s1", "--db", db]);
      expect(r.stderr).toMatch(message);
      expect(r.code).toBe(code);
      noStack(r.stderr);
    });

  it("a read-only file can still be read", () => {
    const r = runBin(["sessions", "list", "--db", join(tmp.dir, "readonly.db")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("No sessions yet");
  });

  it.skipIf(!canMountTmpfs())(
    "a full disk: a clear message, exit 74, and what was saved before is kept",
    () => {
      const mnt = join(tmp.dir, "small-disk");
      mkdirSync(mnt);
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=256k", "tmpfs", mnt]);
      try {
        const db = join(mnt, "kuulo.db");
        expect(runBin(["sessions", "create", "before", "--db", db]).code).toBe(0);
        writeFileSync(join(mnt, "filler"), Buffer.alloc(256 * 1024 - 190 * 1024));
        const r = runBin(
          ["surveys", "add", "surveys/welcome-baseline.yaml", "surveys/welcome-followup.yaml", "--db", db],
          { cwd: ROOT },
        );
        expect(r.stderr).toMatch(/The disk is full/);
        expect(r.code).toBe(74);
        noStack(r.stderr);
        const list = runBin(["sessions", "list", "--json", "--db", db]);
        expect(JSON.parse(list.stdout).map((s: { id: string }) => s.id)).toEqual(["before"]);
      } finally {
        execFileSync("umount", [mnt]);
      }
    },
  );
});

/** A real full disk needs a small tmpfs, which only root may mount; elsewhere the unit test's page cap stands in. */
function canMountTmpfs(): boolean {
  if (process.platform !== "linux" || process.getuid?.() !== 0) return false;
  const probe = join(tmp.dir, "probe");
  try {
    mkdirSync(probe);
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe], { stdio: "ignore" });
    execFileSync("umount", [probe], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
