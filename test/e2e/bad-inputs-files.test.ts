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
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
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
      expect(r.stderr).toContain(`[${c.code}]`);
      expect(r.stderr).toContain("hint:");
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
