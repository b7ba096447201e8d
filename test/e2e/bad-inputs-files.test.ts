// A catalogue of bad outputs through the built binary: each case gives the command, the exit
// status and message code it must end with, and the files that must come through unchanged (the
// database still whole, the typed-in input, a filled-in workbook). Inputs that are not files and
// damaged stores: bad-stores.test.ts.
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Case, caseTests, DB, storeBench } from "../helpers/bad-files.js";

const bench = storeBench("kuulo-bad-files-");
const { GOOD } = bench;

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
];

describe("bad outputs (built binary)", () => {
  it("has at least 21 cases", () => expect(cases.length).toBeGreaterThanOrEqual(21));
  caseTests(cases, bench);
});
