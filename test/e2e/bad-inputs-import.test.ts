// A catalogue of inputs that used to be refused although valid, accepted although broken, or
// silently changed on their way through import and export. Each case runs the built binary and
// checks the exit status, the message code and that nothing was lost or changed.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { legacyRowContentHash } from "../../src/import/prepare.js";
import { openStore, recordImport } from "../../src/store/index.js";
import { runBin, tempDir } from "../helpers/cli.js";

const SURVEY = "fixtures/import/forms-survey.yaml";
const tmp = tempDir("kuulo-bad-inputs-");
afterAll(tmp.cleanup);
let n = 0;

/** A fresh path in the temporary folder. */
function path(name: string): string {
  return join(tmp.dir, `${++n}-${name}`);
}

function file(name: string, content: string | Buffer): string {
  const p = path(name);
  writeFileSync(p, content);
  return p;
}

function ok(args: string[]): string {
  const r = runBin(args);
  expect(r.code, r.stdout + r.stderr).toBe(0);
  return r.stdout + r.stderr;
}

interface Stored {
  sessionId: string | null;
  answers: Record<string, unknown>;
}

/** The responses of the survey in a database, read back through `export --format json`. */
function stored(db: string): Stored[] {
  const out = path("export.json");
  ok(["export", "paper_forms", "--db", db, "--format", "json", "--out", out]);
  return (JSON.parse(readFileSync(out, "utf8")) as { responses: Stored[] }).responses;
}

const HEADER = "form_no;visit_freq;likes_reading;books;wishes";

