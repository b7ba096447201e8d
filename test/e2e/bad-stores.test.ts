// A catalogue of inputs that are not files or far too large, and of damaged stores, through the
// built binary: each case gives the command, the exit status and message code it must end with,
// and the files that must come through unchanged. Also a database on a write-protected stick.
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Case,
  caseTests,
  DB,
  digest,
  kuulo,
  responsesIn,
  STORED,
  storeBench,
  zipBomb,
} from "../helpers/bad-files.js";
import { ROOT } from "../helpers/cli.js";

const bench = storeBench("kuulo-bad-files-");
const { tmp, GOOD } = bench;

const cases: Case[] = [
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

describe("inputs that are not files, and damaged stores (built binary)", () => {
  it("has at least 19 cases", () => expect(cases.length).toBeGreaterThanOrEqual(19));
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

  caseTests(cases, bench);
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
