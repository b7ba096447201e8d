// The workbench of the bad-files catalogues: a good store made by importing the demo forms and
// a damaged copy of it, the built binary run in a case's folder, and one test per case that
// checks the exit status, the message code and that the named files came through unchanged.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { constants, crc32, deflateRawSync } from "node:zlib";
import { beforeAll, expect, it } from "vitest";
import { BIN, ROOT, tempDir } from "./cli.js";

export const SURVEY = join(ROOT, "surveys/welcome-baseline.yaml");
const FORMS = join(ROOT, "fixtures/demo/baseline.csv");
/** Responses the demo forms give (one of their rows is refused). */
export const STORED = 62;

export function kuulo(cwd: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [process.env.KUULO_TEST_BIN ?? BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: "1", KUULO_DB: "kuulo.db", ...env },
    input: "",
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export const digest = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

/** How many responses the database holds, read by the binary itself (74 if it cannot). */
export function responsesIn(dir: string, db: string): number {
  const r = kuulo(dir, ["surveys", "list", "--json", "--db", db]);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { responses: number }[]).reduce((n, s) => n + s.responses, 0);
}

/** The demo forms with one row that fails (visited_12m = "zzz"), as Finnish Excel saves them. */
function formsWithOneBadRow(): Buffer {
  const lines = readFileSync(FORMS).toString("latin1").split("\r\n");
  const cells = lines[3]!.split(";");
  cells[4] = "zzz";
  lines[3] = cells.join(";");
  return Buffer.from(lines.join("\r\n"), "latin1");
}

/** Damage one leaf page of the responses table the way a failing USB stick does. */
function damage(src: string, dst: string): void {
  const bytes = readFileSync(src);
  // The responses table's leaf pages are the 29th onward in a freshly imported store; the
  // header, schema, surveys and sessions pages stay whole, so the file still opens.
  const page = 4096;
  const leaf = Math.floor(bytes.length / page) - 18;
  const at = (leaf - 1) * page + 3392;
  for (let i = at; i < at + 4000 && i < bytes.length; i += 2) {
    bytes[i] = 0xde;
    bytes[i + 1] = 0xad;
  }
  writeFileSync(dst, bytes);
}

export interface Case {
  name: string;
  /** Files made in the case's folder before the command (besides kuulo.db, forms.csv, survey.yaml). */
  setup?: (dir: string) => void;
  args: string[];
  exit: number;
  code: string;
  /** Files (relative) that must be byte-for-byte the same afterwards. */
  same: string[];
  /** Files that must not exist afterwards. */
  absent?: string[];
  /** Databases that must still hold every response afterwards. */
  whole?: string[];
  /** Nothing at all on standard output. */
  quiet?: boolean;
  /** Start from the damaged database as kuulo.db. */
  damaged?: boolean;
  /** The whole output stays short (no huge excerpt, no stack). */
  short?: boolean;
}

export const DB = ["kuulo.db"];

/** A workbook whose one sheet unpacks to 600 MB of spaces (about 0.6 MB packed): a zip bomb. */
export function zipBomb(path: string): void {
  const name = Buffer.from("xl/worksheets/sheet1.xml");
  const chunk = Buffer.alloc(1 << 20, 0x20);
  const copies = 600;
  let crc = 0;
  for (let i = 0; i < copies; i++) crc = crc32(chunk, crc);
  // A full flush ends each packed copy on a byte boundary with no reference to the one before,
  // so the same bytes repeated are one valid deflate stream; an empty final block ends it.
  const one = deflateRawSync(chunk, { finishFlush: constants.Z_FULL_FLUSH });
  const data = Buffer.concat([...Array.from({ length: copies }, () => one), deflateRawSync(Buffer.alloc(0))]);
  const header = (size: number, sig: number) => {
    const b = Buffer.alloc(size);
    b.writeUInt32LE(sig, 0);
    return b;
  };
  const local = header(30, 0x04034b50);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc >>> 0, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(chunk.length * copies, 22);
  local.writeUInt16LE(name.length, 26);
  const central = header(46, 0x02014b50);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc >>> 0, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(chunk.length * copies, 24);
  central.writeUInt16LE(name.length, 28);
  const end = header(22, 0x06054b50);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length + data.length, 16);
  writeFileSync(path, Buffer.concat([local, name, data, central, name, end]));
}

/**
 * A temporary folder holding good.db (the demo forms imported, closed cleanly) and damaged.db (the
 * same with a leaf page of responses overwritten), made before the calling file's tests.
 */
export function storeBench(prefix: string) {
  const tmp = tempDir(prefix);
  const GOOD = join(tmp.dir, "good.db");
  const DAMAGED = join(tmp.dir, "damaged.db");
  beforeAll(() => {
    const r = kuulo(tmp.dir, ["import", SURVEY, FORMS, "--db", GOOD, "--session", "kevat-1"]);
    expect(r.code, r.stderr).toBe(0);
    // Closed cleanly, so that a copy of good.db alone is the whole database.
    expect(existsSync(`${GOOD}-wal`)).toBe(false);
    damage(GOOD, DAMAGED);
  });
  return { tmp, GOOD, DAMAGED };
}

/** One test per case, each in a folder of its own with kuulo.db, survey.yaml and forms.csv. */
export function caseTests(cases: Case[], bench: ReturnType<typeof storeBench>): void {
  const { tmp, GOOD, DAMAGED } = bench;
  for (const [i, c] of cases.entries())
    it(`${c.name} → exit ${c.exit} [${c.code}]`, () => {
      const dir = join(tmp.dir, `case-${i}`);
      mkdirSync(dir);
      copyFileSync(c.damaged ? DAMAGED : GOOD, join(dir, "kuulo.db"));
      copyFileSync(SURVEY, join(dir, "survey.yaml"));
      writeFileSync(join(dir, "forms.csv"), formsWithOneBadRow());
      c.setup?.(dir);
      const before = new Map(c.same.map((f) => [f, digest(join(dir, f))]));
      const r = kuulo(dir, c.args);
      expect(r.code, r.stdout + r.stderr).toBe(c.exit);
      // Survey diagnostics name the code first (validate's format), other errors end with it.
      expect(r.stderr + r.stdout).toMatch(new RegExp(`\\[${c.code}\\]|error ${c.code}\\b`));
      expect(r.stderr + r.stdout).toContain("hint:");
      if (c.short) expect((r.stderr + r.stdout).length).toBeLessThan(2000);
      expect(r.stderr).not.toContain("internal error");
      if (c.exit === 74) expect(r.stderr).toContain("kuulo doctor");
      if (c.quiet) expect(r.stdout).toBe("");
      for (const [f, d] of before) expect(digest(join(dir, f)), `${f} changed`).toBe(d);
      for (const f of c.absent ?? []) expect(existsSync(join(dir, f)), `${f} exists`).toBe(false);
      for (const db of c.whole ?? []) expect(responsesIn(dir, db)).toBe(STORED);
      expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    });
}