describe("duplicates respect the session", () => {
  it("equal forms of another workshop are new people; the same rows into the same session add nothing", () => {
    const db = path("kuulo.db");
    ok(["sessions", "create", "kirjasto-1", "--db", db]);
    ok(["sessions", "create", "kirjasto-2", "--db", db]);
    const first = file("pile1.csv", `${HEADER}\r\n1;weekly;yes;3;\r\n2;never;no;0;\r\n3;weekly;yes;3;\r\n`);
    const second = file(
      "pile2.csv",
      `${HEADER}\r\n1;weekly;yes;3;\r\n2;never;no;0;\r\n3;weekly;yes;3;\r\n\r\n`,
    );
    ok(["import", SURVEY, first, "--db", db, "--session", "kirjasto-1"]);
    const r = runBin(["import", SURVEY, second, "--db", db, "--session", "kirjasto-2"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toContain("CSV_DUPLICATE_ROW");
    const rows = stored(db);
    expect(rows.filter((x) => x.sessionId === "kirjasto-1")).toHaveLength(3);
    expect(rows.filter((x) => x.sessionId === "kirjasto-2")).toHaveLength(3);
    // The same rows into the same session again (another file's bytes): nothing new.
    const again = file("pile1-again.csv", `${HEADER}\n1;weekly;yes;3;\n2;never;no;0;\n3;weekly;yes;3;\n`);
    const r2 = runBin(["import", SURVEY, again, "--db", db, "--session", "kirjasto-2"]);
    expect(r2.code).toBe(0);
    expect(r2.stdout + r2.stderr).toContain("CSV_DUPLICATE_ROW");
    expect(stored(db)).toHaveLength(6);
  });

  it("a store whose row hashes predate sessions still refuses the forms it holds", () => {
    const db = path("old.db");
    ok(["sessions", "create", "kirjasto-1", "--db", db]);
    const store = openStore(db);
    try {
      recordImport(store, {
        fileHash: "an-older-file",
        fileName: "old.csv",
        surveyId: "paper_forms",
        importedAt: new Date(0),
        stored: 1,
        rejected: 0,
        rowHashes: [
          legacyRowContentHash(
            "paper_forms",
            { visit_freq: "weekly", likes_reading: "yes", books: 3 },
            { form_no: "1" },
          ),
        ],
      });
    } finally {
      store.close();
    }
    const csv = file("old-again.csv", `${HEADER}\r\n1;weekly;yes;3;\r\n2;never;no;0;\r\n`);
    const r = runBin(["import", SURVEY, csv, "--db", db, "--session", "kirjasto-1"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout + r.stderr).toContain("CSV_DUPLICATE_ROW");
    expect(stored(db).map((x) => x.answers.visit_freq)).toEqual(["never"]);
  });
});

/** Stores one form through `kuulo run --answers` (the way a filled form is stored without a terminal). */
function runAnswers(db: string, answers: Record<string, unknown>, extra: string[] = []): void {
  const f = file("form.json", JSON.stringify({ language: "fi", answers }));
  ok(["run", SURVEY, "--db", db, "--answers", f, ...extra]);
}

/** The answers given; skipped ones (null) are left out, since a sheet cannot tell skipped from unanswered. */
function answersOf(db: string): Record<string, unknown>[] {
  return stored(db).map((r) => Object.fromEntries(Object.entries(r.answers).filter(([, v]) => v !== null)));
}

describe("an export imports back unchanged", () => {
  const texts = [
    "=SUM(A1:A3)",
    "'=genuinely with an apostrophe",
    "''=two apostrophes",
    "-5 kirjaa, +3 lehteä",
    "@kirjasto",
    "rivi 1\nrivi 2 (Alt+Enter)",
    'rivi 1\rrivi 2 "lainaus"; puolipiste',
  ];
  for (const [i, text] of texts.entries())
    it(`text ${JSON.stringify(text)} survives export (CSV) → import → export`, () => {
      const db = path("src.db");
      runAnswers(db, { visit_freq: "rarely", barriers: ["other"], "barriers.other": text, wishes: text });
      const before = answersOf(db);
      for (const [format, extra] of [
        ["csv", []],
        ["csv", ["--delimiter", ";", "--bom"]],
      ] as const) {
        const out = path(`export-${i}.${format}`);
        const r = runBin(["export", "paper_forms", "--db", db, "--format", format, "--out", out, ...extra]);
        expect(r.code, r.stdout + r.stderr).toBe(0);
        const db2 = path("dst.db");
        const imp = runBin(["import", SURVEY, out, "--db", db2]);
        expect(imp.code, imp.stdout + imp.stderr).toBe(0);
        expect(answersOf(db2)).toEqual(before);
      }
    });
});

describe("a UTF-8 file with one line in another encoding", () => {
  const mixed = () =>
    Buffer.concat([
      Buffer.from(`${HEADER}\r\n1;weekly;yes;3;Hyvää päivää\r\n2;never;no;0;`),
      Buffer.from("Miesä öljy", "latin1"), // one row pasted in from a Windows-1252 file
      Buffer.from("\r\n3;weekly;yes;1;Åland – kyllä\r\n"),
    ]);

  it("reads the UTF-8 lines as UTF-8 and names the other one (CSV_MIXED_ENCODING)", () => {
    const db = path("mixed.db");
    const r = runBin(["import", SURVEY, file("mixed.csv", mixed()), "--db", db]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/:3: .*Windows-1252.*Miesä öljy.*\[CSV_MIXED_ENCODING\]/);
    expect(answersOf(db).map((a) => a.wishes)).toEqual(["Hyvää päivää", "Miesä öljy", "Åland – kyllä"]);
  });

  it("with --encoding utf-8, refuses the line that is not (CSV_NOT_UTF8) and stores nothing", () => {
    const db = path("mixed-given.db");
    const r = runBin(["import", SURVEY, file("mixed.csv", mixed()), "--db", db, "--encoding", "utf-8"]);
    expect(r.code, r.stdout + r.stderr).toBe(65);
    expect(r.stderr).toMatch(/:3: .*line 3 .*not UTF-8.*\[CSV_NOT_UTF8\]/);
    expect(r.stderr).toContain("hint:");
  });
});

describe("workbooks saved by other programs", () => {
  for (const [name, what] of [
    ["26-openpyxl-template.xlsx", "openpyxl (notes in xl/comments/, absolute links)"],
    ["27-other-writer.xlsx", "another writer (inline strings, notes under xl/notes/)"],
  ])
    it(`reads Kuulo's template saved by ${what}, every cell as typed`, () => {
      const db = path("xlsx.db");
      const r = runBin(["import", SURVEY, `fixtures/import/${name}`, "--db", db]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout + r.stderr).not.toContain("XLSX_CORRUPT");
      expect(answersOf(db)).toEqual([
        {
          visit_freq: "weekly",
          likes_reading: "yes",
          "image.welcoming": "3",
          "image.for_me": "3",
          books: 12,
          hours: 3.5,
          services_top: ["quiet", "easy_books"],
          dots: { events: 2, quiet: 3 },
          wishes: "Iltaisin auki\nja lauantaisin",
        },
        {
          visit_freq: "rarely",
          barriers: ["hours", "distance", "other"],
          "barriers.other": "Bussi – harvoin",
          likes_reading: "no",
          "image.welcoming": "2",
          books: 0,
          dots: { games: 5 },
          wishes: "-enemmän pelejä; @kirjasto",
        },
        {
          visit_freq: "never",
          barriers: ["none"],
          likes_reading: "dk",
          books: 2,
          hours: 0.5,
          services_top: ["job_help", "quiet"],
        },
      ]);
    });
});

describe("labels typed without the survey's typography", () => {
  const survey = () =>
    file(
      "ages.yaml",
      `kuulo: 1
id: ages
title: { fi: Ikä, en: Age }
languages: [fi, en]
sections:
  - id: s
    title: { fi: Osa, en: Part }
    questions:
      - id: age
        type: single
        text: { fi: Ikäsi?, en: Your age? }
        choices:
          - { value: a18, label: { fi: 18–24 vuotta, en: 18–24 years } }
          - { value: a25, label: { fi: 25–34 vuotta, en: 25–34 years } }
          - { value: dk, label: { fi: "En osaa sanoa", en: "Don't know" } }
          - { value: quoted, label: { fi: "”Muu” ryhmä", en: "“Other” group" } }
`,
    );

  it("a hyphen, a minus or an em dash matches the label's en dash; curly quotes match straight ones", () => {
    const db = path("ages.db");
    const csv = file(
      "ages.csv",
      'form_no;age\r\n1;25-34 vuotta\r\n2;18\u221224 years\r\n3;25 \u2014 34 vuotta\r\n4;Don\u2019t know\r\n5;"""Other"" group"\r\n6;25-34\u00a0vuotta\r\n',
    );
    const r = runBin(["import", survey(), csv, "--db", db]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const out = path("ages.json");
    ok(["export", "ages", "--db", db, "--format", "json", "--out", out]);
    const rows = (JSON.parse(readFileSync(out, "utf8")) as { responses: Stored[] }).responses;
    expect(rows.map((x) => x.answers.age)).toEqual(["a25", "a18", "a25", "dk", "quoted", "a25"]);
  });

  it("a label that is really wrong still says that dashes and quotes do not matter (CSV_BAD_VALUE)", () => {
    const db = path("ages-bad.db");
    const r = runBin([
      "import",
      survey(),
      file("ages-bad.csv", "form_no;age\r\n1;35-44 vuotta\r\n"),
      "--db",
      db,
    ]);
    expect(r.code).toBe(65);
    expect(r.stdout + r.stderr).toMatch(
      /dashes, quotes and spaces of any kind count as the same.*\[CSV_BAD_VALUE\]/,
    );
  });
});

describe("question ids that are the export's own columns", () => {
  for (const id of [
    "status",
    "language",
    "form_no",
    "response_id",
    "reject_reason",
    "session",
    "source",
    "submitted_at",
  ])
    it(`validate refuses the question id "${id}" with its position and a new name (SURVEY_RESERVED_ID)`, () => {
      const yaml = file(
        `reserved-${id}.yaml`,
        `kuulo: 1
id: reserved
title: { fi: Kysely, en: Survey }
languages: [fi, en]
sections:
  - id: s
    title: { fi: Osa, en: Part }
    questions:
      - id: visits
        type: yesno
        text: { fi: Käytkö?, en: Do you visit? }
        plain: { fi: Käytkö? }
      - id: ${id}
        type: text
        text: { fi: Mitä?, en: What? }
        plain: { fi: Mitä? }
`,
      );
      const r = runBin(["validate", yaml]);
      expect(r.code, r.stdout + r.stderr).toBe(65);
      const all = r.stdout + r.stderr;
      expect(all).toContain(`:13:13`);
      expect(all).toContain("SURVEY_RESERVED_ID");
      expect(all).toContain(`"${id}_q"`);
    });
});

describe("import --session with a slip of the keyboard", () => {
  const setup = () => {
    const db = path("sessions.db");
    ok(["sessions", "create", "kirjasto-1", "--db", db]);
    return db;
  };
  const forms = () => file("forms.csv", `${HEADER}\r\n1;weekly;yes;3;\r\n`);
  const sessions = (db: string) => {
    const r = runBin(["sessions", "list", "--db", db, "--json"]);
    return (JSON.parse(r.stdout) as { id: string }[]).map((s) => s.id);
  };

  for (const typo of ["kirjasto1", "Kirjasto_1", "kirjsato-1"])
    it(`"${typo}" for kirjasto-1 is refused with did-you-mean (STORE_UNKNOWN_SESSION) and creates nothing`, () => {
      const db = setup();
      const r = runBin(["import", SURVEY, forms(), "--db", db, "--session", typo]);
      expect(r.code, r.stdout + r.stderr).toBe(66);
      expect(r.stderr).toContain('Did you mean "kirjasto-1"?');
      expect(r.stderr).toContain("STORE_UNKNOWN_SESSION");
      expect(r.stderr).toContain("--new-session");
      expect(sessions(db)).toEqual(["kirjasto-1"]);
      // Nothing stored: the database holds no response (not even the survey) to export.
      expect(runBin(["export", "paper_forms", "--db", db, "--format", "json"]).code).toBe(66);
    });

  it("a new workshop's session is created with a notice; --new-session creates a look-alike on purpose", () => {
    const db = setup();
    const r = runBin(["import", SURVEY, forms(), "--db", db, "--session", "kirjasto-2"]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('Session "kirjasto-2" was new: it was created');
    const other = file("forms2.csv", `${HEADER}\r\n1;never;no;0;\r\n`);
    const r2 = runBin(["import", SURVEY, other, "--db", db, "--session", "kirjasto1", "--new-session"]);
    expect(r2.code, r2.stdout + r2.stderr).toBe(0);
    expect(r2.stdout).toContain('Session "kirjasto1" was new');
    expect(sessions(db).sort()).toEqual(["kirjasto-1", "kirjasto-2", "kirjasto1"]);
  });
});

describe("a file of another survey", () => {
  const baselineForms = () => {
    const csv = path("baseline-template.csv");
    ok(["template", "surveys/welcome-baseline.yaml", "--out", csv]);
    writeFileSync(csv, `${readFileSync(csv, "utf8").trimEnd()}\r\n1;yes;weekly\r\n`);
    return csv;
  };

  it("says first that it looks like another survey, with how many columns match (CSV_OTHER_SURVEY)", () => {
    const db = path("other.db");
    const r = runBin(["import", SURVEY, baselineForms(), "--db", db]);
    expect(r.code, r.stdout + r.stderr).toBe(65);
    expect(r.stderr).toMatch(
      /looks like a file of another survey: only \d+ of its \d+ question column\(s\) are columns of paper_forms \[CSV_OTHER_SURVEY\]/,
    );
    expect(r.stderr.split("\n").length).toBeLessThan(10); // not one line per unknown column
  });

  it("names the survey the database knows that fits the file better", () => {
    const db = path("other-known.db");
    ok(["surveys", "add", "surveys/welcome-baseline.yaml", "--db", db]);
    const r = runBin(["import", SURVEY, baselineForms(), "--db", db]);
    expect(r.code, r.stdout + r.stderr).toBe(65);
    expect(r.stderr).toMatch(/fits the survey welcome-baseline better: (\d+) of its \1 question column/);
    expect(r.stderr).toContain("CSV_OTHER_SURVEY");
  });
});
