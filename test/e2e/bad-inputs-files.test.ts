// A catalogue of bad outputs and damaged stores through the built binary: each case gives the
// command, the exit status and message code it must end with, and the files that must come
// through unchanged (the database still whole, the typed-in input, a filled-in workbook).

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { constants, crc32, deflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, ROOT, tempDir } from "../helpers/cli.js";

const SURVEY = join(ROOT, "surveys/welcome-baseline.yaml");
const FORMS = join(ROOT, "fixtures/demo/baseline.csv");
const STORED = 62;
const tmp = tempDir("kuulo-bad-files-");
const GOOD = join(tmp.dir, "good.db");
const DAMAGED = join(tmp.dir, "damaged.db");

function kuulo(cwd: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [process.env.KUULO_TEST_BIN ?? BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: "1", KUULO_DB: "kuulo.db", ...env },
    input: "",
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const digest = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

/** How many responses the database holds, read by the binary itself (74 if it cannot). */
function responsesIn(dir: string, db: string): number {
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

interface Case {
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

const DB = ["kuulo.db"];
const cases: Case[] = [
  // One rule for every output: never over what the command reads.
  {
    name: "export --out the database it reads (CSV)",
    args: ["export", "welcome-baseline", "--out", "kuulo.db"],
    exit: 73,
    code: "OUTPUT_IS_INPUT",
    same: DB,
    whole: DB,
    absent: ["kuulo.db.codebook.csv", "kuulo.db.codebook.md"],
  },
  {
    name: "export --out the database it reads (JSON), even with --force",
    args: ["export", "welcome-baseline", "--format", "json", "--out", "kuulo.db", "--force"],
    exit: 73,
    code: "OUTPUT_IS_INPUT",
    same: DB,
    whole: DB,
  },
  {
    name: "export --out the database it reads (XLSX)",
    args: ["export", "welcome-baseline", "--format", "xlsx", "--out", "kuulo.db"],
    exit: 73,
    code: "OUTPUT_IS_INPUT",
    same: DB,
    whole: DB,
  },
  {
    name: "export --out a link to the database",
    setup: (d) => symlinkSync(join(d, "kuulo.db"), join(d, "vastaukset.csv")),
    args: ["export", "welcome-baseline", "--out", "vastaukset.csv", "--force"],
    exit: 73,
    code: "OUTPUT_IS_INPUT",
    same: DB,
    whole: DB,
  },
  {
    name: "export --out another database, even with --force",
    setup: (d) => copyFileSync(GOOD, join(d, "kiosk2.db")),
    args: ["export", "welcome-baseline", "--out", "kiosk2.db", "--force"],
    exit: 73,
    code: "OUTPUT_IS_DATABASE",
    same: ["kuulo.db", "kiosk2.db"],
    whole: ["kiosk2.db"],
  },
  {
    name: "export --out the database's -wal file",
    setup: (d) => writeFileSync(join(d, "kuulo.db-wal"), ""),
    args: ["export", "welcome-baseline", "--out", "kuulo.db-wal", "--force"],
    exit: 73,
    code: "OUTPUT_IS_DATABASE",
    same: DB,
    whole: DB,
  },
  {
    name: "export --out the survey file it reads",
    args: ["export", "survey.yaml", "--format", "csv", "--out", "survey.yaml", "--force"],
    exit: 73,
    code: "OUTPUT_IS_INPUT",
    same: ["kuulo.db", "survey.yaml"],
  },
  {
    name: "export --out an existing file without --force",
    setup: (d) => writeFileSync(join(d, "vastaukset.csv"), "edited by hand\r\n"),
    args: ["export", "welcome-baseline", "--out", "vastaukset.csv"],
    exit: 73,
    code: "OUTPUT_EXISTS",
    same: ["kuulo.db", "vastaukset.csv"],
    absent: ["vastaukset.codebook.csv", "vastaukset.codebook.md"],
  },
  {
    name: "export whose codebook file exists already",
    setup: (d) => writeFileSync(join(d, "vastaukset.codebook.md"), "notes\n"),
    args: ["export", "welcome-baseline", "--out", "vastaukset.csv"],
    exit: 73,
    code: "OUTPUT_EXISTS",
    same: ["kuulo.db", "vastaukset.codebook.md"],
    absent: ["vastaukset.csv", "vastaukset.codebook.csv"],
  },
  // The rejects file.
  {
    name: "import --rejects the database it imports into",
    args: [
      "import",
      "survey.yaml",
      "forms.csv",
      "--session",
      "s2",
      "--skip-invalid",
      "--rejects",
      "kuulo.db",
    ],
    exit: 73,
    code: "OUTPUT_IS_INPUT",
    same: ["kuulo.db", "forms.csv"],
    whole: DB,
  },
  {
    name: "import --rejects the input file",
    args: [
      "import",
      "survey.yaml",
      "forms.csv",
      "--session",
      "s2",
      "--skip-invalid",
      "--rejects",
      "forms.csv",
    ],
    exit: 73,
    code: "OUTPUT_IS_INPUT",
    same: ["kuulo.db", "forms.csv"],
  },
  {
    name: "import --rejects the survey file, even with --force",
    args: [
      "import",
      "survey.yaml",
      "forms.csv",
      "--session",
      "s2",
      "--skip-invalid",
      "--rejects",
      "survey.yaml",
      "--force",
    ],
    exit: 73,
    code: "OUTPUT_IS_INPUT",
    same: ["kuulo.db", "forms.csv", "survey.yaml"],
  },
  {
    name: "import --rejects another database",
    setup: (d) => copyFileSync(GOOD, join(d, "kiosk2.db")),
    args: [
      "import",
      "survey.yaml",
      "forms.csv",
      "--session",
      "s2",
      "--skip-invalid",
      "--rejects",
      "kiosk2.db",
    ],
    exit: 73,
    code: "OUTPUT_IS_DATABASE",
    same: ["kuulo.db", "forms.csv", "kiosk2.db"],
  },
  {
    name: "import --skip-invalid over a rejects file being corrected",
    setup: (d) => writeFileSync(join(d, "forms.rejects.csv"), "corrected rows\r\n"),
    args: ["import", "survey.yaml", "forms.csv", "--session", "s2", "--skip-invalid"],
    exit: 73,
    code: "OUTPUT_EXISTS",
    same: ["kuulo.db", "forms.csv", "forms.rejects.csv"],
  },
  // Template, print and report.
  {
    name: "template --out a workbook already filled in",
    setup: (d) => writeFileSync(join(d, "lomakkeet.xlsx"), "typed forms"),
    args: ["template", "survey.yaml", "--out", "lomakkeet.xlsx"],
    exit: 73,
    code: "OUTPUT_EXISTS",
    same: ["lomakkeet.xlsx"],
  },
  {
    name: "template --out the database, even with --force",
    args: ["template", "survey.yaml", "--out", "kuulo.db", "--force"],
    exit: 73,
    code: "OUTPUT_IS_DATABASE",
    same: DB,
    whole: DB,
  },
  {
    name: "template --out the survey file, even with --force",
    args: ["template", "survey.yaml", "--out", "survey.yaml", "--force"],
    exit: 73,
    code: "OUTPUT_IS_INPUT",
    same: ["survey.yaml"],
  },
  {
    name: "print --out the database, even with --force",
    args: ["print", "survey.yaml", "--out", "kuulo.db", "--force"],
    exit: 73,
    code: "OUTPUT_IS_DATABASE",
    same: DB,
    whole: DB,
  },
  {
    name: "print --out an existing PDF without --force",
    setup: (d) => writeFileSync(join(d, "lomake.pdf"), "%PDF-1.4 annotated copy"),
    args: ["print", "survey.yaml", "--out", "lomake.pdf"],
    exit: 73,
    code: "OUTPUT_EXISTS",
    same: ["lomake.pdf"],
  },
  {
    name: "print --out the survey file, even with --force",
    args: ["print", "survey.yaml", "--out", "survey.yaml", "--force"],
    exit: 73,
    code: "OUTPUT_IS_INPUT",
    same: ["survey.yaml"],
  },
  {
    name: "report --out a folder holding an earlier report, without --force",
    setup: (d) => {
      mkdirSync(join(d, "raportti"));
      writeFileSync(join(d, "raportti", "report.md"), "the steering group's copy\n");
    },
    args: ["report", "welcome-baseline", "--out", "raportti", "--format", "md,json"],
    exit: 73,
    code: "OUTPUT_EXISTS",
    same: ["kuulo.db", "raportti/report.md"],
    absent: ["raportti/report.json"],
  },
  // Inputs that are not files, or far too large: refused at once, before any database is made.
  {
    name: "import /dev/zero",
    args: ["import", "survey.yaml", "/dev/zero", "--db", "new.db"],
    exit: 66,
    code: "FILE_NOT_REGULAR",
    same: DB,
    absent: ["new.db"],
  },
  {
    name: "validate /dev/zero",
    args: ["validate", "/dev/zero"],
    exit: 66,
    code: "FILE_NOT_REGULAR",
    same: [],
  },
  {
    name: "import a named pipe",
    setup: (d) => void spawnSync("mkfifo", [join(d, "pipe.csv")]),
    args: ["import", "survey.yaml", "pipe.csv"],
    exit: 66,
    code: "FILE_NOT_REGULAR",
    same: DB,
    whole: DB,
  },
  {
    name: "validate a named pipe",
    setup: (d) => void spawnSync("mkfifo", [join(d, "pipe.yaml")]),
    args: ["validate", "pipe.yaml"],
    exit: 66,
    code: "FILE_NOT_REGULAR",
    same: [],
  },
  {
    name: "verify-entry /dev/zero",
    args: ["verify-entry", "survey.yaml", "/dev/zero", "forms.csv"],
    exit: 66,
    code: "FILE_NOT_REGULAR",
    same: ["forms.csv"],
  },
  {
    name: "template /dev/zero as the survey",
    args: ["template", "/dev/zero", "--out", "t.csv"],
    exit: 66,
    code: "FILE_NOT_REGULAR",
    same: [],
    absent: ["t.csv"],
  },
  {
    name: "import a folder",
    setup: (d) => mkdirSync(join(d, "lomakkeet")),
    args: ["import", "survey.yaml", "lomakkeet", "--db", "new.db"],
    exit: 66,
    code: "FILE_IS_DIRECTORY",
    same: [],
    absent: ["new.db"],
  },
  {
    name: "import a CSV of more than 4 GiB (sparse), refused before reading",
    setup: (d) => {
      writeFileSync(join(d, "huge.csv"), "form_no;visited_12m\r\n");
      truncateSync(join(d, "huge.csv"), 4 * 1024 ** 3 + 1);
    },
    args: ["import", "survey.yaml", "huge.csv", "--db", "new.db"],
    exit: 65,
    code: "IMPORT_TOO_LARGE",
    same: [],
    absent: ["new.db"],
  },
  {
    name: "import a workbook of more than 100 MB (sparse)",
    setup: (d) => {
      writeFileSync(join(d, "huge.xlsx"), Buffer.from([0x50, 0x4b, 0x03, 0x04]));
      truncateSync(join(d, "huge.xlsx"), 101 * 1024 ** 2);
    },
    args: ["import", "survey.yaml", "huge.xlsx", "--db", "new.db"],
    exit: 65,
    code: "XLSX_TOO_LARGE",
    same: [],
    absent: ["new.db"],
  },
  {
    name: "import a zip bomb named .xlsx",
    setup: (d) => zipBomb(join(d, "lomakkeet.xlsx")),
    args: ["import", "survey.yaml", "lomakkeet.xlsx", "--db", "new.db"],
    exit: 65,
    code: "XLSX_TOO_LARGE",
    same: ["lomakkeet.xlsx"],
    absent: ["new.db"],
  },
  {
    name: "a survey nested 100 000 brackets deep",
    setup: (d) =>
      writeFileSync(
        join(d, "deep.yaml"),
        `kuulo: 1\nid: x\ntitle: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`,
      ),
    args: ["validate", "deep.yaml"],
    exit: 65,
    code: "SURVEY_TOO_DEEP",
    same: ["deep.yaml"],
    short: true,
  },
  {
    name: "a 900 kB show_if is echoed as a short excerpt",
    setup: (d) =>
      writeFileSync(
        join(d, "long.yaml"),
        readFileSync(join(ROOT, "fixtures/surveys/valid/minimal.yaml"), "utf8").replace(
          "show_if: visit_freq in ['monthly', 'never']",
          `show_if: "visit_freq in ['monthly', 'never'] and (${"x".repeat(900_000)}"`,
        ),
      ),
    args: ["validate", "long.yaml"],
    exit: 65,
    code: "SURVEY_EXPR_SYNTAX",
    same: ["long.yaml"],
    short: true,
  },
  // Damaged databases: storage problems with the doctor hint, never "a bug".
  {
    name: "export from a damaged database to standard output",
    damaged: true,
    args: ["export", "welcome-baseline"],
    exit: 74,
    code: "STORE_CORRUPT",
    same: DB,
    quiet: true,
  },
  {
    name: "export from a damaged database to a file",
    damaged: true,
    args: ["export", "welcome-baseline", "--out", "vastaukset.csv"],
    exit: 74,
    code: "STORE_CORRUPT",
    same: DB,
    absent: ["vastaukset.csv", "vastaukset.codebook.csv", "vastaukset.codebook.md"],
  },
  {
    name: "report from a damaged database",
    damaged: true,
    args: ["report", "welcome-baseline"],
    exit: 74,
    code: "STORE_CORRUPT",
    same: DB,
  },
  {
    name: "responses list from a damaged database",
    damaged: true,
    args: ["responses", "list", "welcome-baseline"],
    exit: 74,
    code: "STORE_CORRUPT",
    same: DB,
    quiet: true,
  },
  {
    name: "responses list --json from a damaged database",
    damaged: true,
    args: ["responses", "list", "welcome-baseline", "--json"],
    exit: 74,
    code: "STORE_CORRUPT",
    same: DB,
    quiet: true,
  },
  {
    name: "merge a damaged source into a new file",
    damaged: true,
    args: ["merge", "kuulo.db", "--into", "kaikki.db"],
    exit: 74,
    code: "STORE_CORRUPT",
    same: DB,
    absent: ["kaikki.db", "kaikki.db-wal", "kaikki.db-shm"],
  },
  {
    name: "merge a damaged source into an existing database",
    damaged: true,
    setup: (d) => copyFileSync(GOOD, join(d, "kaikki.db")),
    args: ["merge", "kuulo.db", "--into", "kaikki.db"],
    exit: 74,
    code: "STORE_CORRUPT",
    same: ["kuulo.db", "kaikki.db"],
    whole: ["kaikki.db"],
  },
];

/** A workbook whose one sheet unpacks to 600 MB of spaces (about 0.6 MB packed): a zip bomb. */
function zipBomb(path: string): void {
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

beforeAll(() => {
  const r = kuulo(tmp.dir, ["import", SURVEY, FORMS, "--db", GOOD, "--session", "kevat-1"]);
  expect(r.code, r.stderr).toBe(0);
  // Closed cleanly, so that a copy of good.db alone is the whole database.
  expect(existsSync(`${GOOD}-wal`)).toBe(false);
  damage(GOOD, DAMAGED);
});
afterAll(() => tmp.cleanup());

describe("bad outputs and damaged stores (built binary)", () => {
  it("has at least 25 cases", () => expect(cases.length).toBeGreaterThanOrEqual(25));
  it("builds a real zip bomb: 0.6 MB packed, 600 MB unpacked", () => {
    const bomb = join(tmp.dir, "bomb.xlsx");
    zipBomb(bomb);
    expect(readFileSync(bomb).length).toBeLessThan(1_000_000);
    const r = spawnSync(
      "python3",
      [
        "-c",
        `import zipfile; z=zipfile.ZipFile(${JSON.stringify(bomb)}); print(z.testzip(), z.infolist()[0].file_size)`,
      ],
      { encoding: "utf8" },
    );
    if (r.status === 0) expect(r.stdout.trim()).toBe(`None ${600 * 2 ** 20}`);
  });

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
});

/**
 * A read-only folder holding good.db: a read-only bind mount where this process may make one
 * (root on Linux: the way a write-protected stick behaves, even for root), else the folder's
 * write bits removed (which Kuulo treats as read-only for root too).
 */
function readOnlyFolder(): { dir: string; how: string; release: () => void } {
  const src = join(tmp.dir, "stick-files");
  const dir = join(tmp.dir, "stick");
  mkdirSync(src);
  mkdirSync(dir);
  copyFileSync(GOOD, join(src, "kuulo.db"));
  const sh = (cmd: string, ...args: string[]) => spawnSync(cmd, args, { encoding: "utf8" }).status === 0;
  if (process.getuid?.() === 0 && sh("mount", "--bind", src, dir)) {
    if (sh("mount", "-o", "remount,bind,ro", dir))
      return { dir, how: "read-only mount", release: () => void sh("umount", dir) };
    sh("umount", dir);
  }
  copyFileSync(GOOD, join(dir, "kuulo.db"));
  chmodSync(dir, 0o555);
  return { dir, how: "folder mode 0555", release: () => chmodSync(dir, 0o755) };
}

describe("a database on a write-protected stick (built binary)", () => {
  let stick: ReturnType<typeof readOnlyFolder>;
  let db: string;
  let before: string;
  beforeAll(() => {
    stick = readOnlyFolder();
    db = join(stick.dir, "kuulo.db");
    before = digest(db);
  });
  afterAll(() => stick?.release());

  const readers: [string, (out: string) => string[]][] = [
    ["report", () => ["report", "welcome-baseline", "--db", db]],
    [
      "report --out",
      (out) => ["report", "welcome-baseline", "--db", db, "--out", join(out, "r"), "--format", "md"],
    ],
    ["export", (out) => ["export", "welcome-baseline", "--db", db, "--out", join(out, "e.csv")]],
    ["responses list", () => ["responses", "list", "welcome-baseline", "--db", db]],
    ["surveys list", () => ["surveys", "list", "--db", db]],
    ["doctor", () => ["doctor", "--db", db]],
    ["merge from it", (out) => ["merge", db, "--into", join(out, "kaikki.db")]],
  ];
  for (const [name, args] of readers)
    it(`${name} reads it, changes nothing and leaves no -wal or -shm beside it`, () => {
      const out = join(tmp.dir, `ro-${name.replace(/\W+/g, "-")}`);
      mkdirSync(out);
      const r = kuulo(out, args(out));
      expect(r.code, `${stick.how}: ${r.stderr}`).toBe(0);
      expect(readdirSync(stick.dir)).toEqual(["kuulo.db"]);
      expect(digest(db)).toBe(before);
      if (name === "merge from it") expect(responsesIn(out, join(out, "kaikki.db"))).toBe(STORED);
      if (name === "doctor") expect(r.stdout).toContain(`${STORED} response(s)`);
    });
});
