// A catalogue of inputs that used to be refused although valid, accepted although broken, or
// silently changed on their way through import and export. Each case runs the built binary and
// checks the exit status, the message code and that nothing was lost or changed.
import { describe, expect, it } from "vitest";
import { legacyRowContentHash } from "../../src/import/prepare.js";
import { openStore, recordImport } from "../../src/store/index.js";
import { runBin } from "../helpers/cli.js";
import { HEADER, importWorkspace, ok, SURVEY } from "../helpers/import-workspace.js";

const { path, file, stored, runAnswers, answersOf } = importWorkspace("kuulo-bad-inputs-");

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
